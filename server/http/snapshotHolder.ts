// The graph the API serves, behind one small object: the current snapshot (dataset,
// graph, version) and a way to replace it. Writes and the background layout replace the
// snapshot while requests are in flight, so a route reads `current` once per request and
// never keeps a graph of its own; data derived from a snapshot (search index, metrics) is
// cached here, keyed by its version.
import type { Dataset } from '../model/dataset';
import type { EvidenceGraph, GraphSnapshot, SnapshotHolder } from '../model/evidenceGraph';

export class GraphSnapshotHolder implements SnapshotHolder {
  #current: GraphSnapshot;
  #derivedVersion: string;
  #derived = new Map<string, unknown>();
  /** Names of derived data that carry node positions (see `derived`). */
  #positional = new Set<string>();

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
    this.#positional.clear();
    this.#derivedVersion = snapshot.version;
  }

  /**
   * Serve `snapshot`, which holds the current graph object with a new dataset beside it
   * (a stored document: the graph's items are the same, only its version attribute moved).
   * Derived data that carries positions (the serialized graphs, which also carry the
   * version) is dropped; the indexes of the graph's structure are kept: at 20k entities,
   * copying the graph and rebuilding them would hold the event loop for seconds.
   */
  replaceDataset(snapshot: GraphSnapshot): void {
    if (snapshot.graph !== this.#current.graph) {
      this.replace(snapshot);
      return;
    }
    this.#current = snapshot;
    for (const name of this.#positional) this.#derived.delete(name);
    this.#positional.clear();
    this.#derivedVersion = snapshot.version;
  }

  /**
   * Serve the same data and graph under `version` after only its nodes' positions changed
   * (the background layout finished). Derived data that does not carry positions is kept:
   * at 100k entities, rebuilding the search index and the other indexes then cost a second
   * of CPU and a burst of garbage just when the server should be settling.
   */
  replacePositions(version: string): void {
    this.#current = { ...this.#current, version };
    for (const name of this.#positional) this.#derived.delete(name);
    this.#positional.clear();
    this.#derivedVersion = version;
  }

  /**
   * `compute(snapshot)`, computed once per version and name. A request that still holds
   * an older snapshot gets a fresh, uncached result rather than polluting the cache.
   * `positional`: the result carries node positions, so replacePositions drops it.
   */
  derived<T>(
    snapshot: GraphSnapshot,
    name: string,
    compute: (snapshot: GraphSnapshot) => T,
    options: { positional?: boolean } = {},
  ): T {
    if (snapshot.version !== this.#derivedVersion) return compute(snapshot);
    if (this.#derived.has(name)) return this.#derived.get(name) as T;
    const value = compute(snapshot);
    this.#derived.set(name, value);
    if (options.positional) this.#positional.add(name);
    return value;
  }
}

/** A snapshot of freshly built data; its version is the data's content hash. */
export function snapshotOf(opened: { dataset: Dataset; graph: EvidenceGraph }): GraphSnapshot {
  return { dataset: opened.dataset, graph: opened.graph, version: opened.dataset.contentHash };
}
