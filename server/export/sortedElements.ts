// The graph's nodes and edges in key order, so that every export of the same graph is
// byte-identical whatever order the data files (or a filter) inserted them in.
import type { EvidenceGraph } from '../model/evidenceGraph';
import type { EdgeAttributes, NodeAttributes } from '../model/graph';
import { sortInSteps, STEP } from '../steps';

export interface ExportNode {
  key: string;
  attributes: NodeAttributes;
}

export interface ExportEdge {
  key: string;
  source: string;
  target: string;
  undirected: boolean;
  attributes: EdgeAttributes;
}

/** Code-unit order, not locale order: the same on every machine. */
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function sortedNodes(graph: EvidenceGraph): ExportNode[] {
  const nodes = graph.mapNodes((key, attributes): ExportNode => ({ key, attributes }));
  return nodes.sort((a, b) => compareKeys(a.key, b.key));
}

export function sortedEdges(graph: EvidenceGraph): ExportEdge[] {
  const edges = graph.mapEdges((key, attributes, source, target, _sa, _ta, undirected): ExportEdge => ({
    key,
    source,
    target,
    undirected,
    attributes,
  }));
  return edges.sort((a, b) => compareKeys(a.key, b.key));
}

/**
 * sortedNodes for a streamed export, sorted in steps (server/steps.ts). The attributes are
 * copied in one go at the start: the background layout moves the served graph's nodes in
 * place, and an export that is still being read then must not mix old and new positions.
 */
export function* sortedNodesInSteps(graph: EvidenceGraph): Generator<string, ExportNode[]> {
  const nodes = graph.mapNodes((key, attributes): ExportNode => ({ key, attributes: { ...attributes } }));
  yield STEP;
  return yield* sortInSteps(nodes, byKey);
}

/**
 * The keys of sortedEdges for a streamed export, gathered and sorted in steps: keys only
 * (the graph's own strings), so that a large export holds one array rather than an object
 * per edge; `exportEdge` makes each edge's as it is written. Edges are never changed in place.
 */
export function* sortedEdgeKeysInSteps(graph: EvidenceGraph): Generator<string, string[]> {
  const keys = graph.edges();
  yield STEP;
  return yield* sortInSteps(keys, compareKeys);
}

export function exportEdge(graph: EvidenceGraph, key: string): ExportEdge {
  return {
    key,
    source: graph.source(key),
    target: graph.target(key),
    undirected: graph.isUndirected(key),
    attributes: graph.getEdgeAttributes(key),
  };
}

const byKey = (a: { key: string }, b: { key: string }) => compareKeys(a.key, b.key);
