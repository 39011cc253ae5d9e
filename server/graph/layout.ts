// Deterministic positions: nodes start on a seeded pseudo-random square, then a fixed
// number of ForceAtlas2 iterations runs, so the same data always gives the same
// picture. Positions are cached by the data's content hash, with the data: in the data
// folder's `.claimgraph/layouts/` (ignored by git), or in CLAIMGRAPH_CACHE_DIR.
// Large graphs lay out in a worker thread (startLayout) while the server answers with
// the start positions. A folder that brings its own positions (layout.json) is drawn at
// them instead, and nothing is laid out or cached.
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { seededRandom } from '../model/random';
import { cacheDir } from '../config';
import { ensureStateFolder, stateFolder } from '../paths';
import type { EvidenceGraph } from '../model/evidenceGraph';
import type { GivenPositions } from '../model/layoutFile';
import { runForceAtlas2, type LayoutInput } from './layoutWorker';
import { forgetPlacements, placeNewNodes } from './placeNewNodes';

export const LAYOUT_VERSION = 1;

/** By node key; read with Object.hasOwn (or build with Object.create(null)): a key may be "constructor". */
export type Positions = Record<string, { x: number; y: number }>;

export function layoutIterations(order: number): number {
  if (order <= 1000) return 500;
  if (order <= 10000) return 150;
  return 50;
}

/** The layout's input: sorted node keys and, as numbers, their seeded start and the sorted simple edges. */
export interface PreparedLayout {
  nodes: string[];
  input: LayoutInput;
}

/**
 * The layout runs on a simple undirected copy whose nodes and edges are sorted, so neither
 * the order of records in the data files nor parallel relations change the picture.
 * Nodes are numbered in key order, so sorting edges by number sorts them by key too.
 */
export function prepareLayout(graph: EvidenceGraph, seed = 42): PreparedLayout {
  const random = seededRandom(seed);
  const spread = Math.max(10, Math.sqrt(graph.order) * 10);
  const nodes = graph.nodes().sort();
  const index = new Map<string, number>();
  const x = new Float64Array(nodes.length);
  const y = new Float64Array(nodes.length);
  nodes.forEach((node, i) => {
    index.set(node, i);
    x[i] = (random() - 0.5) * spread;
    y[i] = (random() - 0.5) * spread;
  });
  // A pair (a < b) as the single number a·n + b: exact below 2^53, i.e. for any graph that fits in memory.
  const pairs = new Set<number>();
  graph.forEachEdge((_edge, _attributes, source, target) => {
    const a = index.get(source)!;
    const b = index.get(target)!;
    if (a !== b) pairs.add(a < b ? a * nodes.length + b : b * nodes.length + a);
  });
  const sorted = Float64Array.from(pairs).sort();
  const edges = new Uint32Array(sorted.length * 2);
  sorted.forEach((pair, k) => {
    edges[2 * k] = Math.floor(pair / nodes.length);
    edges[2 * k + 1] = pair % nodes.length;
  });
  return { nodes, input: { x, y, edges, iterations: layoutIterations(nodes.length) } };
}

function positionsOf(nodes: string[], xy: ArrayLike<number>): Positions {
  const positions: Positions = Object.create(null);
  nodes.forEach((node, i) => {
    positions[node] = { x: round(xy[2 * i]), y: round(xy[2 * i + 1]) };
  });
  return positions;
}

/** The seeded start positions: what the server shows until the layout is ready. */
export function preliminaryPositions(prepared: PreparedLayout): Positions {
  const xy = new Float64Array(prepared.nodes.length * 2);
  prepared.nodes.forEach((_node, i) => {
    xy[2 * i] = prepared.input.x[i];
    xy[2 * i + 1] = prepared.input.y[i];
  });
  return positionsOf(prepared.nodes, xy);
}

/** Runs the seeded layout in this thread and returns the positions (the graph is not changed). */
export function computeLayout(graph: EvidenceGraph, seed = 42): Positions {
  const prepared = prepareLayout(graph, seed);
  return positionsOf(prepared.nodes, runForceAtlas2(prepared.input));
}

/** A layout running in a worker thread. */
export interface BackgroundLayout {
  positions: Promise<Positions>;
  /** Stops the worker; `positions` then rejects. */
  cancel(): void;
}

/**
 * The same layout as computeLayout, in a worker thread, so a large graph can be served
 * while it runs. The worker loads layoutWorker.js next to this file (layoutWorker.ts
 * under the TypeScript sources).
 */
export function computeLayoutInWorker(prepared: PreparedLayout): BackgroundLayout {
  const extension = path.extname(__filename);
  const input: LayoutInput = {
    ...prepared.input,
    x: prepared.input.x.slice(),
    y: prepared.input.y.slice(),
    edges: prepared.input.edges.slice(),
  };
  const worker = new Worker(path.join(__dirname, `layoutWorker${extension}`), {
    workerData: { claimgraphLayout: input },
    transferList: [input.x.buffer, input.y.buffer, input.edges.buffer] as ArrayBuffer[],
    // Under the .ts sources Node re-parses the file as an ES module and says so; that note is noise here.
    execArgv: extension === '.ts' ? ['--disable-warning=MODULE_TYPELESS_PACKAGE_JSON'] : [],
  });
  const positions = new Promise<Positions>((resolve, reject) => {
    worker.once('message', (xy: Float64Array) => resolve(positionsOf(prepared.nodes, xy)));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`layout worker stopped (exit code ${code}) before it finished`)));
  });
  return { positions, cancel: () => void worker.terminate() };
}

