// GraphML → SourceGraph, parsed by graphology-graphml (typed <key> declarations, defaults,
// parallel edges). Keys' attr.name values become attribute names, spaces included.
import { parseGraphmlDocument } from './graphologyParsers';
import { fromXmlGraph } from './fromXmlGraph';
import { ImportError } from './importError';
import type { SourceGraph } from './types';
import { checkedNodesAndEdges, expectRoot, parseXml } from './xml';
import { flattenHierarchy, GRAPHML_HIERARCHY } from './xmlHierarchy';

export function readGraphml(file: string, text: string): SourceGraph {
  const document = parseXml(file, text);
  expectRoot(file, document, 'graphml', 'GraphML');
  if (document.getElementsByTagName('graph').length === 0)
    throw new ImportError({ file }, 'the GraphML file has no <graph> element');
  // Nested nodes are lifted to the top level first: graphology would read them in quadratic time.
  const flat = flattenHierarchy(document, GRAPHML_HIERARCHY);
  const { nodes, edges } = checkedNodesAndEdges(file, flat.document);
  let graph;
  try {
    graph = parseGraphmlDocument(flat.document);
  } catch (error) {
    throw new ImportError({ file }, `graphology-graphml could not read it: ${(error as Error).message}`);
  }
  return fromXmlGraph(file, graph, nodes, edges, flat.nestedNodes);
}
