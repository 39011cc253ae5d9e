// The shared fixture is what the other query tests say it is: every node and relation
// of world.ts exactly as buildGraph makes them, so their expected answers rest on it.
import { literalGraph } from './literalGraph';
import { world, worldEdges, worldNodes } from './world';

describe('the literal world', () => {
  it('has the entities and relations written out in world.ts', () => {
    expect(Object.fromEntries(world.graph.mapNodes((node, attributes) => [node, attributes]))).toEqual(worldNodes);
    expect(Object.fromEntries(world.graph.mapEdges((edge, attributes) => [edge, attributes]))).toEqual(worldEdges);
    expect(world.graph.edges().filter((edge) => world.graph.isUndirected(edge))).toEqual([
      'acme|in_contact_with|carol',
      'alice|in_contact_with|bob',
    ]);
  });

  it('refuses a fixture the loader would refuse, with the loader’s message', () => {
    expect(() =>
      literalGraph({
        entities: [{ id: 'a', type: 'person', name: 'A' }],
        documents: [{ id: 'd1', date: '2022-01-10', title: 'T', text: 'A met B.' }],
        claims: [
          {
            id: 'c1',
            subject: 'a',
            type: 'in_contact_with',
            object: 'b',
            stance: 'asserts',
            document: 'd1',
            quote: 'A met B',
          },
        ],
      }),
    ).toThrow('the literal data does not load:\nclaims.json [0] object: unknown entity "b"');
  });
});
