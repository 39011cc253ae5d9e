// The fast path in front of Express (server/http/cachedAnswerFastPath.ts) must be
// invisible: for a cached answer it sends the same status, bytes and headers (Date
// aside) as the Express route would, answers 304 and HEAD as it does, leaves CORS and
// anything it cannot mirror to Express, and never serves a body of an older version.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import zlib from 'node:zlib';
import { openGraph } from '../../../server/graph/openGraph';
import { createApp } from '../../../server/http/app';
import { cachedAnswerFastPath, createRequestHandler, type FastPath } from '../../../server/http/cachedAnswerFastPath';
import { GraphSnapshotHolder, snapshotOf } from '../../../server/http/snapshotHolder';
import { ResponseBodyCache } from '../../../server/http/responseBodyCache';
import { noClientDir, seedApp } from '../../api/seedApp';

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

function listen(handler: http.RequestListener): Promise<{ server: http.Server; port: number }> {
  const server = http.createServer(handler);
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as AddressInfo).port })),
  );
}

function ask(port: number, url: string, method = 'GET', headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: url, method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Every header but Date, which is the clock's. */
function withoutDate(headers: http.IncomingHttpHeaders): http.IncomingHttpHeaders {
  const { date: _date, ...rest } = headers;
  return rest;
}

interface Setup {
  store: GraphSnapshotHolder;
  /** Answers only through Express. */
  expressPort: number;
  /** The fast path, then Express. */
  fastPort: number;
  hits: () => number;
  close: () => Promise<void>;
}

async function setup(corsOrigins: string[] = []): Promise<Setup> {
  const store = new GraphSnapshotHolder(seedApp().store.current);
  const bodies = new ResponseBodyCache(16 * 1024 * 1024);
  const app = createApp({ store, clientDir: noClientDir, responseBodies: bodies, hardening: { corsOrigins } });
  const fastPath = cachedAnswerFastPath({ store, bodies, corsOrigins });
  let hits = 0;
  const counting: FastPath = (req, res) => {
    const answered = fastPath(req, res);
    if (answered) hits++;
    return answered;
  };
  const plain = await listen(app);
  const fast = await listen(createRequestHandler(app, counting));
  return {
    store,
    expressPort: plain.port,
    fastPort: fast.port,
    hits: () => hits,
    close: async () => {
      await new Promise((resolve) => plain.server.close(resolve));
      await new Promise((resolve) => fast.server.close(resolve));
    },
  };
}

const small = '/api/entities/elon-musk';
const search = '/api/entities?q=musk';
const pathUrl = '/api/path?from=elon-musk&to=xi-jinping';
const large = '/api/graph';

describe('the cached-answer fast path', () => {
  let s: Setup;
  beforeEach(async () => {
    s = await setup();
  });
  afterEach(() => s.close());

  it('is not used before Express has rendered the answer once', async () => {
    const first = await ask(s.fastPort, small);
    expect(first.status).toBe(200);
    expect(s.hits()).toBe(0);
    await ask(s.fastPort, small);
    expect(s.hits()).toBe(1);
  });

  it.each([
    ['an entity', small, {}],
    ['a search', search, {}],
    ['a path', pathUrl, {}],
    ['a large answer, identity', large, { 'Accept-Encoding': 'identity' }],
    ['a large answer, gzip', large, { 'Accept-Encoding': 'gzip, deflate, br' }],
    ['a small answer, gzip accepted', small, { 'Accept-Encoding': 'gzip' }],
  ])('sends the same status, bytes and headers as Express for %s', async (_name, url, headers) => {
    const viaExpress = await ask(s.expressPort, url, 'GET', headers);
    expect(viaExpress.status).toBe(200);
    const viaFast = await ask(s.fastPort, url, 'GET', headers);
    expect(s.hits()).toBe(1);
    expect(viaFast.status).toBe(200);
    expect(viaFast.body.equals(viaExpress.body)).toBe(true);
    expect(withoutDate(viaFast.headers)).toEqual(withoutDate(viaExpress.headers));
    // The security headers are there (not merely equal to an empty set).
    expect(viaFast.headers['content-security-policy']).toContain("script-src 'self'");
    expect(viaFast.headers['x-content-type-options']).toBe('nosniff');
    expect(viaFast.headers['cache-control']).toBe('no-cache');
    expect(viaFast.headers.vary).toBe('Accept-Encoding');
  });

  it('sends the same headers on every repeat, whichever encoding came first (headers are prepared once per answer)', async () => {
    const viaExpress = await ask(s.expressPort, large, 'GET', { 'Accept-Encoding': 'identity' });
    const zippedViaExpress = await ask(s.expressPort, large, 'GET', { 'Accept-Encoding': 'gzip' });
    for (const round of [1, 2, 3]) {
      const zipped = await ask(s.fastPort, large, 'GET', { 'Accept-Encoding': 'gzip' });
      const plain = await ask(s.fastPort, large, 'GET', { 'Accept-Encoding': 'identity' });
      const notModified = await ask(s.fastPort, large, 'GET', { 'If-None-Match': viaExpress.headers.etag as string });
      expect(s.hits()).toBe(3 * round);
      expect(withoutDate(zipped.headers)).toEqual(withoutDate(zippedViaExpress.headers));
      expect(withoutDate(plain.headers)).toEqual(withoutDate(viaExpress.headers));
      expect(notModified.status).toBe(304);
      expect(notModified.headers['content-length']).toBeUndefined();
    }
  });

  it('sends gzip bytes that inflate to the plain answer', async () => {
    const plain = await ask(s.expressPort, large, 'GET', { 'Accept-Encoding': 'identity' });
    const zipped = await ask(s.fastPort, large, 'GET', { 'Accept-Encoding': 'gzip' });
    expect(s.hits()).toBe(1);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(zipped.body).equals(plain.body)).toBe(true);
    expect(zipped.headers['content-length']).toBe(String(zipped.body.length));
  });

  it('answers 304 to a current If-None-Match with the same headers as Express', async () => {
    const first = await ask(s.expressPort, search);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^W\/"/);
    const viaExpress = await ask(s.expressPort, search, 'GET', { 'If-None-Match': etag });
    const viaFast = await ask(s.fastPort, search, 'GET', { 'If-None-Match': etag });
    expect(s.hits()).toBe(1);
    expect(viaExpress.status).toBe(304);
    expect(viaFast.status).toBe(304);
    expect(viaFast.body.length).toBe(0);
    expect(withoutDate(viaFast.headers)).toEqual(withoutDate(viaExpress.headers));
  });

  it('answers HEAD with the identity headers and no body, as Express does', async () => {
    await ask(s.expressPort, large);
    const viaExpress = await ask(s.expressPort, large, 'HEAD', { 'Accept-Encoding': 'gzip' });
    const viaFast = await ask(s.fastPort, large, 'HEAD', { 'Accept-Encoding': 'gzip' });
    expect(s.hits()).toBe(1);
    expect(viaFast.status).toBe(200);
    expect(viaFast.body.length).toBe(0);
    expect(viaFast.headers['content-encoding']).toBeUndefined();
    expect(withoutDate(viaFast.headers)).toEqual(withoutDate(viaExpress.headers));
  });

  it('leaves to Express what it cannot mirror: other methods, q-values, codings the compression middleware may choose', async () => {
    await ask(s.expressPort, large);
    expect((await ask(s.fastPort, large, 'POST')).status).toBe(405);
    expect(
      (await ask(s.fastPort, large, 'GET', { 'Accept-Encoding': 'gzip;q=0, deflate' })).headers['content-encoding'],
    ).toBe('deflate');
    expect((await ask(s.fastPort, large, 'GET', { 'Accept-Encoding': 'br' })).headers['content-encoding']).toBe('br');
    expect(s.hits()).toBe(0);
  });

  it('does not serve the old version after store.replace', async () => {
    const before = await ask(s.fastPort, large, 'GET', { 'Accept-Encoding': 'identity' });
    const cached = await ask(s.fastPort, large, 'GET', { 'Accept-Encoding': 'identity' });
    expect(s.hits()).toBe(1);
    expect(cached.body.equals(before.body)).toBe(true);
    s.store.replace(snapshotOf(openGraph(path.join(__dirname, '..', '..', 'fixtures', 'data', 'tiny'))));
    const after = await ask(s.fastPort, large, 'GET', { 'Accept-Encoding': 'identity' });
    expect(s.hits()).toBe(1);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect((JSON.parse(after.body.toString()) as { nodes: unknown[] }).nodes).toHaveLength(4);
    expect((JSON.parse(before.body.toString()) as { nodes: unknown[] }).nodes).toHaveLength(15);
  });
});

describe('the cached-answer fast path with CORS configured', () => {
  it('leaves every request to Express, which varies on Origin', async () => {
    const s = await setup(['https://allowed.example']);
    try {
      await ask(s.fastPort, small);
      const again = await ask(s.fastPort, small, 'GET', { Origin: 'https://allowed.example' });
      const noOrigin = await ask(s.fastPort, small);
      expect(s.hits()).toBe(0);
      expect(again.headers['access-control-allow-origin']).toBe('https://allowed.example');
      expect(noOrigin.headers.vary).toBe('Origin, Accept-Encoding');
    } finally {
      await s.close();
    }
  });
});
