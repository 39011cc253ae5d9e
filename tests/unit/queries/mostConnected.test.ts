// The opening part of a large graph: the most connected entities (ties by id) and every
// relation among them, nothing else.
import { buildGraph } from '../../../server/graph/buildGraph';
import { mostConnected } from '../../../server/queries/mostConnected';
import { claim, dataset, person } from '../graph/fixtures';

// hub: 4 relations; b: 2; c, d: 1 each; e: none.
const graph = buildGraph(
  dataset(
    ['hub', 'b', 'c', 'd', 'e'].map((id) => person(id)),
    [
      claim('hub', 'in_contact_with', 'b', 'asserts'),
      claim('hub', 'funded', 'c', 'asserts'),
      claim('d', 'criticized', 'hub', 'alleges'),
      claim('b', 'funded', 'hub', 'asserts'),
    ],
  ),
);

describe('mostConnected', () => {
  it('keeps the entities with most relations and the relations among them', () => {
    const part = mostConnected(graph, 2);
    expect(part.nodes().sort()).toEqual(['b', 'hub']);
    expect(part.edges().sort()).toEqual(['b|funded|hub', 'b|in_contact_with|hub']);
    expect(part.isUndirected('b|in_contact_with|hub')).toBe(true);
    expect(part.getEdgeAttributes('b|funded|hub')).toBe(graph.getEdgeAttributes('b|funded|hub'));
  });

  it('breaks ties by id', () => {
    expect(mostConnected(graph, 3).nodes().sort()).toEqual(['b', 'c', 'hub']);
  });

  it('keeps everything when the limit is the size of the graph or more', () => {
    const part = mostConnected(graph, 10);
    expect(part.order).toBe(5);
    expect(part.size).toBe(graph.size);
    expect(part.getAttributes()).toEqual(graph.getAttributes());
  });
});

describe('mostConnected with a claim budget', () => {
  it('stops before the next entity would bring the claims past the budget', () => {
    // hub alone: 0 claims; + b: 2 (hub–b contact, b funded hub); + c: 1 more.
    expect(mostConnected(graph, 5, 2).nodes().sort()).toEqual(['b', 'hub']);
    expect(mostConnected(graph, 5, 1).nodes()).toEqual(['hub']);
    expect(mostConnected(graph, 5, 3).nodes().sort()).toEqual(['b', 'c', 'hub']);
  });
});
