// When the explorer knows there is no path, and how it says so (client/src/pathOutcome.ts),
// on a literal graph: a –(alleged contact)– b –(reported owns)→ c, and d alone.
import {
  connectedUnder,
  hasPathFilters,
  noPathMessage,
  noPathProblemMessage,
  pathFilters,
} from '../../../client/src/pathOutcome';
import { createEvidenceGraph } from '../../../server/model/evidenceGraph';
import type { EdgeAttributes, NodeAttributes } from '../../../server/model/graph';
import vocabulary from '../../../graph-data/vocabulary.json';

const statuses = vocabulary.statuses as Parameters<typeof connectedUnder>[3];

function node(type: string, label: string): NodeAttributes {
  return { type, label, aliases: [], color: '#e15759', degree: 1, size: 3, x: 0, y: 0 };
}

function edge(type: string, status: string, stance: string, documentDate: string): EdgeAttributes {
  return {
    type,
    label: type,
    typeLabel: type,
    status,
    directed: type !== 'in_contact_with',
    color: '#e15759',
    size: 1,
    claimCount: 1,
    documents: ['doc'],
    claims: [{ id: `${type}-1`, subject: 'a', object: 'b', stance, documentDate, date: '2022-10' }],
  };
}

const graph = createEvidenceGraph();
graph.addNode('a', node('person', 'Ann'));
graph.addNode('b', node('organization', 'Bee Corp'));
graph.addNode('c', node('service', 'Sea'));
graph.addNode('d', node('person', 'Dee'));
graph.addUndirectedEdgeWithKey('a|b', 'a', 'b', edge('in_contact_with', 'alleged', 'alleges', '2024-05-01'));
graph.addDirectedEdgeWithKey('b|c', 'b', 'c', edge('owns', 'reported', 'asserts', '2024-01-01'));

describe('connectedUnder', () => {
  it('follows relations either way, under the view’s filters', () => {
    expect(connectedUnder(graph, { from: 'c', to: 'a', strict: false }, {}, statuses)).toBe(true);
    expect(connectedUnder(graph, { from: 'a', to: 'd', strict: false }, {}, statuses)).toBe(false);
    expect(connectedUnder(graph, { from: 'a', to: 'c', strict: false }, { knownAt: '2024-04-30' }, statuses)).toBe(
      false,
    );
    expect(
      connectedUnder(graph, { from: 'a', to: 'c', strict: false }, { nodeTypes: ['person', 'service'] }, statuses),
    ).toBe(false);
  });

  it('keeps only reported or confirmed relations when strict', () => {
    expect(connectedUnder(graph, { from: 'a', to: 'c', strict: true }, {}, statuses)).toBe(false);
    expect(connectedUnder(graph, { from: 'b', to: 'c', strict: true }, {}, statuses)).toBe(true);
  });

  it('ignores the date range, as /api/path does (there from and to are the ends)', () => {
    expect(connectedUnder(graph, { from: 'a', to: 'c', strict: false }, { from: '2030-01-01' }, statuses)).toBe(true);
  });

  it('leaves an entity it does not hold to the server', () => {
    expect(connectedUnder(graph, { from: 'a', to: 'elsewhere', strict: true }, {}, statuses)).toBe(true);
  });
});

describe('pathFilters and hasPathFilters', () => {
  it('drops the date range and narrows the statuses when strict', () => {
    expect(pathFilters({ from: '2022-01-01', to: '2022-12-31', status: ['confirmed', 'alleged'] }, true)).toEqual({
      from: undefined,
      to: undefined,
      status: ['confirmed'],
    });
    expect(hasPathFilters({ from: '2022-01-01', to: '2022-12-31' })).toBe(false);
    expect(hasPathFilters({ knownAt: '2024-01-01' })).toBe(true);
  });
});

describe('the path finder’s messages', () => {
  const ends = { fromName: 'Elon Musk', toName: 'Xi Jinping', strict: true, filtered: false };
  it('names the ends and what limited the search', () => {
    expect(noPathMessage(ends)).toBe('No path from Elon Musk to Xi Jinping with only reported or confirmed relations');
    expect(noPathMessage({ ...ends, strict: false, filtered: true })).toBe(
      'No path from Elon Musk to Xi Jinping under these filters',
    );
    expect(noPathMessage({ ...ends, filtered: true })).toBe(
      'No path from Elon Musk to Xi Jinping with only reported or confirmed relations under these filters',
    );
    expect(noPathMessage({ ...ends, strict: false })).toBe(
      'No path from Elon Musk to Xi Jinping: no chain of relations connects them',
    );
  });

  it('words the server’s no-path problem with the names, a too-long path with its length', () => {
    expect(noPathProblemMessage(ends, [{ path: 'to', message: 'not connected to "elon-musk"' }])).toBe(
      'No path from Elon Musk to Xi Jinping with only reported or confirmed relations',
    );
    expect(
      noPathProblemMessage({ ...ends, strict: false }, [
        { path: 'maxLength', message: 'the shortest path has 8 steps' },
      ]),
    ).toBe('The shortest path from Elon Musk to Xi Jinping has 8 steps, more than the path finder follows');
  });
});
