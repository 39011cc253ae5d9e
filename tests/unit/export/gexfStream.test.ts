// The streaming GEXF writer gives, byte for byte, what graphology-gexf's writer gives:
// the library stays the reference, ours only makes it stream (issue 7).
import path from 'node:path';
import Graph from 'graphology';
import { exportGexf } from '../../../server/export/gexf';
import { exportGexfStreamed } from '../../../server/export/gexfStream';
import type { EvidenceGraph, EvidenceGraphAttributes } from '../../../server/graph/buildGraph';
import { openGraph } from '../../../server/graph/openGraph';
import type { EdgeAttributes, NodeAttributes } from '../../../server/model/graph';
import { nastyEdges, nastyGraph, nastyNodes } from '../../fixtures/export/nastyGraph';

const seedDir = path.join(__dirname, '..', '..', '..', 'graph-data');

function emptyGraph(): EvidenceGraph {
  const graph: EvidenceGraph = new Graph<NodeAttributes, EdgeAttributes, EvidenceGraphAttributes>({ type: 'mixed', multi: true, allowSelfLoops: true });
  graph.replaceAttributes({ name: 'claimgraph', version: 'empty & <odd>' });
  return graph;
}

/** Only the undirected edge, a self-loop, and node attributes that vary in type. */
function oddGraph(): EvidenceGraph {
  const graph = emptyGraph();
  const [alice, bob] = nastyNodes.map(([, a]) => structuredClone(a));
  graph.addNode('alice', { ...alice, color: 'rgb(1, 2, 3)', degree: 2 ** 31, description: '' });
  graph.addNode('bob', { ...bob, color: 'rgba(4,5,6,0.5)', label: '' });
  graph.addNode('carol', { ...bob, color: 'plum', degree: 1.5 });
  const contact = nastyEdges.find((e) => e.undirected)!;
  graph.addUndirectedEdgeWithKey(contact.key, 'alice', 'bob', structuredClone(contact.attributes));
  graph.addUndirectedEdgeWithKey('bob|in_contact_with|bob', 'bob', 'bob', { ...structuredClone(contact.attributes), firstDate: undefined, lastDate: undefined });
  return graph;
}

describe('gexfChunks', () => {
  it.each([
    ['the nasty fixture', () => nastyGraph()],
    ['the seed dataset', () => openGraph(seedDir).graph],
    ['an empty graph', emptyGraph],
    ['an undirected-only graph with a self-loop, colours in rgb() and mixed number types', oddGraph],
  ])('writes exactly what graphology-gexf writes: %s', (_name, make) => {
    const graph = make();
    expect(exportGexfStreamed(graph)).toBe(exportGexf(graph));
  });

  it('declares an integer attribute as double once a value is fractional, as the library does', () => {
    expect(exportGexfStreamed(oddGraph())).toContain('<attribute id="degree" title="degree" type="double"/>');
  });
});
