// The blocking index of duplicate candidates, built once per graph version (the route
// caches it): every entity's names parsed once (duplicateNames.ts), and each name's words
// and pairs of words, by their loose spelling keys, listed with the entities that have
// them. Two entities are compared only when they share such a key, so a cross-reference of
// the whole graph compares the few entities with a word in common instead of every pair.
// A key that more than MAX_BLOCK entities share ("john", "holdings") picks no candidates:
// a rarer key, or the pair of words "john smith", still does.
import type { EvidenceGraph } from '../model/evidenceGraph';
import { parseName, type ParsedName } from './duplicateNames';

/** A key shared by more entities than this is too common to pick candidates by. */
export const MAX_BLOCK = 100;
/** Names of more words than this give single words as keys, not pairs of words. */
const MAX_WORDS_PAIRED = 6;

export interface DuplicateEntry {
  id: string;
  name: string;
  type: string;
  countryCode?: string;
  /** The name first, then the aliases; names without letters or digits left out. */
  names: ParsedName[];
}

export interface DuplicateIndex {
  entries: DuplicateEntry[];
  position: Map<string, number>;
  /** key → positions of the entities with a name that has it, each once, ascending. */
  blocks: Map<string, number[]>;
}

/** The blocking keys of an entity: each word of two letters or more, and each pair of them in a name. */
export function blockingKeys(names: readonly ParsedName[]): Set<string> {
  const keys = new Set<string>();
  for (const name of names) {
    const words = [...new Set(name.keys.filter((key) => key.length >= 2))].sort();
    for (const word of words) keys.add(word);
    if (words.length > MAX_WORDS_PAIRED) continue;
    for (let i = 0; i < words.length; i++)
      for (let j = i + 1; j < words.length; j++) keys.add(`${words[i]} ${words[j]}`);
  }
  return keys;
}

export function buildDuplicateIndex(graph: EvidenceGraph): DuplicateIndex {
  const entries: DuplicateEntry[] = [];
  const position = new Map<string, number>();
  const blocks = new Map<string, number[]>();
  graph.forEachNode((id, attributes) => {
    const names: ParsedName[] = [];
    const seen = new Set<string>();
    const add = (text: string, field: ParsedName['field']) => {
      const parsed = parseName(text, field);
      const key = parsed?.keys.join(' ');
      if (!parsed || seen.has(key!)) return;
      seen.add(key!);
      names.push(parsed);
    };
    add(attributes.label, 'name');
    for (const alias of attributes.aliases) add(alias, 'alias');
    const at = entries.length;
    entries.push({
      id,
      name: attributes.label,
      type: attributes.type,
      ...(attributes.countryCode !== undefined ? { countryCode: attributes.countryCode } : {}),
      names,
    });
    position.set(id, at);
    for (const key of blockingKeys(names)) {
      const block = blocks.get(key);
      if (block) block.push(at);
      else blocks.set(key, [at]);
    }
  });
  return { entries, position, blocks };
}

/** The positions of the entities after `after` that share a key with entity `at` (itself left out), each once. */
export function candidatesOf(index: DuplicateIndex, at: number, after = -1): Set<number> {
  const found = new Set<number>();
  for (const key of blockingKeys(index.entries[at].names)) {
    const block = index.blocks.get(key)!;
    if (block.length > MAX_BLOCK) continue;
    for (const other of block) if (other !== at && other > after) found.add(other);
  }
  return found;
}
