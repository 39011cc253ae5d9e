// Summary figures straight on tiny literal graphs whose PageRank and Louvain communities
// can be worked out by hand: counts (every vocabulary entry, zeros included), the top
// entities by degree and PageRank, and the communities with their modularity. PageRank
// values are the exact solutions (the fractions in the comments) to six digits.
import type { Claim, EntityInput } from '../../../server/model/records';
import { graphStats } from '../../../server/queries/stats';
import { literalGraph, type LiteralGraph } from './literalGraph';
import { world } from './world';

const stats = ({ graph, projection, dataset }: LiteralGraph, top = 10) =>
  graphStats(graph, projection, dataset.vocabulary, top);

const zeroByNodeType = { person: 0, organization: 0, country: 0, service: 0 };
const zeroByEdgeType = {
  holds_position: 0,
  owns: 0,
  operates: 0,
  part_of: 0,
  member_of: 0,
  associate_of: 0,
  in_contact_with: 0,
  requested: 0,
  acted_on_behalf_of: 0,
  provided_access: 0,
  restricted_access: 0,
  funded: 0,
  supported: 0,
  criticized: 0,
  used: 0,
  attacked: 0,
  sanctioned: 0,
  linked_to: 0,
};
const zeroByStatus = { confirmed: 0, reported: 0, alleged: 0, disputed: 0, denied: 0 };

const person = (id: string, name: string): EntityInput => ({ id, type: 'person', name });
/** A claim quoting the sentence "<subject> <verb> <object>." of document d1. */
const said = (id: string, subject: string, type: string, object: string, stance: string, quote: string): Claim => ({
  id,
  subject,
  type,
  object,
  stance,
  document: 'd1',
  quote,
});

