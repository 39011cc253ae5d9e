// Users on a database-backed claimgraph: `claimgraph users … --database URL` changes the
// users table with the rules and messages of the data folder's users.json, and a server
// running on the database reads the table again by itself: a user added after it started
// may read at once (within a second or two), a revoked token is refused, with no restart.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../server/cli/main';
import { startServer, type RunningServer } from '../../server/index';
import { freshDatabase, type FreshDatabase } from '../postgres/freshDatabase';
import { writeCurationFolder } from './curationFolder';

async function run(...argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out, err };
}

/** Polls `read` until it gives `wanted` or the (generous) deadline passes; the last value otherwise. */
async function eventually<T>(read: () => Promise<T>, wanted: T, deadlineMs = 20_000): Promise<T> {
  const until = Date.now() + deadlineMs;
  let value = await read();
  while (value !== wanted && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}

let database: FreshDatabase;
let server: RunningServer;
const made: string[] = [];

beforeAll(async () => {
  const folder = writeCurationFolder();
  made.push(folder);
  database = await freshDatabase('users database');
  expect((await run('db', 'import', folder, '--database', database.url)).code).toBe(0);
  const serverFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-users-db-'));
  made.push(serverFolder);
  server = await startServer({
    dataDir: serverFolder,
    databaseUrl: database.url,
    port: 0,
    host: '127.0.0.1',
    reads: 'private',
  });
});

afterAll(async () => {
  await server?.close();
  await database?.drop();
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

const status = (token: string) => async () =>
  (await fetch(`${server.url}api/entities/ann`, { headers: { Authorization: `Bearer ${token}` } })).status;

describe('claimgraph users --database', () => {
  it('adds, lists, changes and revokes users in the users table, with the messages of the folder', async () => {
    const added = await run('users', 'add', 'rita', '--role', 'reader', '--database', database.url);
    expect(added.code).toBe(0);
    expect(added.err).toEqual(['claimgraph users: added rita (reader); their token, shown this once:']);
    expect(added.out[0]).toMatch(/^cg_[A-Za-z0-9_-]{43}$/);
    const again = await run('users', 'add', 'rita', '--role', 'editor', '--database', database.url);
    expect(again.code).toBe(1);
    expect(again.err).toEqual(['claimgraph users: user "rita" exists already; revoke them or choose another name']);
    expect((await run('users', 'set-role', 'rita', '--role', 'editor', '--database', database.url)).out).toEqual([
      'rita is now an editor',
    ]);
    const listed = await run('users', 'list', '--database', database.url);
    expect(listed.out).toHaveLength(1);
    expect(listed.out[0]).toMatch(/^rita {2}editor {2}added \d{4}-\d{2}-\d{2}T[\d:.]+Z$/);
    const both = await run('users', 'list', '--database', database.url, '--data', made[0]);
    expect(both.code).toBe(2);
    expect(both.err[0].split('\n')[0]).toBe('claimgraph users: give --data DIR or --database URL, not both');
  });

  it('is picked up by a running server: a new reader reads, a revoked one is refused, without a restart', async () => {
    const token = (await run('users', 'add', 'nina', '--role', 'reader', '--database', database.url)).out[0];
    expect(await eventually(status(token), 200)).toBe(200);
    expect(await status('cg_not-a-token')()).toBe(401);
    const revoked = await run('users', 'revoke', 'nina', '--database', database.url);
    expect(revoked.out[0]).toMatch(
      /^nina's token is revoked \(.+\); a running server refuses it from its next request$/,
    );
    expect(await eventually(status(token), 401)).toBe(401);
  });
});
