// The write app of the API tests on either store, so a suite runs once per store
// (`describe.each(STORES)`) and the two can never drift: `folder` is writeApp.ts over the
// data folder; `postgres` imports the same folder into a database of the throw-away
// cluster (the `db import` code) and serves it through the PostgreSQL write store. A
// restart is a new app on what the first one wrote (its folder, or its database); the
// events are read through the store (the journal's lines, or the events table's rows), and
// users are changed where that store keeps them (users.json, or the users table, which a
// database-backed server reads again every second as `claimgraph serve --database` does).
// Databases are made once per test file and reused by the next test (the import replaces
// what the last one left), since creating one costs more than a test.
import type pg from 'pg';
import { openGraphOf } from '../../server/graph/openGraph';
import { createApp } from '../../server/http/app';
import { GraphSnapshotHolder, snapshotOf } from '../../server/http/snapshotHolder';
import type { WriteRateLimit } from '../../server/http/writeGuards';
import type { ExtractArticle } from '../../server/store/extraction';
import { readJournal } from '../../server/load/readJournal';
import type { JournalEntry } from '../../server/model/journalEntries';
import { UserDirectory } from '../../server/http/access';
import { connectDatabase } from '../../server/store/postgres/connect';
import { DATA_TABLES, importDataFolder } from '../../server/store/postgres/importFolder';
import { openServedDatabase } from '../../server/store/postgres/openServedDatabase';
import { changeDatabaseUsers, watchDatabaseUsers } from '../../server/store/postgres/usersTable';
import { changeUsersFile, type UsersChange } from '../../server/store/usersFile';
import { freshDatabase, type FreshDatabase } from '../postgres/freshDatabase';
import { noClientDir } from './seedApp';
import { extractFixture, tempSeedCopy, TOKEN, writeApp, type WriteApp } from './writeApp';

export const STORES = ['folder', 'postgres'] as const;
export type StoreKind = (typeof STORES)[number];

export interface StoreApp extends WriteApp {
  kind: StoreKind;
  /** Closes this app and starts another on what it wrote: the server restarted. */
  restart(options?: { token?: string }): Promise<StoreApp>;
  /** Every event the store holds, oldest first, as it recorded them. */
  events(): Promise<JournalEntry[]>;
  /** Changes the users where the store keeps them, as `claimgraph users …` does while the server runs. */
  changeUsers<T>(change: UsersChange<T>): Promise<T>;
}

export interface StoreAppOptions {
  /** The data folder to serve (for `postgres`: to import); a copy of the seed by default. */
  dataDir?: string;
  /** The write token; undefined opens the store read-only (unless an editor or admin exists). TOKEN by default. */
  token?: string;
  /** Reads need a signed-in reader. Off by default. */
  privateReads?: boolean;
  /** Opened in a beforeAll: kept (with its database) for every test of the file, closed after them. */
  forAll?: boolean;
  /** The extractor of an article; the literal one of writeApp.ts by default. */
  extract?: ExtractArticle;
  /** The write guards, as writeApp.ts takes them: off and the app's default by default. */
  rateLimit?: WriteRateLimit | false;
  bodyLimitBytes?: number;
}

type Guards = Pick<StoreAppOptions, 'privateReads' | 'rateLimit' | 'bodyLimitBytes' | 'extract'>;

type Closer = { close(): Promise<void> };
/** Apps of the running test, and those kept for the whole file. */
const open: Closer[] = [];
const kept: Closer[] = [];
/** `busy`: an open app of the running test uses it; `kept`: one of the whole file does. */
const databases: Array<{ database: FreshDatabase; busy: boolean; kept: boolean }> = [];
/** One connection per database for the test's own queries (import, events, users), opened once. */
const adminPools = new Map<string, pg.Pool>();
/** Whether the app being opened is kept for the file (set by storeApp around its opening). */
let opening: 'test' | 'file' = 'test';

afterEach(async () => {
  for (const made of open.splice(0)) await made.close();
  for (const entry of databases) entry.busy = false;
});
afterAll(async () => {
  for (const made of [...open.splice(0), ...kept.splice(0)]) await made.close();
  for (const pool of adminPools.values()) await pool.end();
  adminPools.clear();
  for (const { database } of databases.splice(0)) await database.drop();
});

function track(closer: Closer): void {
  (opening === 'file' ? kept : open).push(closer);
}

async function withPool<T>(url: string, run: (pool: pg.Pool) => Promise<T>): Promise<T> {
  let pool = adminPools.get(url);
  if (!pool) {
    pool = await connectDatabase(url, { max: 1 });
    adminPools.set(url, pool);
  }
  return run(pool);
}

