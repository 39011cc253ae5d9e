// Every response (200s, 304s, 4xx, 404s, 500s, 503s, the static client)
// carries helmet's headers with CSP script-src 'self' and no X-Powered-By; unknown routes
// are JSON 404s; a throwing handler is a problem+json 500 with no stack trace and no
// detail of the error; CORS is off unless an allow-list is configured; `trust proxy` is
// off unless configured.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { createApp } from '../../server/http/app';
import { startServer, type RunningServer } from '../../server/index';
import { seedApp } from '../api/seedApp';
import {
  cspDirectives,
  expectProblem,
  expectSecurityHeaders,
  hardenedApp,
  noClientDir,
  seedDir,
  testRoutes,
} from './hardeningApp';

const INTERNAL = {
  type: 'urn:claimgraph:problem:internal',
  title: 'Internal server error',
  status: 500,
  detail: 'the server failed to answer; the error was logged',
};

describe('security headers on every response', () => {
  // The default time budget: a loaded machine may take longer than a short one for any of these.
  const app = hardenedApp();
  // A budget far below the 2 s the stalling route waits, so only its own timer can answer.
  const outOfTime = hardenedApp({ hardening: { requestTimeoutMs: 100 } });
  const cases: Array<[string, () => request.Test, number]> = [
    ['a JSON answer', () => request(app).get('/api/health'), 200],
    ['a cacheable answer', () => request(app).get('/api/graph?status=alleged'), 200],
    ['a download', () => request(app).get('/api/export?format=gexf'), 200],
    ['a bad parameter', () => request(app).get('/api/graph?depth=2'), 400],
    ['a malformed URL', () => request(app).get('/api/entities/%E0%A4%A'), 400],
    ['a write without writes enabled', () => request(app).post('/api/documents').type('text/plain').send('x'), 403],
    ['an unknown API route', () => request(app).get('/api/nothing'), 404],
    ['an unknown page without a built client', () => request(app).get('/nowhere'), 404],
    ['an unknown id', () => request(app).get('/api/entities/nobody'), 404],
    ['a wrong method', () => request(app).delete('/api/graph'), 405],
    ['a throwing handler', () => request(app).get('/test/throw'), 500],
    ['a handler out of time', () => request(outOfTime).get('/test/stall'), 503],
  ];

  it.each(cases)('%s', async (_name, send, status) => {
    const res = await send();
    expect(res.status).toBe(status);
    expectSecurityHeaders(res);
  });

  it('a 304 Not Modified', async () => {
    const first = await request(app).get('/api/vocabulary').expect(200);
    const res = await request(app).get('/api/vocabulary').set('If-None-Match', first.headers.etag).expect(304);
    expectSecurityHeaders(res);
  });

  it('the static client, its assets and its fallback page', async () => {
    const clientDir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-client-'));
    try {
      fs.writeFileSync(
        path.join(clientDir, 'index.html'),
        '<!doctype html><script type="module" src="/assets/app.js"></script>',
      );
      fs.mkdirSync(path.join(clientDir, 'assets'));
      fs.writeFileSync(path.join(clientDir, 'assets', 'app.js'), 'console.log(1);');
      const client = createApp({ store: seedApp().store, clientDir });
      for (const url of ['/', '/assets/app.js', '/some/client/view?entity=elon-musk']) {
        const res = await request(client).get(url).expect(200);
        expectSecurityHeaders(res);
      }
      expectSecurityHeaders(await request(client).get('/assets/missing.js'));
    } finally {
      fs.rmSync(clientDir, { recursive: true, force: true });
    }
  });
});

