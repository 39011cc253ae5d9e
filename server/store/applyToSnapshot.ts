// Puts a write on the served graph at once, without a restart and without rebuilding it:
// the dataset and graph are changed in place by server/graph/applyDelta.ts (only the
// records, relations and nodes the write touches; its header says how readers stay
// consistent), and the next snapshot names them under the new version, with the change
// it carries, so the snapshot holder brings the data it derived (search index, edge key
// index, claims by document) up to date rather than rebuilding it.
// applyToSnapshot takes any delta of documents, entities and claims (an entity merge is
// claims changing ends, one entity changed, one removed); the functions below it are the
// deltas of the events the store records today.
import crypto from 'node:crypto';
import { applyDelta, type ClaimState, type GraphDelta } from '../graph/applyDelta';
import { entityChangesOf, type EntityMergeEntry } from '../model/curationEvents';
import type { GraphSnapshot } from '../model/evidenceGraph';
import type { Claim, DocumentRecord, Entity } from '../model/records';

export type { ClaimState, GraphDelta };

/** The next version: a hash of the previous one and the journal line that changed it. */
export function nextVersion(previous: string, journalLine: string): string {
  return crypto.createHash('sha256').update(`${previous}\0${journalLine}`).digest('hex');
}

/**
 * The snapshot after `delta`, under `version`. The previous snapshot's dataset and graph
 * are the same objects, now changed: serve the result at once (SnapshotHolder.replace).
 */
export function applyToSnapshot(snapshot: GraphSnapshot, delta: GraphDelta, version: string): GraphSnapshot {
  const change = applyDelta(snapshot.dataset, snapshot.graph, delta, snapshot.version);
  snapshot.dataset.contentHash = version;
  snapshot.graph.setAttribute('version', version);
  return { dataset: snapshot.dataset, graph: snapshot.graph, version, change };
}

/** A stored document: no node or relation changes. */
export function snapshotWithDocument(
  snapshot: GraphSnapshot,
  document: DocumentRecord,
  version: string,
): GraphSnapshot {
  return applyToSnapshot(snapshot, { documents: [document] }, version);
}

/** Adds an accepted claim (its document already in the dataset) and the entities it created. */
export function snapshotWithClaim(
  snapshot: GraphSnapshot,
  claim: Claim,
  entities: readonly Entity[],
  version: string,
): GraphSnapshot {
  return applyToSnapshot(snapshot, { entities, claims: [{ id: claim.id, after: claim }] }, version);
}

/**
 * Puts one claim in the state a curation event records: `after` replaces it where it
 * stands, joins at the end when it was absent, or (null) leaves it out. Its old relation
 * and its new one are derived again from their claims.
 */
export function snapshotWithClaimState(
  snapshot: GraphSnapshot,
  claimId: string,
  after: Claim | null,
  entities: readonly Entity[],
  version: string,
): GraphSnapshot {
  return applyToSnapshot(snapshot, { entities, claims: [{ id: claimId, after }] }, version);
}

/** Puts an edited entity in place of the old one: its node's attributes and the search index follow. */
export function snapshotWithEntity(snapshot: GraphSnapshot, entity: Entity, version: string): GraphSnapshot {
  return applyToSnapshot(snapshot, { entities: [entity] }, version);
}

/**
 * Puts a merge (or a split) on the graph: the moved claims in the states the event records
 * (where they stand), the survivor's new record, the merged entity taken off (or back on
 * before its claims return), and the merged entity's redirect added (or taken away).
 */
export function snapshotWithMergedEntity(
  snapshot: GraphSnapshot,
  event: EntityMergeEntry,
  version: string,
): GraphSnapshot {
  const changes = entityChangesOf(event);
  const entities = changes.flatMap((change) => (change.after === null ? [] : [change.after]));
  const removedEntities = changes.filter((change) => change.after === null).map((change) => change.entity);
  const claims = event.claims.map((change) => ({ id: change.claim, after: change.after }));
  const next = applyToSnapshot(snapshot, { entities, claims, removedEntities }, version);
  const { redirects } = next.dataset;
  if (event.kind === 'mergeEntities') redirects.set(event.entity, { id: event.entity, into: event.into });
  else redirects.delete(event.entity);
  return next;
}
