// After a curation write, brings the graph the explorer holds to the server's: items the
// answer has are added or get its attributes (a cleared description goes, not only new
// fields arrive), and items it lacks are dropped: all of them when the answer is the
// whole graph, else only those the write touched (a partial view holds items the answer
// may not). Positions come from the server, so what stays keeps its place.
import type { GraphResponse } from '../../../server/model/api';
import type { EvidenceGraph } from '../../../server/model/evidenceGraph';

export interface Touched {
  edges: readonly string[];
  nodes: readonly string[];
}

export interface SyncResult {
  added: { nodes: string[]; edges: string[] };
  removed: { nodes: string[]; edges: string[] };
}

export function syncGraph(
  graph: EvidenceGraph,
  fresh: Pick<GraphResponse, 'nodes' | 'edges'>,
  touched: Touched,
  whole: boolean,
): SyncResult {
  const result: SyncResult = { added: { nodes: [], edges: [] }, removed: { nodes: [], edges: [] } };
  const freshNodes = new Set(fresh.nodes.map((node) => node.key));
  const freshEdges = new Set(fresh.edges.map((edge) => edge.key));
  const goneEdges = whole ? graph.edges().filter((key) => !freshEdges.has(key)) : touched.edges;
  for (const key of goneEdges) {
    if (!graph.hasEdge(key) || freshEdges.has(key)) continue;
    graph.dropEdge(key);
    result.removed.edges.push(key);
  }
  const goneNodes = whole ? graph.nodes().filter((key) => !freshNodes.has(key)) : touched.nodes;
  for (const key of goneNodes) {
    if (!graph.hasNode(key) || freshNodes.has(key)) continue;
    // Its relations go with it (the server moved or retracted them).
    result.removed.edges.push(...graph.edges(key));
    graph.dropNode(key);
    result.removed.nodes.push(key);
  }
  const newNodes = fresh.nodes.filter((node) => !graph.hasNode(node.key));
  for (const node of fresh.nodes) if (graph.hasNode(node.key)) graph.replaceNodeAttributes(node.key, node.attributes);
  graph.import({ nodes: newNodes }, true);
  result.added.nodes.push(...new Set(newNodes.map((node) => node.key)));
  const newEdges = fresh.edges.filter((edge) => !graph.hasEdge(edge.key));
  for (const edge of fresh.edges) if (graph.hasEdge(edge.key)) graph.replaceEdgeAttributes(edge.key, edge.attributes);
  graph.import({ edges: newEdges }, true);
  result.added.edges.push(...new Set(newEdges.map((edge) => edge.key)));
  return result;
}
