// Grows the graph the explorer holds: merges fetched entities and relations into it (what
// is there keeps its position, new items appear), fetches the graph again after the review
// panel accepted a claim, and opens a searched entity that a partial view does not hold
// yet, together with its direct relations.
import type { GraphResponse } from '../../server/model/api';
import type { EvidenceGraph } from '../../server/model/evidenceGraph';
import { fetchGraph, fetchNeighbours } from './api';
import type { Explorer } from './explorer';
import { graphLimit, NEIGHBOURS_PER_OPENING, type PartialView } from './partialView';
import type { Notice } from './ui/notice';

export interface GraphMerging {
  mergeIntoGraph(data: Pick<GraphResponse, 'nodes' | 'edges'>): void;
  /** Fetches the graph again and merges what changed (an accepted claim). */
  refreshGraph(): Promise<void>;
  /** Fetches an entity with its direct relations, merges them and selects it; a failure is shown in the notice. */
  openEntity(id: string): Promise<void>;
}

export function createGraphMerging(
  graph: EvidenceGraph,
  explorer: Explorer,
  notice: Notice,
  partial: PartialView | undefined,
): GraphMerging {
  function mergeIntoGraph(data: Pick<GraphResponse, 'nodes' | 'edges'>): void {
    graph.import({ nodes: data.nodes, edges: data.edges }, true);
    explorer.graphChanged();
  }
  return {
    mergeIntoGraph,
    async refreshGraph() {
      mergeIntoGraph(await fetchGraph(graphLimit(partial)));
    },
    async openEntity(id) {
      try {
        mergeIntoGraph(await fetchNeighbours(id, NEIGHBOURS_PER_OPENING));
        explorer.app.selectNode(id);
      } catch (error) {
        notice.error(error instanceof Error ? error.message : String(error));
      }
    },
  };
}
