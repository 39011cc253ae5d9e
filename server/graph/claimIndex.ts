// The live claims of a dataset by id, each with its rank in the dataset's order, so a
// write finds a claim, its place in dataset.claims (binary search by rank) and its place
// among its relation's claims without scanning a million claims. dataset.claims is always
// in increasing rank: a claim replaced where it stands keeps its rank, a claim that joins
// at the end gets the next one, a removal leaves the others in order. Built once per claims
// array, on first use, and kept up to date by applyDelta.ts, the only code that changes a
// served dataset's claims.
import type { Dataset, ResolvedClaim } from '../model/dataset';
import type { EvidenceGraph } from '../model/evidenceGraph';

export interface ClaimIndex {
  byId: Map<string, ResolvedClaim>;
  rank: Map<string, number>;
  nextRank: number;
}

const indexes = new WeakMap<readonly ResolvedClaim[], ClaimIndex>();

export function claimIndexOf(dataset: Pick<Dataset, 'claims'>): ClaimIndex {
  let index = indexes.get(dataset.claims);
  if (!index) {
    const byId = new Map<string, ResolvedClaim>();
    const rank = new Map<string, number>();
    dataset.claims.forEach((claim, position) => {
      byId.set(claim.id, claim);
      rank.set(claim.id, position);
    });
    index = { byId, rank, nextRank: dataset.claims.length };
    indexes.set(dataset.claims, index);
  }
  return index;
}

/** The live claim with this id, or undefined. */
export function liveClaimById(dataset: Pick<Dataset, 'claims'>, id: string): ResolvedClaim | undefined {
  return claimIndexOf(dataset).byId.get(id);
}

/**
 * The live claims naming `entity` at either end, in the dataset's order, read from its
 * relations on the graph (each carries its claims' ids): a merge of a hub with a thousand
 * claims then costs its claims, not a scan of a million.
 */
export function claimsOfEntity(
  dataset: Pick<Dataset, 'claims'>,
  graph: EvidenceGraph,
  entity: string,
): ResolvedClaim[] {
  if (!graph.hasNode(entity)) return [];
  const index = claimIndexOf(dataset);
  const found = new Map<string, ResolvedClaim>();
  graph.forEachEdge(entity, (_key, attributes) => {
    for (const { id } of attributes.claims) {
      const claim = index.byId.get(id);
      if (claim) found.set(id, claim);
    }
  });
  return [...found.values()].sort((a, b) => index.rank.get(a.id)! - index.rank.get(b.id)!);
}

/** The claim's rank (its order in the dataset); throws for a claim that is not live. */
export function claimRank(dataset: Pick<Dataset, 'claims'>, id: string): number {
  const rank = claimIndexOf(dataset).rank.get(id);
  if (rank === undefined) throw new Error(`claimRank: claim "${id}" is not in the dataset`);
  return rank;
}

/** Where a claim of rank `rank` stands (or would stand) in a list in increasing rank, searched between `from` and `to`. */
export function positionByRank<T>(
  list: readonly T[],
  rank: number,
  rankOf: (item: T) => number,
  from = 0,
  to = list.length,
): number {
  let low = from;
  let high = to;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (rankOf(list[middle]) < rank) low = middle + 1;
    else high = middle;
  }
  return low;
}
