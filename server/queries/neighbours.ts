// The ego network of an entity: everything within `depth` steps (either direction),
// with every relation among those entities. With `limit`, at most that many entities
// besides the centre are kept: nearer ones first; within one distance those most strongly
// linked (by claims) to what is already kept, then the least connected, so hubs, which
// would drag in most of the graph, are the ones cut. The response counts what was left out.
// Without `limit`, `cap` bounds the work the same way: a hub whose neighbourhood exceeds it
// is cut to `cap` entities and the response says so (limit = cap, omittedNodes > 0).
// With `claims: 'summary'` the relations carry their status, counts, documents and dates
// but not their claims: among a hub's neighbours the claims were nine tenths of the answer
// (0.6 of 0.8 MB at 100k entities), and a lookup rarely reads them all.
import { createEvidenceGraph, type EvidenceGraph } from '../model/evidenceGraph';
import type { NeighboursResponse } from '../model/api';
import type { EdgeAttributes } from '../model/graph';

export interface NeighboursParams {
  center: string;
  depth: number;
  limit?: number;
  /** Applies as the limit when none is given and the neighbourhood is larger than this. */
  cap?: number;
  /** Called every few hundred steps; throws to abandon the query (the request's time budget). */
  checkpoint?: { check(): void };
  /** 'all' (the default here) keeps every relation's claims; 'summary' leaves them out. */
  claims?: 'summary' | 'all';
}

const CHECK_EVERY = 512;

/** The entities one step beyond `frontier` not yet in `seen` (which it extends). */
function nextLayer(graph: EvidenceGraph, frontier: readonly string[], seen: Set<string>, tick: () => void): string[] {
  const next: string[] = [];
  for (const node of frontier) {
    tick();
    for (const neighbour of graph.neighbors(node)) {
      if (seen.has(neighbour)) continue;
      seen.add(neighbour);
      next.push(neighbour);
    }
  }
  return next;
}

/** Calls the time budget's checkpoint every CHECK_EVERY steps. */
function ticker(checkpoint?: { check(): void }): () => void {
  let steps = 0;
  return () => {
    if (++steps % CHECK_EVERY === 0) checkpoint?.check();
  };
}

/** How many entities lie within `depth` steps of `center` (the centre not counted). */
function countWithin(graph: EvidenceGraph, center: string, depth: number, checkpoint?: { check(): void }): number {
  const seen = new Set<string>([center]);
  const tick = ticker(checkpoint);
  let frontier = [center];
  for (let distance = 1; distance <= depth && frontier.length > 0; distance++)
    frontier = nextLayer(graph, frontier, seen, tick);
  return seen.size - 1;
}

/** Claims on the relations between `node` and the entities in `kept`. */
function linkStrength(graph: EvidenceGraph, node: string, kept: Set<string>): number {
  let claims = 0;
  graph.forEachEdge(node, (_edge, attributes, source, target) => {
    if (kept.has(source === node ? target : source)) claims += attributes.claimCount;
  });
  return claims;
}

/** An edge's attributes but its claims (the summary form of a relation). */
function withoutClaims(attributes: EdgeAttributes): EdgeAttributes {
  const { claims: _claims, ...summary } = attributes;
  return summary as EdgeAttributes;
}

export function neighbours(graph: EvidenceGraph, params: NeighboursParams): NeighboursResponse {
  const { center, depth, cap, checkpoint } = params;
  const claims = params.claims ?? 'all';
  const within = params.limit !== undefined || cap !== undefined ? countWithin(graph, center, depth, checkpoint) : 0;
  const limit = params.limit ?? (cap !== undefined && within > cap ? cap : undefined);
  const kept = new Set<string>([center]);
  const seen = new Set<string>([center]);
  const tick = ticker(checkpoint);
  let frontier = [center];
  for (let distance = 1; distance <= depth && frontier.length > 0; distance++) {
    const next = nextLayer(graph, frontier, seen, tick);
    if (limit !== undefined) {
      const room = Math.max(0, limit - (kept.size - 1));
      const strength = new Map(
        next.map((node, index) => {
          if (index % CHECK_EVERY === 0) checkpoint?.check();
          return [node, linkStrength(graph, node, kept)];
        }),
      );
      next.sort((a, b) => strength.get(b)! - strength.get(a)! || graph.degree(a) - graph.degree(b) || (a < b ? -1 : 1));
      next.splice(room);
    }
    for (const node of next) kept.add(node);
    // Only kept entities are expanded: the neighbours of a cut hub stay out too.
    frontier = next;
  }

  checkpoint?.check();
  const ego = createEvidenceGraph();
  for (const node of kept) ego.addNode(node, graph.getNodeAttributes(node));
  // Only the kept entities' own relations are visited, not every edge of the graph;
  // they are added in key order so the answer does not depend on which end came first.
  const edges = new Map<string, { source: string; target: string; undirected: boolean; attributes: EdgeAttributes }>();
  for (const node of kept) {
    tick();
    graph.forEachEdge(node, (edge, attributes, source, target, _sourceAttributes, _targetAttributes, undirected) => {
      if (kept.has(source) && kept.has(target)) edges.set(edge, { source, target, undirected, attributes });
    });
  }
  for (const edge of [...edges.keys()].sort()) {
    const { source, target, undirected } = edges.get(edge)!;
    const attributes = claims === 'all' ? edges.get(edge)!.attributes : withoutClaims(edges.get(edge)!.attributes);
    if (undirected) ego.addUndirectedEdgeWithKey(edge, source, target, attributes);
    else ego.addDirectedEdgeWithKey(edge, source, target, attributes);
  }
  const serialized = ego.export();
  const attributes: NeighboursResponse['attributes'] = {
    ...graph.getAttributes(),
    center,
    depth,
    omittedNodes: limit === undefined ? 0 : within - (kept.size - 1),
    claims,
  };
  if (limit !== undefined) attributes.limit = limit;
  return { ...(serialized as unknown as Omit<NeighboursResponse, 'attributes'>), attributes };
}
