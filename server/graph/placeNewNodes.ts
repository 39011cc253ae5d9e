// Where a node that a write adds is drawn: beside its first placed neighbour (in key
// order) where nothing is drawn yet, or, without one, at a hashed point of the picture.
// "Nothing drawn" means no node closer than the gap, half the mean spacing of the nodes
// (the square root of the picture's area per node); candidate spots lie on rings of that
// radius around the anchor, the first ring's angle hashed from the node's key, so the
// same graph and write always give the same position. A grid of cells one gap wide finds
// the nodes near a spot without scanning the graph; it is built on first use and kept
// per graph, and forgotten when the layout moves every node (forgetPlacements).
import crypto from 'node:crypto';
import type { EvidenceGraph } from '../model/evidenceGraph';

interface PlacementGrid {
  gap: number;
  /** Column, then row, to the nodes in that cell (numbers, not "i,j" strings: the first placement files every node). */
  cells: Map<number, Map<number, string[]>>;
  bounds: { minX: number; maxX: number; minY: number; maxY: number };
}

const grids = new WeakMap<EvidenceGraph, PlacementGrid>();
const RINGS = 64;

function hashUnit(text: string, salt: string): number {
  return crypto.createHash('sha256').update(`${salt}\0${text}`).digest().readUInt32BE(0) / 0x100000000;
}

const round = (value: number) => Math.round(value * 1000) / 1000;

function buildGrid(graph: EvidenceGraph, skip: ReadonlySet<string>): PlacementGrid {
  const bounds = { minX: Infinity, maxX: -Infinity, minY: Infinity, maxY: -Infinity };
  // One pass over the graph's nodes (100k at the largest size), then over plain arrays.
  const nodes: string[] = [];
  const xs: number[] = [];
  const ys: number[] = [];
  graph.forEachNode((node, { x, y }) => {
    if (skip.has(node)) return;
    nodes.push(node);
    xs.push(x);
    ys.push(y);
    bounds.minX = Math.min(bounds.minX, x);
    bounds.maxX = Math.max(bounds.maxX, x);
    bounds.minY = Math.min(bounds.minY, y);
    bounds.maxY = Math.max(bounds.maxY, y);
  });
  const placed = nodes.length;
  if (placed === 0) Object.assign(bounds, { minX: -10, maxX: 10, minY: -10, maxY: 10 });
  const area = Math.max(1, (bounds.maxX - bounds.minX) * (bounds.maxY - bounds.minY));
  const gap = Math.sqrt(area / Math.max(1, placed)) / 2;
  const grid: PlacementGrid = { gap, cells: new Map(), bounds };
  for (let k = 0; k < placed; k++) addToGrid(grid, nodes[k], xs[k], ys[k]);
  return grid;
}

function addToGrid(grid: PlacementGrid, node: string, x: number, y: number): void {
  const i = Math.floor(x / grid.gap);
  const j = Math.floor(y / grid.gap);
  let column = grid.cells.get(i);
  if (!column) grid.cells.set(i, (column = new Map()));
  const cell = column.get(j);
  if (cell) cell.push(node);
  else column.set(j, [node]);
}

function isFree(grid: PlacementGrid, graph: EvidenceGraph, x: number, y: number): boolean {
  const i = Math.floor(x / grid.gap);
  const j = Math.floor(y / grid.gap);
  for (let di = -1; di <= 1; di++) {
    const column = grid.cells.get(i + di);
    if (!column) continue;
    for (let dj = -1; dj <= 1; dj++) {
      for (const node of column.get(j + dj) ?? []) {
        const point = graph.getNodeAttributes(node);
        if (Math.hypot(point.x - x, point.y - y) < grid.gap) return false;
      }
    }
  }
  return true;
}

/** The first free spot on rings around (cx, cy), or the centre when every ring is full. */
function freeSpotNear(grid: PlacementGrid, graph: EvidenceGraph, node: string, cx: number, cy: number) {
  const start = hashUnit(node, 'angle') * 2 * Math.PI;
  for (let ring = 1; ring <= RINGS; ring++) {
    const radius = ring * grid.gap * 1.5;
    const spots = 6 * ring;
    for (let k = 0; k < spots; k++) {
      const angle = start + (2 * Math.PI * k) / spots;
      const x = round(cx + Math.cos(angle) * radius);
      const y = round(cy + Math.sin(angle) * radius);
      if (isFree(grid, graph, x, y)) return { x, y };
    }
  }
  return { x: round(cx), y: round(cy) };
}

/**
 * Places `nodes` (just added, their relations already on the graph) in key order, each
 * beside its first placed neighbour, or at a hashed point of the picture's bounds.
 */
export function placeNewNodes(graph: EvidenceGraph, nodes: Iterable<string>): void {
  const pending = new Set(nodes);
  if (pending.size === 0) return;
  let grid = grids.get(graph);
  if (!grid) grids.set(graph, (grid = buildGrid(graph, pending)));
  for (const node of [...pending].sort()) {
    const anchor = graph
      .neighbors(node)
      .sort()
      .find((neighbour) => neighbour !== node && !pending.has(neighbour));
    const { bounds } = grid;
    const centre = anchor
      ? graph.getNodeAttributes(anchor)
      : {
          x: bounds.minX + hashUnit(node, 'x') * (bounds.maxX - bounds.minX),
          y: bounds.minY + hashUnit(node, 'y') * (bounds.maxY - bounds.minY),
        };
    const spot = freeSpotNear(grid, graph, node, centre.x, centre.y);
    graph.replaceNodeAttributes(node, { ...graph.getNodeAttributes(node), x: spot.x, y: spot.y });
    addToGrid(grid, node, spot.x, spot.y);
    pending.delete(node);
  }
}

/** A node leaves the graph: it no longer takes a spot. Call before dropping it. */
export function unplaceNode(graph: EvidenceGraph, node: string): void {
  const grid = grids.get(graph);
  if (!grid) return;
  const { x, y } = graph.getNodeAttributes(node);
  const i = Math.floor(x / grid.gap);
  const j = Math.floor(y / grid.gap);
  const column = grid.cells.get(i);
  const cell = column?.get(j)?.filter((other) => other !== node);
  if (!column) return;
  if (cell && cell.length > 0) column.set(j, cell);
  else column.delete(j);
}

/** The nodes moved (a layout was applied): the grid is built again on the next placement. */
export function forgetPlacements(graph: EvidenceGraph): void {
  grids.delete(graph);
}
