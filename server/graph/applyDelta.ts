// Applies one write to the served dataset and graph in place, touching only what it
// changes: the documents and entities it names, the claims it puts in a new state, the
// relations those claims belong to (each re-derived from its own claims: status, count,
// documents, dates), the degrees of their ends, and new nodes' positions. Its cost is the
// size of the change plus the claims of the touched relations, not the size of the graph;
// the graph it leaves is the one buildGraph would build from the resulting dataset (the
// same nodes, relations and attributes; tests/unit/graph/applyDelta.test.ts replays random
// writes both ways), except positions: nodes keep theirs, new ones are placed near their
// neighbours (placeNewNodes.ts).
//
// Published attribute objects are never changed in place: a touched node or relation gets
// a new attributes object. Readers that span event-loop turns (streamed exports) take the
// nodes and relations they will read in one synchronous step at their start
// (queries/filterGraph.ts), and so keep reading the version they began on while later
// writes land. Every other reader runs in one turn, and a write runs whole in one turn, so
// no reader ever sees half of a write.
//
// A delta is general: a merge of two entities is claims changing subject or object, one
// entity changed and one removed (its claims moved first, so it has no relation left).
import type { Dataset, ResolvedClaim } from '../model/dataset';
import type { EvidenceGraph } from '../model/evidenceGraph';
import type { EdgeClaim } from '../model/graph';
import { emptyGraphChange, type GraphChange } from '../model/graphChange';
import type { Claim, DocumentRecord, Entity } from '../model/records';
import { edgeAttributesFromClaims, nodeAttributesOf, nodeSizeForDegree, toEdgeClaim } from './buildGraph';
import { claimIndexOf, positionByRank, type ClaimIndex } from './claimIndex';
import { edgeKey } from './groupClaims';
import { placeNewNodes, unplaceNode } from './placeNewNodes';

/** One claim's new state: `after` replaces the claim where it stands, joins at the end when absent, or (null) leaves. */
export interface ClaimState {
  id: string;
  after: Claim | null;
}

export interface GraphDelta {
  documents?: readonly DocumentRecord[];
  /** Entities added or changed, whole records. */
  entities?: readonly Entity[];
  claims?: readonly ClaimState[];
  /** Entities taken off the graph, after the claim changes (no live claim may still name them). */
  removedEntities?: readonly string[];
}

/** The claims of one relation to take out (by id) and to put in (by rank). */
interface EdgeWork {
  key: string;
  type: string;
  directed: boolean;
  source: string;
  target: string;
  removed: Set<string>;
  added: Map<string, ResolvedClaim>;
}

/** The claim with the offsets of its quote: at its quoteStart, or its first occurrence. */
export function resolveClaim(claim: Claim, dataset: Pick<Dataset, 'documents'>): ResolvedClaim {
  const resolved: ResolvedClaim = { ...claim };
  const document = claim.document !== undefined ? dataset.documents.get(claim.document) : undefined;
  if (document && claim.quote !== undefined) {
    const start = claim.quoteStart ?? document.text.indexOf(claim.quote);
    if (start !== -1) Object.assign(resolved, { quoteStart: start, quoteEnd: start + claim.quote.length });
  }
  return resolved;
}

/** Changes `dataset` and `graph` in place; `from` is the version they had. */
export function applyDelta(dataset: Dataset, graph: EvidenceGraph, delta: GraphDelta, from: string): GraphChange {
  const change = emptyGraphChange(from);
  for (const document of delta.documents ?? []) {
    if (!dataset.documents.has(document.id)) change.documentsAdded.push(document.id);
    dataset.documents.set(document.id, document);
  }
  const added: string[] = [];
  for (const entity of delta.entities ?? []) if (putEntity(dataset, graph, entity)) added.push(entity.id);
  change.entitiesChanged.push(...(delta.entities ?? []).map((e) => e.id));
  const work = putClaims(dataset, delta.claims ?? [], change);
  const ends = new Set<string>();
  for (const edge of work.values()) rederiveEdge(graph, dataset, edge, change, ends);
  for (const id of delta.removedEntities ?? []) {
    removeEntity(dataset, graph, id);
    ends.delete(id);
    change.entitiesRemoved.push(id);
  }
  for (const node of ends) refreshDegree(graph, node);
  placeNewNodes(
    graph,
    added.filter((id) => graph.hasNode(id)),
  );
  return change;
}

/** Adds the entity's node, or gives the node its new record (keeping degree and position). True when added. */
function putEntity(dataset: Dataset, graph: EvidenceGraph, entity: Entity): boolean {
  dataset.entities.set(entity.id, entity);
  const attributes = nodeAttributesOf(entity, dataset);
  if (!graph.hasNode(entity.id)) {
    graph.addNode(entity.id, attributes);
    return true;
  }
  const { degree, size, x, y } = graph.getNodeAttributes(entity.id);
  graph.replaceNodeAttributes(entity.id, { ...attributes, degree, size, x, y });
  return false;
}

function removeEntity(dataset: Dataset, graph: EvidenceGraph, id: string): void {
  if (graph.hasNode(id)) {
    if (graph.degree(id) > 0)
      throw new Error(`applyDelta: entity "${id}" still has ${graph.degree(id)} relation(s); move its claims first`);
    unplaceNode(graph, id);
    graph.dropNode(id);
  }
  dataset.entities.delete(id);
}

