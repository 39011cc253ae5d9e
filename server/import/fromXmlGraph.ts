// Turns a graph that graphology parsed from GEXF or GraphML into a SourceGraph, with the
// file's own edge ids (or their line numbers) as the records claims will cite.
import type { ParsedGraph } from './graphologyParsers';
import { ImportError } from './importError';
import type { SourceGraph } from './types';
import type { XmlItem } from './xml';

export function fromXmlGraph(file: string, graph: ParsedGraph, nodes: XmlItem[], edges: XmlItem[]): SourceGraph {
  if (graph.size !== edges.length || graph.order !== nodes.length) {
    throw new ImportError({ file }, `read ${nodes.length} nodes and ${edges.length} edges but graphology kept ${graph.order} and ${graph.size}`);
  }
  const nodeLines = new Map(nodes.map((n) => [n.id!, n.line]));
  const source: SourceGraph = { file, nodes: [], edges: [] };
  graph.forEachNode((key, attributes) => source.nodes.push({ key, attributes: { ...attributes }, line: nodeLines.get(key) }));
  // graphology keeps edges in document order, so the i-th edge is the i-th <edge> element.
  let index = 0;
  graph.forEachEdge((edge, attributes, sourceKey, targetKey) => {
    const item = edges[index++];
    const record = item.id ?? (item.line !== undefined ? `line ${item.line}` : `edge ${index}`);
    source.edges.push({ source: sourceKey, target: targetKey, directed: graph.isDirected(edge), attributes: { ...attributes }, record, line: item.line });
  });
  return source;
}
