// Node sizes for the two size modes: by degree (the server's sizes) or by PageRank,
// scaled into the same range so switching modes keeps the picture readable.
import pagerank from 'graphology-metrics/centrality/pagerank';
import type { SizeMode } from './state';
import type { EvidenceGraph } from '../../server/model/evidenceGraph';

export const MIN_NODE_SIZE = 3;
export const MAX_NODE_SIZE = 16;

/** Size from a score in [0, max]: square-root scaled so a few hubs do not dwarf the rest. */
export function scaledSize(score: number, maxScore: number): number {
  if (maxScore <= 0) return MIN_NODE_SIZE;
  return Math.round((MIN_NODE_SIZE + (MAX_NODE_SIZE - MIN_NODE_SIZE) * Math.sqrt(score / maxScore)) * 100) / 100;
}

export function pagerankScores(graph: EvidenceGraph): Map<string, number> {
  if (graph.order === 0) return new Map();
  return new Map(Object.entries(pagerank(graph, { getEdgeWeight: null })));
}

export function nodeSizes(graph: EvidenceGraph, mode: SizeMode): Map<string, number> {
  const sizes = new Map<string, number>();
  if (mode === 'degree') {
    let maxDegree = 0;
    graph.forEachNode((_node, attributes) => (maxDegree = Math.max(maxDegree, attributes.degree)));
    graph.forEachNode((node, attributes) => sizes.set(node, scaledSize(attributes.degree, maxDegree)));
    return sizes;
  }
  const scores = pagerankScores(graph);
  const maxScore = Math.max(0, ...scores.values());
  for (const [node, score] of scores) sizes.set(node, scaledSize(score, maxScore));
  return sizes;
}
