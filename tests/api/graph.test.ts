// GET /api/graph: the SerializedGraph, and every shared filter on the seed dataset.
import fs from 'node:fs';
import request from 'supertest';
import { graphResponseSchema } from '../../server/model/api';
import { edgeKeys, expectProblem, nodeKeys, seedApp, seedDocument } from './seedApp';
import { twoDocumentApp } from './twoDocuments';

const { app, store } = seedApp();
const get = (query: string) => request(app).get(`/api/graph${query}`);
const statusOf = (body: { edges: Array<{ key: string; attributes: { status: string } }> }) =>
  Object.fromEntries(body.edges.map((edge) => [edge.key, edge.attributes.status]));

describe('GET /api/graph', () => {
  it('returns the whole graph as a SerializedGraph with positions, claims and the version', async () => {
    const res = await get('').expect(200);
    expect(graphResponseSchema.parse(res.body)).toEqual(res.body);
    expect(res.body.options).toEqual({ type: 'mixed', multi: true, allowSelfLoops: true });
    expect(res.body.attributes).toEqual({ name: 'claimgraph', version: store.current.version });
    expect(res.body.nodes).toHaveLength(15);
    expect(res.body.edges).toHaveLength(19);
    for (const node of res.body.nodes)
      expect([typeof node.attributes.x, typeof node.attributes.y]).toEqual(['number', 'number']);
    const contact = res.body.edges.find(
      (edge: { key: string }) => edge.key === 'elon-musk|in_contact_with|vladimir-putin',
    );
    expect(contact.undirected).toBe(true);
    expect(contact.attributes.claims.map((claim: { id: string }) => claim.id)).toEqual([
      'seed-01',
      'seed-02',
      'seed-03',
      'seed-04',
    ]);
  });

  it('nodeTypes keeps those entities and the relations between them', async () => {
    const res = await get('?nodeTypes=person').expect(200);
    expect(nodeKeys(res.body)).toEqual(['elon-musk', 'vladimir-putin', 'xi-jinping', 'dmitry-peskov', 'donald-trump']);
    expect(edgeKeys(res.body)).toEqual([
      'elon-musk|in_contact_with|vladimir-putin',
      'elon-musk|supported|donald-trump',
      'vladimir-putin|acted_on_behalf_of|xi-jinping',
      'vladimir-putin|requested|elon-musk',
    ]);
    // Degrees describe the filtered graph.
    expect(res.body.nodes.find((n: { key: string }) => n.key === 'elon-musk').attributes.degree).toBe(3);
  });

  it('edgeTypes keeps relations of those types and every entity', async () => {
    const res = await get('?edgeTypes=in_contact_with,requested').expect(200);
    expect(res.body.nodes).toHaveLength(15);
    expect(edgeKeys(res.body)).toEqual([
      'elon-musk|in_contact_with|kremlin',
      'elon-musk|in_contact_with|vladimir-putin',
      'vladimir-putin|requested|elon-musk',
    ]);
  });

  it('status keeps relations with those statuses', async () => {
    const alleged = await get('?status=alleged').expect(200);
    expect(edgeKeys(alleged.body)).toEqual([
      'country:RU|used|starlink',
      'country:TW|linked_to|starlink',
      'vladimir-putin|acted_on_behalf_of|xi-jinping',
      'vladimir-putin|requested|elon-musk',
    ]);
    const solid = await get('?status=reported,confirmed').expect(200);
    expect(solid.body.edges).toHaveLength(14);
    expect(new Set(Object.values(statusOf(solid.body)))).toEqual(new Set(['reported', 'confirmed']));
  });

  it('from keeps relations with a claim dated on or after it', async () => {
    const res = await get('?from=2024').expect(200);
    expect(edgeKeys(res.body)).toEqual([
      'country:RU|used|starlink',
      'elon-musk|criticized|country:US',
      'elon-musk|in_contact_with|vladimir-putin',
      'elon-musk|supported|donald-trump',
    ]);
    // The relation keeps all its claims: the range selects relations, it does not rewrite them.
    expect(
      res.body.edges.find((e: { key: string }) => e.key === 'elon-musk|in_contact_with|vladimir-putin').attributes
        .claimCount,
    ).toBe(4);
  });

  it('to keeps relations with a claim dated on or before it', async () => {
    const res = await get('?to=2022-06').expect(200);
    expect(edgeKeys(res.body)).toEqual([
      'country:RU|attacked|country:UA',
      'country:UA|used|starlink',
      'elon-musk|provided_access|country:UA',
    ]);
  });

  it('from and to together keep claims dated in the range (a span that overlaps counts)', async () => {
    const res = await get('?from=2022-03&to=2022-12').expect(200);
    expect(edgeKeys(res.body)).toEqual([
      'country:UA|used|starlink',
      'elon-musk|in_contact_with|vladimir-putin',
      'elon-musk|provided_access|country:UA',
    ]);
  });

  it('knownAt the day before the article (2024-10-24) shows every entity and no relation', async () => {
    const res = await get('?knownAt=2024-10-24').expect(200);
    expect(res.body.nodes).toHaveLength(15);
    expect(res.body.edges).toEqual([]);
    expect(res.body.nodes.every((node: { attributes: { degree: number } }) => node.attributes.degree === 0)).toBe(true);
  });

  it('knownAt the article’s day (2024-10-25) shows all 19 relations with their statuses', async () => {
    const [known, all] = await Promise.all([get('?knownAt=2024-10-25').expect(200), get('').expect(200)]);
    expect(statusOf(known.body)).toEqual(statusOf(all.body));
  });

  it('documents keeps only claims from those documents', async () => {
    const res = await get(`?documents=${seedDocument}`).expect(200);
    expect(res.body.edges).toHaveLength(19);
  });

  it('minClaims keeps relations backed by at least that many claims', async () => {
    const res = await get('?minClaims=2').expect(200);
    expect(edgeKeys(res.body)).toEqual([
      'elon-musk|in_contact_with|kremlin',
      'elon-musk|in_contact_with|vladimir-putin',
    ]);
  });

  it('filters combine', async () => {
    const res = await get('?nodeTypes=person&status=alleged&from=2020').expect(200);
    expect(edgeKeys(res.body)).toEqual([]);
    const res2 = await get('?nodeTypes=person&status=alleged').expect(200);
    expect(edgeKeys(res2.body)).toEqual([
      'vladimir-putin|acted_on_behalf_of|xi-jinping',
      'vladimir-putin|requested|elon-musk',
    ]);
  });

  describe('rejects bad filters with a problem naming the parameter', () => {
    it.each([
      [
        '?nodeTypes=person,planet',
        [
          {
            path: 'nodeTypes',
            message: 'unknown node type "planet"; expected one of person, organization, country, service',
          },
        ],
      ],
      [
        '?edgeTypes=met',
        [
          {
            path: 'edgeTypes',
            message: expect.stringMatching(/^unknown edge type "met"; expected one of holds_position, owns, /),
          },
        ],
      ],
      [
        '?status=rumoured',
        [
          {
            path: 'status',
            message: 'unknown status "rumoured"; expected one of confirmed, reported, alleged, disputed, denied',
          },
        ],
      ],
      ['?documents=nope', [{ path: 'documents', message: 'unknown document "nope"' }]],
      [
        '?from=2022-13',
        [{ path: 'from', message: 'expected a date as YYYY, YYYY-MM or YYYY-MM-DD that exists in the calendar' }],
      ],
      [
        '?to=2023-02-29',
        [{ path: 'to', message: 'expected a date as YYYY, YYYY-MM or YYYY-MM-DD that exists in the calendar' }],
      ],
      [
        '?knownAt=yesterday',
        [{ path: 'knownAt', message: 'expected a date as YYYY, YYYY-MM or YYYY-MM-DD that exists in the calendar' }],
      ],
      ['?from=2024&to=2023', [{ path: 'to', message: '2023 is before from=2024' }]],
      ['?minClaims=0', [{ path: 'minClaims', message: 'must be at least 1' }]],
      ['?minClaims=two', [{ path: 'minClaims', message: 'expected a whole number' }]],
      ['?minClaims=1.5', [{ path: 'minClaims', message: 'expected a whole number' }]],
      [
        '?nodeType=person',
        [
          {
            path: 'nodeType',
            message:
              'unknown query parameter; expected one of nodeTypes, edgeTypes, status, from, to, knownAt, documents, minClaims, top',
          },
        ],
      ],
      ['?nodeTypes=person&nodeTypes=country', [{ path: 'nodeTypes', message: 'given more than once; give it once' }]],
    ])('%s', async (query, errors) => {
      expectProblem(await get(query), 400, errors);
    });

    it('reports every bad parameter at once', async () => {
      const res = await get('?from=2022-13&limit=5&status=x');
      expectProblem(res, 400);
      expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['from', 'limit']);
    });
  });
});

