// GET /api/edges and /api/edges/{id}: relations with every claim and its citation.
import request from 'supertest';
import { edgeResponseSchema, edgesResponseSchema } from '../../server/model/api';
import { expectProblem, seedApp, seedDocument, seedTitle } from './seedApp';

const { app } = seedApp();
const list = async (query: string) => {
  const res = await request(app).get(`/api/edges${query}`).expect(200);
  expect(edgesResponseSchema.parse(res.body)).toEqual(res.body);
  return res.body as { total: number; limit: number; offset: number; edges: Array<{ id: string; status: string }> };
};
const ids = (body: { edges: Array<{ id: string }> }) => body.edges.map((edge) => edge.id);

describe('GET /api/edges', () => {
  it('lists every relation in edge-key order', async () => {
    const body = await list('');
    expect([body.total, body.limit, body.offset]).toEqual([19, 100, 0]);
    expect(ids(body)).toEqual([
      'country:RU|attacked|country:UA',
      'country:RU|used|starlink',
      'country:TW|linked_to|starlink',
      'country:UA|used|starlink',
      'country:US|supported|country:UA',
      'dmitry-peskov|holds_position|kremlin',
      'elon-musk|criticized|country:US',
      'elon-musk|in_contact_with|kremlin',
      'elon-musk|in_contact_with|vladimir-putin',
      'elon-musk|owns|starlink',
      'elon-musk|provided_access|country:UA',
      'elon-musk|restricted_access|country:UA',
      'elon-musk|supported|donald-trump',
      'ukrainian-military-intelligence|part_of|country:UA',
      'vladimir-putin|acted_on_behalf_of|xi-jinping',
      'vladimir-putin|holds_position|country:RU',
      'vladimir-putin|requested|elon-musk',
      'white-house|part_of|country:US',
      'xi-jinping|holds_position|country:CN',
    ]);
  });

  it('entity keeps the relations of one entity', async () => {
    expect(ids(await list('?entity=xi-jinping'))).toEqual([
      'vladimir-putin|acted_on_behalf_of|xi-jinping',
      'xi-jinping|holds_position|country:CN',
    ]);
  });

  it('type and status select relations', async () => {
    expect(ids(await list('?type=in_contact_with'))).toEqual([
      'elon-musk|in_contact_with|kremlin',
      'elon-musk|in_contact_with|vladimir-putin',
    ]);
    expect(ids(await list('?type=in_contact_with&status=disputed'))).toEqual([
      'elon-musk|in_contact_with|vladimir-putin',
    ]);
    expect(ids(await list('?entity=elon-musk&status=alleged'))).toEqual(['vladimir-putin|requested|elon-musk']);
  });

  it('takes the shared filters too', async () => {
    expect(ids(await list('?knownAt=2024-10-24'))).toEqual([]);
    expect(ids(await list('?entity=elon-musk&from=2024'))).toEqual([
      'elon-musk|criticized|country:US',
      'elon-musk|in_contact_with|vladimir-putin',
      'elon-musk|supported|donald-trump',
    ]);
  });

  it('pages with limit and offset', async () => {
    const body = await list('?limit=2&offset=17');
    expect([body.total, ids(body)]).toEqual([
      19,
      ['white-house|part_of|country:US', 'xi-jinping|holds_position|country:CN'],
    ]);
  });

  it.each([
    ['?entity=nobody', 404, [{ path: 'entity', message: 'no entity with id "nobody"' }]],
    [
      '?type=met',
      400,
      [{ path: 'type', message: expect.stringMatching(/^unknown edge type "met"; expected one of holds_position, /) }],
    ],
    ['?limit=1000000000', 400, [{ path: 'limit', message: 'must be at most 1000' }]],
    ['?offset=-5', 400, [{ path: 'offset', message: 'must be at least 0' }]],
    [
      '?entity=bad%20id',
      400,
      [
        {
          path: 'entity',
          message: 'expected an id of letters, digits, ".", "_", ":" or "-" (such as elon-musk or country:RU)',
        },
      ],
    ],
    [
      '?source=elon-musk',
      400,
      [
        {
          path: 'source',
          message: expect.stringMatching(/^unknown query parameter; expected one of .*type, entity, limit, offset$/),
        },
      ],
    ],
  ])('rejects %s', async (query, status, errors) => {
    expectProblem(await request(app).get(`/api/edges${query}`), status, errors);
  });
});

describe('GET /api/edges/{id}', () => {
  it('returns one relation with its ends named and every claim with its citation', async () => {
    const res = await request(app)
      .get(`/api/edges/${encodeURIComponent('elon-musk|owns|starlink')}`)
      .expect(200);
    expect(edgeResponseSchema.parse(res.body)).toEqual(res.body);
    expect(res.body).toEqual({
      id: 'elon-musk|owns|starlink',
      type: 'owns',
      label: 'owns',
      typeLabel: 'owns',
      status: 'reported',
      directed: true,
      color: '#b07aa1',
      size: 1.5,
      claimCount: 1,
      documents: [seedDocument],
      source: { id: 'elon-musk', name: 'Elon Musk', type: 'person' },
      target: { id: 'starlink', name: 'Starlink', type: 'service' },
      claims: [
        {
          id: 'seed-10',
          subject: 'elon-musk',
          object: 'starlink',
          stance: 'asserts',
          quote: "Musk's Starlink service was instrumental in Ukraine",
          quoteStart: 1012,
          quoteEnd: 1063,
          document: seedDocument,
          documentTitle: seedTitle,
          documentDate: '2024-10-25',
        },
      ],
    });
  });

  it('carries attribution, dates and stances of a disputed relation', async () => {
    const res = await request(app)
      .get(`/api/edges/${encodeURIComponent('elon-musk|in_contact_with|vladimir-putin')}`)
      .expect(200);
    expect([res.body.status, res.body.directed, res.body.firstDate, res.body.lastDate]).toEqual([
      'disputed',
      false,
      '2022-10',
      '2024',
    ]);
    expect(
      res.body.claims.map((c: { id: string; stance: string; attributedTo: string }) => [
        c.id,
        c.stance,
        c.attributedTo,
      ]),
    ).toEqual([
      ['seed-01', 'alleges', 'the-wall-street-journal'],
      ['seed-02', 'alleges', 'intelligence sources (via The Wall Street Journal)'],
      ['seed-03', 'alleges', 'the-wall-street-journal'],
      ['seed-04', 'denies', 'dmitry-peskov'],
    ]);
  });

  it('answers 404 naming the id for an unknown relation', async () => {
    const res = await request(app).get(`/api/edges/${encodeURIComponent('elon-musk|owns|kremlin')}`);
    expectProblem(res, 404, [{ path: 'id', message: 'expected an edge id such as elon-musk|owns|starlink' }]);
    expect(res.body.detail).toBe('no relation with id "elon-musk|owns|kremlin"');
  });
});