describe('errors', () => {
  it('an unknown route under /api is a JSON 404 problem naming it', async () => {
    const res = await request(hardenedApp()).get('/api/v2/graph?x=<script>');
    expectProblem(res, 404);
    expect(res.body).toEqual({
      type: 'urn:claimgraph:problem:not-found',
      title: 'Not found',
      status: 404,
      detail: 'no API route GET /api/v2/graph; see /api/openapi.json',
    });
  });

  it('an unknown route outside /api is a JSON 404 problem too when no client is built', async () => {
    const res = await request(hardenedApp()).post('/admin').send({});
    expectProblem(res, 404);
    expect(res.body.detail).toBe('nothing at POST /admin');
  });

  it.each([
    ['a handler that throws', '/test/throw', 'secret detail'],
    ['a handler whose promise rejects', '/test/reject', 'secret async detail'],
    ['a handler that throws a string', '/test/throw-string', 'a thrown string with a secret'],
    ['an error carrying a 5xx status', '/test/throw-5xx', 'upstream secret'],
  ])('%s answers a problem+json 500 with no stack trace and no detail; the log has it', async (_name, url, secret) => {
    const logged: string[] = [];
    const app = createApp({
      store: seedApp().store,
      clientDir: noClientDir,
      log: (message) => logged.push(message),
      extraRoutes: testRoutes,
    });
    const res = await request(app).get(url);
    expectProblem(res, 500);
    expect(res.body).toEqual(INTERNAL);
    expect(res.text).not.toContain('secret');
    expect(res.text).not.toMatch(/ at |\.ts\b|\.js\b|node_modules/);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain(secret);
    expect(logged[0]).toContain(`GET ${url}`);
  });

  it('a request out of its time budget answers 503 problem+json with Retry-After', async () => {
    const res = await request(hardenedApp({ hardening: { requestTimeoutMs: 50 } })).get('/test/stall');
    expectProblem(res, 503);
    expect(res.headers['retry-after']).toBe('5');
    expect(res.body).toEqual({
      type: 'urn:claimgraph:problem:time-budget-exceeded',
      title: 'Request took too long',
      status: 503,
      detail:
        'the request took longer than its time budget of 50 ms and was stopped; narrow it (filters, depth, limit) or retry later',
    });
  });
});

