// `claimgraph db migrate|import|export` on a real PostgreSQL, as a user runs them: the seed
// folder and a folder with curation events (some compacted into history.jsonl, some still
// in its journal) go into a database and back out, and `claimgraph export --format json`
// is the same bytes from the folder, from the database and from the exported folder; the
// journal comes back line for line. A broken folder and a full database are refused.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import pg from 'pg';
import { main } from '../../../../server/cli/main';
import { writeCurationFolder } from '../../../api/curationFolder';
import { seedDir } from '../../../api/seedApp';
import { freshDatabase, type FreshDatabase } from '../../../postgres/freshDatabase';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const streamed: Buffer[] = [];
  const stdout = new Writable({
    write(chunk: Buffer, _encoding, done) {
      streamed.push(Buffer.from(chunk));
      done();
    },
  });
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t), stdout });
  return { code, out: out.join('\n'), err: err.join('\n'), stdout: Buffer.concat(streamed) };
}

async function jsonExport(...source: string[]): Promise<Buffer> {
  const result = await run('export', '--format', 'json', ...source);
  expect({ code: result.code, err: result.err }).toEqual({ code: 0, err: '' });
  return result.stdout;
}

const made: string[] = [];
function emptyFolder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-db-export-'));
  made.push(dir);
  return path.join(dir, 'out');
}

let database: FreshDatabase;
beforeEach(async () => {
  database = await freshDatabase('db commands');
});
afterEach(async () => {
  await database.drop();
});
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

/** The curation folder with one event compacted into history.jsonl and two (a retraction and its revert) in its journal. */
async function curatedFolder(): Promise<string> {
  const dir = writeCurationFolder();
  const body = path.join(os.tmpdir(), `claimgraph-db-claim-${process.pid}.json`);
  made.push(body);
  const claim = {
    document: 'mar',
    quote: 'Bob said',
    subject: 'bob',
    type: 'funded',
    object: 'acme',
    stance: 'asserts',
  };
  fs.writeFileSync(body, JSON.stringify(claim));
  expect((await run('curate', 'add', body, '--data', dir)).code).toBe(0);
  expect((await run('compact', '--data', dir)).code).toBe(0);
  expect((await run('curate', 'retract', 'mar.m1', '--reason', 'misread', '--data', dir)).code).toBe(0);
  expect((await run('curate', 'revert', 'e2', '--reason', 'it was right', '--data', dir)).code).toBe(0);
  return dir;
}

