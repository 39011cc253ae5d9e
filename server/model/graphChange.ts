// What one write changed on the served graph, as the incremental update (server/graph/
// applyDelta.ts) reports it: the ids of the entities, relations and claims it touched.
// Data derived from a snapshot (the search index, the edge key index, the claims by
// document) is brought up to date from it instead of being rebuilt from the whole graph.
import type { ResolvedClaim } from './dataset';

export interface GraphChange {
  /** The version the change was applied to: derived data of that version can follow it. */
  from: string;
  /** Entities added, or whose record (name, aliases, type, …) changed. */
  entitiesChanged: string[];
  /** Entities taken off the graph. */
  entitiesRemoved: string[];
  /** Relations added, re-derived from changed claims, and dropped (their last claim gone). */
  edgesAdded: string[];
  edgesChanged: string[];
  edgesRemoved: Array<{ key: string; type: string }>;
  /** Each claim change in order: `before` left the dataset, `after` took its place (or joined). */
  claimChanges: Array<{ before?: ResolvedClaim; after?: ResolvedClaim }>;
  /** Documents added. */
  documentsAdded: string[];
}

export function emptyGraphChange(from: string): GraphChange {
  return {
    from,
    entitiesChanged: [],
    entitiesRemoved: [],
    edgesAdded: [],
    edgesChanged: [],
    edgesRemoved: [],
    claimChanges: [],
    documentsAdded: [],
  };
}

/** True when the change leaves every node, relation and claim as it was (only documents may be new). */
export function graphUnchanged(change: GraphChange): boolean {
  return (
    change.entitiesChanged.length === 0 &&
    change.entitiesRemoved.length === 0 &&
    change.edgesAdded.length === 0 &&
    change.edgesChanged.length === 0 &&
    change.edgesRemoved.length === 0 &&
    change.claimChanges.length === 0
  );
}
