// Deterministic positions: nodes start on a seeded pseudo-random square, then a fixed
// number of ForceAtlas2 iterations runs, so the same data always gives the same
// picture. Positions are cached by the data's content hash outside git (paths.cacheDir).
import fs from 'node:fs';
import path from 'node:path';
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { cacheDir } from '../paths';
import type { EvidenceGraph } from './buildGraph';

export const LAYOUT_VERSION = 1;

export type Positions = Record<string, { x: number; y: number }>;

/** mulberry32: a small, fast, seedable PRNG; good enough for initial positions. */
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

export function layoutIterations(order: number): number {
  if (order <= 1000) return 500;
  if (order <= 10000) return 150;
  return 50;
}

/**
 * Runs the seeded layout and returns the positions (the graph is not changed). The
 * layout runs on a simple undirected copy whose nodes and edges are sorted, so neither
 * the order of records in the data files nor parallel relations change the picture.
 */
export function computeLayout(graph: EvidenceGraph, seed = 42): Positions {
  const random = seededRandom(seed);
  const spread = Math.max(10, Math.sqrt(graph.order) * 10);
  const work = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  for (const node of graph.nodes().sort()) work.addNode(node, { x: (random() - 0.5) * spread, y: (random() - 0.5) * spread });
  const pairs = new Set<string>();
  graph.forEachEdge((_edge, _attributes, source, target) => {
    if (source !== target) pairs.add(source < target ? `${source}\u0000${target}` : `${target}\u0000${source}`);
  });
  for (const pair of [...pairs].sort()) {
    const [a, b] = pair.split('\u0000');
    work.addEdge(a, b);
  }
  if (work.size > 0) {
    const settings = forceAtlas2.inferSettings(work);
    forceAtlas2.assign(work, {
      iterations: layoutIterations(work.order),
      settings: { ...settings, barnesHutOptimize: work.order > 2000 },
    });
  }
  const positions: Positions = {};
  work.forEachNode((node, attributes) => {
    positions[node] = { x: round(attributes.x as number), y: round(attributes.y as number) };
  });
  return positions;
}

const round = (value: number) => Math.round(value * 1000) / 1000;

export function applyPositions(graph: EvidenceGraph, positions: Positions): void {
  graph.forEachNode((node) => {
    const point = positions[node];
    if (point) graph.mergeNodeAttributes(node, point);
  });
}

function cacheFile(contentHash: string): string {
  return path.join(cacheDir(), `layout-v${LAYOUT_VERSION}-${contentHash}.json`);
}

export function readCachedLayout(contentHash: string): Positions | undefined {
  try {
    return JSON.parse(fs.readFileSync(cacheFile(contentHash), 'utf8')) as Positions;
  } catch {
    return undefined;
  }
}

/** Best effort: a read-only cache folder only costs a recomputation next time. */
export function writeCachedLayout(contentHash: string, positions: Positions): void {
  try {
    const file = cacheFile(contentHash);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, JSON.stringify(positions));
    fs.renameSync(temporary, file);
  } catch {
    // ignored on purpose, see above
  }
}

/** Positions from the cache, or computed and cached. */
export function layoutGraph(graph: EvidenceGraph, contentHash: string): { positions: Positions; cached: boolean } {
  const cached = readCachedLayout(contentHash);
  if (cached && graph.everyNode((node) => cached[node] !== undefined)) {
    applyPositions(graph, cached);
    return { positions: cached, cached: true };
  }
  const positions = computeLayout(graph);
  applyPositions(graph, positions);
  writeCachedLayout(contentHash, positions);
  return { positions, cached: false };
}
