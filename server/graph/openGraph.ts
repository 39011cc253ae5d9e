// The whole read path in one call: load the data folder (two steps), build the graph,
// and place its nodes (as the folder's layout.json gives them, or from the layout cache
// when the data has not changed). With
// `backgroundLayout` a large graph is returned at once with its start positions while
// ForceAtlas2 runs in a worker thread (`layout.ready`); the server uses that.
import { loadDataset } from '../load/loadDataset';
import type { Dataset } from '../model/dataset';
import type { EvidenceGraph } from '../model/evidenceGraph';
import { buildGraph } from './buildGraph';
import { layoutGraph, startLayout, type LayoutTask } from './layout';

export interface OpenedGraph {
  dataset: Dataset;
  graph: EvidenceGraph;
  layoutCached: boolean;
  layout: LayoutTask;
}

export interface OpenGraphOptions {
  /** Lay out graphs above LAYOUT_IN_WORKER_ABOVE nodes in a worker thread instead of before returning. */
  backgroundLayout?: boolean;
}

export function openGraph(dataDir: string, options: OpenGraphOptions = {}): OpenedGraph {
  return openGraphOf(loadDataset(dataDir), dataDir, options);
}

/**
 * The same from a dataset already loaded (from PostgreSQL, say); `dataDir` is the folder
 * whose `.claimgraph/layouts/` caches its layout (a database-backed server's data folder).
 */
export function openGraphOf(dataset: Dataset, dataDir: string, options: OpenGraphOptions = {}): OpenedGraph {
  const graph = buildGraph(dataset);
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
