// The ego network straight on literal graphs: the whole answer for one step, self-loops,
// parallel and undirected relations, claims in full or summarised, and the cut of a
// neighbourhood larger than the limit or the cap (strongest links kept, hubs cut).
import type { Claim, EntityInput } from '../../../server/model/records';
import { neighbours } from '../../../server/queries/neighbours';
import { literalGraph } from './literalGraph';
import { world, worldEdges, worldNodes } from './world';

const { graph } = world;
const summary = <K extends keyof typeof worldEdges>(key: K) => {
  const { claims: _claims, ...rest } = worldEdges[key];
  return rest;
};
const graphOptions = { type: 'mixed', multi: true, allowSelfLoops: true };

describe('neighbours', () => {
  it('gives every entity one step away and every relation among them, self-loop and parallel relations included', () => {
    expect(neighbours(graph, { center: 'bob', depth: 1, claims: 'summary' })).toEqual({
      options: graphOptions,
      attributes: {
        name: 'claimgraph',
        version: 'literal',
        center: 'bob',
        depth: 1,
        omittedNodes: 0,
        claims: 'summary',
      },
      nodes: [
        { key: 'bob', attributes: worldNodes.bob },
        { key: 'acme', attributes: worldNodes.acme },
        { key: 'alice', attributes: worldNodes.alice },
      ],
      // In key order; the undirected contact is marked so, the self-loop is there once.
      edges: [
        { key: 'acme|funded|bob', source: 'acme', target: 'bob', attributes: summary('acme|funded|bob') },
        {
          key: 'alice|holds_position|acme',
          source: 'alice',
          target: 'acme',
          attributes: summary('alice|holds_position|acme'),
        },
        {
          key: 'alice|in_contact_with|bob',
          source: 'alice',
          target: 'bob',
          undirected: true,
          attributes: summary('alice|in_contact_with|bob'),
        },
        { key: 'alice|requested|bob', source: 'alice', target: 'bob', attributes: summary('alice|requested|bob') },
        { key: 'bob|criticized|bob', source: 'bob', target: 'bob', attributes: summary('bob|criticized|bob') },
      ],
    });
  });

  it('keeps every claim of every relation by default', () => {
    const ego = neighbours(graph, { center: 'carol', depth: 1 });
    expect(ego.attributes).toEqual({
      name: 'claimgraph',
      version: 'literal',
      center: 'carol',
      depth: 1,
      omittedNodes: 0,
      claims: 'all',
    });
    expect(ego.nodes).toEqual([
      { key: 'carol', attributes: worldNodes.carol },
      { key: 'acme', attributes: worldNodes.acme },
    ]);
    expect(ego.edges).toEqual([
      { key: 'acme|funded|carol', source: 'acme', target: 'carol', attributes: worldEdges['acme|funded|carol'] },
      {
        key: 'acme|in_contact_with|carol',
        source: 'acme',
        target: 'carol',
        undirected: true,
        attributes: worldEdges['acme|in_contact_with|carol'],
      },
    ]);
  });

  it('follows relations whatever their direction, out to the depth asked', () => {
    // carol → acme (funded acme → carol is incoming) → alice and bob.
    const ego = neighbours(graph, { center: 'carol', depth: 2, claims: 'summary' });
    expect(ego.nodes.map((node) => node.key)).toEqual(['carol', 'acme', 'alice', 'bob']);
    expect(ego.edges.map((edge) => edge.key)).toEqual(Object.keys(worldEdges).sort());
    expect(ego.attributes.omittedNodes).toBe(0);
  });

  it('gives an entity without relations alone', () => {
    expect(neighbours(graph, { center: 'dave', depth: 3 })).toEqual({
      options: graphOptions,
      attributes: { name: 'claimgraph', version: 'literal', center: 'dave', depth: 3, omittedNodes: 0, claims: 'all' },
      nodes: [{ key: 'dave', attributes: worldNodes.dave }],
      edges: [],
    });
  });

  it('with a limit keeps the most strongly linked entities and counts the rest', () => {
    // One step from Bob: Alice (3 claims with him) before Acme (1). Acme's neighbour Carol,
    // two steps away, is cut with it: a cut entity is not expanded.
    const ego = neighbours(graph, { center: 'bob', depth: 2, limit: 1, claims: 'summary' });
    expect(ego.attributes).toEqual({
      name: 'claimgraph',
      version: 'literal',
      center: 'bob',
      depth: 2,
      limit: 1,
      omittedNodes: 2,
      claims: 'summary',
    });
    expect(ego.nodes.map((node) => node.key)).toEqual(['bob', 'alice']);
    expect(ego.edges.map((edge) => edge.key)).toEqual([
      'alice|in_contact_with|bob',
      'alice|requested|bob',
      'bob|criticized|bob',
    ]);
  });

  it('with a limit as large as the neighbourhood cuts nothing, and says the limit', () => {
    const ego = neighbours(graph, { center: 'bob', depth: 2, limit: 3 });
    expect(ego.attributes).toMatchObject({ limit: 3, omittedNodes: 0 });
    // Ranked all the same: Alice (3 claims with Bob) before Acme (1).
    expect(ego.nodes.map((node) => node.key)).toEqual(['bob', 'alice', 'acme', 'carol']);
  });

  it('stops when the checkpoint throws (the request is over its time budget)', () => {
    const overBudget = {
      check() {
        throw new Error('over budget');
      },
    };
    expect(() => neighbours(graph, { center: 'bob', depth: 1, checkpoint: overBudget })).toThrow('over budget');
  });
});

