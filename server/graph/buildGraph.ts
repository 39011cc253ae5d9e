// Builds the graphology graph from a resolved dataset: one node per entity, one edge per
// claim group with its derived status, claims, documents, dates and display label. The
// graph is a mixed multigraph: undirected edge types become undirected edges.
import type { Dataset, ResolvedClaim } from '../model/dataset';
import { createEvidenceGraph, type EvidenceGraph } from '../model/evidenceGraph';
import type { EdgeAttributes, EdgeClaim, NodeAttributes } from '../model/graph';
import type { Entity } from '../model/records';
import { displayLabel } from '../model/vocabulary';
import { deriveEdgeStatus } from './deriveEdgeStatus';
import { groupClaims, groupsInStableOrder, type ClaimGroup } from './groupClaims';

export function nodeSizeForDegree(degree: number): number {
  return Math.round((3 + 2.2 * Math.sqrt(degree)) * 100) / 100;
}

/** The claim as an edge carries it: with its document's title and date for citing. */
export function toEdgeClaim(claim: ResolvedClaim, dataset: Pick<Dataset, 'documents'>): EdgeClaim {
  const document = claim.document !== undefined ? dataset.documents.get(claim.document) : undefined;
  const out: EdgeClaim = { id: claim.id, subject: claim.subject, object: claim.object, stance: claim.stance };
  if (claim.quote !== undefined) out.quote = claim.quote;
  if (claim.quoteStart !== undefined) out.quoteStart = claim.quoteStart;
  if (claim.quoteEnd !== undefined) out.quoteEnd = claim.quoteEnd;
  if (claim.document !== undefined) out.document = claim.document;
  if (document) {
    out.documentTitle = document.title;
    out.documentDate = document.date;
  }
  if (claim.record !== undefined) out.record = claim.record;
  for (const field of [
    'attributedTo',
    'date',
    'startDate',
    'endDate',
    'role',
    'summary',
    'addedBy',
    'addedAt',
  ] as const) {
    if (claim[field] !== undefined) out[field] = claim[field];
  }
  // Properties kept from imported records (amounts, shares, programmes) travel with the claim.
  if (claim.attributes !== undefined) out.attributes = claim.attributes;
  return out;
}

/** Earliest and latest date prefixes the claims mention (date, startDate, endDate). */
export function claimDateRange(claims: readonly Pick<EdgeClaim, 'date' | 'startDate' | 'endDate'>[]): {
  firstDate?: string;
  lastDate?: string;
} {
  let firstDate: string | undefined;
  let lastDate: string | undefined;
  for (const claim of claims) {
    for (const value of [claim.date, claim.startDate, claim.endDate]) {
      if (value === undefined) continue;
      if (firstDate === undefined || value < firstDate) firstDate = value;
      if (lastDate === undefined || value > lastDate) lastDate = value;
    }
  }
  return { firstDate, lastDate };
}

/** The derived attributes of one edge from its claims. Used by the builder and by filters that recompute status. */
export function edgeAttributesFromClaims(
  type: string,
  claims: EdgeClaim[],
  dataset: Pick<Dataset, 'vocabulary'>,
): EdgeAttributes {
  const edgeType = dataset.vocabulary.edgeTypes.get(type);
  if (!edgeType) throw new Error(`edgeAttributesFromClaims: unknown edge type "${type}"`);
  const status = deriveEdgeStatus(
    claims.map((c) => c.stance),
    dataset.vocabulary.vocabulary.statuses,
  );
  const documents = [
    ...new Set(claims.map((c) => c.document ?? c.record?.file).filter((d): d is string => d !== undefined)),
  ].sort();
  return {
    type,
    label: displayLabel(edgeType, dataset.vocabulary.statuses.get(status)),
    typeLabel: edgeType.label,
    status,
    directed: edgeType.directed,
    color: edgeType.color,
    size: Math.min(1 + claims.length * 0.5, 5),
    claimCount: claims.length,
    documents,
    ...claimDateRange(claims),
    claims,
  };
}

/** An entity's node attributes, with no relation yet and at the origin (positions are set afterwards). */
export function nodeAttributesOf(entity: Entity, dataset: Pick<Dataset, 'vocabulary'>): NodeAttributes {
  const nodeType = dataset.vocabulary.nodeTypes.get(entity.type);
  const attributes: NodeAttributes = {
    type: entity.type,
    label: entity.name,
    aliases: entity.aliases,
    color: nodeType?.color ?? '#999999',
    degree: 0,
    size: nodeSizeForDegree(0),
    x: 0,
    y: 0,
  };
  if (entity.description !== undefined) attributes.description = entity.description;
  if (entity.kind !== undefined) attributes.kind = entity.kind;
  if (entity.countryCode !== undefined) attributes.countryCode = entity.countryCode;
  if (entity.attributes !== undefined) attributes.attributes = entity.attributes;
  return attributes;
}

export function buildGraph(dataset: Dataset): EvidenceGraph {
  // Relations go in in (source, type, target) order, whatever the order of the claim files:
  // answers that list the graph's edges do not depend on it, and exports, which write in
  // key order, then sort input that is (nearly) in order and read it in memory order (a
  // tenth of a GEXF export's time at 10k entities went to sorting and the scattered reads).
  const groups = groupsInStableOrder(
    groupClaims(dataset.claims, dataset.vocabulary).values(),
    dataset.entities.keys(),
    dataset.vocabulary.edgeTypes.keys(),
  );
  return buildGraphOfGroups(dataset, groups);
}

/**
 * The graph of `dataset` whose claims are grouped into relations, in this order, by
 * `groups` (buildGraph's, or a start-up cache's, which made each claim's copy for its
 * edge, `edgeClaims`, as it read the claim: toEdgeClaim's very copy).
 */
export function buildGraphOfGroups(
  dataset: Dataset,
  groups: Iterable<ClaimGroup & { edgeClaims?: EdgeClaim[] }>,
): EvidenceGraph {
  const graph = createEvidenceGraph();
  graph.replaceAttributes({ name: 'claimgraph', version: dataset.contentHash });

  for (const entity of dataset.entities.values()) graph.addNode(entity.id, nodeAttributesOf(entity, dataset));

  for (const group of groups) {
    const claims = group.edgeClaims ?? group.claims.map((c) => toEdgeClaim(c, dataset));
    const attributes = edgeAttributesFromClaims(group.type, claims, dataset);
    if (group.directed) graph.addDirectedEdgeWithKey(group.key, group.source, group.target, attributes);
    else graph.addUndirectedEdgeWithKey(group.key, group.source, group.target, attributes);
  }

  // Set in place: nothing listens yet, and merging would copy 100k attribute objects.
  graph.forEachNode((node, attributes) => {
    attributes.degree = graph.degree(node);
    attributes.size = nodeSizeForDegree(attributes.degree);
  });
  return graph;
}
