// Shared by the export tests: the nasty fixture copied 300 times, about a megabyte in
// every format, so writers make many chunks and streams many writes.
import { createEvidenceGraph, type EvidenceGraph } from '../../../server/model/evidenceGraph';
import { nastyEdges, nastyNodes } from '../../fixtures/export/nastyGraph';

export function largeGraph(): EvidenceGraph {
  const graph = createEvidenceGraph();
  graph.replaceAttributes({ name: 'claimgraph', version: 'large' });
  for (let i = 0; i < 300; i++) {
    for (const [key, attributes] of nastyNodes) graph.addNode(`${key}-${i}`, { ...attributes });
    for (const edge of nastyEdges) {
      const key = `${edge.key}-${i}`;
      if (edge.undirected)
        graph.addUndirectedEdgeWithKey(key, `${edge.source}-${i}`, `${edge.target}-${i}`, edge.attributes);
      else graph.addDirectedEdgeWithKey(key, `${edge.source}-${i}`, `${edge.target}-${i}`, edge.attributes);
    }
  }
  return graph;
}
