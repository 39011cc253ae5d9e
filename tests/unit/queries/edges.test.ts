// Relations listed and shown one by one, straight on the literal world: key order, pages,
// edge types and one entity's relations (its self-loop once), each with both ends named.
import { edgeDetail } from '../../../server/queries/edgeDetail';
import { listEdges } from '../../../server/queries/edges';
import { literalGraph } from './literalGraph';
import { world, worldEdges, worldRefs } from './world';

const { graph } = world;
const keys = (params: Parameters<typeof listEdges>[1]) => listEdges(graph, params).edges.map((edge) => edge.id);

describe('edgeDetail', () => {
  it('gives the relation’s attributes with its key and both ends', () => {
    expect(edgeDetail(graph, 'alice|in_contact_with|bob')).toEqual({
      id: 'alice|in_contact_with|bob',
      ...worldEdges['alice|in_contact_with|bob'],
      source: worldRefs.alice,
      target: worldRefs.bob,
    });
    expect(edgeDetail(graph, 'bob|criticized|bob')).toEqual({
      id: 'bob|criticized|bob',
      ...worldEdges['bob|criticized|bob'],
      source: worldRefs.bob,
      target: worldRefs.bob,
    });
  });
});

describe('listEdges', () => {
  it('pages through every relation in key order', () => {
    expect(listEdges(graph, { limit: 2, offset: 0 })).toEqual({
      total: 7,
      limit: 2,
      offset: 0,
      edges: [edgeDetail(graph, 'acme|funded|bob'), edgeDetail(graph, 'acme|funded|carol')],
    });
    expect(keys({ limit: 3, offset: 5 })).toEqual(['alice|requested|bob', 'bob|criticized|bob']);
    expect(listEdges(graph, { limit: 3, offset: 7 })).toEqual({ total: 7, limit: 3, offset: 7, edges: [] });
  });

  it('keeps only the edge types asked for', () => {
    expect(keys({ types: ['funded', 'criticized'], limit: 10, offset: 0 })).toEqual([
      'acme|funded|bob',
      'acme|funded|carol',
      'bob|criticized|bob',
    ]);
    expect(listEdges(graph, { types: ['owns'], limit: 10, offset: 0 })).toMatchObject({ total: 0, edges: [] });
  });

  it('lists one entity’s relations, whichever end it is, its self-loop once', () => {
    expect(keys({ entity: 'bob', limit: 10, offset: 0 })).toEqual([
      'acme|funded|bob',
      'alice|in_contact_with|bob',
      'alice|requested|bob',
      'bob|criticized|bob',
    ]);
    expect(listEdges(graph, { entity: 'bob', types: ['requested', 'funded'], limit: 1, offset: 1 })).toMatchObject({
      total: 2,
      edges: [{ id: 'alice|requested|bob' }],
    });
    expect(listEdges(graph, { entity: 'dave', limit: 10, offset: 0 })).toEqual({
      total: 0,
      limit: 10,
      offset: 0,
      edges: [],
    });
  });

  it('lists nothing in an empty graph', () => {
    expect(listEdges(literalGraph({ entities: [] }).graph, { limit: 10, offset: 0 })).toEqual({
      total: 0,
      limit: 10,
      offset: 0,
      edges: [],
    });
  });
});
