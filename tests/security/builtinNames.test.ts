// Ids and names that are JavaScript built-ins ("constructor", "valueOf", "__proto__"…)
// are data like any other. A property test (fast-check) generates data folders whose
// entities, documents and claims take their ids and names from the members of
// Object.prototype and Function.prototype, loads each one as the server does, and runs
// every read route on it: each answer is a 2xx with exactly the body the generated data
// calls for, or the 404 problem it calls for; never a 5xx. BUILTIN_NAMES_RUNS changes
// the number of folders; fast-check prints the seed of a failing one.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import request from 'supertest';
import type { z } from 'zod';
import { openGraph } from '../../server/graph/openGraph';
import { createApp } from '../../server/http/app';
import { GraphSnapshotHolder, snapshotOf } from '../../server/http/snapshotHolder';
import { apiRoutes } from '../../server/http/routes';
import * as api from '../../server/model/api';
import { duplicatesResponseSchema } from '../../server/model/duplicatesApi';
import { BUILTIN_ENTITY_IDS, BUILTIN_NAMES } from '../builtinNames';
import { noClientDir, seedDir } from '../api/seedApp';

const RUNS = Number(process.env.BUILTIN_NAMES_RUNS ?? 60);

// ---------------------------------------------------------------------------------------
// The generated data.

const NODE_TYPES = ['person', 'organization', 'service'] as const;
/** Edge types open to any ends: two undirected, three directed. */
const EDGE_TYPES = {
  in_contact_with: false,
  linked_to: false,
  requested: true,
  funded: true,
  supported: true,
} as const;
type EdgeTypeId = keyof typeof EDGE_TYPES;
const STANCES = ['asserts', 'alleges', 'denies', 'confirms'] as const;

interface GeneratedEntity {
  id: string;
  type: (typeof NODE_TYPES)[number];
  name: string;
  aliases: string[];
}
interface GeneratedDocument {
  id: string;
  title: string;
  date: string;
}
interface GeneratedClaim {
  id: string;
  subject: string;
  type: EdgeTypeId;
  object: string;
  stance: (typeof STANCES)[number];
  /** A document id (the claim quotes it), or undefined (the claim cites a record). */
  document?: string;
  attributedTo?: string;
}
interface Generated {
  entities: GeneratedEntity[];
  documents: GeneratedDocument[];
  claims: GeneratedClaim[];
}

const builtinName = fc.constantFrom(...BUILTIN_NAMES);

const generated: fc.Arbitrary<Generated> = fc
  .record({
    ids: fc.uniqueArray(fc.constantFrom(...BUILTIN_ENTITY_IDS, 'plain-a', 'plain-b'), { minLength: 2, maxLength: 6 }),
    documentIds: fc.uniqueArray(fc.constantFrom(...BUILTIN_NAMES, 'plain-doc'), { minLength: 1, maxLength: 3 }),
    claimIds: fc.shuffledSubarray([...BUILTIN_NAMES], { minLength: 0, maxLength: 10 }),
  })
  .chain(({ ids, documentIds, claimIds }) =>
    fc.record({
      entities: fc.tuple(
        ...ids.map((id) =>
          fc.record({
            id: fc.constant(id),
            type: fc.constantFrom(...NODE_TYPES),
            name: builtinName,
            aliases: fc.uniqueArray(builtinName, { maxLength: 2 }),
          }),
        ),
      ),
      documents: fc.tuple(
        ...documentIds.map((id, i) =>
          fc.record({ id: fc.constant(id), title: builtinName, date: fc.constant(`2024-0${i + 1}-15`) }),
        ),
      ),
      claims: fc.tuple(
        ...claimIds.map((id) =>
          fc.record(
            {
              id: fc.constant(id),
              subject: fc.constantFrom(...ids),
              type: fc.constantFrom(...(Object.keys(EDGE_TYPES) as EdgeTypeId[])),
              object: fc.constantFrom(...ids),
              stance: fc.constantFrom(...STANCES),
              document: fc.option(fc.constantFrom(...documentIds), { nil: undefined }),
              attributedTo: fc.option(builtinName, { nil: undefined }),
            },
            { requiredKeys: ['id', 'subject', 'type', 'object', 'stance'] },
          ),
        ),
      ),
    }),
  );

/** The sentence a document says for a claim; its quote. */
function sentence(claim: GeneratedClaim, names: Map<string, string>): string {
  return `${names.get(claim.subject)} and ${names.get(claim.object)} (${claim.id}).`;
}

