// Duplicate candidates: for one entity (the route) or the whole graph (`claimgraph xref`),
// the entities that may be the same, each with a score in [0, 1] and the reasons in words.
// Candidates come from the blocking index (duplicateIndex.ts); each pair is scored by its
// best pair of names (duplicateNames.ts), then shared neighbours and countries move it:
//   - at least a name half matching ("Musk" in "Elon Musk") is needed to be a candidate;
//   - entities of different types (a person and an organization) are candidates only when
//     a name matches as a whole (0.95 or more, words in another order included), and lose 0.2;
//   - each shared neighbour adds 0.05, up to three;
//   - a country in common adds 0.05, countries known for both and none in common take 0.1;
//     two country entities with different codes are never candidates.
// Pairs judged "not the same" (curation) are left out, in either direction.
import type { EvidenceGraph } from '../model/evidenceGraph';
import { compareNames, nameScore, type ParsedName } from './duplicateNames';
import { candidatesOf, type DuplicateEntry, type DuplicateIndex } from './duplicateIndex';

/** Below this name score a pair is no candidate, whatever else it shares. */
export const MIN_NAME_SCORE = 0.5;
/** Entities of different types need a name this strong to be candidates. */
export const MIN_NAME_SCORE_ACROSS_TYPES = 0.95;
export const DEFAULT_MIN_SCORE = 0.5;
/** Edges that place their subject in a country (their object): a person's office, an agency's state. */
const AFFILIATIONS = new Set(['part_of', 'holds_position', 'member_of']);
const NAMED_NEIGHBOURS = 5;
const COUNTRY_TYPE = 'country';

export interface DuplicateCandidate {
  id: string;
  name: string;
  type: string;
  score: number;
  reasons: string[];
}

export interface DuplicateOptions {
  limit: number;
  minScore?: number;
  /** Whether the pair was judged not the same (either order). */
  notSame?: (a: string, b: string) => boolean;
}

/** What makes a pair a candidate, before it is put in words. */
interface PairEvidence {
  score: number;
  names: [ParsedName, ParsedName];
  typesDiffer: boolean;
  shared: string[];
  countries?: { same: string[] } | { first: string[]; second: string[] };
}

/** Neighbours and countries of entities, read from the graph once each. */
class GraphFacts {
  private readonly countrySets = new Map<string, string[]>();
  constructor(private readonly graph: EvidenceGraph) {}

  /** The neighbours of both (neither of the two), by id: the fewer neighbours of the two are looked up in the other's. */
  sharedNeighbours(a: string, b: string): string[] {
    const [few, many] = this.graph.degree(a) <= this.graph.degree(b) ? [a, b] : [b, a];
    const shared: string[] = [];
    this.graph.forEachNeighbor(few, (id) => {
      if (id !== a && id !== b && this.graph.areNeighbors(many, id)) shared.push(id);
    });
    return shared.sort();
  }

  /** Its own country code, and the codes of the countries it is part of, holds a position in or is a member of. */
  countries(entry: DuplicateEntry): string[] {
    let codes = this.countrySets.get(entry.id);
    if (codes) return codes;
    const found = new Set<string>();
    if (entry.countryCode !== undefined) found.add(entry.countryCode);
    this.graph.forEachOutEdge(entry.id, (_edge, attributes, _source, target) => {
      if (!AFFILIATIONS.has(attributes.type)) return;
      const code = this.graph.getNodeAttribute(target, 'countryCode');
      if (code !== undefined && this.graph.getNodeAttribute(target, 'type') === COUNTRY_TYPE) found.add(code);
    });
    codes = [...found].sort();
    this.countrySets.set(entry.id, codes);
    return codes;
  }

  /** The code of a country entity; undefined for any other. */
  countryCodeOf(id: string): string | undefined {
    const attributes = this.graph.getNodeAttributes(id);
    return attributes.type === COUNTRY_TYPE ? attributes.countryCode : undefined;
  }

  label(id: string): string {
    return this.graph.getNodeAttribute(id, 'label');
  }
}

