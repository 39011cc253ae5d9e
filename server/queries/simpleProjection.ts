// The evidence graph as a simple undirected weighted graph: one edge per pair of related
// entities, weighted by the number of claims between them. Path finding, PageRank and
// Louvain run on it: they need a simple (non-multi, non-mixed) graph, and a chain of
// evidence links two entities whatever the direction of each relation.
import type { EvidenceGraph } from '../model/evidenceGraph';
import { KeySafeGraph } from '../model/keySafeGraph';

export type ProjectedGraph = KeySafeGraph<Record<string, never>, { weight: number }>;

export function simpleProjection(graph: EvidenceGraph): ProjectedGraph {
  const projection: ProjectedGraph = new KeySafeGraph({ type: 'undirected', allowSelfLoops: false });
  // Sorted insertion keeps iteration order (and so results) independent of the data files' order.
  for (const node of graph.nodes().sort()) projection.addNode(node);
  const pairs: Array<[string, string, number]> = [];
  graph.forEachEdge((_edge, attributes, source, target) => {
    if (source !== target)
      pairs.push(source < target ? [source, target, attributes.claimCount] : [target, source, attributes.claimCount]);
  });
  pairs.sort((a, b) => (a[0] === b[0] ? (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0) : a[0] < b[0] ? -1 : 1));
  for (const [a, b, weight] of pairs)
    projection.updateEdge(a, b, (attributes) => ({ weight: (attributes.weight ?? 0) + weight }));
  return projection;
}
