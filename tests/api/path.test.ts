// GET /api/path: the shortest chain of evidence under the filters.
import request from 'supertest';
import { pathResponseSchema } from '../../server/model/api';
import { expectProblem, seedApp, seedDocument, seedTitle } from './seedApp';

const { app } = seedApp();
const path = async (query: string) => {
  const res = await request(app).get(`/api/path?${query}`).expect(200);
  expect(pathResponseSchema.parse(res.body)).toEqual(res.body);
  return res.body;
};
type Step = { from: string; to: string; edges: Array<{ id: string; status: string; claims: Array<{ id: string }> }> };
const chain = (body: { steps: Step[] }) =>
  body.steps.map((step) => [
    step.from,
    step.to,
    step.edges.map((edge) => [edge.id, edge.status, edge.claims.map((c) => c.id)]),
  ]);

describe('GET /api/path', () => {
  it('links Elon Musk to Xi Jinping through Putin, with every relation of each step and its claims', async () => {
    const body = await path('from=elon-musk&to=xi-jinping');
    expect([body.from, body.to, body.length]).toEqual([
      { id: 'elon-musk', name: 'Elon Musk', type: 'person' },
      { id: 'xi-jinping', name: 'Xi Jinping', type: 'person' },
      2,
    ]);
    expect(body.nodes.map((n: { id: string }) => n.id)).toEqual(['elon-musk', 'vladimir-putin', 'xi-jinping']);
    expect(chain(body)).toEqual([
      [
        'elon-musk',
        'vladimir-putin',
        [
          // Vocabulary order of statuses: alleged before disputed.
          ['vladimir-putin|requested|elon-musk', 'alleged', ['seed-07']],
          ['elon-musk|in_contact_with|vladimir-putin', 'disputed', ['seed-01', 'seed-02', 'seed-03', 'seed-04']],
        ],
      ],
      ['vladimir-putin', 'xi-jinping', [['vladimir-putin|acted_on_behalf_of|xi-jinping', 'alleged', ['seed-08']]]],
    ]);
    expect(body.steps[1].edges[0].claims[0]).toEqual({
      id: 'seed-08',
      subject: 'vladimir-putin',
      object: 'xi-jinping',
      stance: 'alleges',
      quote: 'This was allegedly done as a diplomatic favor to Chinese President Xi Jinping.',
      quoteStart: expect.any(Number),
      quoteEnd: expect.any(Number),
      document: seedDocument,
      documentTitle: seedTitle,
      documentDate: '2024-10-25',
      attributedTo: 'the-wall-street-journal',
      summary: 'the Starlink request over Taiwan, as a diplomatic favour to Xi',
    });
  });

  it('status=reported,confirmed finds a longer chain that avoids allegations', async () => {
    const body = await path('from=elon-musk&to=vladimir-putin&status=reported,confirmed');
    expect(body.nodes.map((n: { id: string }) => n.id)).toEqual([
      'elon-musk',
      'country:UA',
      'country:RU',
      'vladimir-putin',
    ]);
    expect(chain(body)).toEqual([
      [
        'elon-musk',
        'country:UA',
        [
          ['elon-musk|provided_access|country:UA', 'reported', ['seed-12']],
          ['elon-musk|restricted_access|country:UA', 'reported', ['seed-14']],
        ],
      ],
      ['country:UA', 'country:RU', [['country:RU|attacked|country:UA', 'reported', ['seed-11']]]],
      ['country:RU', 'vladimir-putin', [['vladimir-putin|holds_position|country:RU', 'reported', ['seed-20']]]],
    ]);
  });

  it('a path from an entity to itself has no step', async () => {
    const body = await path('from=starlink&to=starlink');
    expect([body.length, body.nodes.map((n: { id: string }) => n.id), body.steps]).toEqual([0, ['starlink'], []]);
  });

  it('answers 404 with a clear message when no path exists under the filters', async () => {
    const res = await request(app).get('/api/path?from=elon-musk&to=xi-jinping&status=reported,confirmed');
    expectProblem(res, 404, [{ path: 'to', message: 'not connected to "elon-musk" under these filters' }]);
    expect(res.body).toMatchObject({
      type: 'urn:claimgraph:problem:no-path',
      title: 'No path found',
      detail: 'no chain of relations leads from "elon-musk" to "xi-jinping" under these filters',
    });
  });

  it('answers 404 when nothing links two entities at all', async () => {
    const res = await request(app).get('/api/path?from=elon-musk&to=the-wall-street-journal');
    expectProblem(res, 404, [{ path: 'to', message: 'not connected to "elon-musk"' }]);
    expect(res.body.detail).toBe('no chain of relations leads from "elon-musk" to "the-wall-street-journal"');
  });

  it('answers 404 when the shortest path is longer than maxLength', async () => {
    const res = await request(app).get('/api/path?from=elon-musk&to=xi-jinping&maxLength=1');
    expectProblem(res, 404, [{ path: 'maxLength', message: 'the shortest path has 2 steps' }]);
    expect(res.body.detail).toBe(
      'the shortest chain of relations from "elon-musk" to "xi-jinping" has 2 steps, more than maxLength=1',
    );
  });

  it('knownAt before the article: no path', async () => {
    expectProblem(await request(app).get('/api/path?from=elon-musk&to=xi-jinping&knownAt=2024-10-24'), 404);
  });

  it.each([
    ['from=nobody&to=xi-jinping', 404, [{ path: 'from', message: 'no entity with id "nobody"' }]],
    ['from=elon-musk&to=nobody', 404, [{ path: 'to', message: 'no entity with id "nobody"' }]],
    ['from=elon-musk', 400, [{ path: 'to', message: 'is required' }]],
    ['from=elon-musk&to=xi-jinping&maxLength=11', 400, [{ path: 'maxLength', message: 'must be at most 10' }]],
    ['from=elon-musk&to=xi-jinping&maxLength=0', 400, [{ path: 'maxLength', message: 'must be at least 1' }]],
    [
      'from=elon-musk&to=xi-jinping&knownAt=2022-13',
      400,
      [{ path: 'knownAt', message: 'expected a date as YYYY, YYYY-MM or YYYY-MM-DD that exists in the calendar' }],
    ],
    [
      'from=elon-musk&to=xi-jinping&nodeTypes=country',
      400,
      [{ path: 'nodeTypes', message: 'leaves out the type "person" of from="elon-musk"' }],
    ],
    [
      'from=elon-musk&to=xi-jinping&via=kremlin',
      400,
      [
        {
          path: 'via',
          message: expect.stringMatching(
            /^unknown query parameter; expected one of nodeTypes, edgeTypes, status, knownAt, documents, minClaims, from, to, maxLength$/,
          ),
        },
      ],
    ],
  ])('rejects ?%s', async (query, status, errors) => {
    expectProblem(await request(app).get(`/api/path?${query}`), status, errors);
  });
});
