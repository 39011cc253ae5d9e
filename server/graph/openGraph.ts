// The whole read path in one call: load the data folder (two steps), build the graph,
// and place its nodes (from the layout cache when the data has not changed).
import { loadDataset } from '../load/loadDataset';
import type { Dataset } from '../model/dataset';
import { buildGraph, type EvidenceGraph } from './buildGraph';
import { layoutGraph } from './layout';

export interface OpenedGraph {
  dataset: Dataset;
  graph: EvidenceGraph;
  layoutCached: boolean;
}

export function openGraph(dataDir: string): OpenedGraph {
  const dataset = loadDataset(dataDir);
  const graph = buildGraph(dataset);
  const { cached } = layoutGraph(graph, dataset.contentHash);
  return { dataset, graph, layoutCached: cached };
}
