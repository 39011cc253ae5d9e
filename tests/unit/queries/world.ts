// One small evidence graph shared by the query tests, written out in full so that the
// expected answers can be worked out by hand from it:
//
//                  contact (disputed: c1 alleges, c2 denies)
//        alice ═══════════════════════════════════════════ bob ─┐ criticized (c6,
//          │   ──────── requested (c3 asserts) ───────────▶ ▲   │ a self-loop)
//          │                                                │ ◀─┘
//          │ holds_position (c5 confirms, CEO)              │ funded (c4 asserts)
//          ▼                                                │
//         acme ─────────────────────────────────────────────┘
//          ║ ╲
//  contact ║  ╲ funded (c8, a registry record, no document)
//  (c7)    ║   ▼
//         carol                                  dave (no relations)
//
// Documents: d1 (2021-12-01) quotes c1, c3, c4; d2 (2022-03-15) quotes c2, c5, c6;
// d3 (2023-06-30) quotes c7. So what was known on 2022-01-31 is d1 only, and the
// contact between Alice and Bob was then alleged, not yet disputed.
import { literalGraph } from './literalGraph';

export const world = literalGraph({
  entities: [
    { id: 'alice', type: 'person', name: 'Alice Martin', aliases: ['A. Martin'] },
    { id: 'bob', type: 'person', name: 'Bob Lee' },
    { id: 'acme', type: 'organization', kind: 'company', name: 'Acme Holdings', description: 'A holding company.' },
    { id: 'carol', type: 'person', name: 'Carol Diaz' },
    { id: 'dave', type: 'person', name: 'Dave Stone' },
  ],
  documents: [
    {
      id: 'd1',
      date: '2021-12-01',
      title: 'The Vienna meeting',
      text: 'Alice Martin reportedly met Bob Lee in Vienna in November 2021. Alice Martin asked Bob Lee to stay quiet. Acme Holdings paid Bob Lee in 2021.',
    },
    {
      id: 'd2',
      date: '2022-03-15',
      title: 'Denials',
      text: 'Bob Lee denied ever meeting Alice Martin. Alice Martin has been CEO of Acme Holdings since May 2019. Bob Lee criticized himself on air.',
      url: 'https://example.org/denials',
    },
    { id: 'd3', date: '2023-06-30', title: 'A call', text: 'Carol Diaz called Acme Holdings in June 2023.' },
  ],
  claims: [
    { id: 'c1', subject: 'alice', type: 'in_contact_with', object: 'bob', stance: 'alleges', document: 'd1', quote: 'Alice Martin reportedly met Bob Lee in Vienna', date: '2021-11' },
    { id: 'c2', subject: 'bob', type: 'in_contact_with', object: 'alice', stance: 'denies', document: 'd2', quote: 'Bob Lee denied ever meeting Alice Martin', attributedTo: 'bob' },
    { id: 'c3', subject: 'alice', type: 'requested', object: 'bob', stance: 'asserts', document: 'd1', quote: 'Alice Martin asked Bob Lee to stay quiet' },
    { id: 'c4', subject: 'acme', type: 'funded', object: 'bob', stance: 'asserts', document: 'd1', quote: 'Acme Holdings paid Bob Lee in 2021', date: '2021' },
    { id: 'c5', subject: 'alice', type: 'holds_position', object: 'acme', stance: 'confirms', document: 'd2', quote: 'Alice Martin has been CEO of Acme Holdings since May 2019', role: 'CEO', startDate: '2019-05' },
    { id: 'c6', subject: 'bob', type: 'criticized', object: 'bob', stance: 'asserts', document: 'd2', quote: 'Bob Lee criticized himself on air' },
    { id: 'c7', subject: 'carol', type: 'in_contact_with', object: 'acme', stance: 'asserts', document: 'd3', quote: 'Carol Diaz called Acme Holdings in June 2023', date: '2023-06' },
    { id: 'c8', subject: 'acme', type: 'funded', object: 'carol', stance: 'asserts', record: { file: 'registry.csv', id: 'row-7' }, date: '2020' },
  ],
});

