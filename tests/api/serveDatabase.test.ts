// A server started on a PostgreSQL database imported from a data folder answers as one on
// the folder: the same graph, entity and JSON export, byte for byte, with the same version
// (ETag); with no editor or admin in the database and no CLAIMGRAPH_TOKEN its writes are
// refused with the "writes are disabled" answer. The folder has curation events both
// compacted and in its journal.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { accessLines, startServer, type RunningServer } from '../../server/index';
import { main } from '../../server/cli/main';
import { freshDatabase, type FreshDatabase } from '../postgres/freshDatabase';
import { writeCurationFolder } from './curationFolder';

async function run(...argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out, err };
}

let database: FreshDatabase;
let fromFolder: RunningServer;
let fromDatabase: RunningServer;
let folder: string;
/** The database-backed server's own data folder: where its layout cache lives. */
let serverFolder: string;

beforeAll(async () => {
  folder = writeCurationFolder();
  const body = path.join(folder, 'claim.json');
  const claim = {
    document: 'mar',
    quote: 'Bob said',
    subject: 'bob',
    type: 'funded',
    object: 'acme',
    stance: 'asserts',
  };
  fs.writeFileSync(body, JSON.stringify(claim));
  for (const argv of [
    ['curate', 'add', body],
    ['compact'],
    ['curate', 'retract', 'c1', '--reason', 'misread'],
    ['users', 'add', 'rita', '--role', 'reader'],
  ])
    expect((await run(...argv, '--data', folder)).code).toBe(0);
  database = await freshDatabase('serve database');
  expect((await run('db', 'import', folder, '--database', database.url)).code).toBe(0);
  fromFolder = await startServer({ dataDir: folder, port: 0, host: '127.0.0.1' });
  serverFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-db-server-'));
  fromDatabase = await startServer({
    dataDir: serverFolder,
    databaseUrl: database.url,
    port: 0,
    host: '127.0.0.1',
  });
});

afterAll(async () => {
  await fromFolder?.close();
  await fromDatabase?.close();
  await database?.drop();
  if (serverFolder) fs.rmSync(serverFolder, { recursive: true, force: true });
});

async function answer(
  server: RunningServer,
  route: string,
): Promise<{ status: number; etag: string | null; body: string }> {
  const response = await fetch(new URL(route, server.url));
  return { status: response.status, etag: response.headers.get('etag'), body: await response.text() };
}

describe('a server on PostgreSQL', () => {
  it.each(['api/graph', 'api/entities/ann', 'api/entities/bob', 'api/export?format=json', 'api/claims/mar.m1'])(
    'answers %s exactly as one on the folder',
    async (route) => {
      const expected = await answer(fromFolder, route);
      expect(expected.status).toBe(200);
      expect(await answer(fromDatabase, route)).toEqual(expected);
    },
  );

  it('says where it serves from, and that its writes are off', () => {
    expect(fromDatabase.source).toBe(`PostgreSQL 127.0.0.1:${new URL(database.url).port}, database "${database.name}"`);
    expect(fromDatabase.writable).toBe(false);
  });

  it('refuses writes with the "writes are disabled" answer', async () => {
    const response = await fetch(new URL('api/claims/mar.m1/retract', fromDatabase.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer anything' },
      body: JSON.stringify({ reason: 'test' }),
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({
      type: 'urn:claimgraph:problem:writes-disabled',
      title: 'Writes are disabled',
    });
  });
});

describe('a server on PostgreSQL with a token', () => {
  let writer: RunningServer | undefined;
  let writerFolder: string;
  afterAll(async () => {
    await writer?.close();
    if (writerFolder) fs.rmSync(writerFolder, { recursive: true, force: true });
  });

  it('takes writes, each answered after its event is committed to the events table', async () => {
    writerFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-db-writer-'));
    writer = await startServer({
      dataDir: writerFolder,
      databaseUrl: database.url,
      port: 0,
      host: '127.0.0.1',
      writes: { token: 'db-writer-token', rateLimit: false },
    });
    expect(writer.writable).toBe(true);
    const destination = `PostgreSQL at 127.0.0.1:${new URL(database.url).port}, database "${database.name}"`;
    expect(writer.destination).toBe(destination);
    expect(accessLines({ ...writer, fromDatabase: true }).slice(0, 2)).toEqual([
      'claimgraph: writes are on, for editors and admins with a token (`claimgraph users list`)',
      `claimgraph: writes go to ${destination}, each committed before its answer; the writes of other servers on it are applied here as they commit`,
    ]);
    const response = await fetch(new URL('api/claims/mar.m1/retract', writer.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer db-writer-token' },
      body: JSON.stringify({ reason: 'misread in review' }),
    });
    expect(response.status).toBe(200);
    const { event } = (await response.json()) as { event: { id: string } };
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query("SELECT kind, author, body->>'reason' AS reason FROM events WHERE id = $1", [
        event.id,
      ]);
      expect(rows).toEqual([{ kind: 'retractClaim', author: 'token', reason: 'misread in review' }]);
    } finally {
      await client.end();
    }
    expect((await fetch(new URL('api/claims/mar.m1', writer.url)).then((r) => r.json())).status).toBe('retracted');
  });
});