/** The pair of names that compares best (the first of equals, the name before the aliases). */
function bestNames(
  a: DuplicateEntry,
  b: DuplicateEntry,
): { names: [ParsedName, ParsedName]; score: number } | undefined {
  let best: { names: [ParsedName, ParsedName]; score: number } | undefined;
  for (const x of a.names) {
    for (const y of b.names) {
      const score = nameScore(x, y);
      if (score > 0 && (!best || score > best.score)) best = { names: [x, y], score };
    }
    if (best?.score === 1) break;
  }
  return best;
}

function scorePair(facts: GraphFacts, a: DuplicateEntry, b: DuplicateEntry): PairEvidence | undefined {
  if (a.type === COUNTRY_TYPE && b.type === COUNTRY_TYPE && a.countryCode !== b.countryCode) return undefined;
  const best = bestNames(a, b);
  if (!best || best.score < MIN_NAME_SCORE) return undefined;
  const typesDiffer = a.type !== b.type;
  if (typesDiffer && best.score < MIN_NAME_SCORE_ACROSS_TYPES) return undefined;
  let score = best.score - (typesDiffer ? 0.2 : 0);

  const first = facts.countries(a);
  const second = facts.countries(b);
  let countries: PairEvidence['countries'];
  let same: string[] = [];
  if (first.length > 0 && second.length > 0) {
    same = first.filter((code) => second.includes(code));
    countries = same.length > 0 ? { same } : { first, second };
    score += same.length > 0 ? 0.05 : -0.1;
  }

  // A country both are placed in counts as the same country, not once more as a neighbour.
  const shared = facts
    .sharedNeighbours(a.id, b.id)
    .filter((id) => same.length === 0 || !same.includes(facts.countryCodeOf(id) ?? ''));
  score += 0.05 * Math.min(3, shared.length);
  score = Math.round(Math.min(1, Math.max(0, score)) * 1000) / 1000;
  return { score, names: best.names, typesDiffer, shared, countries };
}

const quoted = (name: ParsedName) => `${name.field} "${name.text}"`;

/** The evidence in words, from `a`'s side when `flipped` is false (else from b's). */
function reasonsOf(facts: GraphFacts, evidence: PairEvidence, a: DuplicateEntry, b: DuplicateEntry, flipped: boolean) {
  const [own, other] = flipped ? [evidence.names[1], evidence.names[0]] : evidence.names;
  const [first, second] = flipped ? [b, a] : [a, b];
  const how = compareNames(evidence.names[0], evidence.names[1])!.how;
  const reasons = [`${quoted(own)} ~ ${quoted(other)}: ${how}`];
  if (evidence.typesDiffer) reasons.push(`different types: ${first.type} and ${second.type}`);
  const { shared } = evidence;
  if (shared.length > 0) {
    const names = shared.map((id) => facts.label(id)).sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
    const more = names.length > NAMED_NEIGHBOURS ? `, and ${names.length - NAMED_NEIGHBOURS} more` : '';
    reasons.push(
      `${shared.length} shared ${shared.length === 1 ? 'neighbour' : 'neighbours'}: ${names.slice(0, NAMED_NEIGHBOURS).join(', ')}${more}`,
    );
  }
  const countries = evidence.countries;
  if (countries && 'same' in countries) reasons.push(`same country: ${countries.same.join(', ')}`);
  else if (countries) {
    const [mine, theirs] = flipped ? [countries.second, countries.first] : [countries.first, countries.second];
    reasons.push(`different countries: ${mine.join(', ')} and ${theirs.join(', ')}`);
  }
  return reasons;
}

/** Pairs are scored in one orientation, the smaller id first, so the route and xref agree. */
function orient(index: DuplicateIndex, x: number, y: number): [DuplicateEntry, DuplicateEntry] {
  const [a, b] = [index.entries[x], index.entries[y]];
  return a.id < b.id ? [a, b] : [b, a];
}

const byScoreThenId = (x: { score: number; id: string }, y: { score: number; id: string }) =>
  y.score - x.score || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);

