// The evidence graph's one type and one factory, for the server and the client alike: a
// mixed multigraph (undirected edge types are undirected edges; an entity may relate to
// itself) whose nodes and edges carry the attributes declared in graph.ts. Kept apart
// from graph.ts because that file holds zod schemas: the client calls this factory, and
// importing a value from graph.ts would ship zod to the browser.
import type Graph from 'graphology';
import type { Dataset } from './dataset';
import type { EdgeAttributes, NodeAttributes } from './graph';
import type { GraphChange } from './graphChange';
import { KeySafeGraph } from './keySafeGraph';

export interface EvidenceGraphAttributes {
  name: string;
  /** The dataset's content hash: changes whenever the data does. */
  version: string;
}

export type EvidenceGraph = Graph<NodeAttributes, EdgeAttributes, EvidenceGraphAttributes>;

/** An empty evidence graph with the options every graph of claimgraph has; key-safe, as entity ids are the data's ("constructor" is one). */
export function createEvidenceGraph(): EvidenceGraph {
  return new KeySafeGraph<NodeAttributes, EdgeAttributes, EvidenceGraphAttributes>({
    type: 'mixed',
    multi: true,
    allowSelfLoops: true,
  });
}

/** The served graph at one version: the dataset, the graph built from it, and the version. */
export interface GraphSnapshot {
  dataset: Dataset;
  graph: EvidenceGraph;
  /** Changes whenever the data does; ETags and derived-data caches are keyed by it. */
  version: string;
  /**
   * What changed from the version before, when the snapshot was made by changing that
   * one's dataset and graph in place (server/store/applyToSnapshot.ts): the holder then
   * brings the data it derived up to date from it. Absent for a freshly built snapshot.
   */
  change?: GraphChange;
}

/** Where the current snapshot is read and the next one installed (by the write store, and by the layout when it finishes). */
export interface SnapshotHolder {
  readonly current: GraphSnapshot;
  /** Serve `snapshot` from now on (its `change`, when set, says what moved since the current one). */
  replace(snapshot: GraphSnapshot): void;
}
