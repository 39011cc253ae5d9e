// The browser's filters (client/src/filters.ts) against the server's (filterGraph): on
// the seed dataset and under every kind of filter, both keep the same entities and
// relations with the same statuses. Plus the rules themselves on tiny literal cases.
import path from 'node:path';
import Graph from 'graphology';
import {
  computeVisibility,
  countVisible,
  deriveStatus,
  edgeStatusUnder,
  restrictToNodes,
  statusLine,
} from '../../../client/src/filters';
import { claimInDateRange } from '../../../server/model/claimFilters';
import { buildGraph } from '../../../server/graph/buildGraph';
import { deriveEdgeStatus } from '../../../server/graph/deriveEdgeStatus';
import { loadDataset } from '../../../server/load/loadDataset';
import type { GraphFilters } from '../../../server/model/api';
import type { EdgeAttributes, NodeAttributes } from '../../../server/model/graph';
import type { EvidenceGraph, EvidenceGraphAttributes } from '../../../server/model/evidenceGraph';
import { filterGraph } from '../../../server/queries/filterGraph';

const dataset = loadDataset(path.resolve(__dirname, '../../../graph-data'));
const graph = buildGraph(dataset) as unknown as EvidenceGraph;
const statuses = dataset.vocabulary.vocabulary.statuses;

describe('client filters agree with the server', () => {
  const cases: [string, GraphFilters][] = [
    ['no filter', {}],
    ['persons only', { nodeTypes: ['person'] }],
    ['no persons', { nodeTypes: ['organization', 'country', 'service'] }],
    ['contact and request', { edgeTypes: ['in_contact_with', 'requested'] }],
    ['reported or confirmed', { status: ['reported', 'confirmed'] }],
    ['alleged only', { status: ['alleged'] }],
    ['known on the article day', { knownAt: '2024-10-25' }],
    ['known the day before', { knownAt: '2024-10-24' }],
    ['happened in 2022', { from: '2022-01-01', to: '2022-12-31' }],
    ['happened from 2024-06', { from: '2024-06-01' }],
    ['happened until 2022-09-30', { to: '2022-09-30' }],
    [
      'the shared-link example',
      { nodeTypes: ['person', 'country'], status: ['reported', 'confirmed'], knownAt: '2024-10-25' },
    ],
    ['nothing at all', { nodeTypes: [] }],
  ];
  it.each(cases)('%s', (_name, filters) => {
    const server = filterGraph(buildGraph(dataset), dataset, filters);
    const client = computeVisibility(graph, filters, statuses);
    expect([...client.nodes].sort()).toEqual(server.nodes().sort());
    const serverEdges = Object.fromEntries(server.mapEdges((edge, attributes) => [edge, attributes.status]));
    expect(Object.fromEntries(client.edges)).toEqual(serverEdges);
  });
});

describe('deriveStatus', () => {
  it('gives the same status as the server for every combination of stances', () => {
    const stances = ['asserts', 'alleges', 'denies', 'confirms'];
    for (let mask = 1; mask < 1 << stances.length; mask++) {
      const present = stances.filter((_stance, i) => mask & (1 << i));
      expect(deriveStatus(present, statuses)).toBe(deriveEdgeStatus(present, statuses));
    }
  });

  it('has no status without claims', () => {
    expect(deriveStatus([], statuses)).toBeUndefined();
  });
});

describe('claimInDateRange', () => {
  it('keeps a claim whose span touches the range', () => {
    expect(claimInDateRange({ startDate: '2022-10', endDate: '2024' }, '2024-12-31')).toBe(true);
    expect(claimInDateRange({ date: '2022' }, '2022-12-31', '2023-01-01')).toBe(true);
  });
  it('drops a claim entirely before or after the range, or without dates', () => {
    expect(claimInDateRange({ date: '2022-10' }, '2022-11-01')).toBe(false);
    expect(claimInDateRange({ date: '2022-10-05' }, undefined, '2022-10-04')).toBe(false);
    expect(claimInDateRange({}, '2000-01-01')).toBe(false);
  });
});

function tinyGraph(): EvidenceGraph {
  const g: EvidenceGraph = new Graph<NodeAttributes, EdgeAttributes, EvidenceGraphAttributes>({
    type: 'mixed',
    multi: true,
  });
  const node = (type: string): NodeAttributes => ({
    type,
    label: type,
    aliases: [],
    color: '#000000',
    degree: 1,
    size: 3,
    x: 0,
    y: 0,
  });
  g.addNode('a', node('person'));
  g.addNode('b', node('country'));
  g.addNode('c', node('person'));
  const claims = [
    { id: 'c1', subject: 'a', object: 'b', stance: 'alleges', documentDate: '2024-01-01' },
    { id: 'c2', subject: 'a', object: 'b', stance: 'denies', documentDate: '2024-03-01' },
  ];
  g.addDirectedEdgeWithKey('a|requested|b', 'a', 'b', {
    type: 'requested',
    label: 'disputed request',
    typeLabel: 'request',
    status: 'disputed',
    directed: true,
    color: '#f28e2b',
    size: 2,
    claimCount: 2,
    documents: [],
    claims,
  });
  g.addUndirectedEdgeWithKey('a|linked_to|c', 'a', 'c', {
    type: 'linked_to',
    label: 'link',
    typeLabel: 'link',
    status: 'reported',
    directed: false,
    color: '#aaaaaa',
    size: 1.5,
    claimCount: 1,
    documents: [],
    claims: [{ id: 'c3', subject: 'a', object: 'c', stance: 'asserts', documentDate: '2024-02-01' }],
  });
  return g;
}

describe('edgeStatusUnder', () => {
  it('recomputes the status from the claims known on the day', () => {
    const g = tinyGraph();
    const attributes = g.getEdgeAttributes('a|requested|b');
    expect(edgeStatusUnder(attributes, {}, statuses)).toBe('disputed');
    expect(edgeStatusUnder(attributes, { knownAt: '2024-02-01' }, statuses)).toBe('alleged');
    expect(edgeStatusUnder(attributes, { knownAt: '2023-12-31' }, statuses)).toBeUndefined();
    expect(edgeStatusUnder(attributes, { knownAt: '2024-02-01', status: ['disputed'] }, statuses)).toBeUndefined();
  });
});

describe('counts and the status line', () => {
  it('counts what is shown by type and status, and says N of M · K of L', () => {
    const g = tinyGraph();
    const visibility = computeVisibility(g, { status: ['disputed'] }, statuses);
    const counts = countVisible(g, visibility);
    expect(Object.fromEntries(counts.nodeTypes)).toEqual({ person: 2, country: 1 });
    expect(Object.fromEntries(counts.edgeTypes)).toEqual({ requested: 1 });
    expect(Object.fromEntries(counts.statuses)).toEqual({ disputed: 1 });
    expect(statusLine(g, visibility)).toBe('3 of 3 entities · 1 of 2 relations shown');
  });

  it('narrows to a neighbourhood: edges need both ends kept', () => {
    const g = tinyGraph();
    const narrowed = restrictToNodes(g, computeVisibility(g, {}, statuses), new Set(['a', 'b']));
    expect(statusLine(g, narrowed)).toBe('2 of 3 entities · 1 of 2 relations shown');
  });
});
