// The graph's nodes and edges in key order, so that every export of the same graph is
// byte-identical whatever order the data files (or a filter) inserted them in.
import type { EvidenceGraph } from '../model/evidenceGraph';
import type { EdgeAttributes, NodeAttributes } from '../model/graph';

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
