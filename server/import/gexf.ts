// GEXF (Gephi's format, 1.1 to 1.3 and the legacy gephi.org namespace) → SourceGraph,
// parsed by graphology-gexf. Viz colour, size and position are kept as node attributes.
import { parseGexfDocument } from './graphologyParsers';
import { fromXmlGraph } from './fromXmlGraph';
import { ImportError } from './importError';
import type { SourceGraph } from './types';
import { checkedNodesAndEdges, expectRoot, parseXml } from './xml';
import { flattenHierarchy, GEXF_HIERARCHY } from './xmlHierarchy';

export function readGexf(file: string, text: string): SourceGraph {
  const document = parseXml(file, text);
  expectRoot(file, document, 'gexf', 'GEXF');
  if (document.getElementsByTagName('graph').length === 0)
    throw new ImportError({ file }, 'the GEXF file has no <graph> element');
  // Nested nodes are lifted to the top level first: graphology would read them in quadratic time.
  const flat = flattenHierarchy(document, GEXF_HIERARCHY);
  const { nodes, edges } = checkedNodesAndEdges(file, flat.document);
  let graph;
  try {
    graph = parseGexfDocument(flat.document);
  } catch (error) {
    throw new ImportError({ file }, `graphology-gexf could not read it: ${(error as Error).message}`);
  }
  return fromXmlGraph(file, graph, nodes, edges, flat.nestedNodes);
}