describe('claimgraph db', () => {
  it('migrate applies the schema once and says so; run again it applies none', async () => {
    expect(await run('db', 'migrate', '--database', database.url)).toEqual({
      code: 0,
      out: 'applied 001_initial\napplied 002_record_files',
      err: '',
      stdout: Buffer.alloc(0),
    });
    expect((await run('db', 'migrate', '--database', database.url)).out).toBe(
      'the schema is up to date (version 2); applied none',
    );
  });

  it('round-trips a folder with curation events: the same JSON export from the folder, the database and the exported folder', async () => {
    const folder = await curatedFolder();
    const imported = await run('db', 'import', folder, '--database', database.url);
    expect(imported).toMatchObject({
      code: 0,
      err: '',
      out: `${folder}: imported 2 document(s), 3 entities, 2 claims, 0 redirect(s), 0 proposal(s), 2 journal event(s), 1 history event(s), 0 user(s), 0 original(s)`,
    });
    const fromFolder = await jsonExport('--data', folder);
    expect((await jsonExport('--database', database.url)).equals(fromFolder)).toBe(true);

    const out = emptyFolder();
    expect(await run('db', 'export', '--database', database.url, '--out', out)).toMatchObject({
      code: 0,
      out: `${out}: wrote 2 document(s), 3 entities, 2 claims and 2 journal event(s)`,
    });
    expect(fs.readdirSync(out).sort()).toEqual([
      'claims.json',
      'documents',
      'entities.json',
      'history.jsonl',
      'journal.jsonl',
      'proposals.json',
      'vocabulary.json',
    ]);
    for (const file of [
      'journal.jsonl',
      'history.jsonl',
      'claims.json',
      'entities.json',
      'proposals.json',
      'vocabulary.json',
    ])
      expect({ file, text: fs.readFileSync(path.join(out, file), 'utf8') }).toEqual({
        file,
        text: fs.readFileSync(path.join(folder, file), 'utf8'),
      });
    expect((await jsonExport('--data', out)).equals(fromFolder)).toBe(true);
    const validated = await run('validate', '--data', out);
    expect(validated).toMatchObject({ code: 0, err: '' });
    expect(validated.out.split('\n').slice(1)).toEqual(
      (await run('validate', '--data', folder)).out.split('\n').slice(1),
    );
  });

  it('round-trips the seed folder', async () => {
    expect((await run('db', 'import', seedDir, '--database', database.url)).code).toBe(0);
    const fromFolder = await jsonExport('--data', seedDir);
    expect((await jsonExport('--database', database.url)).equals(fromFolder)).toBe(true);
    const out = emptyFolder();
    expect((await run('db', 'export', '--database', database.url, '--out', out)).code).toBe(0);
    expect((await jsonExport('--data', out)).equals(fromFolder)).toBe(true);
    const validated = await run('validate', '--database', database.url);
    expect(validated.out.split('\n')[0]).toBe(
      `PostgreSQL 127.0.0.1:${new URL(database.url).port}, database "${database.name}": valid`,
    );
  });

  it('refuses a database that holds a dataset unless --replace', async () => {
    const folder = await curatedFolder();
    expect((await run('db', 'import', folder, '--database', database.url)).code).toBe(0);
    const port = new URL(database.url).port;
    expect(await run('db', 'import', seedDir, '--database', database.url)).toMatchObject({
      code: 1,
      out: '',
      err: `claimgraph db: the database at 127.0.0.1:${port}, database "${database.name}" already holds a dataset (3 entities, 2 claims, 2 documents, 2 events): import into an empty database, or give --replace to replace it`,
    });
    expect((await run('db', 'import', seedDir, '--replace', '--database', database.url)).code).toBe(0);
    expect((await jsonExport('--database', database.url)).equals(await jsonExport('--data', seedDir))).toBe(true);
  });

  it("refuses a broken folder with the loader's problems and writes nothing", async () => {
    const broken = path.join(__dirname, '..', '..', '..', 'fixtures', 'data', 'broken-unknown-entity');
    const validated = await run('validate', '--data', broken);
    expect(validated.code).toBe(1);
    const imported = await run('db', 'import', broken, '--database', database.url);
    expect(imported.code).toBe(1);
    expect(imported.out).toBe('');
    const problems = validated.err.split('\n').slice(1);
    expect(imported.err).toBe(
      [`claimgraph db: the data folder has ${problems.length} problem(s):`, ...problems].join('\n'),
    );
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const tables = await client.query("SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'");
      expect(tables.rows).toEqual([{ n: 0 }]);
    } finally {
      await client.end();
    }
  });

  it('names what is missing: the database URL, the folder, --out', async () => {
    const saved = process.env.CLAIMGRAPH_DATABASE_URL;
    delete process.env.CLAIMGRAPH_DATABASE_URL;
    try {
      expect((await run('db', 'migrate')).err).toMatch(
        /^claimgraph db: no database: give --database URL or set CLAIMGRAPH_DATABASE_URL\nusage: claimgraph db migrate/,
      );
    } finally {
      if (saved !== undefined) process.env.CLAIMGRAPH_DATABASE_URL = saved;
    }
    expect((await run('db', 'import', '--database', database.url)).err).toMatch(
      /^claimgraph db: db import: expected one data folder\n/,
    );
    expect((await run('db', 'export', '--database', database.url)).err).toMatch(
      /^claimgraph db: db export: --out DIR is required\n/,
    );
    expect((await run('db', 'migrate', '--database', 'mysql://x/y')).err).toMatch(
      /^claimgraph db: --database must be a PostgreSQL URL such as postgres:\/\/user@localhost:5432\/claimgraph\n/,
    );
  });
});
