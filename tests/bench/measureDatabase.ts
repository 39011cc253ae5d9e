// PostgreSQL as the store, on the largest generated folder, each beside the folder's own
// figure in the same run: `db import` (read + check the folder, COPY into an empty
// database) vs `validate` (load + check + build); and start-up, loading the dataset and
// building the graph, from the database vs from the folder. The database is a throw-away
// cluster (tests/postgres/throwawayCluster.ts), started here and removed at the end.
import pg from 'pg';
import type { LoadResult } from './childTasks';
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
    };
    log(
      `  db import ${(result.importMs / 1000).toFixed(1)} s vs validate ${(result.validateMs / 1000).toFixed(1)} s (${result.importRatio.toFixed(2)}×); load from PostgreSQL ${(result.databaseLoadMs / 1000).toFixed(1)} s vs folder ${(result.folderLoadMs / 1000).toFixed(1)} s (${result.loadRatio.toFixed(2)}×)`,
    );
    return result;
  } finally {
    cluster.stop();
  }
}