describe('graphStats', () => {
  it('lists every vocabulary entry at zero for an empty graph', () => {
    expect(stats(literalGraph({ entities: [] }))).toEqual({
      counts: { entities: 0, edges: 0, claims: 0, documents: 0 },
      byNodeType: zeroByNodeType,
      byEdgeType: zeroByEdgeType,
      byStatus: zeroByStatus,
      topByDegree: [],
      topByPageRank: [],
      communities: { count: 0, modularity: 0, groups: [] },
    });
  });

  it('gives entities without relations equal rank and a community each', () => {
    const alone = literalGraph({ entities: [person('b', 'Bea'), person('a', 'Abe')] });
    expect(stats(alone)).toEqual({
      counts: { entities: 2, edges: 0, claims: 0, documents: 0 },
      byNodeType: { ...zeroByNodeType, person: 2 },
      byEdgeType: zeroByEdgeType,
      byStatus: zeroByStatus,
      topByDegree: [
        { id: 'a', name: 'Abe', type: 'person', value: 0 },
        { id: 'b', name: 'Bea', type: 'person', value: 0 },
      ],
      topByPageRank: [
        { id: 'a', name: 'Abe', type: 'person', value: 0.5 },
        { id: 'b', name: 'Bea', type: 'person', value: 0.5 },
      ],
      communities: {
        count: 2,
        modularity: 0,
        groups: [
          { id: 0, label: 'Abe', size: 1, members: ['a'] },
          { id: 1, label: 'Bea', size: 1, members: ['b'] },
        ],
      },
    });
  });

  describe('on two triangles joined by one relation', () => {
    //   ann ─ ben          eve ─ fay
    //     ╲   ╱              ╲   ╱
    //      cai ── funded ──▶ dov
    const circles = literalGraph({
      entities: [
        person('ann', 'Ann Abbott'),
        person('ben', 'Ben Baker'),
        person('cai', 'Cai Chen'),
        { id: 'dov', type: 'organization', name: 'Dov Group' },
        person('eve', 'Eve Evans'),
        person('fay', 'Fay Fox'),
      ],
      documents: [
        {
          id: 'd1',
          date: '2023-01-01',
          title: 'Circles',
          text: 'Ann met Ben. Ben met Cai. Ann reportedly met Cai. Cai paid Dov. Dov met Eve. Eve never met Fay. Dov met Fay.',
        },
      ],
      claims: [
        said('c1', 'ann', 'in_contact_with', 'ben', 'asserts', 'Ann met Ben'),
        said('c2', 'ben', 'in_contact_with', 'cai', 'asserts', 'Ben met Cai'),
        said('c3', 'ann', 'in_contact_with', 'cai', 'alleges', 'Ann reportedly met Cai'),
        said('c4', 'cai', 'funded', 'dov', 'confirms', 'Cai paid Dov'),
        said('c5', 'dov', 'in_contact_with', 'eve', 'asserts', 'Dov met Eve'),
        said('c6', 'eve', 'in_contact_with', 'fay', 'denies', 'Eve never met Fay'),
        said('c7', 'dov', 'in_contact_with', 'fay', 'asserts', 'Dov met Fay'),
      ],
    });

    it('counts by node type, edge type and status', () => {
      const { counts, byNodeType, byEdgeType, byStatus } = stats(circles);
      expect(counts).toEqual({ entities: 6, edges: 7, claims: 7, documents: 1 });
      expect(byNodeType).toEqual({ ...zeroByNodeType, person: 5, organization: 1 });
      expect(byEdgeType).toEqual({ ...zeroByEdgeType, in_contact_with: 6, funded: 1 });
      expect(byStatus).toEqual({ ...zeroByStatus, confirmed: 1, reported: 4, alleged: 1, denied: 1 });
    });

    it('ranks by degree and by PageRank, ties by name, cut to top', () => {
      // PageRank (damping 0.85): the bridge ends 57/274, the others 20/137.
      const { topByDegree, topByPageRank } = stats(circles, 4);
      expect(topByDegree).toEqual([
        { id: 'cai', name: 'Cai Chen', type: 'person', value: 3 },
        { id: 'dov', name: 'Dov Group', type: 'organization', value: 3 },
        { id: 'ann', name: 'Ann Abbott', type: 'person', value: 2 },
        { id: 'ben', name: 'Ben Baker', type: 'person', value: 2 },
      ]);
      expect(topByPageRank).toEqual([
        { id: 'cai', name: 'Cai Chen', type: 'person', value: 0.208029 },
        { id: 'dov', name: 'Dov Group', type: 'organization', value: 0.208029 },
        { id: 'ann', name: 'Ann Abbott', type: 'person', value: 0.145985 },
        { id: 'ben', name: 'Ben Baker', type: 'person', value: 0.145985 },
      ]);
    });

    it('finds the two triangles as communities, modularity 2 × (3/7 − (7/14)²) = 5/14', () => {
      expect(stats(circles).communities).toEqual({
        count: 2,
        modularity: 0.357143,
        // Members by degree, then id; groups by size, then first member.
        groups: [
          { id: 0, label: 'Cai Chen', size: 3, members: ['cai', 'ann', 'ben'] },
          { id: 1, label: 'Dov Group', size: 3, members: ['dov', 'eve', 'fay'] },
        ],
      });
    });

    it('gives the same figures whatever the order of the records', () => {
      const reversed = literalGraph({
        entities: [...circles.dataset.entities.values()].reverse(),
        documents: [...circles.dataset.documents.values()],
        claims: [...circles.dataset.claims].reverse().map(({ quoteStart: _start, quoteEnd: _end, ...claim }) => claim),
      });
      expect(stats(reversed)).toEqual(stats(circles));
    });
  });

  it('weighs a pair by its claims, parallel relations added, and spreads the rank of an isolated entity', () => {
    // a–b: a contact and a funding (weight 2); b–c: a contact (1); z alone.
    // Exact PageRank: a 241/777, b 120/259, c 139/777, z 1/21.
    const path = literalGraph({
      entities: ['a', 'b', 'c', 'z'].map((id) => person(id, id.toUpperCase())),
      claims: [
        {
          id: 'r1',
          subject: 'a',
          type: 'in_contact_with',
          object: 'b',
          stance: 'asserts',
          record: { file: 'rows.csv', id: '1' },
        },
        {
          id: 'r2',
          subject: 'a',
          type: 'funded',
          object: 'b',
          stance: 'asserts',
          record: { file: 'rows.csv', id: '2' },
        },
        {
          id: 'r3',
          subject: 'c',
          type: 'in_contact_with',
          object: 'b',
          stance: 'asserts',
          record: { file: 'rows.csv', id: '3' },
        },
      ],
    });
    const figures = stats(path);
    // The registry file the claims cite counts as their source document.
    expect(figures.counts).toEqual({ entities: 4, edges: 3, claims: 3, documents: 1 });
    // The power iteration stops within its tolerance: b's 0.4633205 comes out as 0.463321.
    expect(figures.topByPageRank.map(({ id, value }) => [id, value])).toEqual([
      ['b', 0.463321],
      ['a', 0.310167],
      ['c', 0.178893],
      ['z', 0.047619],
    ]);
    const exact: Record<string, number> = { a: 241 / 777, b: 120 / 259, c: 139 / 777, z: 1 / 21 };
    for (const { id, value } of figures.topByPageRank) expect(Math.abs(value - exact[id])).toBeLessThan(1e-6);
    expect(figures.topByDegree.map(({ id, value }) => [id, value])).toEqual([
      ['b', 3],
      ['a', 2],
      ['c', 1],
      ['z', 0],
    ]);
    expect(figures.communities).toEqual({
      count: 2,
      modularity: 0,
      groups: [
        { id: 0, label: 'B', size: 3, members: ['b', 'a', 'c'] },
        { id: 1, label: 'Z', size: 1, members: ['z'] },
      ],
    });
  });

  it('counts a self-loop twice in a degree, but leaves it out of PageRank and the communities', () => {
    const figures = stats(world, 2);
    // d1, d2, d3 and the registry file the record claim cites.
    expect(figures.counts).toEqual({ entities: 5, edges: 7, claims: 8, documents: 4 });
    expect(figures.byStatus).toEqual({ ...zeroByStatus, confirmed: 1, reported: 5, disputed: 1 });
    expect(figures.topByDegree).toEqual([
      { id: 'bob', name: 'Bob Lee', type: 'person', value: 5 },
      { id: 'acme', name: 'Acme Holdings', type: 'organization', value: 4 },
    ]);
    // Weights 1 (acme–alice, acme–bob), 2 (acme–carol), 3 (alice–bob) of 7:
    // 2/7 − (6/14)² + 3/7 − (8/14)² = 10/49. Bob's self-loop puts him before Alice.
    expect(figures.communities).toEqual({
      count: 3,
      modularity: 0.204082,
      groups: [
        { id: 0, label: 'Acme Holdings', size: 2, members: ['acme', 'carol'] },
        { id: 1, label: 'Bob Lee', size: 2, members: ['bob', 'alice'] },
        { id: 2, label: 'Dave Stone', size: 1, members: ['dave'] },
      ],
    });
    const withoutSelfLoop = literalGraph({
      entities: [...world.dataset.entities.values()],
      documents: [...world.dataset.documents.values()],
      claims: world.dataset.claims
        .filter((claim) => claim.id !== 'c6')
        .map(({ quoteStart: _start, quoteEnd: _end, ...claim }) => claim),
    });
    expect(stats(withoutSelfLoop).topByPageRank).toEqual(stats(world).topByPageRank);
    // The same groups; only the order of members, by degree, sees the self-loop.
    const memberships = (graph: LiteralGraph) =>
      stats(graph).communities.groups.map((group) => [...group.members].sort());
    expect(memberships(withoutSelfLoop)).toEqual(memberships(world));
    expect(stats(world).communities.modularity).toBe(stats(withoutSelfLoop).communities.modularity);
  });
});
