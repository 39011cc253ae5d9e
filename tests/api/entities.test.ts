// GET /api/entities (search), /api/entities/{id} and /api/entities/{id}/neighbors.
import fs from 'node:fs';
import request from 'supertest';
import { createApp } from '../../server/http/app';
import { GraphSnapshotHolder } from '../../server/http/snapshotHolder';
import {
  entityDetailsResponseSchema,
  entitySearchResponseSchema,
  neighboursResponseSchema,
} from '../../server/model/api';
import * as searchIndexModule from '../../server/queries/searchIndex';
import { edgeKeys, expectProblem, noClientDir, nodeKeys, seedApp } from './seedApp';
import { twoDocumentApp } from './twoDocuments';

const { app, store } = seedApp();
const search = async (query: string) => {
  const res = await request(app).get(`/api/entities?${query}`).expect(200);
  expect(entitySearchResponseSchema.parse(res.body)).toEqual(res.body);
  return res.body;
};
const hitSummary = (body: { hits: Array<{ id: string; matched: unknown }> }) =>
  body.hits.map((hit) => [hit.id, hit.matched]);

describe('GET /api/entities (search)', () => {
  it('finds Putin from a typo (putn) and says which alias matched', async () => {
    const body = await search('q=putn');
    expect(body).toEqual({
      query: 'putn',
      total: 1,
      limit: 20,
      offset: 0,
      hits: [
        {
          id: 'vladimir-putin',
          name: 'Vladimir Putin',
          type: 'person',
          description: 'President of Russia.',
          degree: 4,
          score: 1,
          matched: { text: 'Putin', field: 'alias', how: 'fuzzy' },
        },
      ],
    });
  });

  it('finds The Wall Street Journal from "wall street", by its alias', async () => {
    const body = await search('q=wall%20street');
    expect(hitSummary(body)).toEqual([
      ['the-wall-street-journal', { text: 'Wall Street Journal', field: 'alias', how: 'prefix' }],
    ]);
    expect(body.hits[0].kind).toBe('media');
  });

  it('ignores case and accents', async () => {
    expect(hitSummary(await search('q=P%C3%9ATIN'))).toEqual([
      ['vladimir-putin', { text: 'Putin', field: 'alias', how: 'exact' }],
    ]);
    expect(hitSummary(await search('q=xi%20JINPING'))).toEqual([
      ['xi-jinping', { text: 'Xi Jinping', field: 'name', how: 'exact' }],
    ]);
  });

  it('matches prefixes of words and ranks the exact alias first', async () => {
    expect(hitSummary(await search('q=kreml'))).toEqual([
      ['kremlin', { text: 'Kremlin', field: 'name', how: 'prefix' }],
      ['dmitry-peskov', { text: 'Kremlin spokesperson Dmitry Peskov', field: 'alias', how: 'prefix' }],
    ]);
    const musk = await search('q=musk');
    expect(musk.hits.map((hit: { id: string; score: number }) => [hit.id, hit.score])).toEqual([
      ['elon-musk', 13],
      ['starlink', 5.2],
    ]);
  });

  it('matches words in any position of a name', async () => {
    expect(hitSummary(await search('q=spokesperson'))).toEqual([
      ['dmitry-peskov', { text: 'Kremlin spokesperson Dmitry Peskov', field: 'alias', how: 'words' }],
    ]);
  });

  it('finds an entity by its exact id', async () => {
    expect(hitSummary(await search('q=country:RU'))[0]).toEqual([
      'country:RU',
      { text: 'country:RU', field: 'id', how: 'exact' },
    ]);
  });

  it('type restricts the hits to those node types', async () => {
    expect(hitSummary(await search('q=kreml&type=person'))).toEqual([
      ['dmitry-peskov', { text: 'Kremlin spokesperson Dmitry Peskov', field: 'alias', how: 'prefix' }],
    ]);
    expect((await search('q=kreml&type=country,service')).hits).toEqual([]);
  });

  it('pages with limit and offset, total counting every hit', async () => {
    const first = await search('q=musk&limit=1');
    expect([first.total, first.hits.map((h: { id: string }) => h.id)]).toEqual([2, ['elon-musk']]);
    const second = await search('q=musk&limit=1&offset=1');
    expect([second.total, second.hits.map((h: { id: string }) => h.id)]).toEqual([2, ['starlink']]);
  });

  it('returns no hit for a word nothing resembles', async () => {
    expect(await search('q=zzzzqx')).toEqual({ query: 'zzzzqx', total: 0, limit: 20, offset: 0, hits: [] });
  });

  it('finds accented names from plain letters (index rebuilt for another dataset)', async () => {
    const fixture = twoDocumentApp();
    try {
      const res = await request(fixture.app).get('/api/entities?q=emile').expect(200);
      expect(hitSummary(res.body)).toEqual([['ann', { text: 'Ann Émile', field: 'name', how: 'words' }]]);
    } finally {
      fs.rmSync(fixture.dir, { recursive: true, force: true });
    }
  });

  it('builds the index once per dataset version, and again when the store gets a new version', async () => {
    const fresh = new GraphSnapshotHolder(store.current);
    const freshApp = createApp({ store: fresh, clientDir: noClientDir });
    const build = jest.spyOn(searchIndexModule, 'buildSearchIndex');
    try {
      await request(freshApp).get('/api/entities?q=trump').expect(200);
      await request(freshApp).get('/api/entities?q=peskov').expect(200);
      expect(build).toHaveBeenCalledTimes(1);
      fresh.replace({ ...store.current, version: 'next-version' });
      const res = await request(freshApp).get('/api/entities?q=peskov').expect(200);
      expect(res.body.hits[0].id).toBe('dmitry-peskov');
      expect(build).toHaveBeenCalledTimes(2);
    } finally {
      build.mockRestore();
    }
  });

  it.each([
    ['', [{ path: 'q', message: 'is required' }]],
    ['q=', [{ path: 'q', message: 'must not be empty' }]],
    ['q=a&limit=1000000000', [{ path: 'limit', message: 'must be at most 1000' }]],
    ['q=a&limit=0', [{ path: 'limit', message: 'must be at least 1' }]],
    ['q=a&offset=-1', [{ path: 'offset', message: 'must be at least 0' }]],
    [
      'q=a&type=planet',
      [{ path: 'type', message: 'unknown node type "planet"; expected one of person, organization, country, service' }],
    ],
    ['q=a&sort=name', [{ path: 'sort', message: 'unknown query parameter; expected one of q, type, limit, offset' }]],
  ])('rejects ?%s', async (query, errors) => {
    expectProblem(await request(app).get(`/api/entities?${query}`), 400, errors);
  });
});

