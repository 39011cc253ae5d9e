// Bounded work. Depth, limit, path length, offsets, text lengths and
// export size (claims and bytes) are capped; a hub whose neighbourhood exceeds the cap is cut and the answer
// says so; each request has a time budget, checked inside long loops, past which it
// answers 503 instead of holding the server.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { exportGexf } from '../../server/export/gexf';
import { generateDataFolder } from '../../server/generate/generateDataFolder';
import { buildGraph } from '../../server/graph/buildGraph';
import type { EvidenceGraph } from '../../server/model/evidenceGraph';
import { applyPositions, preliminaryPositions, prepareLayout } from '../../server/graph/layout';
import { GraphSnapshotHolder, snapshotOf } from '../../server/http/snapshotHolder';
import { NEIGHBOURHOOD_CAP } from '../../server/http/routes/entities';
import { ServiceUnavailableError, TimeBudget } from '../../server/http/timeBudget';
import { loadDataset } from '../../server/load/loadDataset';
import { neighboursResponseSchema } from '../../server/model/api';
import { filterGraph } from '../../server/queries/filterGraph';
import { neighbours } from '../../server/queries/neighbours';
import { createApp } from '../../server/http/app';
import { expectProblem, hardenedApp, noClientDir } from './hardeningApp';

const app = hardenedApp();

describe('caps on every parameter that sizes the work', () => {
  it.each([
    ['/api/entities/elon-musk/neighbors?depth=4', 'depth', 'must be at most 3'],
    ['/api/entities/elon-musk/neighbors?limit=1000000000', 'limit', 'must be at most 1000'],
    ['/api/entities?q=musk&limit=1001', 'limit', 'must be at most 1000'],
    ['/api/entities?q=musk&offset=1000001', 'offset', 'must be at most 1000000'],
    [`/api/entities?q=${'m'.repeat(201)}`, 'q', 'must be at most 200 characters'],
    ['/api/edges?limit=1001', 'limit', 'must be at most 1000'],
    ['/api/documents?limit=1001', 'limit', 'must be at most 1000'],
    ['/api/path?from=elon-musk&to=xi-jinping&maxLength=11', 'maxLength', 'must be at most 10'],
    ['/api/stats?top=101', 'top', 'must be at most 100'],
    ['/api/graph?minClaims=1000001', 'minClaims', 'must be at most 1000000'],
    [`/api/graph?nodeTypes=${'person,'.repeat(715)}`, 'nodeTypes', 'must be at most 5000 characters'],
  ])('%#: refused, naming the parameter', async (url, parameter, message) => {
    const res = await request(app).get(url);
    expectProblem(res, 400, [{ path: parameter, message }]);
  });

  it('an id longer than 500 characters is refused', async () => {
    const res = await request(app).get(`/api/entities/${'x'.repeat(501)}`);
    expectProblem(res, 400);
    expect(res.body.errors[0].path).toBe('id');
  });
});

describe('export size', () => {
  it('an export carrying more claims than the cap is refused with 400, saying how to narrow it', async () => {
    const capped = hardenedApp({ hardening: { maxExportClaims: 22 } });
    const res = await request(capped).get('/api/export?format=gexf');
    expectProblem(res, 400);
    expect(res.body).toEqual({
      type: 'urn:claimgraph:problem:result-too-large',
      title: 'Result too large',
      status: 400,
      detail:
        "this export would carry 19 relations with 23 claims, more than this server's limit of 22 claims per export; narrow it with filters (edgeTypes, status, from, to, knownAt, documents, minClaims) or run `claimgraph export` on the server",
    });
    expect(res.headers['content-disposition']).toBeUndefined();
  });

  it('an export within the cap is served, filters counting', async () => {
    await request(hardenedApp({ hardening: { maxExportClaims: 23 } }))
      .get('/api/export?format=gexf')
      .expect(200);
    const filtered = await request(hardenedApp({ hardening: { maxExportClaims: 5 } })).get(
      '/api/export?format=edges.csv&status=alleged',
    );
    expect(filtered.status).toBe(200);
    expect(filtered.text.trim().split('\n').length - 1).toBe(4);
  });
});

