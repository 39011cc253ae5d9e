// Ranked entity search over names and aliases: case and accent insensitive, prefix and
// typo tolerant. Every query word must match a word of the same name or alias, exactly
// (3 points), as a prefix (2) or within one typo (1); a name equal to the query gets 10
// more, a name starting with it 4 more; each extra word in the name costs 0.6, so the
// shortest fitting alias wins. Each entity is reported once, with its best-matching name.
import type { EvidenceGraph } from '../model/evidenceGraph';
import type { SearchHit } from '../model/api';
import { editDistanceWithin } from './editDistance';
import { tokenize, normalizeText } from './normalizeText';
import { deletionVariants, MIN_FUZZY_LENGTH, wordsWithPrefix, type SearchIndex } from './searchIndex';

export interface SearchParams {
  q: string;
  types?: string[];
  limit: number;
  offset: number;
}

export interface SearchResult {
  total: number;
  hits: SearchHit[];
}

type Quality = 'exact' | 'prefix' | 'fuzzy';
const QUALITY_POINTS: Record<Quality, number> = { exact: 3, prefix: 2, fuzzy: 1 };

/** The indexed words a query word matches, with how well. */
function matchingWords(index: SearchIndex, queryWord: string): Map<string, Quality> {
  const matches = new Map<string, Quality>();
  for (const word of wordsWithPrefix(index, queryWord)) matches.set(word, word === queryWord ? 'exact' : 'prefix');
  if (queryWord.length >= MIN_FUZZY_LENGTH) {
    for (const variant of deletionVariants(queryWord)) {
      for (const word of index.deletions.get(variant) ?? []) {
        if (!matches.has(word) && editDistanceWithin(queryWord, word, 1) !== undefined) matches.set(word, 'fuzzy');
      }
    }
  }
  return matches;
}

export function searchEntities(graph: EvidenceGraph, index: SearchIndex, params: SearchParams): SearchResult {
  const queryWords = [...new Set(tokenize(params.q))];
  const query = normalizeText(params.q);
  const types = params.types && new Set(params.types);
  const best = new Map<string, { score: number; matched: SearchHit['matched'] }>();

  // An id typed exactly (elon-musk, country:RU) is the best possible hit.
  if (graph.hasNode(params.q.trim()))
    best.set(params.q.trim(), { score: 100, matched: { text: params.q.trim(), field: 'id', how: 'exact' } });

  if (queryWords.length > 0) {
    const perWord = queryWords.map((word) => matchingWords(index, word));
    // Candidates: names containing a match for the rarest query word.
    const rarest = perWord.reduce((a, b) => (a.size <= b.size ? a : b));
    const candidates = new Set<number>();
    for (const word of rarest.keys()) for (const name of index.postings.get(word) ?? []) candidates.add(name);

    for (const nameIndex of candidates) {
      const name = index.names[nameIndex];
      let points = 0;
      let fuzzy = false;
      let allMatched = true;
      for (const matches of perWord) {
        let bestQuality: Quality | undefined;
        for (const word of name.words) {
          const quality = matches.get(word);
          if (quality && (bestQuality === undefined || QUALITY_POINTS[quality] > QUALITY_POINTS[bestQuality]))
            bestQuality = quality;
        }
        if (!bestQuality) {
          allMatched = false;
          break;
        }
        points += QUALITY_POINTS[bestQuality];
        if (bestQuality === 'fuzzy') fuzzy = true;
      }
      if (!allMatched) continue;
      let how: SearchHit['matched']['how'] = fuzzy ? 'fuzzy' : 'words';
      if (name.normalized === query) {
        points += 10;
        how = 'exact';
      } else if (!fuzzy && name.normalized.startsWith(query)) {
        points += 4;
        how = 'prefix';
      }
      points -= 0.6 * Math.max(0, name.words.length - queryWords.length);
      const score = Math.round(points * 100) / 100;
      const current = best.get(name.entity);
      if (!current || score > current.score)
        best.set(name.entity, { score, matched: { text: name.text, field: name.field, how } });
    }
  }

  const hits: SearchHit[] = [];
  for (const [entity, { score, matched }] of best) {
    const attributes = graph.getNodeAttributes(entity);
    if (types && !types.has(attributes.type)) continue;
    const hit: SearchHit = {
      id: entity,
      name: attributes.label,
      type: attributes.type,
      degree: attributes.degree,
      score,
      matched,
    };
    if (attributes.kind !== undefined) hit.kind = attributes.kind;
    if (attributes.description !== undefined) hit.description = attributes.description;
    hits.push(hit);
  }
  hits.sort(
    (a, b) => b.score - a.score || b.degree - a.degree || a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1),
  );
  return { total: hits.length, hits: hits.slice(params.offset, params.offset + params.limit) };
}