const round = (value: number) => Math.round(value * 1000) / 1000;

export function applyPositions(graph: EvidenceGraph, positions: Positions): void {
  forgetPlacements(graph);
  graph.forEachNode((node) => {
    const point = Object.hasOwn(positions, node) ? positions[node] : undefined;
    if (point) graph.mergeNodeAttributes(node, point);
  });
}

/**
 * The folder's own positions, exactly as given, on the nodes they name; every other node
 * (an entity added after the import) beside its neighbours, as a write places a new one.
 */
export function applyGivenPositions(graph: EvidenceGraph, given: GivenPositions): Positions {
  forgetPlacements(graph);
  const unplaced: string[] = [];
  graph.forEachNode((node) => {
    const point = Object.hasOwn(given, node) ? given[node] : undefined;
    if (point) graph.mergeNodeAttributes(node, { x: point.x, y: point.y });
    else unplaced.push(node);
  });
  placeNewNodes(graph, unplaced);
  const positions: Positions = Object.create(null);
  graph.forEachNode((node, { x, y }) => (positions[node] = { x, y }));
  return positions;
}

/** Where a data folder's layouts are cached: CLAIMGRAPH_CACHE_DIR, else its `.claimgraph/layouts/`. */
export const LAYOUT_CACHE_SUBFOLDER = 'layouts';

/** Where the layouts of the data folder `dataDir` are cached. */
export function layoutCacheDir(dataDir: string): string {
  return cacheDir() ?? path.join(stateFolder(dataDir), LAYOUT_CACHE_SUBFOLDER);
}

function cacheFile(dataDir: string, contentHash: string): string {
  return path.join(layoutCacheDir(dataDir), `layout-v${LAYOUT_VERSION}-${contentHash}.json`);
}

export function readCachedLayout(dataDir: string, contentHash: string): Positions | undefined {
  try {
    return JSON.parse(fs.readFileSync(cacheFile(dataDir, contentHash), 'utf8')) as Positions;
  } catch {
    return undefined;
  }
}

/** Best effort: a read-only cache folder (or data folder) only costs a recomputation next time. */
export function writeCachedLayout(dataDir: string, contentHash: string, positions: Positions): void {
  try {
    const file = cacheFile(dataDir, contentHash);
    if (cacheDir() === undefined) ensureStateFolder(dataDir, LAYOUT_CACHE_SUBFOLDER);
    else fs.mkdirSync(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, JSON.stringify(positions));
    fs.renameSync(temporary, file);
  } catch {
    // ignored on purpose, see above
  }
}

/** Positions as given, or from the cache, or computed and cached. */
export function layoutGraph(
  graph: EvidenceGraph,
  dataDir: string,
  contentHash: string,
  given?: GivenPositions,
): { positions: Positions; cached: boolean } {
  if (given) return { positions: applyGivenPositions(graph, given), cached: false };
  const cached = readCachedLayout(dataDir, contentHash);
  if (cached && graph.everyNode((node) => Object.hasOwn(cached, node))) {
    applyPositions(graph, cached);
    return { positions: cached, cached: true };
  }
  const positions = computeLayout(graph);
  applyPositions(graph, positions);
  writeCachedLayout(dataDir, contentHash, positions);
  return { positions, cached: false };
}

/** Above this many nodes, startLayout runs ForceAtlas2 in a worker thread (a few seconds or more). */
export const LAYOUT_IN_WORKER_ABOVE = 2000;

export interface LayoutTask {
  /** The positions came from the cache. */
  cached: boolean;
  /** The graph holds the seeded start positions until `ready` resolves; it then holds the final ones. */
  preliminary: boolean;
  /** Resolves once the graph holds its final positions (at once unless preliminary). */
  ready: Promise<Positions>;
  /** Stops a running worker; `ready` then rejects. */
  cancel(): void;
}

/**
 * Places the graph's nodes: as given, else from the cache, else computed here for small graphs, else
 * (above `inWorkerAbove` nodes) at their start positions at once and at their final ones
 * when the worker is done, which also writes the cache.
 */
export function startLayout(
  graph: EvidenceGraph,
  dataDir: string,
  contentHash: string,
  options: { inWorkerAbove?: number; given?: GivenPositions } = {},
): LayoutTask {
  if (options.given) {
    const positions = applyGivenPositions(graph, options.given);
    return { cached: false, preliminary: false, ready: Promise.resolve(positions), cancel: () => {} };
  }
  const cached = readCachedLayout(dataDir, contentHash);
  if (cached && graph.everyNode((node) => Object.hasOwn(cached, node))) {
    applyPositions(graph, cached);
    return { cached: true, preliminary: false, ready: Promise.resolve(cached), cancel: () => {} };
  }
  if (graph.order <= (options.inWorkerAbove ?? LAYOUT_IN_WORKER_ABOVE)) {
    const positions = computeLayout(graph);
    applyPositions(graph, positions);
    writeCachedLayout(dataDir, contentHash, positions);
    return { cached: false, preliminary: false, ready: Promise.resolve(positions), cancel: () => {} };
  }
  const prepared = prepareLayout(graph);
  applyPositions(graph, preliminaryPositions(prepared));
  const background = computeLayoutInWorker(prepared);
  const ready = background.positions.then((positions) => {
    applyPositions(graph, positions);
    writeCachedLayout(dataDir, contentHash, positions);
    return positions;
  });
  // A cancelled layout is not an error anyone must handle.
  ready.catch(() => {});
  return { cached: false, preliminary: true, ready, cancel: background.cancel };
}