/**
 * Empties a database a test used before, as `db import --replace` does but with DELETE,
 * which on tables this small takes milliseconds where TRUNCATE's new files take a tenth
 * of a second or more; the sequences start again, so `seq` counts from 1 again too.
 */
async function emptyDatabase(pool: pg.Pool): Promise<void> {
  const { rows } = await pool.query<{ name: string }>(
    "SELECT quote_ident(sequencename) AS name FROM pg_sequences WHERE schemaname = 'public'",
  );
  if (rows.length === 0) return; // not migrated yet: importDataFolder migrates it
  await pool.query(
    [
      ...DATA_TABLES.map((table) => `DELETE FROM ${table}`),
      ...rows.map((row) => `ALTER SEQUENCE ${row.name} RESTART`),
    ].join('; '),
  );
}

/** A database of this file no open app uses, with `dataDir` imported into it. */
async function databaseWith(dataDir: string): Promise<string> {
  let entry = databases.find((candidate) => !candidate.busy && !candidate.kept);
  if (!entry) {
    entry = { database: await freshDatabase('store app'), busy: false, kept: false };
    databases.push(entry);
  }
  if (opening === 'file') entry.kept = true;
  else entry.busy = true;
  const { url } = entry.database;
  await withPool(url, async (pool) => {
    await emptyDatabase(pool);
    await importDataFolder(pool, url, dataDir);
  });
  return url;
}

function folderApp(dataDir: string | undefined, token: string | undefined, guards: Guards): StoreApp {
  const made = writeApp({ ...(dataDir !== undefined ? { dataDir } : {}), token, ...guards });
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    made.close();
  };
  track({ close });
  return {
    ...made,
    kind: 'folder',
    close: () => void close(),
    restart: async (options = { token }) => {
      await close();
      return folderApp(made.dataDir, 'token' in options ? options.token : token, guards);
    },
    events: async () => readJournal(made.dataDir).lines.map((line) => line.entry),
    changeUsers: async (change) => changeUsersFile(made.dataDir, change),
  };
}

async function postgresApp(url: string, dataDir: string, token: string | undefined, guards: Guards): Promise<StoreApp> {
  let users: UserDirectory | undefined;
  const served = await openServedDatabase({
    url,
    build: (dataset) => new GraphSnapshotHolder(snapshotOf(openGraphOf(dataset, dataDir))),
    writableFor: (records) => {
      users = new UserDirectory(undefined, token, undefined, records);
      return users.hasWriters();
    },
    extract: guards.extract ?? extractFixture,
    dataDir,
    followIntervalMs: 500,
  });
  // As `serve --database` does, on the test's own connection to the database.
  const stopWatching = await withPool(url, async (pool) =>
    watchDatabaseUsers(pool, (records) => users!.replaceUsers(records)),
  );
  let closed: Promise<void> | undefined;
  const close = () =>
    (closed ??= (async () => {
      stopWatching();
      await served.close();
    })());
  track({ close });
  const app = createApp({
    store: served.graphs,
    clientDir: noClientDir,
    writes: {
      writes: served.writes,
      token,
      rateLimit: guards.rateLimit ?? false,
      bodyLimitBytes: guards.bodyLimitBytes,
    },
    users,
    ...(guards.privateReads ? { privateReads: true } : {}),
  });
  return {
    app,
    store: served.graphs,
    writes: served.writes,
    dataDir,
    kind: 'postgres',
    close: () => void close(),
    restart: async (options = { token }) => {
      await close();
      return postgresApp(url, dataDir, 'token' in options ? options.token : token, guards);
    },
    events: () =>
      withPool(url, async (pool) => {
        const { rows } = await pool.query<{ line: string }>('SELECT body::text AS line FROM events ORDER BY seq');
        return rows.map((row) => JSON.parse(row.line) as JournalEntry);
      }),
    changeUsers: (change) => withPool(url, (pool) => changeDatabaseUsers(pool, change)),
  };
}

/** The write app on `kind`; closed after the test. */
export async function storeApp(kind: StoreKind, options: StoreAppOptions = {}): Promise<StoreApp> {
  const token = 'token' in options ? options.token : TOKEN;
  const guards: Guards = {
    privateReads: options.privateReads,
    rateLimit: options.rateLimit,
    bodyLimitBytes: options.bodyLimitBytes,
    extract: options.extract,
  };
  opening = options.forAll ? 'file' : 'test';
  try {
    if (kind === 'folder') return folderApp(options.dataDir, token, guards);
    const dataDir = options.dataDir ?? tempSeedCopy();
    return await postgresApp(await databaseWith(dataDir), dataDir, token, guards);
  } finally {
    opening = 'test';
  }
}
