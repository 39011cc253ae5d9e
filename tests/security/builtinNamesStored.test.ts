// Built-in names ("constructor", "valueOf", "hasOwnProperty"…) reaching the data folder
// by the other ways in: a reviewer accepting a claim about a new entity named
// "Constructor" (its id is `constructor`), and imports of files whose node ids, type
// values and FtM schemata are such names. Every read route then answers, and goes on
// answering after a restart and after compaction.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Express } from 'express';
import request from 'supertest';
import type { z } from 'zod';
import { openGraph } from '../../server/graph/openGraph';
import { createApp } from '../../server/http/app';
import { GraphSnapshotHolder, snapshotOf } from '../../server/http/snapshotHolder';
import { importData, readInputFiles, type ImportFormat } from '../../server/import/importData';
import { writeDataFolder } from '../../server/import/writeDataFolder';
import * as api from '../../server/model/api';
import { proposalsResponseSchema, proposalViewSchema } from '../../server/model/reviewApi';
import { compactDataFolder } from '../../server/store/compact';
import { auth, writeApp } from '../api/writeApp';
import { noClientDir } from '../api/seedApp';

const DOC = '107_musk-peskov';
const ARTICLE = [
  ' date 2024-11-02 Musk and Peskov talk Starlink',
  'Elon Musk spoke with Kremlin spokesperson Dmitry Peskov about Starlink in October 2024, according to people familiar with the call.',
  'Orbital Relay Ltd, a new reseller, sells Starlink terminals in Kazakhstan.',
  '',
].join('\n');

const made: string[] = [];
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});
function temporaryFolder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-builtins-'));
  made.push(dir);
  return dir;
}

/** GET `url`: never a 5xx; a 2xx body must match `schema`. */
async function get(app: Express, url: string, schema?: z.ZodType): Promise<request.Response> {
  // The review queue is editors' only: signed in for it.
  const res = url.startsWith('/api/proposals') ? await request(app).get(url).set(auth) : await request(app).get(url);
  if (res.status >= 500) throw new Error(`GET ${url} answered ${res.status}: ${res.text}`);
  if (res.status < 300 && schema) schema.parse(res.body);
  return res;
}

const enc = encodeURIComponent;
const keys = (items: Array<{ key: string }>) => items.map((item) => item.key).sort();

/** Every read route on every entity, relation and pair of entities of the app's data: no 5xx, each entity found. */
async function sweep(app: Express): Promise<void> {
  const graph = (await get(app, '/api/graph', api.graphResponseSchema)).body as {
    nodes: Array<{ key: string }>;
    edges: Array<{ key: string }>;
  };
  const ids = keys(graph.nodes);
  for (const id of ids) {
    expect([id, (await get(app, `/api/entities/${enc(id)}`, api.entityDetailsResponseSchema)).status]).toEqual([
      id,
      200,
    ]);
    for (const depth of [1, 2, 3])
      expect([
        id,
        (await get(app, `/api/entities/${enc(id)}/neighbors?depth=${depth}`, api.neighboursResponseSchema)).status,
      ]).toEqual([id, 200]);
    expect([id, (await get(app, `/api/edges?entity=${enc(id)}`, api.edgesResponseSchema)).status]).toEqual([id, 200]);
    for (const to of ids)
      expect([404, 200]).toContain(
        (await get(app, `/api/path?from=${enc(id)}&to=${enc(to)}`, api.pathResponseSchema)).status,
      );
  }
  for (const edge of keys(graph.edges))
    expect([edge, (await get(app, `/api/edges/${enc(edge)}`, api.edgeResponseSchema)).status]).toEqual([edge, 200]);
  expect((await get(app, '/api/stats?top=100', api.statsResponseSchema)).status).toBe(200);
  expect((await get(app, '/api/health', api.healthResponseSchema)).status).toBe(200);
  expect((await get(app, '/api/documents', api.documentsResponseSchema)).status).toBe(200);
  for (const format of ['json', 'gexf', 'graphml', 'nodes.csv', 'edges.csv', 'cypher'])
    expect([format, (await get(app, `/api/export?format=${format}`)).status]).toEqual([format, 200]);
}

