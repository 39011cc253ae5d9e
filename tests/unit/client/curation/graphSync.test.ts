// The graph following a write (client/src/curation/graphSync.ts), on a literal graph:
// new items are added, changed ones take the server's attributes (a cleared field goes),
// and missing ones are dropped: all of them for the whole graph, only the touched ones
// for a partial view.
import type { GraphResponse } from '../../../../server/model/api';
import { createEvidenceGraph } from '../../../../server/model/evidenceGraph';
import type { EdgeAttributes, NodeAttributes } from '../../../../server/model/graph';
import { syncGraph } from '../../../../client/src/curation/graphSync';

const node = (label: string, extra: Partial<NodeAttributes> = {}): NodeAttributes => ({
  type: 'person',
  label,
  aliases: [],
  color: '#4e79a7',
  degree: 1,
  size: 3,
  x: 0,
  y: 0,
  ...extra,
});
const edge = (type: string, directed = true): EdgeAttributes => ({
  type,
  label: type,
  typeLabel: type,
  status: 'reported',
  directed,
  color: '#000000',
  size: 1,
  claimCount: 1,
  documents: ['d'],
  claims: [],
});

function held() {
  const graph = createEvidenceGraph();
  graph.addNode('ann', node('Ann', { description: 'old' }));
  graph.addNode('bob', node('Bob'));
  graph.addNode('cat', node('Cat'));
  graph.addDirectedEdgeWithKey('ann|funded|bob', 'ann', 'bob', edge('funded'));
  graph.addUndirectedEdgeWithKey('bob|linked_to|cat', 'bob', 'cat', edge('linked_to', false));
  return graph;
}

const fresh: Pick<GraphResponse, 'nodes' | 'edges'> = {
  nodes: [
    { key: 'ann', attributes: node('Ann B.') },
    { key: 'bob', attributes: node('Bob') },
    { key: 'dan', attributes: node('Dan', { x: 1, y: 2 }) },
  ],
  edges: [
    { key: 'ann|funded|bob', source: 'ann', target: 'bob', attributes: { ...edge('funded'), status: 'alleged' } },
    { key: 'bob|linked_to|dan', source: 'bob', target: 'dan', undirected: true, attributes: edge('linked_to', false) },
  ],
};

describe('syncing the graph after a write', () => {
  it('brings the whole graph to the server’s', () => {
    const graph = held();
    expect(syncGraph(graph, fresh, { edges: [], nodes: [] }, true)).toEqual({
      added: { nodes: ['dan'], edges: ['bob|linked_to|dan'] },
      removed: { nodes: ['cat'], edges: ['bob|linked_to|cat'] },
    });
    expect(graph.nodes()).toEqual(['ann', 'bob', 'dan']);
    expect(graph.getNodeAttributes('ann')).toEqual(node('Ann B.'));
    expect(graph.getEdgeAttribute('ann|funded|bob', 'status')).toBe('alleged');
    expect(graph.isUndirected('bob|linked_to|dan')).toBe(true);
    expect(graph.getNodeAttributes('dan')).toMatchObject({ x: 1, y: 2 });
  });

  it('drops only the touched items a partial answer lacks', () => {
    const graph = held();
    const part = { nodes: fresh.nodes.slice(0, 2), edges: [] };
    expect(syncGraph(graph, part, { edges: ['ann|funded|bob'], nodes: ['ann'] }, false)).toEqual({
      added: { nodes: [], edges: [] },
      removed: { nodes: [], edges: ['ann|funded|bob'] },
    });
    expect(graph.hasNode('cat')).toBe(true);
    expect(graph.hasEdge('bob|linked_to|cat')).toBe(true);
    expect(graph.getNodeAttribute('ann', 'label')).toBe('Ann B.');
  });

  it('takes an item twice in one answer (two neighbourhoods) once', () => {
    const graph = held();
    const twice = { nodes: [...fresh.nodes, ...fresh.nodes], edges: [...fresh.edges, ...fresh.edges] };
    expect(syncGraph(graph, twice, { edges: [], nodes: [] }, false).added).toEqual({
      nodes: ['dan'],
      edges: ['bob|linked_to|dan'],
    });
    expect(graph.order).toBe(4);
  });
});
