// Two real `claimgraph serve --database URL` processes on one database, as a team runs
// them behind a proxy: a claim added on A is answered by B, a merge on B by A, an If-Match
// race between them has one winner, and A restarted catches up with what B wrote while it
// was down. Each process has a data folder of its own (layout cache only).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../server/cli/main';
import { freshDatabase, type FreshDatabase } from '../postgres/freshDatabase';
import { assertServerBuilt, startChildServer, type ChildServer } from './childServer';
import { ADD_CLAIM, folderWithAnnie, until } from './teamFixtures';

const TOKEN = 'team-test-token';
const env = { CLAIMGRAPH_TOKEN: TOKEN, CLAIMGRAPH_WRITE_RATE_LIMIT: '0' };
const auth = { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' };

let database: FreshDatabase;
const folders: string[] = [];
const running: ChildServer[] = [];

async function serveDatabase(dataDir?: string, serverEnv: Record<string, string> = env): Promise<ChildServer> {
  const dir = dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-team-'));
  if (!dataDir) folders.push(dir);
  const server = await startChildServer(dir, serverEnv, 20_000, ['--database', database.url]);
  running.push(server);
  return server;
}

async function stop(server: ChildServer): Promise<void> {
  server.child.kill('SIGTERM');
  await server.exited;
}

const status = async (server: ChildServer, route: string) => {
  const response = await fetch(`${server.url}${route}`, { redirect: 'manual' });
  await response.arrayBuffer();
  return response.status;
};
const json = async (server: ChildServer, route: string) =>
  (await (await fetch(`${server.url}${route}`)).json()) as Record<string, any>;
const write = (server: ChildServer, method: string, route: string, body: object, ifMatch?: string) =>
  fetch(`${server.url}${route}`, {
    method,
    headers: { ...auth, ...(ifMatch ? { 'If-Match': ifMatch } : {}) },
    body: JSON.stringify(body),
  });

beforeAll(async () => {
  assertServerBuilt();
  database = await freshDatabase('team children');
  const out: string[] = [];
  const code = await main(['db', 'import', folderWithAnnie(), '--database', database.url], {
    out: (t) => out.push(t),
    err: (t) => out.push(t),
  });
  expect([code, out]).toEqual([0, expect.any(Array)]);
});

afterAll(async () => {
  for (const server of running)
    if (server.child.exitCode === null && server.child.signalCode === null) await stop(server);
  await database?.drop();
  for (const dir of folders) fs.rmSync(dir, { recursive: true, force: true });
});

describe('two claimgraph serve --database processes on one database', () => {
  let a: ChildServer;
  let b: ChildServer;

  it('both start with writes on, and say where they go', async () => {
    [a, b] = [await serveDatabase(), await serveDatabase()];
    const destination = `PostgreSQL at 127.0.0.1:${new URL(database.url).port}, database "${database.name}"`;
    for (const server of [a, b]) {
      expect(server.output()).toContain(
        'claimgraph: writes are on, for editors and admins with a token (`claimgraph users list`)',
      );
      expect(server.output()).toContain(
        `claimgraph: writes go to ${destination}, each committed before its answer; the writes of other servers on it are applied here as they commit`,
      );
    }
  });

  it('a claim added on A is answered by B', async () => {
    expect(await status(b, '/api/edges/ann%7Cmember_of%7Cacme')).toBe(404);
    const added = await write(a, 'POST', '/api/claims', ADD_CLAIM);
    expect(added.status).toBe(201);
    const { claim } = (await added.json()) as { claim: { edge: string; claim: { id: string } } };
    expect(claim.edge).toBe('ann|member_of|acme');
    const delay = await until(async () => (await status(b, '/api/edges/ann%7Cmember_of%7Cacme')) === 200);
    console.log(`child servers: a claim added on A answered by B after ${delay} ms`);
    expect(await json(b, `/api/claims/${claim.claim.id}`)).toEqual(await json(a, `/api/claims/${claim.claim.id}`));
  });

  it('a merge on B is seen by A: the old id answers 301', async () => {
    const merged = await write(
      b,
      'POST',
      '/api/entities/annie/merge',
      { into: 'ann', reason: 'the same person' },
      '"1"',
    );
    expect(merged.status).toBe(200);
    const delay = await until(async () => (await status(a, '/api/entities/annie')) === 301);
    console.log(`child servers: a merge on B seen by A after ${delay} ms`);
    const redirect = await fetch(`${a.url}/api/entities/annie`, { redirect: 'manual' });
    await redirect.arrayBuffer();
    expect(redirect.headers.get('location')).toBe('/api/entities/ann');
    expect((await json(a, '/api/entities/ann')).entity.aliases).toEqual(['Ann', 'Annie Emile', 'A. Emile']);
  });

  it('an If-Match race on one claim between A and B: one 200 and one 412', async () => {
    const version = (await json(a, '/api/claims/c1')).version as number;
    const answers = await Promise.all([
      write(a, 'PATCH', '/api/claims/c1', { stance: 'asserts', reason: 'race' }, `"${version}"`),
      write(b, 'PATCH', '/api/claims/c1', { stance: 'denies', reason: 'race' }, `"${version}"`),
    ]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 412]);
    const lost = (await answers.find((r) => r.status === 412)!.json()) as { detail: string };
    expect(lost.detail).toBe(
      `claim "c1" is at version ${version + 1}, not ${version}: it changed since you read it; read it again (GET /api/claims/c1) and redo your change`,
    );
    const won = (await answers.find((r) => r.status === 200)!.json()) as { claim: { claim: { stance: string } } };
    for (const server of [a, b])
      await until(async () => (await json(server, '/api/claims/c1')).version === version + 1);
    for (const server of [a, b])
      expect((await json(server, '/api/claims/c1')).claim.stance).toBe(won.claim.claim.stance);
  });

  it('A stopped while B writes, restarted on its folder, answers what B wrote at once', async () => {
    const folderOfA = a.child.spawnargs[a.child.spawnargs.indexOf('--data') + 1];
    await stop(a);
    const retracted = await write(b, 'POST', '/api/claims/c1/retract', { reason: 'written while A was down' });
    expect(retracted.status).toBe(200);
    a = await serveDatabase(folderOfA);
    expect((await json(a, '/api/claims/c1')).status).toBe('retracted');
    expect(await json(a, '/api/claims/c1')).toEqual(await json(b, '/api/claims/c1'));
    const history = await json(a, '/api/history');
    expect(history.total).toBe(4);
  });

  it('a server with no writer refuses writes, and follows what the others write', async () => {
    const reader = await serveDatabase(undefined, { CLAIMGRAPH_WRITE_RATE_LIMIT: '0' });
    expect(reader.output()).toContain(
      "claimgraph: writes are off: the database's users table has no editor or admin and CLAIMGRAPH_TOKEN is unset (`claimgraph users add NAME --role editor --database URL`, then restart)",
    );
    expect(reader.output()).not.toContain('claimgraph: writes go to');
    const refused = await write(reader, 'POST', '/api/claims/c2/retract', { reason: 'from the reader' });
    expect(refused.status).toBe(403);
    const edited = await write(b, 'PATCH', '/api/entities/acme', { description: 'edited on B' });
    expect(edited.status).toBe(200);
    const delay = await until(
      async () => (await json(reader, '/api/entities/acme')).entity.description === 'edited on B',
    );
    console.log(`child servers: an edit on B seen by the server with no writer after ${delay} ms`);
    expect(await json(reader, '/api/entities/acme')).toEqual(await json(b, '/api/entities/acme'));
  });

  it('a PDF ingested on B is served, byte for byte, as its original by A and by a server started after', async () => {
    const pdf = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'documents', 'article.pdf'));
    const ingested = await fetch(
      `${b.url}/api/documents?fileName=212_article.txt&title=Starlink%20call&date=2024-11-03`,
      {
        method: 'POST',
        headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/pdf' },
        body: pdf,
      },
    );
    expect(ingested.status).toBe(201);
    await until(async () => (await status(a, '/api/documents/212_article')) === 200);
    const later = await serveDatabase();
    for (const server of [a, later]) {
      const original = await fetch(`${server.url}/api/documents/212_article/original`);
      expect(original.status).toBe(200);
      expect(original.headers.get('content-type')).toBe('application/pdf');
      expect(Buffer.from(await original.arrayBuffer()).equals(pdf)).toBe(true);
    }
  });
});