describe('a reviewer accepts a claim about a new entity named "Constructor"', () => {
  /** What the folder must answer once both proposals are accepted. */
  async function expectConstructorServed(app: Express): Promise<void> {
    const entity = await get(app, '/api/entities/constructor', api.entityDetailsResponseSchema);
    expect(entity.status).toBe(200);
    expect(entity.body.entity).toEqual({ id: 'constructor', type: 'person', name: 'Constructor', aliases: [] });
    expect(entity.body.degree).toBe(2);
    const relations = await get(app, '/api/edges?entity=constructor', api.edgesResponseSchema);
    expect((relations.body.edges as Array<{ id: string }>).map((e) => e.id)).toEqual([
      'constructor|in_contact_with|elon-musk',
      'constructor|provided_access|starlink',
    ]);
    const neighbours = await get(app, '/api/entities/constructor/neighbors', api.neighboursResponseSchema);
    expect(keys(neighbours.body.nodes)).toEqual(['constructor', 'elon-musk', 'starlink']);
    const path = await get(app, '/api/path?from=constructor&to=vladimir-putin', api.pathResponseSchema);
    expect([path.status, (path.body.nodes as Array<{ id: string }>).map((n) => n.id)]).toEqual([
      200,
      ['constructor', 'elon-musk', 'vladimir-putin'],
    ]);
    const stats = await get(app, '/api/stats?top=100', api.statsResponseSchema);
    expect(stats.body.topByDegree).toContainEqual({ id: 'constructor', name: 'Constructor', type: 'person', value: 2 });
    const proposals = await get(app, '/api/proposals?status=all', proposalsResponseSchema);
    expect((proposals.body.proposals as Array<{ id: string; status: string }>).map((p) => [p.id, p.status])).toEqual([
      [`${DOC}.p1`, 'accepted'],
      [`${DOC}.p2`, 'accepted'],
    ]);
    expect((await get(app, `/api/proposals/${DOC}.p1`, proposalViewSchema)).status).toBe(200);
    await sweep(app);
  }

  it('serves it on every read route, after a restart and after compaction', async () => {
    const first = writeApp();
    await request(first.app)
      .post('/api/documents')
      .set(auth)
      .send({ text: ARTICLE, fileName: `${DOC}.txt` })
      .expect(201);
    const accepted = await request(first.app)
      .post(`/api/proposals/${DOC}.p1/accept`)
      .set(auth)
      .send({ object: { name: 'Constructor', type: 'person' } });
    expect([accepted.status, accepted.body.claim.object, accepted.body.edge]).toEqual([
      201,
      'constructor',
      'constructor|in_contact_with|elon-musk',
    ]);
    const byId = await request(first.app)
      .post(`/api/proposals/${DOC}.p2/accept`)
      .set(auth)
      .send({ subject: 'constructor' });
    expect([byId.status, byId.body.claim.subject, byId.body.edge]).toEqual([
      201,
      'constructor',
      'constructor|provided_access|starlink',
    ]);
    await expectConstructorServed(first.app);
    first.close();

    const restarted = writeApp({ dataDir: first.dataDir });
    await expectConstructorServed(restarted.app);
    restarted.close();

    expect(compactDataFolder(first.dataDir)).toMatchObject({ entries: 3, entities: 1, claims: 2 });
    const entities = JSON.parse(fs.readFileSync(path.join(first.dataDir, 'entities.json'), 'utf8')) as Array<{
      id: string;
    }>;
    expect(entities.filter((e) => e.id === 'constructor')).toEqual([
      { id: 'constructor', type: 'person', name: 'Constructor', aliases: [] },
    ]);
    const compacted = writeApp({ dataDir: first.dataDir });
    await expectConstructorServed(compacted.app);
    compacted.close();
  });
});

