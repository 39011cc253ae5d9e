// Claims are the system of record; edges are derived. An edge is the group of claims
// with the same (subject, type, object); for undirected types the two ends are put in a
// fixed order so that "A contacted B" and "B contacted A" land on one edge.
import type { ResolvedClaim } from '../model/dataset';
import type { VocabularyIndex } from '../model/vocabulary';

export interface ClaimGroup {
  key: string;
  source: string;
  target: string;
  type: string;
  directed: boolean;
  claims: ResolvedClaim[];
}

/** The edge key: `subject|type|object`, ends sorted for undirected types. */
export function edgeKey(subject: string, type: string, object: string, directed: boolean): string {
  return directed || subject <= object ? `${subject}|${type}|${object}` : `${object}|${type}|${subject}`;
}

function directedType(claim: ResolvedClaim, vocabulary: VocabularyIndex): boolean {
  const edgeType = vocabulary.edgeTypes.get(claim.type);
  if (!edgeType) throw new Error(`groupClaims: unknown edge type "${claim.type}" in claim "${claim.id}"`);
  return edgeType.directed;
}

/** The group `claim` starts (no claims yet), under `key`. */
function groupStartedBy(claim: ResolvedClaim, key: string, directed: boolean): ClaimGroup {
  const inOrder = directed || claim.subject <= claim.object;
  return {
    key,
    source: inOrder ? claim.subject : claim.object,
    target: inOrder ? claim.object : claim.subject,
    type: claim.type,
    directed,
    claims: [],
  };
}

export function groupClaims(claims: readonly ResolvedClaim[], vocabulary: VocabularyIndex): Map<string, ClaimGroup> {
  const groups = new Map<string, ClaimGroup>();
  for (const claim of claims) {
    const directed = directedType(claim, vocabulary);
    const key = edgeKey(claim.subject, claim.type, claim.object, directed);
    let group = groups.get(key);
    if (!group) {
      group = groupStartedBy(claim, key, directed);
      groups.set(key, group);
    }
    group.claims.push(claim);
  }
  return groups;
}

/** The group of claims known to share their (subject, type, object), e.g. as a start-up cache recorded them. */
export function groupOf(claims: ResolvedClaim[], vocabulary: VocabularyIndex): ClaimGroup {
  const first = claims[0];
  const directed = directedType(first, vocabulary);
  const group = groupStartedBy(first, edgeKey(first.subject, first.type, first.object, directed), directed);
  group.claims = claims;
  return group;
}

/**
 * The groups by (source, type, target), each compared by its sorted position among the
 * entity ids and the edge types: independent of the order of the claim files, and key
 * order except where one id is a prefix of another (the key compares "|" with the longer
 * id's next character), so sorting by key afterwards (the exports) is nearly linear.
 * Ranks make the comparisons numeric: sorting 690,000 groups by their key strings took
 * over two seconds at 100k entities, this about a quarter of that.
 */
export function groupsInStableOrder(
  groups: Iterable<ClaimGroup>,
  entityIds: Iterable<string>,
  edgeTypes: Iterable<string>,
): ClaimGroup[] {
  const entityRank = new Map([...entityIds].sort().map((id, rank) => [id, rank]));
  const typeRank = new Map([...edgeTypes].sort().map((type, rank) => [type, rank]));
  const list = [...groups];
  const entities = entityRank.size;
  // Below 2^53 for any graph that fits in memory (entities² × types).
  const order = new Float64Array(list.length);
  const rankOf = (ranks: Map<string, number>, id: string, what: string): number => {
    const rank = ranks.get(id);
    if (rank === undefined) throw new Error(`groupsInStableOrder: unknown ${what} "${id}"`);
    return rank;
  };
  list.forEach((group, i) => {
    order[i] =
      (rankOf(entityRank, group.source, 'entity') * typeRank.size + rankOf(typeRank, group.type, 'edge type')) *
        entities +
      rankOf(entityRank, group.target, 'entity');
  });
  const indices = Uint32Array.from(list.keys()).sort((a, b) => order[a] - order[b]);
  return Array.from(indices, (i) => list[i]);
}
