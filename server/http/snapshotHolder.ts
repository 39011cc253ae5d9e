// The graph the API serves, behind one small object: the current snapshot (dataset,
// graph, version) and a way to replace it. Writes and the background layout replace the
// snapshot while requests are in flight, so a route reads `current` once per request and
// never keeps a graph of its own; data derived from a snapshot (search index, metrics) is
// cached here, keyed by its version. A write's snapshot says what it changed
// (GraphSnapshot.change): derived data that knows how to follow a change (an `update` of
// `derived`) is brought up to date, in proportion to the change; the rest (figures of the
// whole graph, serialized graphs) is dropped and computed again when next asked for.
import type { Dataset } from '../model/dataset';
import type { EvidenceGraph, GraphSnapshot, SnapshotHolder } from '../model/evidenceGraph';
import { graphUnchanged, type GraphChange } from '../model/graphChange';

/** Brings a derived value up to date after `change` (in place, or as a new value). */
export type DerivedUpdate<T> = (value: T, change: GraphChange, snapshot: GraphSnapshot) => T;

interface DerivedEntry {
  value: unknown;
  positional: boolean;
  update?: DerivedUpdate<unknown>;
}

export class GraphSnapshotHolder implements SnapshotHolder {
  #current: GraphSnapshot;
  #derivedVersion: string;
  #derived = new Map<string, DerivedEntry>();

  constructor(snapshot: GraphSnapshot) {
    this.#current = snapshot;
    this.#derivedVersion = snapshot.version;
  }

  get current(): GraphSnapshot {
    return this.#current;
  }

  /**
   * Serve `snapshot` from now on. With a change from the current version, derived data
   * is updated (or, without an update, dropped; a change that leaves every node and
   * relation alone, such as a stored document, keeps what does not carry the version);
   * without one, data derived from older versions is dropped.
   */
  replace(snapshot: GraphSnapshot): void {
    const change = snapshot.change;
    this.#current = snapshot;
    if (!change || change.from !== this.#derivedVersion) this.#derived.clear();
    else {
      const unchanged = graphUnchanged(change);
      for (const [name, entry] of this.#derived) {
        if (entry.positional || (!entry.update && !unchanged)) this.#derived.delete(name);
        else if (entry.update && !unchanged) entry.value = entry.update(entry.value, change, snapshot);
      }
    }
    this.#derivedVersion = snapshot.version;
  }

  /**
   * Serve the same data and graph under `version` after only its nodes' positions changed
   * (the background layout finished). Derived data that does not carry positions is kept:
   * at 100k entities, rebuilding the search index and the other indexes then cost a second
   * of CPU and a burst of garbage just when the server should be settling.
   */
  replacePositions(version: string): void {
    this.#current = { dataset: this.#current.dataset, graph: this.#current.graph, version };
    for (const [name, entry] of this.#derived) if (entry.positional) this.#derived.delete(name);
    this.#derivedVersion = version;
  }

  /**
   * `compute(snapshot)`, computed once per version and name. A request that still holds
   * an older snapshot gets a fresh, uncached result rather than polluting the cache.
   * `positional`: the result carries node positions, so replacePositions drops it.
   * `update`: how the value follows a write's change (else the write drops it).
   */
  derived<T>(
    snapshot: GraphSnapshot,
    name: string,
    compute: (snapshot: GraphSnapshot) => T,
    options: { positional?: boolean; update?: DerivedUpdate<T> } = {},
  ): T {
    if (snapshot.version !== this.#derivedVersion) return compute(snapshot);
    const entry = this.#derived.get(name);
    if (entry) return entry.value as T;
    const value = compute(snapshot);
    this.#derived.set(name, {
      value,
      positional: options.positional ?? false,
      update: options.update as DerivedUpdate<unknown> | undefined,
    });
    return value;
  }
}

/** A snapshot of freshly built data; its version is the data's content hash. */
export function snapshotOf(opened: { dataset: Dataset; graph: EvidenceGraph }): GraphSnapshot {
  return { dataset: opened.dataset, graph: opened.graph, version: opened.dataset.contentHash };
}
