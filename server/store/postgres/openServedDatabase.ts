// For the server: a graph served from PostgreSQL. Loads the dataset (base tables + events),
// hands it to `build` (the same graph, layout and snapshot code as a data folder's), then,
// when someone may write, opens the write path on it (openPostgresWrites.ts: catches up
// from the last event the load read, follows the other servers); otherwise it follows them
// all the same, and a write gets the same "writes are disabled" answer as a read-only folder's.
import type { LoadProblem } from '../../load';
import type { UserRecord } from '../../model/access';
import type { Dataset } from '../../model/dataset';
import type { SnapshotHolder } from '../../model/evidenceGraph';
import type { ExtractArticle } from '../extraction';
import { connectDatabase, describeDatabaseUrl } from './connect';
import { loadDatasetFromDatabase } from './loadDatasetFromDatabase';
import { openPostgresWrites } from './openPostgresWrites';
import type { WriteStore } from '../writeStore';

export interface ServedDatabase<H extends SnapshotHolder> {
  graphs: H;
  writes: WriteStore;
  users: UserRecord[];
  /** "PostgreSQL host:port, database "name"": what start-up messages name. */
  source: string;
  /** Stops following the other servers and closes the store (after the last request). */
  close(): Promise<void>;
}

export interface ServedDatabaseOptions<H extends SnapshotHolder> {
  url: string;
  build: (dataset: Dataset) => H;
  /** Whether writes are on, given the users the database holds (an editor or admin, or a token). */
  writableFor: (users: UserRecord[]) => boolean;
  extract: ExtractArticle;
  /** This server's own folder: the layout cache, and the originals of documents converted here. */
  dataDir: string;
  onWarning?: (problem: LoadProblem) => void;
  /** Told when a catch-up with the other servers fails (the database is down). */
  onFollowError?: (error: unknown) => void;
  followIntervalMs?: number;
}

export async function openServedDatabase<H extends SnapshotHolder>(
  options: ServedDatabaseOptions<H>,
): Promise<ServedDatabase<H>> {
  const { url } = options;
  const source = `PostgreSQL ${describeDatabaseUrl(url)}`;
  const pool = await connectDatabase(url, { max: 2 });
  let loaded;
  try {
    loaded = await loadDatasetFromDatabase(pool, url, { onWarning: options.onWarning });
  } finally {
    await pool.end();
  }
  const graphs = options.build(loaded.dataset);
  // With no writer the server still follows the others, and refuses writes as a read-only folder does.
  const postgres = await openPostgresWrites({
    connectionString: url,
    graphs,
    book: loaded.proposals,
    history: loaded.history,
    extract: options.extract,
    dataDir: options.dataDir,
    lastSeq: loaded.lastSeq,
    onError: options.onFollowError,
    followIntervalMs: options.followIntervalMs,
    followOnly: !options.writableFor(loaded.users),
  });
  return { graphs, writes: postgres.writes, users: loaded.users, source, close: () => postgres.close() };
}
