// The whole read path in one call: load the data folder (two steps), build the graph,
// and place its nodes (as the folder's layout.json gives them, or from the layout cache
// when the data has not changed). With
// `backgroundLayout` a large graph is returned at once with its start positions while
// ForceAtlas2 runs in a worker thread (`layout.ready`); the server uses that. With
// `startupCache` the dataset comes from the start-up cache when it holds the folder's
// files as they are now (startup/startupCache.ts), and the caller may write it later.
import { loadDataset } from '../load/loadDataset';
import type { Dataset } from '../model/dataset';
import type { EvidenceGraph } from '../model/evidenceGraph';
import { buildGraph, buildGraphOfGroups } from './buildGraph';
import { layoutGraph, startLayout, type LayoutTask } from './layout';
import { readStartupCache, type StartupCache } from './startup/startupCache';

export interface OpenedGraph {
  dataset: Dataset;
  graph: EvidenceGraph;
  layoutCached: boolean;
  layout: LayoutTask;
  /** With the `startupCache` option: the folder's key and cache file, and whether the dataset came from it. */
  startup?: Pick<StartupCache, 'file' | 'key'> & { fromCache: boolean };
}

export interface OpenGraphOptions {
  /** Lay out graphs above LAYOUT_IN_WORKER_ABOVE nodes in a worker thread instead of before returning. */
  backgroundLayout?: boolean;
  /** Read the dataset from the start-up cache when it is the folder's; told why a damaged cache was ignored. */
  startupCache?: { onCorrupt: (message: string) => void };
}

export function openGraph(dataDir: string, options: OpenGraphOptions = {}): OpenedGraph {
  if (!options.startupCache) return openGraphOf(loadDataset(dataDir), dataDir, options);
  const { onCorrupt } = options.startupCache;
  const { file, key, dataset, groups } = readStartupCache(dataDir, onCorrupt);
  let graph: EvidenceGraph | undefined;
  if (dataset && groups)
    try {
      graph = buildGraphOfGroups(dataset, groups);
    } catch (error) {
      onCorrupt(
        `claimgraph: warning: ignoring the start-up cache ${file}: its relations do not fit its dataset (${(error as Error).message}); loading the data folder`,
      );
    }
  const opened = graph
    ? placeGraph(dataset!, graph, dataDir, options)
    : openGraphOf(loadDataset(dataDir), dataDir, options);
  return { ...opened, startup: { file, key, fromCache: graph !== undefined } };
}

/**
 * The same from a dataset already loaded (from PostgreSQL, say); `dataDir` is the folder
 * whose `.claimgraph/layouts/` caches its layout (a database-backed server's data folder).
 */
export function openGraphOf(dataset: Dataset, dataDir: string, options: OpenGraphOptions = {}): OpenedGraph {
  return placeGraph(dataset, buildGraph(dataset), dataDir, options);
}

function placeGraph(dataset: Dataset, graph: EvidenceGraph, dataDir: string, options: OpenGraphOptions): OpenedGraph {
  if (options.backgroundLayout) {
    const layout = startLayout(graph, dataDir, dataset.contentHash, { given: dataset.positions });
    return { dataset, graph, layoutCached: layout.cached, layout };
  }
  const { positions, cached } = layoutGraph(graph, dataDir, dataset.contentHash, dataset.positions);
  return {
    dataset,
    graph,
    layoutCached: cached,
    layout: { cached, preliminary: false, ready: Promise.resolve(positions), cancel: () => {} },
  };
}
