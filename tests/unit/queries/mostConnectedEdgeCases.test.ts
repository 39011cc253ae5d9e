// The opening view of a large graph on the literal world and the empty graph: the edge
// cases mostConnected.test.ts leaves out — nothing asked for, nothing there, a self-loop
// (a relation among the kept entities, whose claims count against the budget).
import { mostConnected } from '../../../server/queries/mostConnected';
import { literalGraph } from './literalGraph';
import { world } from './world';

const { graph } = world;
const part = (limit: number, maxClaims?: number) => {
  const view = mostConnected(graph, limit, maxClaims);
  return [view.nodes(), view.edges()];
};

describe('mostConnected on the literal world', () => {
  it('keeps nothing of an empty graph, or when no entity is asked for', () => {
    const empty = mostConnected(literalGraph({ entities: [] }).graph, 10);
    expect([empty.order, empty.size]).toEqual([0, 0]);
    expect(part(0)).toEqual([[], []]);
    expect(mostConnected(graph, 0).getAttributes()).toEqual({ name: 'claimgraph', version: 'literal' });
  });

  it('keeps the self-loop of the one entity kept', () => {
    // Degrees: bob 5 (the self-loop counts twice), acme 4, alice 3, carol 2, dave 0.
    expect(part(1)).toEqual([['bob'], ['bob|criticized|bob']]);
    expect(part(2)).toEqual([
      ['bob', 'acme'],
      ['acme|funded|bob', 'bob|criticized|bob'],
    ]);
  });

  it('counts the self-loop’s claim against the budget', () => {
    // bob alone: 1 claim (his self-loop); + acme: 1 more; + alice: 4 more (contact 2, request, position).
    expect(part(5, 0)).toEqual([[], []]);
    expect(part(5, 1)).toEqual([['bob'], ['bob|criticized|bob']]);
    expect(part(5, 5)[0]).toEqual(['bob', 'acme']);
    expect(part(5, 6)[0]).toEqual(['alice', 'bob', 'acme']);
  });

  it('keeps the entities in the graph’s order and the relations as the graph holds them', () => {
    const view = mostConnected(graph, 5);
    expect(view.nodes()).toEqual(graph.nodes());
    expect(view.edges()).toEqual(graph.edges());
    expect(view.isUndirected('alice|in_contact_with|bob')).toBe(true);
  });
});