describe('export bytes', () => {
  const narrow =
    'narrow it with filters (nodeTypes, edgeTypes, status, from, to, knownAt, documents, minClaims) or run `claimgraph export` on the server';
  const tooLarge = (detail: string) => ({
    type: 'urn:claimgraph:problem:result-too-large',
    title: 'Result too large',
    status: 400,
    detail,
  });

  it('an export that must be longer than the cap is refused with 400 before any of it is written', async () => {
    // The seed's claims have 2,243 characters of ids and quotes, which every format holding relations writes.
    const capped = hardenedApp({ hardening: { maxExportBytes: 2242 } });
    const res = await request(capped).get('/api/export?format=gexf');
    expectProblem(res, 400);
    expect(res.body).toEqual(
      tooLarge(
        `this export would be at least 2243 bytes long, more than this server's limit of 2242 bytes per export; ${narrow}`,
      ),
    );
    expect(res.headers['content-disposition']).toBeUndefined();
    // A HEAD is checked the same way.
    const head = await request(capped).head('/api/export?format=gexf');
    expect(head.status).toBe(400);
    expect(head.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    // nodes.csv holds no claims: its least is the entities' 188 characters of ids.
    expect(
      (await request(hardenedApp({ hardening: { maxExportBytes: 187 } })).get('/api/export?format=nodes.csv')).body
        .detail,
    ).toBe(
      `this export would be at least 188 bytes long, more than this server's limit of 187 bytes per export; ${narrow}`,
    );
  });

  it('an export found longer than the cap before its first bytes leave is refused with 400', async () => {
    const res = await request(hardenedApp({ hardening: { maxExportBytes: 2243 } })).get('/api/export?format=gexf');
    expectProblem(res, 400);
    expect(res.body).toEqual(
      tooLarge(`this export is longer than this server's limit of 2243 bytes per export; ${narrow}`),
    );
  });

  it('an export as long as the cap is served whole', async () => {
    // The seed's GEXF export (with its timeline) has 37,423 bytes.
    const res = await request(hardenedApp({ hardening: { maxExportBytes: 37_423 } }))
      .get('/api/export?format=gexf')
      .set('Accept-Encoding', 'identity')
      .expect(200);
    expect(res.headers['content-length']).toBe('37423');
    expect(res.text.endsWith('</gexf>')).toBe(true);
  });

  describe('past the first bytes', () => {
    let dir: string;
    let server: http.Server;
    let port: number;

    beforeAll(async () => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-cap-'));
      generateDataFolder({ entities: 2000, claims: 6000, seed: 3, outDir: dir });
      const dataset = loadDataset(dir);
      const graph = buildGraph(dataset);
      applyPositions(graph, preliminaryPositions(prepareLayout(graph)));
      // Longer than the cap, though its claims' ids and quotes are not.
      expect(Buffer.byteLength(exportGexf(graph))).toBeGreaterThan(4_000_000);
      const app = createApp({
        store: new GraphSnapshotHolder(snapshotOf({ dataset, graph })),
        clientDir: noClientDir,
        hardening: { maxExportBytes: 2_000_000 },
      });
      server = http.createServer(app);
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      port = (server.address() as AddressInfo).port;
    }, 60_000);
    afterAll(async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it.each([['identity'], ['gzip']])(
      'the export is cut at the cap: the connection closes before the end of the body (%s)',
      async (encoding) => {
        const res = await fetch(`http://127.0.0.1:${port}/api/export?format=gexf`, {
          headers: { 'Accept-Encoding': encoding },
        });
        expect(res.status).toBe(200);
        expect(res.headers.get('content-length')).toBeNull();
        let received = 0;
        const reader = res.body!.getReader();
        await expect(
          (async () => {
            for (;;) {
              const { done, value } = await reader.read();
              if (done) return;
              received += value.length;
            }
          })(),
        ).rejects.toThrow('terminated');
        // Never more than the cap (of the export's own bytes, before compression).
        if (encoding === 'identity') {
          expect(received).toBeLessThanOrEqual(2_000_000);
          expect(received).toBeGreaterThan(1_000_000);
        } else expect(received).toBeGreaterThan(0);
      },
    );
  });
});

describe('a hub beyond the neighbourhood cap', () => {
  let dir: string;
  let graph: EvidenceGraph;
  let hub: string;
  let hubApp: ReturnType<typeof createApp>;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-hub-'));
    generateDataFolder({ entities: 3000, claims: 20_000, seed: 11, outDir: dir });
    const dataset = loadDataset(dir);
    graph = buildGraph(dataset);
    // Seeded start positions: the cut is about topology, a force layout would only cost time.
    applyPositions(graph, preliminaryPositions(prepareLayout(graph)));
    hub = graph.nodes().reduce((best, node) => (graph.degree(node) > graph.degree(best) ? node : best));
    hubApp = createApp({ store: new GraphSnapshotHolder(snapshotOf({ dataset, graph })), clientDir: noClientDir });
  }, 60_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** Entities within `depth` steps of `center`, the centre not counted, by breadth-first search. */
  function within(center: string, depth: number): number {
    const seen = new Set([center]);
    let frontier = [center];
    for (let d = 0; d < depth; d++) {
      frontier = frontier.flatMap((node) => graph.neighbors(node)).filter((n) => !seen.has(n) && (seen.add(n), true));
    }
    return seen.size - 1;
  }

  it(`answers with ${NEIGHBOURHOOD_CAP} entities besides the centre and says how many it cut`, async () => {
    const total = within(hub, 2);
    expect(total).toBeGreaterThan(NEIGHBOURHOOD_CAP);
    const res = await request(hubApp)
      .get(`/api/entities/${encodeURIComponent(hub)}/neighbors?depth=2`)
      .expect(200);
    const body = neighboursResponseSchema.parse(res.body);
    expect(body.nodes).toHaveLength(NEIGHBOURHOOD_CAP + 1);
    expect(body.nodes.map((n) => n.key)).toContain(hub);
    expect(body.attributes).toMatchObject({
      center: hub,
      depth: 2,
      limit: NEIGHBOURHOOD_CAP,
      omittedNodes: total - NEIGHBOURHOOD_CAP,
    });
    // Every relation among the kept entities is there, and no other.
    const kept = new Set(body.nodes.map((n) => n.key));
    const expected = graph
      .filterEdges((_edge, _attributes, source, target) => kept.has(source) && kept.has(target))
      .sort();
    expect(body.edges.map((e) => e.key).sort()).toEqual(expected);
  });

  it('a neighbourhood within the cap is not cut and says nothing was left out', async () => {
    const small = graph.nodes().find((node) => graph.degree(node) === 1)!;
    const res = await request(hubApp)
      .get(`/api/entities/${encodeURIComponent(small)}/neighbors`)
      .expect(200);
    expect(res.body.attributes.omittedNodes).toBe(0);
    expect(res.body.attributes.limit).toBeUndefined();
    expect(res.body.nodes).toHaveLength(2);
  });

  it('the neighbourhood query checks its time budget inside its loops', () => {
    let calls = 0;
    const checkpoint = {
      check() {
        if (++calls === 3) throw new ServiceUnavailableError(1);
      },
    };
    expect(() => neighbours(graph, { center: hub, depth: 3, cap: NEIGHBOURHOOD_CAP, checkpoint })).toThrow(
      ServiceUnavailableError,
    );
    expect(calls).toBe(3);
  });

  it('filtering the graph checks its time budget every few thousand relations', () => {
    let calls = 0;
    const checkpoint = {
      check() {
        calls++;
      },
    };
    filterGraph(graph, loadDataset(dir), { status: ['alleged'] }, checkpoint);
    expect(calls).toBe(Math.floor(graph.size / 4096));
    expect(calls).toBeGreaterThan(0);
  });

  it('a request whose budget runs out inside the query answers 503', async () => {
    // A clock that moves 1 ms each time it is read: the third reading is past a 2 ms budget.
    let now = 0;
    const slowClock = createApp({
      store: new GraphSnapshotHolder(snapshotOf({ dataset: loadDataset(dir), graph })),
      clientDir: noClientDir,
      hardening: { requestTimeoutMs: 2 },
      now: () => now++,
    });
    const res = await request(slowClock).get(`/api/entities/${encodeURIComponent(hub)}/neighbors?depth=3`);
    expectProblem(res, 503);
    expect(res.headers['retry-after']).toBe('5');
    expect(res.body.detail).toBe(
      'the request took longer than its time budget of 2 ms and was stopped; narrow it (filters, depth, limit) or retry later',
    );
  });
});

describe('the time budget', () => {
  it('allows work until its deadline and throws a 503 problem after it', () => {
    let now = 1000;
    const budget = new TimeBudget(50, () => now);
    expect(budget.deadline).toBe(1050);
    now = 1050;
    expect(() => budget.check()).not.toThrow();
    now = 1051;
    expect(budget.expired).toBe(true);
    expect(() => budget.check()).toThrow(new ServiceUnavailableError(50));
  });

  it('a route that finishes past its deadline answers 503 rather than a late 200', async () => {
    let now = 0;
    const clockApp = hardenedApp({ hardening: { requestTimeoutMs: 1 }, now: () => now++ });
    expectProblem(await request(clockApp).get('/api/graph'), 503);
    // With room to spare, the same route answers.
    now = 0;
    await request(hardenedApp({ hardening: { requestTimeoutMs: 1000 }, now: () => now++ }))
      .get('/api/graph')
      .expect(200);
  });
});
