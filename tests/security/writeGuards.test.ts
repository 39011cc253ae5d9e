// The write guards beyond tests/api/writes.test.ts: every write route refuses
// every content type it does not read (415, naming what it takes), oversized bodies
// (413) and malformed JSON (400), and a refused request writes nothing. A request
// answered 503 for running out of time while its body trickled in writes nothing either.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { openGraph } from '../../server/graph/openGraph';
import { createApp } from '../../server/http/app';
import { GraphSnapshotHolder, snapshotOf } from '../../server/http/snapshotHolder';
import { openServedDataFolder } from '../../server/store/openWriteStore';
import { ARTICLE, auth, extractFixture, tempSeedCopy, TOKEN, writeApp, type WriteApp } from '../api/writeApp';
import { expectProblem, noClientDir } from './hardeningApp';

const DOC = '301_guarded';
const open: WriteApp[] = [];
afterEach(() => {
  for (const made of open.splice(0)) made.close();
});
function app(options?: Parameters<typeof writeApp>[0]): WriteApp {
  const made = writeApp(options);
  open.push(made);
  return made;
}

const routes: Array<{ path: string; takes: string }> = [
  { path: '/api/documents', takes: 'text/plain, text/markdown, text/html, application/pdf or application/json' },
  { path: `/api/proposals/${DOC}.p1/accept`, takes: 'application/json' },
  { path: `/api/proposals/${DOC}.p1/reject`, takes: 'application/json' },
];

const wrongTypes = [
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=----x',
  'application/xml',
  'text/xml',
  'text/html',
  'text/csv',
  'application/octet-stream',
  'application/javascript',
  'image/svg+xml',
  'application/x-json',
];

async function ingest(made: WriteApp): Promise<void> {
  await request(made.app)
    .post(`/api/documents?fileName=${DOC}.txt`)
    .set(auth)
    .type('text/plain')
    .send(ARTICLE)
    .expect(201);
}

async function proposalStatuses(made: WriteApp): Promise<string[]> {
  const res = await request(made.app).get('/api/proposals?status=all').set(auth).expect(200);
  return res.body.proposals.map((p: { id: string; status: string }) => `${p.id}:${p.status}`);
}

describe('every write route refuses content types it does not read', () => {
  it.each(routes)('$path answers 415 to each wrong type, and writes nothing', async ({ path, takes }) => {
    const made = app();
    await ingest(made);
    const before = await proposalStatuses(made);
    // text/html is an article's saved web page to /api/documents, and wrong everywhere else.
    for (const type of wrongTypes.filter((wrong) => !takes.includes(wrong))) {
      const res = await request(made.app).post(path).set(auth).set('Content-Type', type).send('{"text": "x"}');
      expectProblem(res, 415);
      expect(res.body.detail).toBe(`send the body as ${takes}, not ${JSON.stringify(type)}`);
    }
    expect(await proposalStatuses(made)).toEqual(before);
  });

  it.each(routes.slice(1))('$path takes no text/plain body either', async ({ path }) => {
    const made = app();
    await ingest(made);
    expectProblem(await request(made.app).post(path).set(auth).type('text/plain').send('stance=asserts'), 415);
  });

  it.each(routes)('$path answers 415 to a body without a Content-Type', async ({ path, takes }) => {
    const made = app();
    const res = await request(made.app).post(path).set(auth).set('Content-Type', '').send('{}');
    expectProblem(res, 415);
    expect(res.body.detail).toMatch(new RegExp(`^send the body as ${takes.replace(/[/+]/g, '\\$&')}, not `));
  });

  it.each(routes)('$path refuses JSON in a charset other than UTF-8 with 415', async ({ path }) => {
    const made = app();
    const res = await request(made.app)
      .post(path)
      .set(auth)
      .set('Content-Type', 'application/json; charset=latin1')
      .send('{}');
    expectProblem(res, 415);
    expect(res.body.detail).toBe('unsupported charset "LATIN1"');
  });

  it.each(routes)('$path answers 413 to a body over the limit and 400 to malformed JSON', async ({ path }) => {
    const made = app({ bodyLimitBytes: 1000 });
    const large = await request(made.app)
      .post(path)
      .set(auth)
      .type('application/json')
      .send(JSON.stringify({ text: 'x'.repeat(2000) }));
    expectProblem(large, 413);
    expect(large.body.detail).toBe('the body is larger than the limit of 1000 bytes');
    const malformed = await request(made.app).post(path).set(auth).type('application/json').send('{"text": ');
    expectProblem(malformed, 400);
  });

  it.each(routes)(
    '$path checks the token before reading the body: a wrong type without a token is a 401',
    async ({ path }) => {
      const made = app();
      expectProblem(await request(made.app).post(path).set('Content-Type', 'application/xml').send('<x/>'), 401);
      expectProblem(
        await request(made.app)
          .post(path)
          .set('Authorization', `Bearer ${TOKEN}-not`)
          .set('Content-Type', 'application/xml')
          .send('<x/>'),
        401,
      );
    },
  );
});

describe('the time budget on writes', () => {
  it('a write whose body arrives after the budget answers 503 and writes nothing', async () => {
    const dataDir = tempSeedCopy();
    const { graphs: store, writes } = openServedDataFolder(
      dataDir,
      true,
      () => new GraphSnapshotHolder(snapshotOf(openGraph(dataDir))),
      extractFixture,
      () => {},
    );
    const server = http.createServer(
      createApp({
        store,
        clientDir: noClientDir,
        writes: { writes, token: TOKEN, rateLimit: false },
        hardening: { requestTimeoutMs: 150 },
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const body = Buffer.from(ARTICLE);
        const req = http.request(
          {
            host: '127.0.0.1',
            port,
            method: 'POST',
            path: `/api/documents?fileName=${DOC}.txt`,
            headers: { ...auth, 'Content-Type': 'text/plain', 'Content-Length': body.length },
          },
          (res) => {
            let text = '';
            res.on('data', (chunk: Buffer) => (text += chunk.toString()));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
          },
        );
        req.on('error', reject);
        // Half the body now, the rest well after the budget has run out.
        req.write(body.subarray(0, 20));
        setTimeout(() => req.end(body.subarray(20)), 400);
      });
      expect(answer.status).toBe(503);
      expect(JSON.parse(answer.body).type).toBe('urn:claimgraph:problem:time-budget-exceeded');
      // Give the late body time to arrive and be (not) processed.
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(writes.proposals({})).toEqual([]);
      expect(store.current.dataset.documents.has(DOC)).toBe(false);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      writes.close();
    }
  });
});
