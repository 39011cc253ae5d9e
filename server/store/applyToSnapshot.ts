// Puts a write on the served graph at once, without a restart: a new snapshot is built
// beside the current one (copy on write, so a request in flight keeps a consistent view)
// and then swapped in. Nodes keep their positions, so the picture does not jump; a new
// node is placed beside its first placed neighbour, deterministically.
import crypto from 'node:crypto';
import { buildGraph } from '../graph/buildGraph';
import { entityChangesOf, type EntityMergeEntry } from '../model/curationEvents';
import type { Dataset, ResolvedClaim } from '../model/dataset';
import type { EvidenceGraph, GraphSnapshot } from '../model/evidenceGraph';
import type { Claim, DocumentRecord, Entity } from '../model/records';

/** The next version: a hash of the previous one and the journal line that changed it. */
export function nextVersion(previous: string, journalLine: string): string {
  return crypto.createHash('sha256').update(`${previous}\0${journalLine}`).digest('hex');
}

export function snapshotWithDocument(
  snapshot: GraphSnapshot,
  document: DocumentRecord,
  version: string,
): GraphSnapshot {
  const dataset: Dataset = {
    ...snapshot.dataset,
    documents: new Map(snapshot.dataset.documents).set(document.id, document),
    contentHash: version,
  };
  // The graph's items do not change, so it is not copied (a second at 20k entities): only
  // its version attribute moves, in one assignment, for every snapshot that shares it.
  snapshot.graph.setAttribute('version', version);
  return { dataset, graph: snapshot.graph, version };
}

/** Adds an accepted claim (its document already in the dataset) and the entities it created. */
export function snapshotWithClaim(
  snapshot: GraphSnapshot,
  claim: Claim,
  entities: readonly Entity[],
  version: string,
): GraphSnapshot {
  const previous = snapshot.dataset;
  const entityMap = new Map(previous.entities);
  for (const entity of entities) entityMap.set(entity.id, entity);
  const dataset: Dataset = {
    ...previous,
    entities: entityMap,
    claims: [...previous.claims, resolveClaim(claim, previous)],
    contentHash: version,
  };
  const graph = buildGraph(dataset);
  keepPositions(snapshot.graph, graph);
  return { dataset, graph, version };
}

/** The claim with the offsets of its quote: at its quoteStart, or its first occurrence. */
function resolveClaim(claim: Claim, dataset: Dataset): ResolvedClaim {
  const resolved: ResolvedClaim = { ...claim };
  const document = claim.document !== undefined ? dataset.documents.get(claim.document) : undefined;
  if (document && claim.quote !== undefined) {
    const start = claim.quoteStart ?? document.text.indexOf(claim.quote);
    if (start !== -1) Object.assign(resolved, { quoteStart: start, quoteEnd: start + claim.quote.length });
  }
  return resolved;
}

/**
 * Puts one claim in the state a curation event records: `after` replaces it where it
 * stands, joins at the end when it was absent, or (null) leaves it out. Its old edge and
 * its new one are both derived again, with every other edge, by building the graph anew.
 */
export function snapshotWithClaimState(
  snapshot: GraphSnapshot,
  claimId: string,
  after: Claim | null,
  entities: readonly Entity[],
  version: string,
): GraphSnapshot {
  const previous = snapshot.dataset;
  const entityMap = new Map(previous.entities);
  for (const entity of entities) entityMap.set(entity.id, entity);
  const position = previous.claims.findIndex((c) => c.id === claimId);
  const claims = [...previous.claims];
  if (after === null) {
    if (position !== -1) claims.splice(position, 1);
  } else if (position !== -1) claims[position] = resolveClaim(after, previous);
  else claims.push(resolveClaim(after, previous));
  const dataset: Dataset = { ...previous, entities: entityMap, claims, contentHash: version };
  const graph = buildGraph(dataset);
  keepPositions(snapshot.graph, graph);
  return { dataset, graph, version };
}

/**
 * Puts an edited entity in place of the old one. Its node's attributes (name, type, …)
 * and the search index built from the snapshot follow, by building the graph anew.
 */
export function snapshotWithEntity(snapshot: GraphSnapshot, entity: Entity, version: string): GraphSnapshot {
  const previous = snapshot.dataset;
  const dataset: Dataset = {
    ...previous,
    entities: new Map(previous.entities).set(entity.id, entity),
    contentHash: version,
  };
  const graph = buildGraph(dataset);
  keepPositions(snapshot.graph, graph);
  return { dataset, graph, version };
}

/**
 * Puts a merge (or a split) on the graph: the entities and moved claims in the states the
 * event records, moved claims where they stand, and the merged entity's redirect added
 * (or taken away). The edges of both entities are derived again by building the graph anew.
 */
export function snapshotWithMergedEntity(
  snapshot: GraphSnapshot,
  event: EntityMergeEntry,
  version: string,
): GraphSnapshot {
  const previous = snapshot.dataset;
  const entities = new Map(previous.entities);
  for (const change of entityChangesOf(event)) {
    if (change.after === null) entities.delete(change.entity);
    else entities.set(change.entity, change.after);
  }
  const moved = new Map(event.claims.map((change) => [change.claim, change.after]));
  const claims = previous.claims.map((claim) => {
    const after = moved.get(claim.id);
    return after ? resolveClaim(after, previous) : claim;
  });
  const redirects = new Map(previous.redirects);
  if (event.kind === 'mergeEntities') redirects.set(event.entity, { id: event.entity, into: event.into });
  else redirects.delete(event.entity);
  const dataset: Dataset = { ...previous, entities, claims, redirects, contentHash: version };
  const graph = buildGraph(dataset);
  keepPositions(snapshot.graph, graph);
  return { dataset, graph, version };
}

function hashUnit(text: string, salt: string): number {
  return crypto.createHash('sha256').update(`${salt}\0${text}`).digest().readUInt32BE(0) / 0x100000000;
}

/** Copies positions from `before`; places each new node near a placed neighbour, or inside the picture's bounds. */
export function keepPositions(before: EvidenceGraph, after: EvidenceGraph): void {
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  before.forEachNode((_node, { x, y }) => {
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  });
  if (!Number.isFinite(minX)) [minX, maxX, minY, maxY] = [-10, 10, -10, 10];
  const spread = Math.max(1, (maxX - minX + maxY - minY) / 20);

  const placed = new Set<string>();
  after.forEachNode((node) => {
    if (!before.hasNode(node)) return;
    const { x, y } = before.getNodeAttributes(node);
    after.mergeNodeAttributes(node, { x, y });
    placed.add(node);
  });
  for (const node of after.nodes().sort()) {
    if (placed.has(node)) continue;
    const anchor = after
      .neighbors(node)
      .sort()
      .find((neighbour) => placed.has(neighbour));
    const angle = hashUnit(node, 'angle') * 2 * Math.PI;
    const point = anchor
      ? {
          x: after.getNodeAttribute(anchor, 'x') + Math.cos(angle) * spread,
          y: after.getNodeAttribute(anchor, 'y') + Math.sin(angle) * spread,
        }
      : { x: minX + hashUnit(node, 'x') * (maxX - minX), y: minY + hashUnit(node, 'y') * (maxY - minY) };
    after.mergeNodeAttributes(node, { x: Math.round(point.x * 1000) / 1000, y: Math.round(point.y * 1000) / 1000 });
    placed.add(node);
  }
}