describe('CORS', () => {
  const other = 'https://evil.example';
  const allowed = 'https://graph.example.org';

  it('is off by default: no CORS header for any origin, not even on a preflight', async () => {
    const app = hardenedApp();
    const res = await request(app).get('/api/graph').set('Origin', other).expect(200);
    expect(Object.keys(res.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
    const preflight = await request(app)
      .options('/api/documents')
      .set('Origin', other)
      .set('Access-Control-Request-Method', 'POST');
    expect(Object.keys(preflight.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
    expectSecurityHeaders(preflight);
  });

  it('with an allow-list, answers only the listed origins, never with * and never reflecting others', async () => {
    const app = hardenedApp({ hardening: { corsOrigins: [allowed, 'http://localhost:5173'] } });
    const yes = await request(app).get('/api/graph').set('Origin', allowed).expect(200);
    expect(yes.headers['access-control-allow-origin']).toBe(allowed);
    expect(yes.headers['access-control-expose-headers']).toBe('ETag, Location, Retry-After, Content-Disposition');
    expect(yes.headers['access-control-allow-credentials']).toBeUndefined();
    expect(yes.headers.vary).toMatch(/\bOrigin\b/);
    for (const origin of [other, `${allowed}.evil.example`, 'null', allowed.toUpperCase(), `${allowed}:443`]) {
      const no = await request(app).get('/api/graph').set('Origin', origin).expect(200);
      expect(no.headers['access-control-allow-origin']).toBeUndefined();
      expect(no.headers.vary).toMatch(/\bOrigin\b/);
    }
  });

  it('with an allow-list, answers a listed origin’s preflight with the methods and headers a write needs', async () => {
    const app = hardenedApp({ hardening: { corsOrigins: [allowed] } });
    const res = await request(app)
      .options('/api/proposals/x.p1/accept')
      .set('Origin', allowed)
      .set('Access-Control-Request-Method', 'POST')
      .expect(204);
    expect(res.headers['access-control-allow-origin']).toBe(allowed);
    expect(res.headers['access-control-allow-methods']).toBe('GET, HEAD, POST');
    expect(res.headers['access-control-allow-headers']).toBe('Authorization, Content-Type, If-None-Match');
    expect(res.headers['access-control-max-age']).toBe('600');
    expectSecurityHeaders(res);
    const refused = await request(app)
      .options('/api/proposals/x.p1/accept')
      .set('Origin', other)
      .set('Access-Control-Request-Method', 'POST');
    expect(refused.headers['access-control-allow-origin']).toBeUndefined();
    expect(refused.status).toBe(405);
  });

  it('CORS headers stay on problem answers of a listed origin, so its page can read the error', async () => {
    const app = hardenedApp({ hardening: { corsOrigins: [allowed] } });
    const res = await request(app).get('/api/entities/nobody').set('Origin', allowed);
    expectProblem(res, 404);
    expect(res.headers['access-control-allow-origin']).toBe(allowed);
  });
});

describe('trust proxy', () => {
  it('is off by default: X-Forwarded-For and X-Forwarded-Proto do not change the client address or protocol', async () => {
    const res = await request(hardenedApp())
      .get('/test/ip')
      .set('X-Forwarded-For', '203.0.113.9')
      .set('X-Forwarded-Proto', 'https')
      .expect(200);
    expect(res.body.ip).toMatch(/^(::ffff:)?127\.0\.0\.1$|^::1$/);
    expect(res.body.ips).toEqual([]);
    expect(res.body.protocol).toBe('http');
  });

  it('off by default, a client cannot escape the write rate limit by forging X-Forwarded-For', async () => {
    const app = hardenedApp({ writes: { rateLimit: { limit: 2, windowMs: 60_000 } } });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push(
        (await request(app).post('/api/proposals/x.p1/reject').set('X-Forwarded-For', `198.51.100.${i}`)).status,
      );
    expect(statuses).toEqual([403, 403, 429, 429]);
  });

  it('when configured (loopback), the address the trusted proxy forwards is the client address', async () => {
    const res = await request(hardenedApp({ hardening: { trustProxy: ['loopback'] } }))
      .get('/test/ip')
      .set('X-Forwarded-For', '203.0.113.9')
      .set('X-Forwarded-Proto', 'https')
      .expect(200);
    expect(res.body).toEqual({ ip: '203.0.113.9', ips: ['203.0.113.9'], protocol: 'https' });
  });

  it('when configured as a hop count, only that many proxies are believed', async () => {
    const res = await request(hardenedApp({ hardening: { trustProxy: 1 } }))
      .get('/test/ip')
      .set('X-Forwarded-For', '192.0.2.66, 203.0.113.9')
      .expect(200);
    expect(res.body.ip).toBe('203.0.113.9');
  });
});

describe('requests refused by the HTTP parser, before Express', () => {
  let running: RunningServer;
  let port: number;
  beforeAll(async () => {
    running = await startServer({ dataDir: seedDir, port: 0, host: '127.0.0.1', writes: { rateLimit: false } });
    port = Number(new URL(running.url).port);
  });
  afterAll(async () => {
    running.server.closeAllConnections();
    await running.close();
  });

  /** Sends raw bytes and returns the raw answer (the server closes the connection after it). */
  function raw(text: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1', () => socket.write(text));
      let answer = '';
      socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')));
      socket.on('end', () => resolve(answer));
      socket.on('error', reject);
    });
  }

  function parse(answer: string): { status: number; headers: Map<string, string>; body: string } {
    const [head, body] = answer.split('\r\n\r\n');
    const [statusLine, ...lines] = head.split('\r\n');
    const headers = new Map(
      lines.map(
        (line) =>
          [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()] as [
            string,
            string,
          ],
      ),
    );
    return { status: Number(statusLine.split(' ')[1]), headers, body };
  }

  it('a URL too long for the parser answers 431 problem+json with the security headers', async () => {
    const answer = parse(await raw(`GET /api/entities?q=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: localhost\r\n\r\n`));
    expect(answer.status).toBe(431);
    expect(answer.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect(cspDirectives(answer.headers.get('content-security-policy')).get('script-src')).toEqual(["'self'"]);
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    expect(answer.headers.has('x-powered-by')).toBe(false);
    expect(JSON.parse(answer.body)).toEqual({
      type: 'about:blank',
      title: 'Request Header Fields Too Large',
      status: 431,
      detail: 'the request line or headers are too large (the URL is probably too long); send a shorter request',
    });
  });

  it('bytes that are not HTTP answer 400 problem+json with the security headers', async () => {
    const answer = parse(await raw('HELLO\r\n\r\n'));
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect(answer.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(JSON.parse(answer.body)).toEqual({
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      detail: 'the request could not be parsed as HTTP',
    });
  });

  it('a HEAD request refused by the parser gets the headers only', async () => {
    const answer = await raw(`HEAD /${'a'.repeat(20_000)} HTTP/1.1\r\nHost: localhost\r\n\r\n`);
    expect(parse(answer).status).toBe(431);
    expect(answer.endsWith('\r\n\r\n')).toBe(true);
  });
});
