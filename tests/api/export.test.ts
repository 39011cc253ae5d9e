// GET /api/export: the filtered graph as a download in every registered format,
// streamed byte for byte as the writers render it (graphology-gexf's for GEXF), plain or
// gzipped; whole with Content-Length when it fits one write; headers alone for a HEAD.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { exportFormats } from '../../server/export';
import { exportEdgesCsv, exportNodesCsv } from '../../server/export/csv';
import { exportCypher } from '../../server/export/cypher';
import { exportGexf } from '../../server/export/gexf';
import { exportGexfStreamed } from '../../server/export/gexfStream';
import { exportGraphml } from '../../server/export/graphml';
import { exportJson } from '../../server/export/json';
import { neo4jAdminChunks } from '../../server/export/neo4jAdmin';
import { joinChunks } from '../../server/export/chunks';
import { generateDataFolder } from '../../server/generate/generateDataFolder';
import { buildGraph } from '../../server/graph/buildGraph';
import { applyPositions, preliminaryPositions, prepareLayout } from '../../server/graph/layout';
import { createApp } from '../../server/http/app';
import { GraphSnapshotHolder, snapshotOf } from '../../server/http/snapshotHolder';
import { loadDataset } from '../../server/load/loadDataset';
import type { EvidenceGraph } from '../../server/model/evidenceGraph';
import { filterGraph } from '../../server/queries/filterGraph';
import { expectProblem, noClientDir, seedApp } from './seedApp';

const { app, store } = seedApp();

/**
 * What each format's render gave before exports streamed: the reference the stream is held
 * to. The GEXF timeline and the neo4j-admin tar came after: their writers are their own reference.
 */
const reference: Record<string, (graph: EvidenceGraph) => string> = {
  json: exportJson,
  gexf: (graph) => exportGexfStreamed(graph, { dynamic: true }),
  graphml: exportGraphml,
  'nodes.csv': exportNodesCsv,
  'edges.csv': exportEdgesCsv,
  cypher: exportCypher,
  'neo4j-admin': (graph) => joinChunks(neo4jAdminChunks(graph)),
};

/** The body as bytes, whatever its type (after gzip is undone). */
const asBytes = (res: request.Test) =>
  res.buffer(true).parse((response, done) => {
    const parts: Buffer[] = [];
    response.on('data', (part: Buffer) => parts.push(part));
    response.on('end', () => done(null, Buffer.concat(parts)));
  });

