// The round-trip check the GEXF and GraphML tests share: a graph parsed back from an
// export has the same nodes, ends, directions, key attributes and claims as the original.
import type Graph from 'graphology';
import type { EvidenceGraph } from '../../../server/model/evidenceGraph';

export function expectSameGraph(graph: EvidenceGraph, back: Graph): void {
  expect([back.order, back.size]).toEqual([graph.order, graph.size]);
  expect(back.nodes()).toEqual([...graph.nodes()].sort());
  graph.forEachNode((key, a) => {
    expect(back.getNodeAttributes(key)).toMatchObject({
      label: a.label,
      type: a.type,
      color: a.color,
      size: a.size,
      x: a.x,
      y: a.y,
      degree: a.degree,
    });
    expect(JSON.parse(back.getNodeAttribute(key, 'aliases'))).toEqual(a.aliases);
  });
  graph.forEachEdge((key, a, source, target, _s, _t, undirected) => {
    expect(back.extremities(key)).toEqual([source, target]);
    expect(back.isUndirected(key)).toBe(undirected);
    expect(back.getEdgeAttributes(key)).toMatchObject({
      type: a.type,
      label: a.label,
      status: a.status,
      claimCount: a.claimCount,
      documents: a.documents.join('; '),
    });
    expect(JSON.parse(back.getEdgeAttribute(key, 'claims'))).toEqual(a.claims);
  });
}
