// When a typed date becomes a filter (client/src/dateEntry.ts), and what the document dates
// say about a Known on day (client/src/documentDates.ts), on literal values.
import { filterAfterEntry, readDateEntry } from '../../../client/src/dateEntry';
import { documentDates, nothingKnownYet } from '../../../client/src/documentDates';
import { createEvidenceGraph } from '../../../server/model/evidenceGraph';
import type { EdgeAttributes, EdgeClaim, NodeAttributes } from '../../../server/model/graph';

describe('readDateEntry', () => {
  it('takes a complete date with a four-digit year', () => {
    expect(readDateEntry('2023-01-01', false)).toEqual({ kind: 'date', value: '2023-01-01' });
    expect(readDateEntry('1000-12-31', false)).toEqual({ kind: 'date', value: '1000-12-31' });
  });

  it('waits while the year is still being typed digit by digit', () => {
    for (const value of ['0002-01-01', '0020-01-01', '0202-01-01', '0999-12-31'])
      expect(readDateEntry(value, false)).toEqual({ kind: 'incomplete' });
  });

  it('waits while a segment is empty, and clears when every segment is', () => {
    expect(readDateEntry('', true)).toEqual({ kind: 'incomplete' });
    expect(readDateEntry('', false)).toEqual({ kind: 'cleared' });
  });

  it('refuses what is not a calendar day', () => {
    expect(readDateEntry('2023-02-30', false)).toEqual({ kind: 'incomplete' });
    expect(readDateEntry('2023-1-01', false)).toEqual({ kind: 'incomplete' });
  });
});

describe('filterAfterEntry', () => {
  it('applies a date, removes the filter when cleared, and keeps it while incomplete', () => {
    expect(filterAfterEntry({ kind: 'date', value: '2024-10-25' }, '2023-01-01')).toBe('2024-10-25');
    expect(filterAfterEntry({ kind: 'cleared' }, '2023-01-01')).toBeUndefined();
    expect(filterAfterEntry({ kind: 'incomplete' }, '2023-01-01')).toBe('2023-01-01');
    expect(filterAfterEntry({ kind: 'incomplete' }, undefined)).toBeUndefined();
  });
});

function node(label: string): NodeAttributes {
  return { type: 'person', label, aliases: [], color: '#e15759', degree: 1, size: 3, x: 0, y: 0 };
}

function edge(claims: Partial<EdgeClaim>[]): EdgeAttributes {
  return {
    type: 'in_contact_with',
    label: 'contact',
    typeLabel: 'contact',
    status: 'alleged',
    directed: false,
    color: '#e15759',
    size: 1,
    claimCount: claims.length,
    documents: [],
    claims: claims.map((claim, index) => ({ id: `c${index}`, subject: 'a', object: 'b', stance: 'alleges', ...claim })),
  };
}

describe('documentDates and nothingKnownYet', () => {
  const graph = createEvidenceGraph();
  graph.addNode('a', node('A'));
  graph.addNode('b', node('B'));
  graph.addNode('c', node('C'));
  graph.addUndirectedEdgeWithKey(
    'a|b',
    'a',
    'b',
    edge([{ documentDate: '2024-10-25' }, { documentDate: '2024-03-01' }]),
  );
  graph.addUndirectedEdgeWithKey('b|c', 'b', 'c', edge([{ documentDate: '2024-10-25' }, {}]));

  it('lists every document date once, earliest first', () => {
    expect(documentDates(graph)).toEqual(['2024-03-01', '2024-10-25']);
  });

  it('says when Known on precedes every document, and names the first', () => {
    expect(nothingKnownYet('2023-01-01', ['2024-03-01', '2024-10-25'])).toBe(
      'No document was published by 2023-01-01; the first is dated 2024-03-01.',
    );
    expect(nothingKnownYet('2024-02-29', ['2024-03-01'])).toBe(
      'No document was published by 2024-02-29; the first is dated 2024-03-01.',
    );
  });

  it('says nothing on the first document’s day or later, nor without a Known on day', () => {
    expect(nothingKnownYet('2024-03-01', ['2024-03-01', '2024-10-25'])).toBeUndefined();
    expect(nothingKnownYet('2025-01-01', ['2024-03-01'])).toBeUndefined();
    expect(nothingKnownYet(undefined, ['2024-03-01'])).toBeUndefined();
  });

  it('says so when no document behind the relations has a date', () => {
    expect(nothingKnownYet('2024-01-01', [])).toBe(
      "No document with a date is behind this graph's relations, so nothing was known on 2024-01-01.",
    );
  });
});
