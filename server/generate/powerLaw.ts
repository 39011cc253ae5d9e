// Heavy-tailed sampling: the i-th member of a pool is drawn with weight (i + 1)^-exponent
// (a Zipf law), so the first few members become hubs with thousands of relations while
// most have one or two: the degree shape of real investigations (Chung-Lu style).
import type { Random } from '../model/random';

export class WeightedPool {
  /** Cumulative weights: cumulative[i] is the total weight of members 0..i. */
  private readonly cumulative: Float64Array;

  constructor(
    readonly members: readonly number[],
    exponent: number,
  ) {
    this.cumulative = new Float64Array(members.length);
    let total = 0;
    for (let i = 0; i < members.length; i++) {
      total += Math.pow(i + 1, -exponent);
      this.cumulative[i] = total;
    }
  }

  get totalWeight(): number {
    return this.cumulative.length === 0 ? 0 : this.cumulative[this.cumulative.length - 1];
  }

  /** A member, by weight: binary search of the cumulative weights. */
  draw(random: Random): number {
    const target = random.next() * this.totalWeight;
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.cumulative[middle] > target) high = middle;
      else low = middle + 1;
    }
    return this.members[low];
  }
}

/** Draws from several pools at once (the node types an edge type allows), each by its total weight. */
export class PoolUnion {
  private readonly pools: WeightedPool[];
  private readonly cumulative: number[] = [];

  constructor(pools: WeightedPool[]) {
    this.pools = pools.filter((pool) => pool.members.length > 0);
    let total = 0;
    for (const pool of this.pools) {
      total += pool.totalWeight;
      this.cumulative.push(total);
    }
  }

  get isEmpty(): boolean {
    return this.pools.length === 0;
  }

  draw(random: Random): number {
    const target = random.next() * this.cumulative[this.cumulative.length - 1];
    let index = this.cumulative.findIndex((value) => value > target);
    if (index === -1) index = this.pools.length - 1;
    return this.pools[index].draw(random);
  }
}