describe('GET /api/entities/{id}', () => {
  it('returns the entity, its degree and its relations grouped by type in vocabulary order', async () => {
    const res = await request(app).get('/api/entities/elon-musk').expect(200);
    expect(entityDetailsResponseSchema.parse(res.body)).toEqual(res.body);
    expect(res.body.entity).toEqual({
      id: 'elon-musk',
      type: 'person',
      name: 'Elon Musk',
      aliases: ['Musk', 'Tech billionaire Elon Musk'],
      description: 'Tech billionaire; controls the Starlink satellite internet service.',
    });
    expect([res.body.degree, res.body.claimCount]).toEqual([8, 12]);
    const relations = res.body.relations.map(
      (group: {
        type: string;
        edges: Array<{ edge: string; direction: string; status: string; claimCount: number }>;
      }) => [group.type, group.edges.map((e) => [e.edge, e.direction, e.status, e.claimCount])],
    );
    expect(relations).toEqual([
      ['owns', [['elon-musk|owns|starlink', 'outgoing', 'reported', 1]]],
      [
        'in_contact_with',
        [
          ['elon-musk|in_contact_with|kremlin', 'undirected', 'confirmed', 2],
          ['elon-musk|in_contact_with|vladimir-putin', 'undirected', 'disputed', 4],
        ],
      ],
      ['requested', [['vladimir-putin|requested|elon-musk', 'incoming', 'alleged', 1]]],
      ['provided_access', [['elon-musk|provided_access|country:UA', 'outgoing', 'reported', 1]]],
      ['restricted_access', [['elon-musk|restricted_access|country:UA', 'outgoing', 'reported', 1]]],
      ['supported', [['elon-musk|supported|donald-trump', 'outgoing', 'reported', 1]]],
      ['criticized', [['elon-musk|criticized|country:US', 'outgoing', 'reported', 1]]],
    ]);
    expect(res.body.relations[1]).toMatchObject({ typeLabel: 'contact' });
    expect(res.body.relations[1].edges[1]).toEqual({
      edge: 'elon-musk|in_contact_with|vladimir-putin',
      other: { id: 'vladimir-putin', name: 'Vladimir Putin', type: 'person' },
      direction: 'undirected',
      status: 'disputed',
      label: 'disputed contact',
      claimCount: 4,
    });
  });

  it('takes ids with a colon (country:RU)', async () => {
    const res = await request(app).get('/api/entities/country:RU').expect(200);
    expect([res.body.entity.name, res.body.degree]).toEqual(['Russia', 3]);
  });

  it('answers 404 naming the id for an unknown entity', async () => {
    const res = await request(app).get('/api/entities/nobody');
    expectProblem(res, 404, [{ path: 'id', message: 'no entity with id "nobody"' }]);
    expect(res.body.detail).toBe('no entity with id "nobody"');
  });

  it('rejects query parameters', async () => {
    expectProblem(await request(app).get('/api/entities/elon-musk?depth=2'), 400, [
      { path: 'depth', message: 'unknown query parameter; this route takes none' },
    ]);
  });
});

