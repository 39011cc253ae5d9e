// The dataset a read-only command works on: the data folder, or PostgreSQL when --database
// or CLAIMGRAPH_DATABASE_URL names one. Above this the commands are the same code for both.
import { loadDataset } from '../load/loadDataset';
import type { Dataset } from '../model/dataset';
import { connectDatabase, describeDatabaseUrl } from '../store/postgres/connect';
import { loadDatasetFromDatabase } from '../store/postgres/loadDatasetFromDatabase';

export interface OpenedDataset {
  dataset: Dataset;
  /** The folder, or "PostgreSQL host:port, database "name"": what messages name. */
  source: string;
}

export async function openDataset(dataDir: string, databaseUrl: string | undefined): Promise<OpenedDataset> {
  if (databaseUrl === undefined) return { dataset: loadDataset(dataDir), source: dataDir };
  const pool = await connectDatabase(databaseUrl, { max: 1 });
  try {
    const { dataset } = await loadDatasetFromDatabase(pool, databaseUrl);
    return { dataset, source: `PostgreSQL ${describeDatabaseUrl(databaseUrl)}` };
  } finally {
    await pool.end();
  }
}
