// The round-trip check the GEXF and GraphML tests share: a graph parsed back from an
// export has the same nodes, ends, directions, key attributes and claims as the original.
// Both formats write every relation as a directed edge and say `directed` false for the
// undirected ones; GEXF gives colours as r, g, b, which graphology-gexf reads as rgb().
import type Graph from 'graphology';
import type { EvidenceGraph } from '../../../server/model/evidenceGraph';

/** "#4e79a7" → "rgb(78,121,167)". */
export function rgbOf(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `rgb(${r},${g},${b})`;
}

export function expectSameGraph(graph: EvidenceGraph, back: Graph, colors: 'hex' | 'rgb' = 'hex'): void {
  const color = (hex: string) => (colors === 'hex' ? hex : rgbOf(hex));
  expect([back.order, back.size]).toEqual([graph.order, graph.size]);
  expect(back.nodes()).toEqual([...graph.nodes()].sort());
  graph.forEachNode((key, a) => {
    expect(back.getNodeAttributes(key)).toMatchObject({
      label: a.label,
      type: a.type,
      color: color(a.color),
      size: a.size,
      x: a.x,
      y: a.y,
      degree: a.degree,
    });
    expect(JSON.parse(back.getNodeAttribute(key, 'aliases'))).toEqual(a.aliases);
  });
  graph.forEachEdge((key, a, source, target, _s, _t, undirected) => {
    expect(back.extremities(key)).toEqual([source, target]);
    expect(back.isDirected(key)).toBe(true);
    expect(back.getEdgeAttributes(key)).toMatchObject({
      directed: !undirected,
      type: a.type,
      label: a.label,
      status: a.status,
      claimCount: a.claimCount,
      documents: a.documents.join('; '),
    });
    expect(JSON.parse(back.getEdgeAttribute(key, 'claims'))).toEqual(a.claims);
  });
}