describe('GET /api/entities/{id}/neighbors', () => {
  const get = async (query: string) => {
    const res = await request(app).get(`/api/entities/${query}`).expect(200);
    expect(neighboursResponseSchema.parse(res.body)).toEqual(res.body);
    return res.body;
  };

  it('depth 1 (the default): the entity, its neighbours and the relations among them', async () => {
    const body = await get('xi-jinping/neighbors');
    expect(nodeKeys(body)).toEqual(['xi-jinping', 'vladimir-putin', 'country:CN']);
    expect(edgeKeys(body)).toEqual([
      'vladimir-putin|acted_on_behalf_of|xi-jinping',
      'xi-jinping|holds_position|country:CN',
    ]);
    expect(body.attributes).toEqual({
      name: 'claimgraph',
      version: store.current.version,
      center: 'xi-jinping',
      depth: 1,
      omittedNodes: 0,
      claims: 'summary',
    });
    // Entities keep their degree in the whole graph, for a size consistent with the main view.
    expect(body.nodes[1].attributes.degree).toBe(4);
  });

  it('summarises each relation by default: status, claim count, documents and dates, no claims', async () => {
    const body = await get('xi-jinping/neighbors');
    expect(body.edges[0].attributes).toEqual({
      type: 'acted_on_behalf_of',
      label: 'alleged acted on behalf of',
      typeLabel: 'acted on behalf of',
      status: 'alleged',
      directed: true,
      color: expect.stringMatching(/^#[0-9a-f]{6}$/),
      size: expect.any(Number),
      claimCount: 1,
      documents: ['000_57d8c84b7f0fe012'],
    });
    const musk = await get('elon-musk/neighbors');
    const graph = (await request(app).get('/api/graph').expect(200)).body as {
      edges: Array<{ key: string; attributes: { claims: unknown } }>;
    };
    const inGraph = new Map(graph.edges.map((edge) => [edge.key, edge.attributes]));
    for (const edge of musk.edges) {
      const { claims: _claims, ...summary } = inGraph.get(edge.key)!;
      expect(edge.attributes).toEqual(summary);
    }
    const contact = musk.edges.find((edge: { key: string }) => edge.key === 'elon-musk|in_contact_with|vladimir-putin');
    expect(contact.attributes).toMatchObject({ status: 'disputed', claimCount: 4, firstDate: '2022-10' });
  });

  it('claims=all carries every claim of each relation, as /api/graph does', async () => {
    const body = await get('elon-musk/neighbors?claims=all');
    expect(body.attributes.claims).toBe('all');
    const graph = (await request(app).get('/api/graph').expect(200)).body as {
      edges: Array<{ key: string; attributes: unknown }>;
    };
    const inGraph = new Map(graph.edges.map((edge) => [edge.key, edge.attributes]));
    expect(body.edges.length).toBe(10);
    for (const edge of body.edges) expect(edge.attributes).toEqual(inGraph.get(edge.key));
    const contact = body.edges.find((edge: { key: string }) => edge.key === 'elon-musk|in_contact_with|vladimir-putin');
    expect(contact.attributes.claims.map((claim: { stance: string }) => claim.stance)).toEqual([
      'alleges',
      'alleges',
      'alleges',
      'denies',
    ]);
  });

  it('depth 2 reaches the neighbours of neighbours', async () => {
    const body = await get('xi-jinping/neighbors?depth=2');
    expect(nodeKeys(body)).toEqual(['xi-jinping', 'vladimir-putin', 'country:CN', 'country:RU', 'elon-musk']);
    expect(edgeKeys(body)).toEqual([
      'elon-musk|in_contact_with|vladimir-putin',
      'vladimir-putin|acted_on_behalf_of|xi-jinping',
      'vladimir-putin|holds_position|country:RU',
      'vladimir-putin|requested|elon-musk',
      'xi-jinping|holds_position|country:CN',
    ]);
  });

  it('limit keeps the most strongly linked neighbours, cuts hubs first and counts what it left out', async () => {
    const body = await get('elon-musk/neighbors?limit=3');
    // Putin (5 claims), then Kremlin and Ukraine (2 claims each; Kremlin has the lower degree).
    expect(nodeKeys(body)).toEqual(['elon-musk', 'vladimir-putin', 'kremlin', 'country:UA']);
    expect(body.attributes).toMatchObject({ depth: 1, limit: 3, omittedNodes: 3 });
  });

  it('limit across depths: nearer entities first; entities behind cut ones are counted as left out', async () => {
    const body = await get('elon-musk/neighbors?depth=3&limit=8');
    expect(nodeKeys(body)).toEqual([
      'elon-musk',
      'vladimir-putin',
      'kremlin',
      'country:UA',
      'donald-trump',
      'country:US',
      'starlink',
      'country:RU',
      'country:TW',
    ]);
    expect(body.attributes).toMatchObject({ depth: 3, limit: 8, omittedNodes: 5 });
  });

  it('applies the shared filters before walking', async () => {
    const body = await get('xi-jinping/neighbors?depth=2&status=reported,confirmed');
    expect(nodeKeys(body)).toEqual(['xi-jinping', 'country:CN']);
  });

  it.each([
    ['elon-musk/neighbors?depth=4', 400, [{ path: 'depth', message: 'must be at most 3' }]],
    ['elon-musk/neighbors?depth=0', 400, [{ path: 'depth', message: 'must be at least 1' }]],
    ['elon-musk/neighbors?claims=some', 400, [{ path: 'claims', message: 'expected summary or all' }]],
    ['elon-musk/neighbors?limit=1000000000', 400, [{ path: 'limit', message: 'must be at most 1000' }]],
    [
      'elon-musk/neighbors?nodeTypes=country',
      400,
      [{ path: 'nodeTypes', message: 'leaves out the type "person" of id="elon-musk"' }],
    ],
    ['nobody/neighbors', 404, [{ path: 'id', message: 'no entity with id "nobody"' }]],
  ])('rejects %s', async (query, status, errors) => {
    expectProblem(await request(app).get(`/api/entities/${query}`), status, errors);
  });
});
