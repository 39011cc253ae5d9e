// The shortest chain of evidence between two entities in the (already filtered) graph:
// filter first, so that `status=reported,confirmed` finds a chain that avoids
// allegations. Relations count whatever their direction (a chain of evidence links two
// entities either way); each step lists every relation between its two entities,
// strongest evidence first, with all claims. Searches from both ends at once on the
// simple undirected projection.
import type { EvidenceGraph } from '../model/evidenceGraph';
import type { PathResponse } from '../model/api';
import { bidirectionalSearch } from './bidirectionalSearch';
import { edgeDetail } from './edgeDetail';
import { entityRef } from './entityRef';
import type { ProjectedGraph } from './simpleProjection';

export interface PathParams {
  from: string;
  to: string;
  maxLength: number;
}

export type PathOutcome =
  | { found: true; path: PathResponse }
  | { found: false; reason: 'none' }
  | { found: false; reason: 'too-long'; length: number };

export function shortestEvidencePath(
  graph: EvidenceGraph,
  projection: ProjectedGraph,
  params: PathParams,
  statusRank: (status: string) => number,
): PathOutcome {
  const nodes = params.from === params.to ? [params.from] : bidirectionalSearch(projection, params.from, params.to);
  if (!nodes) return { found: false, reason: 'none' };
  const length = nodes.length - 1;
  if (length > params.maxLength) return { found: false, reason: 'too-long', length };
  const steps: PathResponse['steps'] = [];
  for (let i = 0; i < length; i++) {
    const [a, b] = [nodes[i], nodes[i + 1]];
    const keys = [...new Set([...graph.edges(a, b), ...graph.edges(b, a)])];
    const edges = keys.map((edge) => edgeDetail(graph, edge));
    edges.sort(
      (x, y) => statusRank(x.status) - statusRank(y.status) || y.claimCount - x.claimCount || (x.id < y.id ? -1 : 1),
    );
    steps.push({ from: a, to: b, edges });
  }
  return {
    found: true,
    path: {
      from: entityRef(graph, params.from),
      to: entityRef(graph, params.to),
      length,
      nodes: nodes.map((node) => entityRef(graph, node)),
      steps,
    },
  };
}