describe('knownAt recomputes each relation’s status from the claims known that day', () => {
  const fixture = twoDocumentApp();
  afterAll(() => fs.rmSync(fixture.dir, { recursive: true, force: true }));
  const statusOn = async (day: string) => {
    const res = await request(fixture.app).get(`/api/graph?knownAt=${day}`).expect(200);
    return res.body.edges.map((edge: { key: string; attributes: { status: string; claimCount: number } }) => [
      edge.key,
      edge.attributes.status,
      edge.attributes.claimCount,
    ]);
  };

  it('before the first article: nothing known', async () => {
    expect(await statusOn('2024-01-09')).toEqual([]);
  });
  it('after the allegation, before the denial: alleged, with one claim', async () => {
    expect(await statusOn('2024-01-10')).toEqual([['ann|in_contact_with|bob', 'alleged', 1]]);
    expect(await statusOn('2024-02-19')).toEqual([['ann|in_contact_with|bob', 'alleged', 1]]);
  });
  it('from the denial on: disputed, with both claims', async () => {
    expect(await statusOn('2024-02-20')).toEqual([['ann|in_contact_with|bob', 'disputed', 2]]);
    expect(await statusOn('2024')).toEqual([['ann|in_contact_with|bob', 'disputed', 2]]);
  });
  it('the status filter applies to the recomputed status', async () => {
    const res = await request(fixture.app).get('/api/graph?knownAt=2024-01-31&status=disputed').expect(200);
    expect(res.body.edges).toEqual([]);
    const res2 = await request(fixture.app).get('/api/graph?knownAt=2024-01-31&status=alleged').expect(200);
    expect(edgeKeys(res2.body)).toEqual(['ann|in_contact_with|bob']);
  });
  it('documents keeps the claims of those documents only and recomputes the status', async () => {
    const res = await request(fixture.app).get('/api/graph?documents=feb').expect(200);
    expect(
      res.body.edges.map((e: { attributes: { status: string; label: string } }) => [
        e.attributes.status,
        e.attributes.label,
      ]),
    ).toEqual([['denied', 'denied contact']]);
  });
});