describe('neighbours of a hub over the cap', () => {
  // hub has six neighbours: s1 with two claims, s2, s3 and s6 with one claim and no other
  // relation, s4 and s5 with one claim and other relations (to x, y outside the hub's
  // neighbourhood): they are the hubs that drag in the most, so they are cut first.
  const entities: EntityInput[] = ['hub', 's1', 's2', 's3', 's4', 's5', 's6', 'x', 'y'].map((id) => ({
    id,
    type: 'person',
    name: id.toUpperCase(),
  }));
  let row = 0;
  const call = (subject: string, object: string): Claim => {
    row += 1;
    return {
      id: `r${row}`,
      subject,
      type: 'in_contact_with',
      object,
      stance: 'asserts',
      record: { file: 'calls.csv', id: `row-${row}` },
    };
  };
  const hubGraph = literalGraph({
    entities,
    claims: [
      call('hub', 's1'),
      call('s1', 'hub'),
      call('hub', 's2'),
      call('hub', 's3'),
      call('hub', 's4'),
      call('hub', 's5'),
      call('hub', 's6'),
      call('s4', 'x'),
      call('s5', 'x'),
      call('s5', 'y'),
    ],
  }).graph;

  it('is cut to the cap, strongest link first, then the least connected, ties by id', () => {
    const ego = neighbours(hubGraph, { center: 'hub', depth: 1, cap: 4, claims: 'summary' });
    expect(ego.attributes).toEqual({
      name: 'claimgraph',
      version: 'literal',
      center: 'hub',
      depth: 1,
      limit: 4,
      omittedNodes: 2,
      claims: 'summary',
    });
    expect(ego.nodes.map((node) => node.key)).toEqual(['hub', 's1', 's2', 's3', 's6']);
    expect(ego.edges.map((edge) => [edge.key, edge.attributes.claimCount])).toEqual([
      ['hub|in_contact_with|s1', 2],
      ['hub|in_contact_with|s2', 1],
      ['hub|in_contact_with|s3', 1],
      ['hub|in_contact_with|s6', 1],
    ]);
  });

  it('counts every entity within the depth as omitted when cut, also those beyond a cut entity', () => {
    // Within two steps: s1–s6, x and y (8); the cap keeps 4.
    const ego = neighbours(hubGraph, { center: 'hub', depth: 2, cap: 4 });
    expect(ego.attributes).toMatchObject({ limit: 4, omittedNodes: 4 });
    expect(ego.nodes.map((node) => node.key)).toEqual(['hub', 's1', 's2', 's3', 's6']);
  });

  it('is not cut when the neighbourhood fits the cap exactly', () => {
    const ego = neighbours(hubGraph, { center: 'hub', depth: 1, cap: 6 });
    expect(ego.attributes).toEqual({
      name: 'claimgraph',
      version: 'literal',
      center: 'hub',
      depth: 1,
      omittedNodes: 0,
      claims: 'all',
    });
    expect(ego.nodes.map((node) => node.key).sort()).toEqual(['hub', 's1', 's2', 's3', 's4', 's5', 's6']);
  });

  it('follows a limit given with the cap, even above the cap', () => {
    const ego = neighbours(hubGraph, { center: 'hub', depth: 1, limit: 5, cap: 4 });
    expect(ego.attributes).toMatchObject({ limit: 5, omittedNodes: 1 });
    expect(ego.nodes.map((node) => node.key)).toEqual(['hub', 's1', 's2', 's3', 's6', 's4']);
  });
});
