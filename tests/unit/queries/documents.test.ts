// Source documents straight on literal data: the list newest first with claim counts,
// and one document's text with the spans its claims quote, in text order, each naming
// the relation it backs (an undirected relation's key whichever way the claim states it).
import { claimsByDocument, documentDetails, listDocuments } from '../../../server/queries/documents';
import { literalGraph } from './literalGraph';
import { world } from './world';

const { dataset } = world;
const byDocument = claimsByDocument(dataset);

describe('claimsByDocument', () => {
  it('groups the claims that quote each document, leaving out record claims', () => {
    expect(
      Object.fromEntries([...byDocument].map(([document, claims]) => [document, claims.map((claim) => claim.id)])),
    ).toEqual({ d1: ['c1', 'c3', 'c4'], d2: ['c2', 'c5', 'c6'], d3: ['c7'] });
  });
});

describe('listDocuments', () => {
  it('lists documents newest first, with their length and claim count', () => {
    expect(listDocuments(dataset, byDocument, { limit: 10, offset: 0 })).toEqual({
      total: 3,
      limit: 10,
      offset: 0,
      documents: [
        { id: 'd3', title: 'A call', date: '2023-06-30', length: 45, claimCount: 1 },
        {
          id: 'd2',
          title: 'Denials',
          date: '2022-03-15',
          url: 'https://example.org/denials',
          length: 135,
          claimCount: 3,
        },
        { id: 'd1', title: 'The Vienna meeting', date: '2021-12-01', length: 141, claimCount: 3 },
      ],
    });
    expect(
      listDocuments(dataset, byDocument, { limit: 1, offset: 1 }).documents.map((document) => document.id),
    ).toEqual(['d2']);
  });

  it('orders documents of the same day by id, and counts zero claims for an unquoted one', () => {
    const sameDay = literalGraph({
      entities: [],
      documents: ['b', 'c', 'a'].map((id) => ({ id, date: '2024-05-01', title: id, text: `Text ${id}.` })),
    });
    expect(
      listDocuments(sameDay.dataset, claimsByDocument(sameDay.dataset), { limit: 10, offset: 0 }).documents,
    ).toEqual(['a', 'b', 'c'].map((id) => ({ id, title: id, date: '2024-05-01', length: 7, claimCount: 0 })));
  });

  it('lists nothing for a dataset without documents', () => {
    const none = literalGraph({ entities: [] });
    expect(listDocuments(none.dataset, claimsByDocument(none.dataset), { limit: 10, offset: 0 })).toEqual({
      total: 0,
      limit: 10,
      offset: 0,
      documents: [],
    });
  });
});

describe('documentDetails', () => {
  it('gives the text and the quoted spans in text order, each with the relation it backs', () => {
    expect(documentDetails(dataset, byDocument, 'd2')).toEqual({
      id: 'd2',
      title: 'Denials',
      date: '2022-03-15',
      url: 'https://example.org/denials',
      length: 135,
      claimCount: 3,
      text: 'Bob Lee denied ever meeting Alice Martin. Alice Martin has been CEO of Acme Holdings since May 2019. Bob Lee criticized himself on air.',
      spans: [
        // Bob's denial states the contact from his end; the relation's key is the one of the pair.
        {
          claim: 'c2',
          edge: 'alice|in_contact_with|bob',
          subject: 'bob',
          type: 'in_contact_with',
          object: 'alice',
          stance: 'denies',
          start: 0,
          end: 40,
          quote: 'Bob Lee denied ever meeting Alice Martin',
        },
        {
          claim: 'c5',
          edge: 'alice|holds_position|acme',
          subject: 'alice',
          type: 'holds_position',
          object: 'acme',
          stance: 'confirms',
          start: 42,
          end: 99,
          quote: 'Alice Martin has been CEO of Acme Holdings since May 2019',
        },
        {
          claim: 'c6',
          edge: 'bob|criticized|bob',
          subject: 'bob',
          type: 'criticized',
          object: 'bob',
          stance: 'asserts',
          start: 101,
          end: 134,
          quote: 'Bob Lee criticized himself on air',
        },
      ],
    });
  });

  it('orders spans that start together by their end, then by claim id', () => {
    const overlapping = literalGraph({
      entities: [
        { id: 'a', type: 'person', name: 'A' },
        { id: 'b', type: 'person', name: 'B' },
      ],
      documents: [{ id: 'd1', date: '2024-05-01', title: 'T', text: 'A met B and paid B.' }],
      claims: [
        {
          id: 'z',
          subject: 'a',
          type: 'in_contact_with',
          object: 'b',
          stance: 'asserts',
          document: 'd1',
          quote: 'A met B and paid B',
        },
        {
          id: 'y',
          subject: 'b',
          type: 'in_contact_with',
          object: 'a',
          stance: 'alleges',
          document: 'd1',
          quote: 'A met B',
        },
        { id: 'x', subject: 'a', type: 'linked_to', object: 'b', stance: 'asserts', document: 'd1', quote: 'A met B' },
        { id: 'w', subject: 'a', type: 'funded', object: 'b', stance: 'asserts', document: 'd1', quote: 'paid B' },
      ],
    });
    const details = documentDetails(overlapping.dataset, claimsByDocument(overlapping.dataset), 'd1');
    expect(details?.spans.map((span) => [span.claim, span.start, span.end])).toEqual([
      ['x', 0, 7],
      ['y', 0, 7],
      ['z', 0, 18],
      ['w', 12, 18],
    ]);
  });

  it('gives nothing for an unknown document', () => {
    expect(documentDetails(dataset, byDocument, 'd9')).toBeUndefined();
  });
});
