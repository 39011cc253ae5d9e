// The built graph: a mixed multigraph with one edge per claim group, derived status,
// display label, documents, dates and degrees.
import { buildGraph } from '../../../server/graph/buildGraph';
import { claim, dataset, person } from './fixtures';

describe('buildGraph', () => {
  const data = dataset(
    [
      person('alice', 'Alice'),
      person('bob', 'Bob'),
      { id: 'acme', type: 'organization', kind: 'company', name: 'Acme', aliases: ['Acme Inc'] },
    ],
    [
      claim('alice', 'in_contact_with', 'bob', 'alleges', {
        id: 'c1',
        date: '2022-10',
        quote: 'met',
        quoteStart: 0,
        quoteEnd: 3,
      }),
      claim('bob', 'in_contact_with', 'alice', 'denies', { id: 'c2', attributedTo: 'bob', endDate: '2024' }),
      claim('alice', 'requested', 'bob', 'asserts', { id: 'c3' }),
      claim('alice', 'holds_position', 'acme', 'confirms', { id: 'c4', role: 'CEO', startDate: '2019-05' }),
    ],
  );
  const graph = buildGraph(data);

  it('is a mixed multigraph with an undirected edge for undirected types', () => {
    expect(graph.type).toBe('mixed');
    expect(graph.multi).toBe(true);
    expect(graph.order).toBe(3);
    expect(graph.size).toBe(3);
    expect(graph.isUndirected('alice|in_contact_with|bob')).toBe(true);
    expect(graph.isDirected('alice|requested|bob')).toBe(true);
    expect(graph.edges('alice', 'bob').sort()).toEqual(['alice|in_contact_with|bob', 'alice|requested|bob']);
  });

  it('derives status, label, counts, documents and dates from the claims', () => {
    const attributes = graph.getEdgeAttributes('alice|in_contact_with|bob');
    expect(attributes).toMatchObject({
      type: 'in_contact_with',
      label: 'disputed contact',
      typeLabel: 'contact',
      status: 'disputed',
      directed: false,
      color: '#e15759',
      claimCount: 2,
      documents: ['d1'],
      firstDate: '2022-10',
      lastDate: '2024',
    });
    expect(attributes.claims.map((c) => c.id)).toEqual(['c1', 'c2']);
    expect(attributes.claims[0]).toEqual({
      id: 'c1',
      subject: 'alice',
      object: 'bob',
      stance: 'alleges',
      quote: 'met',
      quoteStart: 0,
      quoteEnd: 3,
      document: 'd1',
      documentTitle: 'Doc one',
      documentDate: '2024-01-02',
      date: '2022-10',
    });
    expect(graph.getEdgeAttribute('alice|requested|bob', 'label')).toBe('request');
    expect(graph.getEdgeAttribute('alice|holds_position|acme', 'label')).toBe('confirmed holds position');
  });

  it('gives nodes their type, label, aliases, colour and degree', () => {
    expect(graph.getNodeAttributes('acme')).toMatchObject({
      type: 'organization',
      kind: 'company',
      label: 'Acme',
      aliases: ['Acme Inc'],
      color: '#4e79a7',
      degree: 1,
    });
    expect(graph.getNodeAttribute('alice', 'degree')).toBe(3);
    expect(graph.getAttribute('version')).toBe('test');
  });

  it('adds relations in (source, type, target) order, whatever the order of the claims', () => {
    expect(graph.edges()).toEqual(['alice|holds_position|acme', 'alice|in_contact_with|bob', 'alice|requested|bob']);
    const reversed = buildGraph(dataset([...data.entities.values()], [...data.claims].reverse()));
    expect(reversed.edges()).toEqual(graph.edges());
  });
});