function writeFolder(dir: string, data: Generated): void {
  const names = new Map(data.entities.map((e) => [e.id, e.name]));
  fs.mkdirSync(path.join(dir, 'documents'), { recursive: true });
  fs.copyFileSync(path.join(seedDir, 'vocabulary.json'), path.join(dir, 'vocabulary.json'));
  fs.writeFileSync(path.join(dir, 'entities.json'), JSON.stringify(data.entities, null, 2));
  const claims = data.claims.map((claim) => {
    const { document, ...rest } = claim;
    return document !== undefined
      ? { ...rest, document, quote: sentence(claim, names) }
      : { ...rest, record: { file: claim.id, id: claim.subject } };
  });
  fs.writeFileSync(path.join(dir, 'claims.json'), JSON.stringify(claims, null, 2));
  for (const document of data.documents) {
    const quoted = data.claims.filter((claim) => claim.document === document.id).map((claim) => sentence(claim, names));
    const body = quoted.length > 0 ? quoted.join('\n') : `Nothing here about ${document.title}.`;
    fs.writeFileSync(
      path.join(dir, 'documents', `${document.id}.txt`),
      ` date ${document.date} ${document.title}\n${body}\n`,
    );
  }
}

// ---------------------------------------------------------------------------------------
// What the generated data calls for, worked out here with Maps and Sets.

interface ExpectedEdge {
  key: string;
  source: string;
  target: string;
  directed: boolean;
  claims: string[];
}

function expectedEdges(data: Generated): Map<string, ExpectedEdge> {
  const edges = new Map<string, ExpectedEdge>();
  for (const claim of data.claims) {
    const directed = EDGE_TYPES[claim.type];
    const [source, target] =
      directed || claim.subject <= claim.object ? [claim.subject, claim.object] : [claim.object, claim.subject];
    const key = `${source}|${claim.type}|${target}`;
    const edge = edges.get(key) ?? { key, source, target, directed, claims: [] };
    edge.claims.push(claim.id);
    edges.set(key, edge);
  }
  return edges;
}

/** Each entity's neighbours, whatever the direction of the relation. */
function adjacency(data: Generated, edges: Iterable<ExpectedEdge>): Map<string, Set<string>> {
  const around = new Map(data.entities.map((e) => [e.id, new Set<string>()]));
  for (const edge of edges) {
    around.get(edge.source)!.add(edge.target);
    around.get(edge.target)!.add(edge.source);
  }
  return around;
}

/** Distance from `from` to every entity it reaches, self-loops aside. */
function distances(around: Map<string, Set<string>>, from: string): Map<string, number> {
  const distance = new Map([[from, 0]]);
  let frontier = [from];
  for (let d = 1; frontier.length > 0; d++) {
    const next: string[] = [];
    for (const node of frontier) {
      for (const neighbour of around.get(node)!) {
        if (distance.has(neighbour)) continue;
        distance.set(neighbour, d);
        next.push(neighbour);
      }
    }
    frontier = next;
  }
  return distance;
}

function degree(edges: Iterable<ExpectedEdge>, id: string): number {
  let ends = 0;
  for (const edge of edges) ends += Number(edge.source === id) + Number(edge.target === id);
  return ends;
}

const sorted = (values: Iterable<string>) => [...values].sort();

// ---------------------------------------------------------------------------------------
// Requests.

const touched = new Set<string>();

/** GET `url`: never a 5xx; a 2xx body must match `schema`. */
async function get(server: http.Server, url: string, route: string, schema?: z.ZodType): Promise<request.Response> {
  touched.add(route);
  const res = await request(server).get(url);
  if (res.status >= 500) throw new Error(`GET ${url} answered ${res.status}: ${res.text}`);
  if (res.status < 300 && schema) schema.parse(res.body);
  return res;
}

function expectNotFound(
  res: request.Response,
  detail: string,
  errors: Array<{ path: string; message: string }>,
  kind = 'not-found',
): void {
  expect([res.status, res.headers['content-type']]).toEqual([404, 'application/problem+json; charset=utf-8']);
  expect(res.body).toEqual({
    type: `urn:claimgraph:problem:${kind}`,
    title: kind === 'no-path' ? 'No path found' : 'Not found',
    status: 404,
    detail,
    errors,
  });
}