/** The candidates of entity `id`, best first (ties by id); undefined when the graph has no such entity. */
export function findDuplicates(
  graph: EvidenceGraph,
  index: DuplicateIndex,
  id: string,
  options: DuplicateOptions,
): { total: number; candidates: DuplicateCandidate[] } | undefined {
  const at = index.position.get(id);
  if (at === undefined) return undefined;
  const facts = new GraphFacts(graph);
  const minScore = options.minScore ?? DEFAULT_MIN_SCORE;
  const found: Array<{ id: string; score: number; a: DuplicateEntry; b: DuplicateEntry; evidence: PairEvidence }> = [];
  for (const other of candidatesOf(index, at)) {
    const [a, b] = orient(index, at, other);
    const otherId = index.entries[other].id;
    if (options.notSame?.(id, otherId)) continue;
    const evidence = scorePair(facts, a, b);
    if (evidence && evidence.score >= minScore) found.push({ id: otherId, score: evidence.score, a, b, evidence });
  }
  found.sort(byScoreThenId);
  const candidates = found.slice(0, options.limit).map(({ id: otherId, score, a, b, evidence }) => {
    const entry = index.entries[index.position.get(otherId)!];
    return {
      id: otherId,
      name: entry.name,
      type: entry.type,
      score,
      reasons: reasonsOf(facts, evidence, a, b, a.id !== id),
    };
  });
  return { total: found.length, candidates };
}

export interface DuplicatePair {
  score: number;
  /** The two entities, the smaller id first. */
  a: { id: string; name: string; type: string };
  b: { id: string; name: string; type: string };
  reasons: string[];
}

/**
 * The positions (in `scores`) of the `limit` best, best first, ties by `key`. Scores have
 * three decimals, so counting them by value finds the lowest score still needed, and only
 * those at or above it are sorted: a cross-reference keeps millions of pairs at 100k entities.
 */
function best(scores: readonly number[], limit: number, key: (at: number) => string): number[] {
  const counts = new Uint32Array(1001);
  for (const score of scores) counts[Math.round(score * 1000)]++;
  let cutoff = 1000;
  for (let needed = limit; cutoff > 0 && needed > counts[cutoff]; cutoff--) needed -= counts[cutoff];
  const kept: number[] = [];
  scores.forEach((score, at) => {
    if (Math.round(score * 1000) >= cutoff) kept.push(at);
  });
  const keys = new Map(kept.map((at) => [at, key(at)]));
  kept.sort((x, y) => scores[y] - scores[x] || (keys.get(x)! < keys.get(y)! ? -1 : 1));
  return kept.slice(0, limit);
}

/** Every candidate pair of the graph, best first (ties by the two ids), at most `limit`. */
export function crossReference(
  graph: EvidenceGraph,
  index: DuplicateIndex,
  options: DuplicateOptions,
): { total: number; pairs: DuplicatePair[] } {
  const facts = new GraphFacts(graph);
  const minScore = options.minScore ?? DEFAULT_MIN_SCORE;
  // Kept as numbers only (the two positions, the score): the evidence is found again for the pairs shown.
  const scores: number[] = [];
  const firsts: number[] = [];
  const seconds: number[] = [];
  index.entries.forEach((_entry, at) => {
    for (const other of candidatesOf(index, at, at)) {
      const [a, b] = orient(index, at, other);
      if (options.notSame?.(a.id, b.id)) continue;
      const evidence = scorePair(facts, a, b);
      if (!evidence || evidence.score < minScore) continue;
      scores.push(evidence.score);
      firsts.push(index.position.get(a.id)!);
      seconds.push(index.position.get(b.id)!);
    }
  });
  const entity = ({ id, name, type }: DuplicateEntry) => ({ id, name, type });
  const pairKey = (at: number) => `${index.entries[firsts[at]].id}\u0000${index.entries[seconds[at]].id}`;
  const pairs = best(scores, options.limit, pairKey).map((at) => {
    const [a, b] = [index.entries[firsts[at]], index.entries[seconds[at]]];
    const evidence = scorePair(facts, a, b)!;
    return { score: evidence.score, a: entity(a), b: entity(b), reasons: reasonsOf(facts, evidence, a, b, false) };
  });
  return { total: scores.length, pairs };
}
