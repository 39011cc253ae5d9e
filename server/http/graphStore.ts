// The graph the API serves, behind one small object: the current snapshot (dataset,
// graph, version) and a way to replace it. A later issue adds live writes, so routes
// must read `store.current` once per request and never keep a graph of their own; data
// derived from a snapshot (search index, metrics) is cached here, keyed by its version.
import type { EvidenceGraph } from '../graph/buildGraph';
import type { Dataset } from '../model/dataset';

export interface GraphSnapshot {
  dataset: Dataset;
  graph: EvidenceGraph;
  /** Changes whenever the data does; ETags and derived-data caches are keyed by it. */
  version: string;
}

export class GraphStore {
  #current: GraphSnapshot;
  #derivedVersion: string;
  #derived = new Map<string, unknown>();

  constructor(snapshot: GraphSnapshot) {
    this.#current = snapshot;
    this.#derivedVersion = snapshot.version;
  }

  get current(): GraphSnapshot {
    return this.#current;
  }

  /** Serve `snapshot` from now on; data derived from older versions is dropped. */
  replace(snapshot: GraphSnapshot): void {
    this.#current = snapshot;
    this.#derived.clear();
    this.#derivedVersion = snapshot.version;
  }

  /**
   * `compute(snapshot)`, computed once per version and name. A request that still holds
   * an older snapshot gets a fresh, uncached result rather than polluting the cache.
   */
  derived<T>(snapshot: GraphSnapshot, name: string, compute: (snapshot: GraphSnapshot) => T): T {
    if (snapshot.version !== this.#derivedVersion) return compute(snapshot);
    if (this.#derived.has(name)) return this.#derived.get(name) as T;
    const value = compute(snapshot);
    this.#derived.set(name, value);
    return value;
  }
}

/** A snapshot of freshly built data; its version is the data's content hash. */
export function snapshotOf(opened: { dataset: Dataset; graph: EvidenceGraph }): GraphSnapshot {
  return { dataset: opened.dataset, graph: opened.graph, version: opened.dataset.contentHash };
}