const enc = encodeURIComponent;
type SerializedEdge = {
  key: string;
  source: string;
  target: string;
  undirected?: boolean;
  attributes: { claims?: Array<{ id: string }> };
};
type SerializedGraph = { nodes: Array<{ key: string }>; edges: SerializedEdge[] };
const edgeSummary = (edge: SerializedEdge) => [
  edge.key,
  edge.source,
  edge.target,
  edge.undirected === true,
  sorted((edge.attributes.claims ?? []).map((c) => c.id)),
];
const expectedSummary = (edge: ExpectedEdge) => [
  edge.key,
  edge.source,
  edge.target,
  !edge.directed,
  sorted(edge.claims),
];

async function readEveryRoute(server: http.Server, data: Generated): Promise<void> {
  const edges = expectedEdges(data);
  const edgeList = [...edges.values()];
  const around = adjacency(data, edgeList);
  const ids = data.entities.map((e) => e.id);
  const absentIds = BUILTIN_ENTITY_IDS.filter((id) => !ids.includes(id));
  const documentIds = data.documents.map((d) => d.id);

  const health = await get(server, '/api/health', '/api/health', api.healthResponseSchema);
  expect(health.body.counts).toEqual({
    entities: ids.length,
    edges: edges.size,
    claims: data.claims.length,
    documents: data.documents.length,
  });
  expect((await get(server, '/api/session', '/api/session', api.sessionResponseSchema)).body).toEqual({
    reads: 'open',
    writes: false,
  });
  // Admins only: anonymous is refused, whatever the data.
  expect((await get(server, '/api/users', '/api/users')).status).toBe(401);
  expect((await get(server, '/api/vocabulary', '/api/vocabulary', api.vocabularyResponseSchema)).status).toBe(200);

  const whole = (await get(server, '/api/graph', '/api/graph', api.graphResponseSchema)).body as SerializedGraph;
  expect(sorted(whole.nodes.map((n) => n.key))).toEqual(sorted(ids));
  expect(whole.edges.map(edgeSummary).sort()).toEqual(edgeList.map(expectedSummary).sort());
  for (const document of documentIds) {
    const part = (await get(server, `/api/graph?documents=${enc(document)}`, '/api/graph', api.graphResponseSchema))
      .body as SerializedGraph;
    const quoting = edgeList
      .map((edge) => ({
        ...edge,
        claims: edge.claims.filter((id) => data.claims.find((c) => c.id === id)!.document === document),
      }))
      .filter((edge) => edge.claims.length > 0);
    expect(part.edges.map(edgeSummary).sort()).toEqual(quoting.map(expectedSummary).sort());
  }

  for (const name of new Set(data.entities.map((e) => e.name))) {
    const search = await get(
      server,
      `/api/entities?q=${enc(name)}&limit=1000`,
      '/api/entities',
      api.entitySearchResponseSchema,
    );
    const hits = (search.body.hits as Array<{ id: string }>).map((hit) => hit.id);
    for (const entity of data.entities.filter((e) => e.name === name))
      expect([name, hits]).toEqual([name, expect.arrayContaining([entity.id])]);
  }

  for (const entity of data.entities) {
    const details = await get(
      server,
      `/api/entities/${enc(entity.id)}`,
      '/api/entities/{id}',
      api.entityDetailsResponseSchema,
    );
    expect(details.status).toBe(200);
    expect(details.body.entity).toEqual(entity);
    const incident = edgeList.filter((edge) => edge.source === entity.id || edge.target === entity.id);
    expect(details.body.degree).toBe(degree(edgeList, entity.id));
    expect(details.body.claimCount).toBe(incident.reduce((sum, edge) => sum + edge.claims.length, 0));
    const relations = (
      details.body.relations as Array<{ edges: Array<{ edge: string; other: { id: string }; direction: string }> }>
    ).flatMap((group) => group.edges.map((r) => [r.edge, r.other.id, r.direction]));
    const expectedRelations = incident.map((edge) => [
      edge.key,
      edge.source === entity.id ? edge.target : edge.source,
      !edge.directed ? 'undirected' : edge.source === entity.id ? 'outgoing' : 'incoming',
    ]);
    expect(relations.sort()).toEqual(expectedRelations.sort());

    const distance = distances(around, entity.id);
    for (const depth of [1, 2, 3]) {
      const ego = (
        await get(
          server,
          `/api/entities/${enc(entity.id)}/neighbors?depth=${depth}&claims=all`,
          '/api/entities/{id}/neighbors',
          api.neighboursResponseSchema,
        )
      ).body as SerializedGraph;
      const within = new Set([...distance].filter(([, d]) => d <= depth).map(([id]) => id));
      expect(sorted(ego.nodes.map((n) => n.key))).toEqual(sorted(within));
      expect(ego.edges.map(edgeSummary).sort()).toEqual(
        edgeList
          .filter((edge) => within.has(edge.source) && within.has(edge.target))
          .map(expectedSummary)
          .sort(),
      );
    }

    // Duplicate candidates: other entities of the folder only, never the entity itself.
    const duplicates = (
      await get(
        server,
        `/api/entities/${enc(entity.id)}/duplicates`,
        '/api/entities/{id}/duplicates',
        duplicatesResponseSchema,
      )
    ).body as { id: string; candidates: Array<{ id: string }> };
    expect(duplicates.id).toBe(entity.id);
    for (const candidate of duplicates.candidates) {
      expect(candidate.id).not.toBe(entity.id);
      expect(data.entities.some((e) => e.id === candidate.id)).toBe(true);
    }

    const ofEntity = await get(
      server,
      `/api/edges?entity=${enc(entity.id)}&limit=1000`,
      '/api/edges',
      api.edgesResponseSchema,
    );
    expect((ofEntity.body.edges as Array<{ id: string }>).map((e) => e.id)).toEqual(
      sorted(incident.map((edge) => edge.key)),
    );
  }
  for (const id of absentIds) {
    expectNotFound(await get(server, `/api/entities/${enc(id)}`, '/api/entities/{id}'), `no entity with id "${id}"`, [
      { path: 'id', message: `no entity with id "${id}"` },
    ]);
    expectNotFound(
      await get(server, `/api/entities/${enc(id)}/neighbors`, '/api/entities/{id}/neighbors'),
      `no entity with id "${id}"`,
      [{ path: 'id', message: `no entity with id "${id}"` }],
    );
    expectNotFound(
      await get(server, `/api/entities/${enc(id)}/duplicates`, '/api/entities/{id}/duplicates'),
      `no entity with id "${id}"`,
      [{ path: 'id', message: `no entity with id "${id}"` }],
    );
  }

  const all = await get(server, '/api/edges?limit=1000', '/api/edges', api.edgesResponseSchema);
  expect((all.body.edges as Array<{ id: string }>).map((e) => e.id)).toEqual(sorted(edges.keys()));
  for (const edge of edgeList) {
    const one = await get(server, `/api/edges/${enc(edge.key)}`, '/api/edges/{id}', api.edgeResponseSchema);
    expect([
      one.body.id,
      one.body.source.id,
      one.body.target.id,
      sorted((one.body.claims as Array<{ id: string }>).map((c) => c.id)),
    ]).toEqual([edge.key, edge.source, edge.target, sorted(edge.claims)]);
  }
  const missingEdge = `${ids[0]}|requested|hasOwnProperty`;
  if (!edges.has(missingEdge)) {
    expectNotFound(
      await get(server, `/api/edges/${enc(missingEdge)}`, '/api/edges/{id}'),
      `no relation with id "${missingEdge}"`,
      [{ path: 'id', message: 'expected an edge id such as elon-musk|owns|starlink' }],
    );
  }

  for (const [i, from] of ids.entries()) {
    const distance = distances(around, from);
    for (const to of ids.slice(i)) {
      const res = await get(server, `/api/path?from=${enc(from)}&to=${enc(to)}`, '/api/path', api.pathResponseSchema);
      if (!distance.has(to)) {
        expectNotFound(
          res,
          `no chain of relations leads from "${from}" to "${to}"`,
          [{ path: 'to', message: `not connected to "${from}"` }],
          'no-path',
        );
        continue;
      }
      expect(res.status).toBe(200);
      const nodes = (res.body.nodes as Array<{ id: string }>).map((n) => n.id);
      expect([res.body.length, nodes[0], nodes[nodes.length - 1]]).toEqual([distance.get(to), from, to]);
      for (let k = 0; k + 1 < nodes.length; k++) expect(around.get(nodes[k])!.has(nodes[k + 1])).toBe(true);
    }
  }

  const documents = await get(server, '/api/documents', '/api/documents', api.documentsResponseSchema);
  expect(sorted((documents.body.documents as Array<{ id: string }>).map((d) => d.id))).toEqual(sorted(documentIds));
  for (const document of data.documents) {
    const one = await get(
      server,
      `/api/documents/${enc(document.id)}`,
      '/api/documents/{id}',
      api.documentResponseSchema,
    );
    expect([one.body.id, one.body.title]).toEqual([document.id, document.title]);
    expect(sorted((one.body.spans as Array<{ claim: string }>).map((s) => s.claim))).toEqual(
      sorted(data.claims.filter((c) => c.document === document.id).map((c) => c.id)),
    );
    const noOriginal = `document "${document.id}" came as text: it has no original file`;
    expectNotFound(
      await get(server, `/api/documents/${enc(document.id)}/original`, '/api/documents/{id}/original'),
      noOriginal,
      [{ path: 'id', message: noOriginal }],
    );
  }
  for (const id of BUILTIN_NAMES.filter((name) => !documentIds.includes(name))) {
    expectNotFound(
      await get(server, `/api/documents/${enc(id)}`, '/api/documents/{id}'),
      `no document with id "${id}"`,
      [{ path: 'id', message: `no document with id "${id}"` }],
    );
  }

  const stats = await get(server, '/api/stats?top=100', '/api/stats', api.statsResponseSchema);
  // Stats count the sources the relations cite: documents quoted and files of records cited (here named after the claim).
  const cited = new Set(data.claims.map((claim) => claim.document ?? claim.id));
  expect(stats.body.counts).toEqual({ ...health.body.counts, documents: cited.size });
  expect((stats.body.topByDegree as Array<{ id: string; value: number }>).map((e) => [e.id, e.value]).sort()).toEqual(
    ids.map((id) => [id, degree(edgeList, id)]).sort(),
  );
  expect(sorted((stats.body.topByPageRank as Array<{ id: string }>).map((e) => e.id))).toEqual(sorted(ids));
  expect(sorted((stats.body.communities.groups as Array<{ members: string[] }>).flatMap((g) => g.members))).toEqual(
    sorted(ids),
  );

  for (const format of ['json', 'gexf', 'graphml', 'nodes.csv', 'edges.csv', 'cypher']) {
    const file = await get(server, `/api/export?format=${format}`, '/api/export');
    expect([format, file.status]).toEqual([format, 200]);
    const text = format === 'json' ? JSON.stringify(file.body) : file.text;
    // edges.csv names the entities that have relations; every other format names them all.
    const named = format === 'edges.csv' ? edgeList.flatMap((edge) => [edge.source, edge.target]) : ids;
    for (const id of named) expect([format, id, text.includes(id)]).toEqual([format, id, true]);
  }
}

