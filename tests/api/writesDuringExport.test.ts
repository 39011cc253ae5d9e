// Writes change the served graph in place; readers never see half of one. On a generated
// folder of 3,000 entities and 30,000 claims: a JSON export whose client stops reading
// after its first bytes, while ten writes (add, correct, retract) are answered, then reads
// on, is byte for byte the export taken before those writes; each write's change is in the
// very next read (its claim, its relation, the search); and an export started afterwards
// has them.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { generateDataFolder } from '../../server/generate/generateDataFolder';
import { startServer, type RunningServer } from '../../server/index';

const TOKEN = 'writes-during-export-token';
let dataDir: string;
let cacheDir: string;
let running: RunningServer;
let savedCache: string | undefined;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-wde-'));
  cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-wde-cache-'));
  generateDataFolder({ entities: 3000, claims: 30_000, seed: 3, outDir: dataDir });
  savedCache = process.env.CLAIMGRAPH_CACHE_DIR;
  process.env.CLAIMGRAPH_CACHE_DIR = cacheDir;
  running = await startServer({
    dataDir,
    port: 0,
    host: '127.0.0.1',
    writes: { token: TOKEN, rateLimit: false },
  });
}, 180_000);

afterAll(async () => {
  await running?.close();
  if (savedCache === undefined) delete process.env.CLAIMGRAPH_CACHE_DIR;
  else process.env.CLAIMGRAPH_CACHE_DIR = savedCache;
  for (const dir of [dataDir, cacheDir]) fs.rmSync(dir, { recursive: true, force: true });
}, 60_000);

/** One request on a connection of its own (a kept-alive one may be closed by the server between tests). */
function call(method: string, url: string, body?: object): Promise<{ status: number; json: any }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      new URL(url, running.url),
      {
        method,
        agent: false,
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, json: text ? JSON.parse(text) : undefined }));
        res.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

/** Starts an export and reads its first chunk, then stops reading until `resume` is called. */
function pausedExport(): Promise<{ resume: () => Promise<Buffer>; abandon: () => void }> {
  return new Promise((resolve, reject) => {
    http
      .get(new URL('/api/export?format=json', running.url), { agent: false }, (res) => {
        const chunks: Buffer[] = [];
        const done = new Promise<Buffer>((finish, fail) => {
          res.on('end', () => finish(Buffer.concat(chunks)));
          res.on('error', fail);
        });
        res.once('data', (chunk: Buffer) => {
          chunks.push(chunk);
          res.pause();
          res.on('data', (more: Buffer) => chunks.push(more));
          resolve({
            resume: () => {
              res.resume();
              return done;
            },
            abandon: () => res.destroy(),
          });
        });
      })
      .on('error', reject);
  });
}

async function wholeExport(): Promise<Buffer> {
  const response = await fetch(new URL('/api/export?format=json', running.url));
  expect(response.status).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}

const firstClaims = (
  count: number,
): Array<{ id: string; subject: string; object: string; type: string; stance: string }> =>
  JSON.parse(fs.readFileSync(claimsFile(), 'utf8')).slice(0, count);

/** The generator writes one claims.json for small folders, claims/00000.json and on for large ones. */
const claimsFile = () =>
  fs.existsSync(path.join(dataDir, 'claims.json'))
    ? path.join(dataDir, 'claims.json')
    : path.join(dataDir, 'claims', '00000.json');

/** Ten writes, each checked by the next read, while `paused` waits; then the rest of it, which must be `before`. */
async function writeWhilePaused(paused: { resume: () => Promise<Buffer> }, before: Buffer): Promise<void> {
  const claims = firstClaims(12);
  const edgeOf = async (claimId: string) => (await call('GET', `/api/claims/${claimId}`)).json;

  // Correct the stance of four claims, retract four, add two quoting the same passages.
  for (const claim of claims.slice(0, 4)) {
    const stance = claim.stance === 'denies' ? 'asserts' : 'denies';
    const corrected = await call('PATCH', `/api/claims/${claim.id}`, { stance, reason: 'checked' });
    expect([corrected.status, corrected.json.errors]).toEqual([200, undefined]);
    expect((await edgeOf(claim.id)).claim.stance).toBe(stance);
  }
  for (const claim of claims.slice(4, 8)) {
    expect((await call('POST', `/api/claims/${claim.id}/retract`, { reason: 'no source' })).status).toBe(200);
    expect((await edgeOf(claim.id)).status).toBe('retracted');
    const relation = await call('GET', '/api/edges?entity=' + encodeURIComponent(claim.subject) + '&limit=500');
    const ids = relation.json.edges.flatMap((e: { claims: Array<{ id: string }> }) => e.claims.map((c) => c.id));
    expect(ids).not.toContain(claim.id);
  }
  const added: string[] = [];
  for (const claim of claims.slice(8, 10)) {
    const state = await edgeOf(claim.id);
    const res = await call('POST', '/api/claims', {
      document: state.claim.document,
      quote: state.claim.quote,
      start: state.claim.quoteStart,
      subject: state.claim.subject,
      type: state.claim.type,
      object: state.claim.object,
      stance: 'confirms',
      reason: 'a second reading',
    });
    expect(res.status).toBe(201);
    const id: string = res.json.claim.claim.id;
    added.push(id);
    const edge = await call('GET', `/api/edges/${encodeURIComponent(res.json.claim.edge)}`);
    expect(edge.json.claims.map((c: { id: string }) => c.id)).toContain(id);
  }

  const during = await paused.resume();
  expect(during.length).toBe(before.length);
  expect(during.equals(before)).toBe(true);

  const after = (await wholeExport()).toString('utf8');
  for (const id of added) expect(after).toContain(`"id": "${id}"`);
  for (const claim of claims.slice(4, 8)) expect(after).not.toContain(`"id": "${claim.id}"`);
}

describe('writes while an export streams', () => {
  it('leave the export as it began, and each read after a write sees it', async () => {
    const before = await wholeExport();
    const paused = await pausedExport();
    try {
      await writeWhilePaused(paused, before);
    } finally {
      paused.abandon();
    }
  }, 180_000);

  it('puts an edited name in the very next search', async () => {
    const entity = firstClaims(1)[0].subject;
    const edit = await call('PATCH', `/api/entities/${encodeURIComponent(entity)}`, {
      name: 'Quintessa Marlowe-Zed',
      reason: 'spelling',
    });
    expect(edit.status).toBe(200);
    const search = await call('GET', '/api/entities?q=quintessa');
    expect(search.json.hits.map((hit: { id: string }) => hit.id)).toEqual([entity]);
  }, 60_000);
});
