// The one seeded pseudo-random source of the server: the same seed gives the same
// sequence on every machine. The layout draws its start positions from it, the stats
// seed Louvain's community detection with it, and the synthetic data generator makes a
// byte-identical data folder from one seed.

/** mulberry32: a small, fast, seedable PRNG. Returns floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** A whole number in [0, n). */
  below(n: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
}

/** The generator's helpers over seededRandom; the seed is mixed first, so seed 0 starts well. */
export function createRandom(seed: number): Random {
  const next = seededRandom(seed ^ 0x9e3779b9);
  const below = (n: number) => Math.floor(next() * n);
  return {
    next,
    below,
    pick: <T>(items: readonly T[]): T => items[below(items.length)],
    chance: (probability: number) => next() < probability,
  };
}
