// The shared filters straight on the literal world: what was known on a day (statuses
// recomputed from the claims then public), documents, statuses, types, dates and claim
// counts, each alone and combined, with degrees recomputed and the source left as it was.
import type { GraphFilters } from '../../../server/model/api';
import { filterGraph, hasGraphFilters } from '../../../server/queries/filterGraph';
import { literalGraph } from './literalGraph';
import { edgeClaims, world, worldEdges, worldNodes } from './world';

const { graph, dataset } = world;
const filter = (filters: GraphFilters) => filterGraph(graph, dataset, filters);
const edgeKeys = (filters: GraphFilters) => filter(filters).edges();
const statuses = (filters: GraphFilters) =>
  Object.fromEntries(filter(filters).mapEdges((edge, attributes) => [edge, attributes.status]));

describe('filterGraph', () => {
  it('returns the graph itself when no filter is set', () => {
    expect(filter({})).toBe(graph);
    expect(filter({ nodeTypes: undefined, knownAt: undefined })).toBe(graph);
    expect(hasGraphFilters({ minClaims: undefined })).toBe(false);
    expect(hasGraphFilters({ nodeTypes: [] })).toBe(true);
  });

  it('gives an empty graph for an empty graph, with its attributes', () => {
    const empty = literalGraph({ entities: [] });
    const filtered = filterGraph(empty.graph, empty.dataset, { knownAt: '2022', status: ['reported'] });
    expect(filtered).not.toBe(empty.graph);
    expect(filtered.export()).toEqual({
      options: { type: 'mixed', multi: true, allowSelfLoops: true },
      attributes: { name: 'claimgraph', version: 'literal' },
      nodes: [],
      edges: [],
    });
  });

  it('shows what was known on a day: claims from later documents are dropped and the status recomputed', () => {
    // Known on 2022-01-31: d1 only. The contact was then alleged (c1), not yet disputed;
    // what d2 and d3 said, and the record without a document, were not known.
    const known = filter({ knownAt: '2022-01' });
    expect(known.export()).toEqual({
      options: { type: 'mixed', multi: true, allowSelfLoops: true },
      attributes: { name: 'claimgraph', version: 'literal' },
      nodes: [
        { key: 'alice', attributes: { ...worldNodes.alice, degree: 2, size: 6.11 } },
        { key: 'bob', attributes: { ...worldNodes.bob, degree: 3, size: 6.81 } },
        { key: 'acme', attributes: { ...worldNodes.acme, degree: 1, size: 5.2 } },
        { key: 'carol', attributes: { ...worldNodes.carol, degree: 0, size: 3 } },
        { key: 'dave', attributes: worldNodes.dave },
      ],
      edges: [
        { key: 'acme|funded|bob', source: 'acme', target: 'bob', attributes: worldEdges['acme|funded|bob'] },
        {
          key: 'alice|in_contact_with|bob',
          source: 'alice',
          target: 'bob',
          undirected: true,
          attributes: {
            type: 'in_contact_with',
            label: 'alleged contact',
            typeLabel: 'contact',
            status: 'alleged',
            directed: false,
            color: '#e15759',
            size: 1.5,
            claimCount: 1,
            documents: ['d1'],
            firstDate: '2021-11',
            lastDate: '2021-11',
            claims: [edgeClaims.c1],
          },
        },
        { key: 'alice|requested|bob', source: 'alice', target: 'bob', attributes: worldEdges['alice|requested|bob'] },
      ],
    });
  });

  it('takes a month or a year as its last day, and a document of that very day as known', () => {
    expect(statuses({ knownAt: '2021-11-30' })).toEqual({});
    expect(statuses({ knownAt: '2021-12-01' })).toEqual({
      'acme|funded|bob': 'reported',
      'alice|in_contact_with|bob': 'alleged',
      'alice|requested|bob': 'reported',
    });
    expect(statuses({ knownAt: '2021' })).toEqual(statuses({ knownAt: '2021-12-01' }));
    expect(statuses({ knownAt: '2022-03-15' })).toMatchObject({ 'alice|in_contact_with|bob': 'disputed' });
  });

  it('keeps an edge whose claims all pass as the very same attributes', () => {
    expect(filter({ knownAt: '2022-01' }).getEdgeAttributes('acme|funded|bob')).toBe(
      graph.getEdgeAttributes('acme|funded|bob'),
    );
  });

  it('keeps only claims from the documents asked for, records without a document never', () => {
    // d2 alone: only Bob's denial of the contact, so the contact is denied.
    expect(statuses({ documents: ['d2'] })).toEqual({
      'alice|holds_position|acme': 'confirmed',
      'alice|in_contact_with|bob': 'denied',
      'bob|criticized|bob': 'reported',
    });
    expect(filter({ documents: ['d2'] }).getEdgeAttributes('alice|in_contact_with|bob')).toMatchObject({
      label: 'denied contact',
      claimCount: 1,
      documents: ['d2'],
      claims: [edgeClaims.c2],
    });
    expect(edgeKeys({ documents: ['registry.csv'] })).toEqual([]);
    expect(edgeKeys({ documents: ['nowhere'] })).toEqual([]);
  });

  it('keeps relations of the statuses asked for, after the status is recomputed', () => {
    expect(edgeKeys({ status: ['reported'] })).toEqual([
      'acme|funded|bob',
      'acme|funded|carol',
      'acme|in_contact_with|carol',
      'alice|requested|bob',
      'bob|criticized|bob',
    ]);
    expect(edgeKeys({ status: ['alleged'] })).toEqual([]);
    expect(edgeKeys({ status: ['alleged'], knownAt: '2022-01' })).toEqual(['alice|in_contact_with|bob']);
  });

  it('keeps relations of the edge types asked for', () => {
    expect(edgeKeys({ edgeTypes: ['in_contact_with'] })).toEqual([
      'acme|in_contact_with|carol',
      'alice|in_contact_with|bob',
    ]);
    expect(edgeKeys({ edgeTypes: [] })).toEqual([]);
  });

  it('keeps entities of the node types asked for, and only relations between two of them', () => {
    const persons = filter({ nodeTypes: ['person'] });
    expect(persons.nodes()).toEqual(['alice', 'bob', 'carol', 'dave']);
    expect(persons.edges()).toEqual(['alice|in_contact_with|bob', 'alice|requested|bob', 'bob|criticized|bob']);
    // A self-loop counts twice in a degree.
    expect(persons.mapNodes((node, attributes) => [node, attributes.degree, attributes.size])).toEqual([
      ['alice', 2, 6.11],
      ['bob', 4, 7.4],
      ['carol', 0, 3],
      ['dave', 0, 3],
    ]);
    expect(filter({ nodeTypes: [] }).order).toBe(0);
  });

  it('keeps relations with a claim dated in the range, with all their claims', () => {
    // c4 is dated 2021 (the whole year), c1 2021-11: both touch the second half of 2021.
    const late2021 = filter({ from: '2021-06', to: '2021-12' });
    expect(late2021.edges()).toEqual(['acme|funded|bob', 'alice|in_contact_with|bob']);
    expect(late2021.getEdgeAttributes('alice|in_contact_with|bob')).toBe(
      graph.getEdgeAttributes('alice|in_contact_with|bob'),
    );
    expect(edgeKeys({ from: '2022' })).toEqual(['acme|in_contact_with|carol']);
    expect(edgeKeys({ to: '2020' })).toEqual(['acme|funded|carol', 'alice|holds_position|acme']);
    // A claim without dates is never in a range: the request and the self-criticism.
    expect(edgeKeys({ from: '1900' })).toEqual([
      'acme|funded|bob',
      'acme|funded|carol',
      'acme|in_contact_with|carol',
      'alice|holds_position|acme',
      'alice|in_contact_with|bob',
    ]);
  });

  it('keeps relations backed by at least minClaims claims, counted after the claim filters', () => {
    expect(edgeKeys({ minClaims: 2 })).toEqual(['alice|in_contact_with|bob']);
    expect(edgeKeys({ minClaims: 2, knownAt: '2022-01' })).toEqual([]);
    expect(edgeKeys({ minClaims: 1 })).toEqual(graph.edges());
  });

  it('combines filters: persons, reported or confirmed, known on 2022-03-31', () => {
    expect(statuses({ nodeTypes: ['person'], status: ['reported', 'confirmed'], knownAt: '2022-03' })).toEqual({
      'alice|requested|bob': 'reported',
      'bob|criticized|bob': 'reported',
    });
  });

  it('leaves the source graph as it was', () => {
    filter({ nodeTypes: ['person'], knownAt: '2022-01' });
    expect(Object.fromEntries(graph.mapNodes((node, attributes) => [node, attributes]))).toEqual(worldNodes);
    expect(Object.fromEntries(graph.mapEdges((edge, attributes) => [edge, attributes]))).toEqual(worldEdges);
  });

  it('calls the checkpoint every 4096 relations, and stops when it throws', () => {
    // 4,100 relations, generated: a fund paying 4,100 people, one registry row each.
    const people = Array.from({ length: 4100 }, (_, i) => `p${i}`);
    const big = literalGraph({
      entities: [
        { id: 'fund', type: 'organization', name: 'Fund' },
        ...people.map((id) => ({ id, type: 'person', name: id })),
      ],
      claims: people.map((id, i) => ({
        id: `r${i}`,
        subject: 'fund',
        type: 'funded',
        object: id,
        stance: 'asserts',
        record: { file: 'payments.csv', id: `row-${i}` },
      })),
    });
    let checks = 0;
    const all = filterGraph(big.graph, big.dataset, { minClaims: 1 }, { check: () => void (checks += 1) });
    expect([all.size, checks]).toEqual([4100, 1]);
    const overBudget = {
      check() {
        throw new Error('over budget');
      },
    };
    expect(() => filterGraph(big.graph, big.dataset, { minClaims: 1 }, overBudget)).toThrow('over budget');
  });
});