describe('GET /api/export', () => {
  it('sends graph JSON by default, as an attachment, with the claims', async () => {
    const res = await request(app).get('/api/export').expect(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename=claimgraph.json');
    const graph = JSON.parse(res.text);
    expect([graph.nodes.length, graph.edges.length]).toEqual([15, 19]);
    const owns = graph.edges.find((edge: { key: string }) => edge.key === 'elon-musk|owns|starlink');
    expect(owns.attributes.claims[0].quote).toBe("Musk's Starlink service was instrumental in Ukraine");
  });

  it('applies the shared filters', async () => {
    const res = await request(app).get('/api/export?format=json&status=alleged').expect(200);
    expect(JSON.parse(res.text).edges.map((edge: { key: string }) => edge.key)).toEqual([
      'country:RU|used|starlink',
      'country:TW|linked_to|starlink',
      'vladimir-putin|acted_on_behalf_of|xi-jinping',
      'vladimir-putin|requested|elon-musk',
    ]);
  });

  it.each(exportFormats.map((format) => [format.name, format]))(
    'serves every registered format: %s',
    async (_name, format) => {
      const res = await request(app)
        .get(`/api/export?format=${encodeURIComponent(format.name)}&nodeTypes=person`)
        .expect(200);
      expect(res.headers['content-type']).toBe(format.contentType.replace(/; */g, '; '));
      expect(res.headers['content-disposition']).toBe(`attachment; filename=claimgraph.${format.extension}`);
      expect(res.headers.etag).toMatch(/^W\/"/);
      expect(res.text.length).toBeGreaterThan(0);
    },
  );

  it('rejects an unknown format, listing the known ones', async () => {
    const names = exportFormats.map((format) => format.name).join(', ');
    expectProblem(await request(app).get('/api/export?format=xml'), 400, [
      { path: 'format', message: `unknown format "xml"; expected one of ${names}` },
    ]);
  });

  it.each(exportFormats.map((format) => [format.name]))(
    'sends the bytes the writer renders, whole, with Content-Length: %s',
    async (name) => {
      const expected = Buffer.from(reference[name](store.current.graph));
      const res = await asBytes(
        request(app)
          .get(`/api/export?format=${encodeURIComponent(name)}`)
          .set('Accept-Encoding', 'identity'),
      ).expect(200);
      expect((res.body as Buffer).equals(expected)).toBe(true);
      expect(res.headers['content-length']).toBe(String(expected.length));
      const gzipped = await asBytes(
        request(app)
          .get(`/api/export?format=${encodeURIComponent(name)}`)
          .set('Accept-Encoding', 'gzip'),
      ).expect(200);
      // cypher's type is none the compression middleware knows as compressible.
      expect(gzipped.headers['content-encoding']).toBe(name === 'cypher' ? undefined : 'gzip');
      expect((gzipped.body as Buffer).equals(expected)).toBe(true);
    },
  );

  it('sends the static GEXF, the bytes graphology-gexf writes, with static=true', async () => {
    const res = await request(app).get('/api/export?format=gexf&static=true').expect(200);
    expect(res.text).toBe(exportGexf(store.current.graph));
    expect(res.text).toContain('<graph defaultedgetype="directed">');
    const dynamic = await request(app).get('/api/export?format=gexf&static=false').expect(200);
    expect(dynamic.text).toContain('<graph defaultedgetype="directed" mode="dynamic" timeformat="date">');
  });

  it('refuses static with a format that has no timeline, and a static that is not true or false', async () => {
    expectProblem(await request(app).get('/api/export?format=graphml&static=true'), 400, [
      {
        path: 'static',
        message: 'only the gexf format has a timeline to leave out; format "graphml" is always static',
      },
    ]);
    expectProblem(await request(app).get('/api/export?format=gexf&static=yes'), 400, [
      { path: 'static', message: 'expected true or false' },
    ]);
  });

  it('sends neo4j-admin as a tar of nodes.csv and relationships.csv', async () => {
    const res = await asBytes(request(app).get('/api/export?format=neo4j-admin')).expect(200);
    expect(res.headers['content-type']).toBe('application/x-tar');
    expect(res.headers['content-disposition']).toBe('attachment; filename=claimgraph.neo4j-admin.tar');
    const tar = res.body as Buffer;
    const nameAt = (offset: number) =>
      tar
        .subarray(offset, offset + 100)
        .toString('latin1')
        .replace(/\0+$/, '');
    expect(nameAt(0)).toBe('claimgraph-neo4j/');
    expect(nameAt(512)).toBe('claimgraph-neo4j/nodes.csv');
  });

  it('answers a HEAD with the headers of the download and no body', async () => {
    const res = await request(app).head('/api/export?format=gexf').expect(200);
    expect(res.headers['content-type']).toBe('application/gexf+xml; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename=claimgraph.gexf');
    expect(res.headers.etag).toMatch(/^W\/"/);
    expect(res.headers['content-length']).toBeUndefined();
    expect(res.text).toBeUndefined();
  });

  it('answers 304 to a client that has the current version', async () => {
    const first = await request(app).get('/api/export?format=graphml').expect(200);
    const res = await request(app)
      .get('/api/export?format=graphml')
      .set('If-None-Match', first.headers.etag)
      .expect(304);
    expect(res.headers.etag).toBe(first.headers.etag);
    expect(res.text).toBe('');
  });

  it('rejects bad filters', async () => {
    expectProblem(await request(app).get('/api/export?format=json&knownAt=2022-13'), 400, [
      { path: 'knownAt', message: 'expected a date as YYYY, YYYY-MM or YYYY-MM-DD that exists in the calendar' },
    ]);
  });
});

describe('GET /api/export of a graph larger than one write', () => {
  let dir: string;
  let graph: EvidenceGraph;
  let large: ReturnType<typeof createApp>;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-export-'));
    generateDataFolder({ entities: 2000, claims: 6000, seed: 5, outDir: dir });
    const dataset = loadDataset(dir);
    graph = buildGraph(dataset);
    // Seeded start positions: the export is about bytes, a force layout would only cost time.
    applyPositions(graph, preliminaryPositions(prepareLayout(graph)));
    large = createApp({ store: new GraphSnapshotHolder(snapshotOf({ dataset, graph })), clientDir: noClientDir });
  }, 60_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it.each(exportFormats.map((format) => [format.name]))(
    'streams the bytes the writer renders, plain and gzipped: %s',
    async (name) => {
      const expected = Buffer.from(reference[name](graph));
      expect(expected.length).toBeGreaterThan(4 * 64 * 1024);
      const res = await asBytes(
        request(large)
          .get(`/api/export?format=${encodeURIComponent(name)}`)
          .set('Accept-Encoding', 'identity'),
      ).expect(200);
      expect(res.headers['transfer-encoding']).toBe('chunked');
      expect(res.headers['content-length']).toBeUndefined();
      expect((res.body as Buffer).equals(expected)).toBe(true);
      const gzipped = await asBytes(
        request(large)
          .get(`/api/export?format=${encodeURIComponent(name)}`)
          .set('Accept-Encoding', 'gzip'),
      ).expect(200);
      expect(gzipped.headers['content-encoding']).toBe(name === 'cypher' ? undefined : 'gzip');
      expect((gzipped.body as Buffer).equals(expected)).toBe(true);
    },
  );

  it('streams a filtered graph as the writer renders it', async () => {
    const res = await asBytes(
      request(large).get('/api/export?format=gexf&status=alleged&nodeTypes=person,organization'),
    ).expect(200);
    const filtered = filterGraph(graph, loadDataset(dir), {
      status: ['alleged'],
      nodeTypes: ['person', 'organization'],
    });
    expect(filtered.size).toBeGreaterThan(0);
    expect((res.body as Buffer).equals(Buffer.from(exportGexfStreamed(filtered, { dynamic: true })))).toBe(true);
  });
});
