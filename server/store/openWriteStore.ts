// Opens a data folder for writing outside the server (the CLI's `ingest` and `curate`),
// refused while a server serves it (its lock, or a read-only server's mark: readerMarks.ts):
// loads the dataset with its journal, builds the graph (no layout: the CLI does not draw it) and
// opens the write store on it. The server does the same with its own GraphSnapshotHolder.
import { buildGraph } from '../graph/buildGraph';
import { claimIndexOf } from '../graph/claimIndex';
import { formatProblem, loadDataset, type LoadProblem } from '../load';
import type { GraphSnapshot, SnapshotHolder } from '../model/evidenceGraph';
import type { ExtractArticle } from './extraction';
import { refuseWhileServed } from './readerMarks';
import { WriteStore } from './writeStore';

/** The simplest holder of the current snapshot. */
export class SnapshotBox implements SnapshotHolder {
  constructor(public current: GraphSnapshot) {}
  replace(snapshot: GraphSnapshot): void {
    this.current = snapshot;
  }
}

export function openWriteStore(
  dataDir: string,
  extract: ExtractArticle,
  onWarning?: (problem: LoadProblem) => void,
): { store: WriteStore; graphs: SnapshotBox } {
  const load = () => {
    const dataset = loadDataset(dataDir, { onWarning });
    return new SnapshotBox({ dataset, graph: buildGraph(dataset), version: dataset.contentHash });
  };
  refuseWhileServed(dataDir);
  const { graphs, writes } = openServedDataFolder(dataDir, true, load, extract, onWarning);
  return { store: writes, graphs };
}

/**
 * For the server: with writes on, take the lock and cut a torn journal tail first (so it
 * is reported once), then load through `load`, then attach the write store to what it
 * loaded. With writes off, nothing in the data folder is created or changed.
 */
export function openServedDataFolder<H extends SnapshotHolder>(
  dataDir: string,
  writable: boolean,
  load: () => H,
  extract: ExtractArticle,
  onWarning: (problem: LoadProblem) => void = (problem) =>
    console.warn(`claimgraph: warning: ${formatProblem(problem)}`),
): { graphs: H; writes: WriteStore } {
  if (!writable) {
    const graphs = load();
    return { graphs, writes: WriteStore.openReadOnly({ dataDir, graphs }) };
  }
  let graphs: H | undefined;
  const deferred: SnapshotHolder = {
    get current() {
      if (!graphs) throw new Error('openServedDataFolder: the dataset is not loaded yet');
      return graphs.current;
    },
    replace: (snapshot) => graphs!.replace(snapshot),
  };
  const writes = WriteStore.open({ dataDir, graphs: deferred, extract, onWarning });
  try {
    graphs = load();
  } catch (error) {
    writes.close();
    throw error;
  }
  // The claims by id, built now rather than by the first write (about a second at a million claims).
  claimIndexOf(graphs.current.dataset);
  return { graphs, writes };
}