describe('imports of files whose ids, types and schemata are built-in names', () => {
  const GEXF = `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3">
  <graph defaultedgetype="directed">
    <attributes class="node"><attribute id="0" title="type" type="string"/></attributes>
    <nodes>
      <node id="constructor" label="toString"><attvalues><attvalue for="0" value="person"/></attvalues></node>
      <node id="hasOwnProperty" label="__proto__"><attvalues><attvalue for="0" value="constructor"/></attvalues></node>
      <node id="valueOf" label="valueOf"/>
    </nodes>
    <edges>
      <edge id="toString" source="constructor" target="hasOwnProperty"/>
      <edge id="valueOf" source="hasOwnProperty" target="valueOf" kind="constructor"/>
      <edge id="e3" source="valueOf" target="constructor"/>
    </edges>
  </graph>
</gexf>
`;
  const GRAPHML = `<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="label" for="node" attr.name="label" attr.type="string"/>
  <key id="type" for="node" attr.name="type" attr.type="string"/>
  <key id="rel" for="edge" attr.name="type" attr.type="string"/>
  <graph edgedefault="undirected">
    <node id="constructor"><data key="label">Constructor</data><data key="type">constructor</data></node>
    <node id="hasOwnProperty"><data key="label">hasOwnProperty</data><data key="type">person</data></node>
    <node id="isPrototypeOf"><data key="label">isPrototypeOf</data><data key="type">person</data></node>
    <edge source="constructor" target="hasOwnProperty"><data key="rel">constructor</data></edge>
    <edge source="hasOwnProperty" target="isPrototypeOf"><data key="rel">met</data></edge>
    <edge source="hasOwnProperty" target="constructor"><data key="rel">constructor</data></edge>
  </graph>
</graphml>
`;
  const JSON_GRAPH = JSON.stringify({
    attributes: {},
    options: { type: 'mixed', multi: true, allowSelfLoops: true },
    nodes: [
      { key: 'constructor', attributes: { label: '__proto__', type: 'constructor' } },
      { key: 'toString', attributes: { label: 'toString', type: 'person' } },
      { key: 'valueOf', attributes: { label: 'valueOf', type: 'organization' } },
    ],
    edges: [
      { key: 'hasOwnProperty', source: 'constructor', target: 'toString', attributes: { type: 'constructor' } },
      { key: 'e2', source: 'toString', target: 'valueOf', attributes: { type: 'funds' } },
      { key: 'e3', source: 'valueOf', target: 'valueOf', attributes: { type: 'linked' } },
    ],
  });
  const NODES_CSV =
    'id,label,type\nconstructor,Constructor,constructor\ntoLocaleString,toLocaleString,person\npropertyIsEnumerable,__proto__,company\n';
  const EDGES_CSV =
    'source,target,type\nconstructor,toLocaleString,constructor\ntoLocaleString,propertyIsEnumerable,works for\npropertyIsEnumerable,constructor,met\n';
  const FTM = [
    { id: 'constructor', schema: 'Person', properties: { name: ['Constructor'] } },
    { id: 'valueOf', schema: 'Company', properties: { name: ['valueOf'] } },
    { id: 'toString', schema: 'Ownership', properties: { owner: ['constructor'], asset: ['valueOf'] } },
    { id: 'hasOwnProperty', schema: 'constructor', properties: { name: ['hasOwnProperty'] } },
    { id: 'isPrototypeOf', schema: 'toString', properties: { subject: ['constructor'], object: ['valueOf'] } },
  ]
    .map((entity) => JSON.stringify(entity))
    .join('\n');

  function imported(
    format: ImportFormat,
    files: Array<[string, string]>,
  ): { app: Express; entities: string[]; edges: string[]; nodeTypes: string[]; edgeTypes: string[]; notes: string[] } {
    const inputDir = temporaryFolder();
    const paths = files.map(([name, text]) => {
      fs.writeFileSync(path.join(inputDir, name), text);
      return path.join(inputDir, name);
    });
    const inputs = readInputFiles(paths);
    const data = importData(format, inputs);
    const outDir = path.join(temporaryFolder(), 'out');
    writeDataFolder(
      outDir,
      data,
      inputs.map((i) => ({ path: i.path, name: i.name })),
      { format, options: {}, notes: data.notes },
    );
    const opened = openGraph(outDir);
    const app = createApp({ store: new GraphSnapshotHolder(snapshotOf(opened)), clientDir: noClientDir });
    const vocabulary = JSON.parse(fs.readFileSync(path.join(outDir, 'vocabulary.json'), 'utf8')) as {
      nodeTypes: Array<{ id: string }>;
      edgeTypes: Array<{ id: string }>;
    };
    return {
      app,
      entities: [...opened.dataset.entities.keys()].sort(),
      edges: opened.graph.edges().sort(),
      nodeTypes: vocabulary.nodeTypes.map((t) => t.id),
      edgeTypes: vocabulary.edgeTypes.map((t) => t.id),
      notes: data.notes,
    };
  }

  it('GEXF: node ids kept, a type value "constructor" becomes a node type of its own', async () => {
    const result = imported('gexf', [['builtins.gexf', GEXF]]);
    expect(result.entities).toEqual(['constructor', 'hasOwnProperty', 'valueOf']);
    expect(result.edges).toEqual(
      [
        'constructor|linked_to|hasOwnProperty',
        'hasOwnProperty|linked_to|valueOf',
        'constructor|linked_to|valueOf',
      ].sort(),
    );
    expect(result.nodeTypes).toContain('constructor');
    await sweep(result.app);
  });

  it('GraphML: the edge type "constructor" is a new edge type, the undirected pair one edge', async () => {
    const result = imported('graphml', [['builtins.graphml', GRAPHML]]);
    expect(result.entities).toEqual(['constructor', 'hasOwnProperty', 'isPrototypeOf']);
    expect(result.nodeTypes).toContain('constructor');
    expect(result.edgeTypes).toContain('constructor');
    expect(result.edges).toEqual([
      'constructor|constructor|hasOwnProperty',
      'hasOwnProperty|in_contact_with|isPrototypeOf',
    ]);
    await sweep(result.app);
  });

  it('JSON (SerializedGraph): builtin node keys, edge keys and types', async () => {
    const result = imported('json', [['builtins.json', JSON_GRAPH]]);
    expect(result.entities).toEqual(['constructor', 'toString', 'valueOf']);
    expect(result.edges).toEqual([
      'constructor|constructor|toString',
      'toString|funded|valueOf',
      'valueOf|linked_to|valueOf',
    ]);
    await sweep(result.app);
  });

  it('CSV (nodes and edges files)', async () => {
    const result = imported('csv', [
      ['nodes.csv', NODES_CSV],
      ['edges.csv', EDGES_CSV],
    ]);
    expect(result.entities).toEqual(['constructor', 'propertyIsEnumerable', 'toLocaleString']);
    expect(result.edges).toEqual([
      'constructor|constructor|toLocaleString',
      'constructor|in_contact_with|propertyIsEnumerable',
      'toLocaleString|holds_position|propertyIsEnumerable',
    ]);
    await sweep(result.app);
  });

  it('FollowTheMoney: builtin entity ids; schemata named "constructor" and "toString" are skipped, not mapped', async () => {
    const result = imported('ftm', [['builtins.ftm.json', FTM]]);
    expect(result.entities).toEqual(['constructor', 'valueOf']);
    expect(result.edges).toEqual(['constructor|owns|valueOf']);
    expect(result.notes).toContain('skipped 2 entities of schemata with no mapping: 1 constructor, 1 toString');
    await sweep(result.app);
  });
});
