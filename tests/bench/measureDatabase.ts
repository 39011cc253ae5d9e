// PostgreSQL as the store, on the largest generated folder, each beside the folder's own
// figure in the same run: `db import` (read + check the folder, COPY into an empty
// database) vs `validate` (load + check + build); and start-up, loading the dataset and
// building the graph, from the database vs from the folder. The database is a throw-away
// cluster (tests/postgres/throwawayCluster.ts), started here and removed at the end. Then
// writes: a server on the imported database takes add, correct and retract one at a time,
// each p99 beside a bare `BEGIN; INSERT …; COMMIT` of one event row on the same cluster in
// the same run (a write on PostgreSQL can be no faster than committing its row).
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { scratchDir } from './benchPaths';
import type { LoadResult } from './childTasks';
import { startServerUnderTest } from './measureServer';
import { figures, SEQUENTIAL_WRITES, sequentialWriteRows, someClaims, TOKEN } from './measureWrites';
import type { LatencyFigures, WriteRow } from './measureWrites';
import { runChild } from './runChild';
import { startThrowawayCluster } from '../postgres/throwawayCluster';

export interface DatabaseResult {
  /** `validate`'s work on the folder: read, check, build. */
  validateMs: number;
  importMs: number;
  /** import ÷ validate; the aim is below 2. */
  importRatio: number;
  folderLoadMs: number;
  databaseLoadMs: number;
  /** load from the database ÷ load from the folder. */
  loadRatio: number;
  databaseBytes: number;
  /** One event row inserted and committed, as a bare client does it. */
  bareInsert?: LatencyFigures;
  /** Add, correct, retract on a server on the database, each p99 ÷ bareInsert's p99. */
  writes?: WriteRow[];
}

/** `BEGIN; INSERT one event-sized JSON row; COMMIT`, `count` times, each timed from BEGIN to COMMIT's answer. */
async function bareInsertCommit(url: string, count: number): Promise<LatencyFigures> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('CREATE TABLE bench_bare_events (seq bigserial PRIMARY KEY, body jsonb NOT NULL)');
    const body = JSON.stringify({ kind: 'correctClaim', at: new Date().toISOString(), pad: 'x'.repeat(400) });
    const samples: number[] = [];
    for (let i = 0; i < count; i++) {
      const started = performance.now();
      await client.query('BEGIN');
      await client.query('INSERT INTO bench_bare_events (body) VALUES ($1)', [body]);
      await client.query('COMMIT');
      samples.push(performance.now() - started);
    }
    await client.query('DROP TABLE bench_bare_events');
    return figures(samples);
  } finally {
    await client.end();
  }
}

/** A server on the database (its own empty --data folder), add/correct/retract on it, and the bare commit beside them. */
async function databaseWrites(
  url: string,
  dir: string,
  log: (line: string) => void,
): Promise<{ bareInsert: LatencyFigures; writes: WriteRow[] }> {
  const ownFolder = path.join(scratchDir, `database-server-${process.pid}`);
  fs.rmSync(ownFolder, { recursive: true, force: true });
  fs.mkdirSync(ownFolder, { recursive: true });
  const claims = someClaims(dir, 3 * SEQUENTIAL_WRITES);
  const server = await startServerUnderTest(ownFolder, 'a', 0, {
    CLAIMGRAPH_DATABASE_URL: url,
    CLAIMGRAPH_TOKEN: TOKEN,
    CLAIMGRAPH_WRITE_RATE_LIMIT: '0',
  });
  try {
    const bareInsert = await bareInsertCommit(url, 1000);
    log(`  bare BEGIN; INSERT; COMMIT: p50 ${bareInsert.p50Ms} ms, p99 ${bareInsert.p99Ms} ms`);
    return { bareInsert, writes: await sequentialWriteRows(server.url, claims, bareInsert, log) };
  } finally {
    await server.stop();
    fs.rmSync(ownFolder, { recursive: true, force: true });
  }
}

async function createDatabase(clusterUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: clusterUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(clusterUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function databaseSize(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return Number((await client.query('SELECT pg_database_size(current_database()) AS n')).rows[0].n);
  } finally {
    await client.end();
  }
}

export async function measureDatabase(dir: string, log: (line: string) => void): Promise<DatabaseResult> {
  const cluster = await startThrowawayCluster();
  try {
    const url = await createDatabase(cluster.url, 'claimgraph_bench');
    const validate = await runChild<LoadResult>('load', [dir]);
    const imported = await runChild<{ importMs: number }>('db-import', [dir, url]);
    const fromDatabase = await runChild<LoadResult>('db-load', [url]);
    const fromFolder = await runChild<LoadResult>('load', [dir]);
    const result: DatabaseResult = {
      validateMs: validate.totalMs,
      importMs: imported.importMs,
      importRatio: imported.importMs / validate.totalMs,
      folderLoadMs: fromFolder.totalMs,
      databaseLoadMs: fromDatabase.totalMs,
      loadRatio: fromDatabase.totalMs / fromFolder.totalMs,
      databaseBytes: await databaseSize(url),
      ...(await databaseWrites(url, dir, log)),
    };
    log(
      `  db import ${(result.importMs / 1000).toFixed(1)} s vs validate ${(result.validateMs / 1000).toFixed(1)} s (${result.importRatio.toFixed(2)}×); load from PostgreSQL ${(result.databaseLoadMs / 1000).toFixed(1)} s vs folder ${(result.folderLoadMs / 1000).toFixed(1)} s (${result.loadRatio.toFixed(2)}×)`,
    );
    return result;
  } finally {
    cluster.stop();
  }
}