// ---------------------------------------------------------------------------------------

const made: string[] = [];
let cacheDirBefore: string | undefined;
beforeAll(() => {
  cacheDirBefore = process.env.CLAIMGRAPH_CACHE_DIR;
  const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-builtins-cache-'));
  made.push(cache);
  process.env.CLAIMGRAPH_CACHE_DIR = cache;
});
afterAll(() => {
  if (cacheDirBefore === undefined) delete process.env.CLAIMGRAPH_CACHE_DIR;
  else process.env.CLAIMGRAPH_CACHE_DIR = cacheDirBefore;
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

async function listening(app: http.RequestListener): Promise<http.Server> {
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  expect((server.address() as AddressInfo).port).toBeGreaterThan(0);
  return server;
}

describe('ids and names that are JavaScript built-ins', () => {
  it('lists every member name of Object.prototype and Function.prototype', () => {
    const names = new Set([
      ...Object.getOwnPropertyNames(Object.prototype),
      ...Object.getOwnPropertyNames(Function.prototype),
    ]);
    expect([...names].sort()).toEqual([...BUILTIN_NAMES]);
    expect(BUILTIN_ENTITY_IDS).toEqual([
      'apply',
      'arguments',
      'bind',
      'call',
      'caller',
      'constructor',
      'hasOwnProperty',
      'isPrototypeOf',
      'length',
      'name',
      'propertyIsEnumerable',
      'toLocaleString',
      'toString',
      'valueOf',
    ]);
  });

  it('every read route answers each generated folder with the body its data calls for, never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(generated, async (data) => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-builtins-'));
        made.push(dir);
        writeFolder(dir, data);
        const store = new GraphSnapshotHolder(snapshotOf(openGraph(dir)));
        const server = await listening(createApp({ store, clientDir: noClientDir }));
        try {
          await readEveryRoute(server, data);
        } finally {
          await new Promise((resolve) => server.close(resolve));
          fs.rmSync(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: RUNS },
    );
    const server = await listening(
      createApp({ store: new GraphSnapshotHolder(snapshotOf(openGraph(seedDir))), clientDir: noClientDir }),
    );
    try {
      expect((await get(server, '/api/openapi.json', '/api/openapi.json', api.openApiResponseSchema)).status).toBe(200);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    expect(sorted(touched)).toEqual(sorted(apiRoutes.map((route) => route.path)));
  }, 600_000);
});
