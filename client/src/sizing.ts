// Node sizes for the three size modes: by degree (the server's sizes), by PageRank, or as
// the imported file sized its nodes, scaled into the same range so switching modes keeps
// the picture readable.
import pagerank from 'graphology-metrics/centrality/pagerank';
import type { SizeMode } from './state';
import type { EvidenceGraph } from '../../server/model/evidenceGraph';
import { sourceSize } from './sourceLook';

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

/**
 * The file's sizes, their range mapped linearly onto ours so the file's proportions hold
 * (Gephi's sizes are already what the author wanted to see); a node without one is smallest.
 */
export function sourceSizes(graph: EvidenceGraph): Map<string, number> {
  let min = Infinity;
  let max = -Infinity;
  graph.forEachNode((_node, attributes) => {
    const size = sourceSize(attributes);
    if (size !== undefined) ((min = Math.min(min, size)), (max = Math.max(max, size)));
  });
  const sizes = new Map<string, number>();
  graph.forEachNode((node, attributes) => {
    const size = sourceSize(attributes);
    const t = size === undefined ? 0 : max === min ? 0.5 : (size - min) / (max - min);
    sizes.set(node, Math.round((MIN_NODE_SIZE + (MAX_NODE_SIZE - MIN_NODE_SIZE) * t) * 100) / 100);
  });
  return sizes;
}

export function nodeSizes(graph: EvidenceGraph, mode: SizeMode): Map<string, number> {
  if (mode === 'source') return sourceSizes(graph);
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
