// GET /api/documents and /api/documents/{id}: sources with their text and quoted spans.
import request from 'supertest';
import { documentResponseSchema, documentsResponseSchema } from '../../server/model/api';
import { expectProblem, seedApp, seedDocument, seedTitle } from './seedApp';

const { app } = seedApp();

describe('GET /api/documents', () => {
  it('lists the documents with their claim counts', async () => {
    const res = await request(app).get('/api/documents').expect(200);
    expect(documentsResponseSchema.parse(res.body)).toEqual(res.body);
    expect(res.body).toEqual({
      total: 1,
      limit: 100,
      offset: 0,
      documents: [{ id: seedDocument, title: seedTitle, date: '2024-10-25', length: 1999, claimCount: 23 }],
    });
  });

  it('pages', async () => {
    const res = await request(app).get('/api/documents?offset=1').expect(200);
    expect([res.body.total, res.body.documents]).toEqual([1, []]);
  });

  it.each([
    ['?limit=1000000000', [{ path: 'limit', message: 'must be at most 1000' }]],
    ['?q=musk', [{ path: 'q', message: 'unknown query parameter; expected one of limit, offset' }]],
  ])('rejects %s', async (query, errors) => {
    expectProblem(await request(app).get(`/api/documents${query}`), 400, errors);
  });
});

describe('GET /api/documents/{id}', () => {
  it('returns the text and the spans its claims quote, in text order', async () => {
    const res = await request(app).get(`/api/documents/${seedDocument}`).expect(200);
    expect(documentResponseSchema.parse(res.body)).toEqual(res.body);
    expect(res.body).toMatchObject({
      id: seedDocument,
      title: seedTitle,
      date: '2024-10-25',
      length: 1999,
      claimCount: 23,
    });
    expect(res.body.text).toHaveLength(1999);
    expect(res.body.text.startsWith('Tech billionaire Elon Musk has allegedly been in regular touch')).toBe(true);
    expect(res.body.spans).toHaveLength(23);
    expect(res.body.spans.slice(0, 2)).toEqual([
      {
        claim: 'seed-01',
        edge: 'elon-musk|in_contact_with|vladimir-putin',
        subject: 'elon-musk',
        type: 'in_contact_with',
        object: 'vladimir-putin',
        stance: 'alleges',
        start: 0,
        end: 162,
        quote:
          'Tech billionaire Elon Musk has allegedly been in regular touch with Russian President Vladimir Putin since late 2022, a report by The Wall Street Journal has said',
      },
      {
        claim: 'seed-20',
        edge: 'vladimir-putin|holds_position|country:RU',
        subject: 'vladimir-putin',
        type: 'holds_position',
        object: 'country:RU',
        stance: 'asserts',
        start: 68,
        end: 100,
        quote: 'Russian President Vladimir Putin',
      },
    ]);
    // Every span's offsets point at its quote, and undirected relations use the sorted edge key.
    for (const span of res.body.spans) expect(res.body.text.slice(span.start, span.end)).toBe(span.quote);
    expect(res.body.spans.find((s: { claim: string }) => s.claim === 'seed-04').edge).toBe(
      'elon-musk|in_contact_with|vladimir-putin',
    );
  });

  it('answers 404 naming the id for an unknown document', async () => {
    expectProblem(await request(app).get('/api/documents/nope'), 404, [
      { path: 'id', message: 'no document with id "nope"' },
    ]);
  });
});
