// Two (or more) servers writing one PostgreSQL database, in this process: each has its
// own copy of the curation folder as its base, its own graph in memory, and writes
// through the PostgreSQL event store with a follower that applies the other's events.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openGraph } from '../../server/graph/openGraph';
import { createApp } from '../../server/http/app';
import { GraphSnapshotHolder, snapshotOf } from '../../server/http/snapshotHolder';
import { readCurationHistory, readProposalBook } from '../../server/load';
import { openPostgresWrites, type PostgresWrites } from '../../server/store/postgres/openPostgresWrites';
import { writeCurationFolder } from './curationFolder';
import { noClientDir } from './seedApp';
import { extractFixture, TOKEN, type WriteApp } from './writeApp';

export interface PostgresServer extends WriteApp {
  postgres: PostgresWrites;
  errors: unknown[];
}

const opened: PostgresServer[] = [];
afterEach(async () => {
  for (const server of opened.splice(0)) await server.postgres.close();
});

/** A server over a copy of `baseDir` (the curation folder by default), writing to `databaseUrl`. */
export async function postgresServer(databaseUrl: string, baseDir = writeCurationFolder()): Promise<PostgresServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-pg-server-'));
  fs.cpSync(baseDir, dataDir, { recursive: true });
  const store = new GraphSnapshotHolder(snapshotOf(openGraph(dataDir)));
  const errors: unknown[] = [];
  const postgres = await openPostgresWrites({
    connectionString: databaseUrl,
    graphs: store,
    book: readProposalBook(dataDir),
    history: readCurationHistory(dataDir),
    extract: extractFixture,
    dataDir,
    onError: (error) => errors.push(error),
    followIntervalMs: 500,
  });
  const { writes } = postgres;
  const app = createApp({ store, clientDir: noClientDir, writes: { writes, token: TOKEN, rateLimit: false } });
  const server: PostgresServer = {
    app,
    store,
    writes,
    dataDir,
    postgres,
    errors,
    close: () => void postgres.close(),
  };
  opened.push(server);
  return server;
}