/** Puts each claim in its new state in dataset.claims and the claim index; returns the relations to re-derive. */
function putClaims(dataset: Dataset, states: readonly ClaimState[], change: GraphChange): Map<string, EdgeWork> {
  const index = claimIndexOf(dataset);
  const work = new Map<string, EdgeWork>();
  const workFor = (claim: Claim): EdgeWork => {
    const edgeType = dataset.vocabulary.edgeTypes.get(claim.type);
    if (!edgeType) throw new Error(`applyDelta: unknown edge type "${claim.type}" in claim "${claim.id}"`);
    const key = edgeKey(claim.subject, claim.type, claim.object, edgeType.directed);
    let edge = work.get(key);
    if (!edge) {
      const inOrder = edgeType.directed || claim.subject <= claim.object;
      edge = {
        key,
        type: claim.type,
        directed: edgeType.directed,
        source: inOrder ? claim.subject : claim.object,
        target: inOrder ? claim.object : claim.subject,
        removed: new Set(),
        added: new Map(),
      };
      work.set(key, edge);
    }
    return edge;
  };
  for (const { id, after } of states) {
    const before = index.byId.get(id);
    if (before) {
      const edge = workFor(before);
      if (!edge.added.delete(id)) edge.removed.add(id);
    }
    const resolved = after === null ? undefined : resolveClaim(after, dataset);
    placeClaim(dataset, index, id, before, resolved);
    if (resolved) workFor(resolved).added.set(id, resolved);
    if (before || resolved) change.claimChanges.push({ before, after: resolved });
  }
  return work;
}

/** dataset.claims and the index after one claim change: replaced where it stands, joined at the end, or taken out. */
function placeClaim(
  dataset: Dataset,
  index: ClaimIndex,
  id: string,
  before: ResolvedClaim | undefined,
  after: ResolvedClaim | undefined,
): void {
  const claims = dataset.claims;
  if (before) {
    const position = positionOfLive(claims, index, index.rank.get(id)!);
    if (claims[position] !== before) throw new Error(`applyDelta: the claim index lost claim "${id}"`);
    if (after) claims[position] = after;
    else {
      claims.splice(position, 1);
      index.rank.delete(id);
      index.byId.delete(id);
    }
  } else if (after) {
    claims.push(after);
    index.rank.set(id, index.nextRank++);
  }
  if (after) index.byId.set(id, after);
}

/**
 * Where the live claim of rank `rank` stands in dataset.claims. Each removal shifted the
 * claims after it one place left and nothing else moves, so it stands between `rank` minus
 * the number of removals (nextRank − length) and `rank`: a binary search over that window,
 * not over a million claims (each step a lookup in the rank map).
 */
function positionOfLive(claims: readonly ResolvedClaim[], index: ClaimIndex, rank: number): number {
  const low = Math.max(0, rank - (index.nextRank - claims.length));
  const high = Math.min(claims.length, rank + 1);
  return positionByRank(claims, rank, (c) => index.rank.get(c.id)!, low, high);
}

/** The relation's claims after the change, in dataset order; the relation added, replaced or dropped. */
function rederiveEdge(
  graph: EvidenceGraph,
  dataset: Dataset,
  edge: EdgeWork,
  change: GraphChange,
  ends: Set<string>,
): void {
  const index = claimIndexOf(dataset);
  const existed = graph.hasEdge(edge.key);
  const kept = existed ? graph.getEdgeAttribute(edge.key, 'claims').filter((c) => !edge.removed.has(c.id)) : [];
  const rankOf = (claim: EdgeClaim) => index.rank.get(claim.id)!;
  const claims = kept;
  const incoming = [...edge.added.values()].map((claim) => toEdgeClaim(claim, dataset));
  incoming.sort((a, b) => rankOf(a) - rankOf(b));
  for (const claim of incoming) claims.splice(positionByRank(claims, rankOf(claim), rankOf), 0, claim);
  if (claims.length === 0) {
    if (!existed) return;
    graph.dropEdge(edge.key);
    change.edgesRemoved.push({ key: edge.key, type: edge.type });
  } else {
    const attributes = edgeAttributesFromClaims(edge.type, claims, dataset);
    if (existed) {
      graph.replaceEdgeAttributes(edge.key, attributes);
      change.edgesChanged.push(edge.key);
      return;
    }
    if (edge.directed) graph.addDirectedEdgeWithKey(edge.key, edge.source, edge.target, attributes);
    else graph.addUndirectedEdgeWithKey(edge.key, edge.source, edge.target, attributes);
    change.edgesAdded.push(edge.key);
  }
  ends.add(edge.source);
  ends.add(edge.target);
}

/** A node whose relations changed gets a new attributes object with its degree and size. */
function refreshDegree(graph: EvidenceGraph, node: string): void {
  if (!graph.hasNode(node)) return;
  const attributes = graph.getNodeAttributes(node);
  const degree = graph.degree(node);
  if (degree === attributes.degree) return;
  graph.replaceNodeAttributes(node, { ...attributes, degree, size: nodeSizeForDegree(degree) });
}
