// The search index over entity names and aliases, built once per dataset version (the
// store caches it) so a search looks words up instead of scanning every entity:
//   - postings: word → the names containing it (exact word matches);
//   - sorted words: binary search gives every word starting with a prefix;
//   - deletion variants (SymSpell): every word and each of its one-letter deletions →
//     the words, so words within one typo of a query word are found by lookup.
import type { EvidenceGraph } from '../model/evidenceGraph';
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
  deletions: Map<string, string[]>;
}

/** Words shorter than this get no typo tolerance: one typo in three letters is another word. */
export const MIN_FUZZY_LENGTH = 4;

export function deletionVariants(word: string): string[] {
  const variants = new Set<string>([word]);
  for (let i = 0; i < word.length; i++) variants.add(word.slice(0, i) + word.slice(i + 1));
  return [...variants];
}

export function buildSearchIndex(graph: EvidenceGraph): SearchIndex {
  const names: IndexedName[] = [];
  graph.forEachNode((entity, attributes) => {
    const seen = new Set<string>();
    const add = (text: string, field: IndexedName['field']) => {
      const normalized = normalizeText(text);
      if (normalized === '' || seen.has(normalized)) return;
      seen.add(normalized);
      names.push({ entity, text, field, normalized, words: tokenize(text) });
    };
    add(attributes.label, 'name');
    for (const alias of attributes.aliases) add(alias, 'alias');
  });

  const postings = new Map<string, number[]>();
  names.forEach((name, index) => {
    for (const word of new Set(name.words)) {
      const list = postings.get(word);
      if (list) list.push(index);
      else postings.set(word, [index]);
    }
  });
  const sortedWords = [...postings.keys()].sort();
  const deletions = new Map<string, string[]>();
  for (const word of sortedWords) {
    if (word.length < MIN_FUZZY_LENGTH - 1) continue;
    for (const variant of deletionVariants(word)) {
      const list = deletions.get(variant);
      if (list) list.push(word);
      else deletions.set(variant, [word]);
    }
  }
  return { names, postings, sortedWords, deletions };
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
