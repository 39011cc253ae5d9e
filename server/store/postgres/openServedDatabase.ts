// For the server: a graph served from PostgreSQL. Loads the dataset (base tables + events),
// hands it to `build` (the same graph, layout and snapshot code as a data folder's) and
// opens the store on it read-only: the review queue, the history and the users as the
// database has them; a write is refused with the same "writes are off" answer as a
// read-only folder's until PostgreSQL's write path is there.
import type { LoadProblem } from '../../load';
import type { UserRecord } from '../../model/access';
import type { Dataset } from '../../model/dataset';
import type { SnapshotHolder } from '../../model/evidenceGraph';
import { WriteStore } from '../writeStore';
import { connectDatabase, describeDatabaseUrl } from './connect';
import { loadDatasetFromDatabase } from './loadDatasetFromDatabase';

export interface ServedDatabase<H extends SnapshotHolder> {
  graphs: H;
  writes: WriteStore;
  users: UserRecord[];
  /** "PostgreSQL host:port, database "name"": what start-up messages name. */
  source: string;
}

export async function openServedDatabase<H extends SnapshotHolder>(
  url: string,
  build: (dataset: Dataset) => H,
  onWarning?: (problem: LoadProblem) => void,
): Promise<ServedDatabase<H>> {
  const pool = await connectDatabase(url, { max: 2 });
  try {
    const loaded = await loadDatasetFromDatabase(pool, url, { onWarning });
    const graphs = build(loaded.dataset);
    const writes = WriteStore.openReadOnlyWith({
      dataDir: loaded.dataset.dataDir,
      graphs,
      book: loaded.proposals,
      history: loaded.history,
    });
    return { graphs, writes, users: loaded.users, source: `PostgreSQL ${describeDatabaseUrl(url)}` };
  } finally {
    await pool.end();
  }
}