/** The claims as the edges carry them (with their document's title and date, and the quote's offsets in it). */
export const edgeClaims = {
  c1: { id: 'c1', subject: 'alice', object: 'bob', stance: 'alleges', quote: 'Alice Martin reportedly met Bob Lee in Vienna', quoteStart: 0, quoteEnd: 45, document: 'd1', documentTitle: 'The Vienna meeting', documentDate: '2021-12-01', date: '2021-11' },
  c2: { id: 'c2', subject: 'bob', object: 'alice', stance: 'denies', quote: 'Bob Lee denied ever meeting Alice Martin', quoteStart: 0, quoteEnd: 40, document: 'd2', documentTitle: 'Denials', documentDate: '2022-03-15', attributedTo: 'bob' },
  c3: { id: 'c3', subject: 'alice', object: 'bob', stance: 'asserts', quote: 'Alice Martin asked Bob Lee to stay quiet', quoteStart: 64, quoteEnd: 104, document: 'd1', documentTitle: 'The Vienna meeting', documentDate: '2021-12-01' },
  c4: { id: 'c4', subject: 'acme', object: 'bob', stance: 'asserts', quote: 'Acme Holdings paid Bob Lee in 2021', quoteStart: 106, quoteEnd: 140, document: 'd1', documentTitle: 'The Vienna meeting', documentDate: '2021-12-01', date: '2021' },
  c5: { id: 'c5', subject: 'alice', object: 'acme', stance: 'confirms', quote: 'Alice Martin has been CEO of Acme Holdings since May 2019', quoteStart: 42, quoteEnd: 99, document: 'd2', documentTitle: 'Denials', documentDate: '2022-03-15', role: 'CEO', startDate: '2019-05' },
  c6: { id: 'c6', subject: 'bob', object: 'bob', stance: 'asserts', quote: 'Bob Lee criticized himself on air', quoteStart: 101, quoteEnd: 134, document: 'd2', documentTitle: 'Denials', documentDate: '2022-03-15' },
  c7: { id: 'c7', subject: 'carol', object: 'acme', stance: 'asserts', quote: 'Carol Diaz called Acme Holdings in June 2023', quoteStart: 0, quoteEnd: 44, document: 'd3', documentTitle: 'A call', documentDate: '2023-06-30', date: '2023-06' },
  c8: { id: 'c8', subject: 'acme', object: 'carol', stance: 'asserts', record: { file: 'registry.csv', id: 'row-7' }, date: '2020' },
};

/** Every relation of the world as buildGraph makes it, by key. */
export const worldEdges = {
  'acme|funded|bob': {
    type: 'funded', label: 'funded', typeLabel: 'funded', status: 'reported', directed: true, color: '#17becf', size: 1.5, claimCount: 1,
    documents: ['d1'], firstDate: '2021', lastDate: '2021', claims: [edgeClaims.c4],
  },
  'acme|funded|carol': {
    type: 'funded', label: 'funded', typeLabel: 'funded', status: 'reported', directed: true, color: '#17becf', size: 1.5, claimCount: 1,
    documents: ['registry.csv'], firstDate: '2020', lastDate: '2020', claims: [edgeClaims.c8],
  },
  'acme|in_contact_with|carol': {
    type: 'in_contact_with', label: 'contact', typeLabel: 'contact', status: 'reported', directed: false, color: '#e15759', size: 1.5, claimCount: 1,
    documents: ['d3'], firstDate: '2023-06', lastDate: '2023-06', claims: [edgeClaims.c7],
  },
  'alice|holds_position|acme': {
    type: 'holds_position', label: 'confirmed holds position', typeLabel: 'holds position', status: 'confirmed', directed: true, color: '#9c755f', size: 1.5, claimCount: 1,
    documents: ['d2'], firstDate: '2019-05', lastDate: '2019-05', claims: [edgeClaims.c5],
  },
  'alice|in_contact_with|bob': {
    type: 'in_contact_with', label: 'disputed contact', typeLabel: 'contact', status: 'disputed', directed: false, color: '#e15759', size: 2, claimCount: 2,
    documents: ['d1', 'd2'], firstDate: '2021-11', lastDate: '2021-11', claims: [edgeClaims.c1, edgeClaims.c2],
  },
  'alice|requested|bob': {
    type: 'requested', label: 'request', typeLabel: 'request', status: 'reported', directed: true, color: '#f28e2b', size: 1.5, claimCount: 1,
    documents: ['d1'], claims: [edgeClaims.c3],
  },
  'bob|criticized|bob': {
    type: 'criticized', label: 'criticism', typeLabel: 'criticism', status: 'reported', directed: true, color: '#d62728', size: 1.5, claimCount: 1,
    documents: ['d2'], claims: [edgeClaims.c6],
  },
};

export const worldRefs = {
  alice: { id: 'alice', name: 'Alice Martin', type: 'person' },
  bob: { id: 'bob', name: 'Bob Lee', type: 'person' },
  acme: { id: 'acme', name: 'Acme Holdings', type: 'organization' },
  carol: { id: 'carol', name: 'Carol Diaz', type: 'person' },
  dave: { id: 'dave', name: 'Dave Stone', type: 'person' },
};

/** Every entity's node attributes as buildGraph makes them (no layout yet: x and y are 0). */
export const worldNodes = {
  alice: { type: 'person', label: 'Alice Martin', aliases: ['A. Martin'], color: '#e15759', degree: 3, size: 6.81, x: 0, y: 0 },
  bob: { type: 'person', label: 'Bob Lee', aliases: [], color: '#e15759', degree: 5, size: 7.92, x: 0, y: 0 },
  acme: { type: 'organization', kind: 'company', label: 'Acme Holdings', description: 'A holding company.', aliases: [], color: '#4e79a7', degree: 4, size: 7.4, x: 0, y: 0 },
  carol: { type: 'person', label: 'Carol Diaz', aliases: [], color: '#e15759', degree: 2, size: 6.11, x: 0, y: 0 },
  dave: { type: 'person', label: 'Dave Stone', aliases: [], color: '#e15759', degree: 0, size: 3, x: 0, y: 0 },
};
