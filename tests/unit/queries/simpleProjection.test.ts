// The simple undirected projection that paths, PageRank and Louvain run on: one edge per
// related pair whatever the directions, weighted by the claims of every relation between
// them; self-loops dropped; every entity kept, related or not.
import { simpleProjection } from '../../../server/queries/simpleProjection';
import { world } from './world';

describe('simpleProjection', () => {
  it('merges the relations of each pair into one weighted edge and drops self-loops', () => {
    const projection = simpleProjection(world.graph);
    expect(projection.type).toBe('undirected');
    expect(projection.multi).toBe(false);
    expect(projection.nodes()).toEqual(['acme', 'alice', 'bob', 'carol', 'dave']);
    // In id order. alice–bob: the disputed contact (2 claims) and the request (1); acme–carol: a contact and a funding.
    expect(projection.mapEdges((_edge, attributes, source, target) => [source, target, attributes.weight])).toEqual([
      ['acme', 'alice', 1],
      ['acme', 'bob', 1],
      ['acme', 'carol', 2],
      ['alice', 'bob', 3],
    ]);
  });
});
