// The write app of the API tests on either store, so a suite runs once per store
// (`describe.each(STORES)`) and the two can never drift: `folder` is writeApp.ts over the
// data folder; `postgres` imports the same folder into a database of the throw-away
// cluster (the `db import` code) and serves it through the PostgreSQL write store. A
// restart is a new app on what the first one wrote (its folder, or its database); the
// events are read through the store (the journal's lines, or the events table's rows).
// Databases are made once per test file and reused by the next test (the import replaces
// what the last one left), since creating one costs more than a test.
import type pg from 'pg';
import { openGraphOf } from '../../server/graph/openGraph';
import { createApp } from '../../server/http/app';
import { GraphSnapshotHolder, snapshotOf } from '../../server/http/snapshotHolder';
import { readJournal } from '../../server/load/readJournal';
import type { JournalEntry } from '../../server/model/journalEntries';
import { connectDatabase } from '../../server/store/postgres/connect';
import { importDataFolder } from '../../server/store/postgres/importFolder';
import { openServedDatabase } from '../../server/store/postgres/openServedDatabase';
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
}

export interface StoreAppOptions {
  /** The data folder to serve (for `postgres`: to import); a copy of the seed by default. */
  dataDir?: string;
  /** The write token; undefined opens the store read-only. TOKEN by default. */
  token?: string;
}

const open: Array<{ close(): Promise<void> }> = [];
const databases: Array<{ database: FreshDatabase; busy: boolean }> = [];

afterEach(async () => {
  for (const made of open.splice(0)) await made.close();
  for (const entry of databases) entry.busy = false;
});
afterAll(async () => {
  for (const { database } of databases.splice(0)) await database.drop();
});

async function withPool<T>(url: string, run: (pool: pg.Pool) => Promise<T>): Promise<T> {
  const pool = await connectDatabase(url, { max: 1 });
  try {
    return await run(pool);
  } finally {
    await pool.end();
  }
}

/** A database of this file no open app uses, with `dataDir` imported into it. */
async function databaseWith(dataDir: string): Promise<string> {
  let entry = databases.find((candidate) => !candidate.busy);
  if (!entry) {
    entry = { database: await freshDatabase('store app'), busy: false };
    databases.push(entry);
  }
  entry.busy = true;
  const { url } = entry.database;
  await withPool(url, (pool) => importDataFolder(pool, url, dataDir, { replace: true }));
  return url;
}

function folderApp(dataDir: string | undefined, token: string | undefined): StoreApp {
  const made = writeApp({ ...(dataDir !== undefined ? { dataDir } : {}), token });
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    made.close();
  };
  open.push({ close });
  return {
    ...made,
    kind: 'folder',
    close: () => void close(),
    restart: async (options = { token }) => {
      await close();
      return folderApp(made.dataDir, 'token' in options ? options.token : token);
    },
    events: async () => readJournal(made.dataDir).lines.map((line) => line.entry),
  };
}

async function postgresApp(url: string, dataDir: string, token: string | undefined): Promise<StoreApp> {
  const served = await openServedDatabase({
    url,
    build: (dataset) => new GraphSnapshotHolder(snapshotOf(openGraphOf(dataset, dataDir))),
    writableFor: () => token !== undefined,
    extract: extractFixture,
    dataDir,
    followIntervalMs: 500,
  });
  let closed: Promise<void> | undefined;
  const close = () => (closed ??= served.close());
  open.push({ close });
  const app = createApp({
    store: served.graphs,
    clientDir: noClientDir,
    writes: { writes: served.writes, token, rateLimit: false },
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
      return postgresApp(url, dataDir, 'token' in options ? options.token : token);
    },
    events: () =>
      withPool(url, async (pool) => {
        const { rows } = await pool.query<{ line: string }>('SELECT body::text AS line FROM events ORDER BY seq');
        return rows.map((row) => JSON.parse(row.line) as JournalEntry);
      }),
  };
}

/** The write app on `kind`; closed after the test. */
export async function storeApp(kind: StoreKind, options: StoreAppOptions = {}): Promise<StoreApp> {
  const token = 'token' in options ? options.token : TOKEN;
  if (kind === 'folder') return folderApp(options.dataDir, token);
  const dataDir = options.dataDir ?? tempSeedCopy();
  return postgresApp(await databaseWith(dataDir), dataDir, token);
}
