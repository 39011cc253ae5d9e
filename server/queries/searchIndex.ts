// The search index over entity names and aliases, built once (the snapshot holder caches
// it) and brought up to date by each write (updateSearchIndex: the names of the entities
// it changed leave and come back), so a search looks words up instead of scanning every
// entity:
//   - postings: word → the names containing it (exact word matches);
//   - sorted words: binary search gives every word starting with a prefix;
//   - deletion variants (SymSpell): every word and each of its one-letter deletions →
//     the words, so words within one typo of a query word are found by lookup.
import type { EvidenceGraph } from '../model/evidenceGraph';
import type { NodeAttributes } from '../model/graph';
import type { GraphChange } from '../model/graphChange';
import { tokenize, normalizeText } from './normalizeText';

export interface IndexedName {
  entity: string;
  /** The name or alias as the data spells it. */
  text: string;
  field: 'name' | 'alias';
  normalized: string;
  words: string[];
}

export interface SearchIndex {
  names: IndexedName[];
  postings: Map<string, number[]>;
  sortedWords: string[];
  /** Sorted words under each deletion variant. */
  deletions: Map<string, string[]>;
  /** Each entity's names (positions in `names`); a name that left is no longer in any posting. */
  byEntity: Map<string, number[]>;
}

/** Words shorter than this get no typo tolerance: one typo in three letters is another word. */
export const MIN_FUZZY_LENGTH = 4;

export function deletionVariants(word: string): string[] {
  const variants = new Set<string>([word]);
  for (let i = 0; i < word.length; i++) variants.add(word.slice(0, i) + word.slice(i + 1));
  return [...variants];
}

export function buildSearchIndex(graph: EvidenceGraph): SearchIndex {
  const index: SearchIndex = {
    names: [],
    postings: new Map(),
    sortedWords: [],
    deletions: new Map(),
    byEntity: new Map(),
  };
  graph.forEachNode((entity, attributes) => addNames(index, entity, attributes));
  index.sortedWords = [...index.postings.keys()].sort();
  for (const word of index.sortedWords) {
    if (word.length < MIN_FUZZY_LENGTH - 1) continue;
    for (const variant of deletionVariants(word)) {
      const list = index.deletions.get(variant);
      if (list) list.push(word);
      else index.deletions.set(variant, [word]);
    }
  }
  return index;
}

/** Appends the entity's name and aliases; `onNewWord` hears each word no name had before. */
function addNames(
  index: SearchIndex,
  entity: string,
  attributes: Pick<NodeAttributes, 'label' | 'aliases'>,
  onNewWord?: (word: string) => void,
): void {
  const seen = new Set<string>();
  const positions: number[] = [];
  const add = (text: string, field: IndexedName['field']) => {
    const normalized = normalizeText(text);
    if (normalized === '' || seen.has(normalized)) return;
    seen.add(normalized);
    const position = index.names.length;
    const name: IndexedName = { entity, text, field, normalized, words: tokenize(text) };
    index.names.push(name);
    positions.push(position);
    for (const word of new Set(name.words)) {
      const list = index.postings.get(word);
      if (list) list.push(position);
      else {
        index.postings.set(word, [position]);
        onNewWord?.(word);
      }
    }
  };
  add(attributes.label, 'name');
  for (const alias of attributes.aliases) add(alias, 'alias');
  if (positions.length > 0) index.byEntity.set(entity, positions);
}

/** Where `word` stands (or would stand) in a sorted list. */
function sortedPosition(words: readonly string[], word: string): number {
  let low = 0;
  let high = words.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (words[middle] < word) low = middle + 1;
    else high = middle;
  }
  return low;
}

function insertWord(index: SearchIndex, word: string): void {
  index.sortedWords.splice(sortedPosition(index.sortedWords, word), 0, word);
  if (word.length < MIN_FUZZY_LENGTH - 1) return;
  for (const variant of deletionVariants(word)) {
    const list = index.deletions.get(variant);
    if (list) list.splice(sortedPosition(list, word), 0, word);
    else index.deletions.set(variant, [word]);
  }
}

function removeWord(index: SearchIndex, word: string): void {
  index.sortedWords.splice(sortedPosition(index.sortedWords, word), 1);
  if (word.length < MIN_FUZZY_LENGTH - 1) return;
  for (const variant of deletionVariants(word)) {
    const list = index.deletions.get(variant);
    if (!list) continue;
    list.splice(sortedPosition(list, word), 1);
    if (list.length === 0) index.deletions.delete(variant);
  }
}

/** Takes the entity's names out of every posting (and words no other name has out of the index). */
function removeNames(index: SearchIndex, entity: string): void {
  for (const position of index.byEntity.get(entity) ?? []) {
    for (const word of new Set(index.names[position].words)) {
      const list = index.postings.get(word)!.filter((p) => p !== position);
      if (list.length > 0) index.postings.set(word, list);
      else {
        index.postings.delete(word);
        removeWord(index, word);
      }
    }
  }
  index.byEntity.delete(entity);
}

/**
 * The index after a write: the names of the entities it added, changed or removed leave,
 * and those still on the graph come back with their new names. Searches then give what
 * an index built from the new graph gives (tests/unit/graph/applyDelta.test.ts).
 */
export function updateSearchIndex(index: SearchIndex, change: GraphChange, graph: EvidenceGraph): SearchIndex {
  const touched = new Set([...change.entitiesChanged, ...change.entitiesRemoved]);
  for (const entity of touched) removeNames(index, entity);
  for (const entity of touched)
    if (graph.hasNode(entity))
      addNames(index, entity, graph.getNodeAttributes(entity), (word) => insertWord(index, word));
  return index;
}

/** Every indexed word that starts with `prefix` (binary search over the sorted words). */
export function wordsWithPrefix(index: SearchIndex, prefix: string): string[] {
  const words = index.sortedWords;
  let low = 0;
  let high = words.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (words[middle] < prefix) low = middle + 1;
    else high = middle;
  }
  const out: string[] = [];
  for (let i = low; i < words.length && words[i].startsWith(prefix); i++) out.push(words[i]);
  return out;
}
