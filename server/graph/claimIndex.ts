// The live claims of a dataset by id, each with its rank in the dataset's order, so a
// write finds a claim, its place in dataset.claims (binary search by rank) and its place
// among its relation's claims without scanning a million claims. dataset.claims is always
// in increasing rank: a claim replaced where it stands keeps its rank, a claim that joins
// at the end gets the next one, a removal leaves the others in order. Built once per claims
// array, on first use, and kept up to date by applyDelta.ts, the only code that changes a
// served dataset's claims.
import type { Dataset, ResolvedClaim } from '../model/dataset';

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

/** The claim's rank (its order in the dataset); throws for a claim that is not live. */
export function claimRank(dataset: Pick<Dataset, 'claims'>, id: string): number {
  const rank = claimIndexOf(dataset).rank.get(id);
  if (rank === undefined) throw new Error(`claimRank: claim "${id}" is not in the dataset`);
  return rank;
}

/** Where a claim of rank `rank` stands (or would stand) in a list in increasing rank. */
export function positionByRank<T>(list: readonly T[], rank: number, rankOf: (item: T) => number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (rankOf(list[middle]) < rank) low = middle + 1;
    else high = middle;
  }
  return low;
}
