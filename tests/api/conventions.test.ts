// The conventions every route follows: ETags tied to the dataset version and
// the URL with 304 answers, compression, security headers, problem+json for unknown
// routes, wrong methods, malformed URLs and internal errors, never a stack trace.
import request from 'supertest';
import { createApp } from '../../server/http/app';
import type { GraphSnapshot } from '../../server/model/evidenceGraph';
import { GraphSnapshotHolder } from '../../server/http/snapshotHolder';
import { expectProblem, noClientDir, seedApp } from './seedApp';

const { app, store } = seedApp();

describe('ETag and 304', () => {
  it('a cacheable GET carries a weak ETag and Cache-Control no-cache', async () => {
    const res = await request(app).get('/api/graph?status=alleged').expect(200);
    expect(res.headers.etag).toMatch(/^W\/"[A-Za-z0-9_-]{32}"$/);
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('answers 304 with no body when If-None-Match holds the current ETag', async () => {
    const first = await request(app).get('/api/entities/elon-musk').expect(200);
    const second = await request(app)
      .get('/api/entities/elon-musk')
      .set('If-None-Match', first.headers.etag)
      .expect(304);
    expect(second.text).toBe('');
    expect(second.headers.etag).toBe(first.headers.etag);
    await request(app)
      .get('/api/entities/elon-musk')
      .set('If-None-Match', `"other", ${first.headers.etag}`)
      .expect(304);
    await request(app).get('/api/entities/elon-musk').set('If-None-Match', 'W/"stale"').expect(200);
  });

  it('the ETag depends on the URL', async () => {
    const a = await request(app).get('/api/graph?status=alleged').expect(200);
    const b = await request(app).get('/api/graph?status=reported').expect(200);
    expect(a.headers.etag).not.toBe(b.headers.etag);
  });

  it('the ETag changes when the store serves a new version, and the old one no longer matches', async () => {
    const own = new GraphSnapshotHolder(store.current);
    const ownApp = createApp({ store: own, clientDir: noClientDir });
    const before = await request(ownApp).get('/api/graph').expect(200);
    own.replace({ ...store.current, version: 'a-later-version' } as GraphSnapshot);
    const after = await request(ownApp).get('/api/graph').set('If-None-Match', before.headers.etag).expect(200);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect(after.body.attributes.version).toBe(store.current.version); // the graph itself was not rebuilt here
    const health = await request(ownApp).get('/api/health').expect(200);
    expect(health.body.version).toBe('a-later-version');
  });

  it('an invalid request is not cacheable', async () => {
    const res = await request(app).get('/api/graph?from=2022-13');
    expectProblem(res, 400);
    expect(res.headers['cache-control']).toBe('no-store');
  });
});

describe('compression and headers', () => {
  it('compresses responses for clients that accept gzip', async () => {
    const res = await request(app).get('/api/graph').set('Accept-Encoding', 'gzip').expect(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.body.edges).toHaveLength(19);
  });

  it('sends security headers (helmet, CSP script-src self) and no X-Powered-By', async () => {
    const res = await request(app).get('/api/health').expect(200);
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    // Nothing comes from elsewhere, and plain HTTP on a LAN address must keep working.
    expect(res.headers['content-security-policy']).not.toMatch(/https:|upgrade-insecure-requests/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('problems', () => {
  it('an unknown /api route is a JSON 404 problem', async () => {
    const res = await request(app).get('/api/nothing-here?x=1');
    expectProblem(res, 404);
    expect(res.body.detail).toBe('no API route GET /api/nothing-here; see /api/openapi.json');
  });

  it('a method other than GET is a 405 problem with Allow', async () => {
    const res = await request(app).post('/api/graph').send({});
    expectProblem(res, 405);
    expect(res.headers.allow).toBe('GET, HEAD');
    expect(res.body.detail).toBe('POST is not allowed on /api/graph; it answers GET');
  });

  it('a malformed URL is a 400 problem', async () => {
    const res = await request(app).get('/api/entities/%E0%A4%A');
    expectProblem(res, 400);
    expect(res.body.detail).toBe('the request could not be read (malformed URL or parameters)');
  });

  it('an internal error is a 500 problem without details; the details go to the log', async () => {
    const logged: string[] = [];
    const broken = { derived: () => undefined, replace: () => undefined } as unknown as GraphSnapshotHolder;
    Object.defineProperty(broken, 'current', {
      get() {
        throw new Error('secret internal detail');
      },
    });
    const brokenApp = createApp({ store: broken, clientDir: noClientDir, log: (message) => logged.push(message) });
    const res = await request(brokenApp).get('/api/health');
    expectProblem(res, 500);
    expect(res.body).toEqual({
      type: 'urn:claimgraph:problem:internal',
      title: 'Internal server error',
      status: 500,
      detail: 'the server failed to answer; the error was logged',
    });
    expect(res.text).not.toContain('secret');
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain('secret internal detail');
  });
});
