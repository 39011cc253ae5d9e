// Which entities and relations a view shows, computed in the browser from the claims
// every edge carries, so filters apply at once and without a new layout. It mirrors the
// server's filter semantics (tests/unit/client/filters.test.ts compares the two):
//   knownAt   keeps claims from documents dated on or before the day, and an edge's
//             status is recomputed from the claims that remain;
//   from, to  keep an edge when one of its claims is dated in the range;
//   status, edgeTypes, nodeTypes  are inclusion lists; an edge needs both ends shown.
import type Graph from 'graphology';
import type { EdgeAttributes, EdgeClaim, NodeAttributes } from '../../server/model/graph';
import type { Status } from '../../server/model/vocabulary';
import type { GraphFilters } from './state';

export type EvidenceGraph = Graph<NodeAttributes, EdgeAttributes>;

export interface Visibility {
  nodes: Set<string>;
  /** Every shown edge with its status under the filters (knownAt may change it). */
  edges: Map<string, string>;
}

/** The status rule of the vocabulary: the first status whose rule the stances satisfy. */
export function deriveStatus(stances: Iterable<string>, statuses: readonly Pick<Status, 'id' | 'rule'>[]): string | undefined {
  const present = new Set(stances);
  if (present.size === 0) return undefined;
  for (const status of statuses) {
    const { all, any, none } = status.rule;
    if (!all.every((stance) => present.has(stance))) continue;
    if (any !== undefined && any.length > 0 && !any.some((stance) => present.has(stance))) continue;
    if (none.some((stance) => present.has(stance))) continue;
    return status.id;
  }
  return undefined;
}

/** "2022" → "2022-01-01", "2022-10" → "2022-10-01". */
export function prefixStart(prefix: string): string {
  if (prefix.length === 4) return `${prefix}-01-01`;
  if (prefix.length === 7) return `${prefix}-01`;
  return prefix;
}

/** "2022" → "2022-12-31", "2022-02" → "2022-02-28". */
export function prefixEnd(prefix: string): string {
  if (prefix.length === 4) return `${prefix}-12-31`;
  if (prefix.length === 7) {
    const [year, month] = prefix.split('-').map(Number);
    const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return `${prefix}-${String(lastDay).padStart(2, '0')}`;
  }
  return prefix;
}

/** Whether a claim's event dates touch [from, to] (dates or prefixes); a claim without dates never does. */
export function claimInDateRange(claim: Pick<EdgeClaim, 'date' | 'startDate' | 'endDate'>, from?: string, to?: string): boolean {
  const dates = [claim.date, claim.startDate, claim.endDate].filter((d): d is string => d !== undefined);
  if (dates.length === 0) return false;
  const start = prefixStart(dates.reduce((a, b) => (a < b ? a : b)));
  const end = prefixEnd(dates.reduce((a, b) => (a > b ? a : b)));
  if (from !== undefined && end < prefixStart(from)) return false;
  if (to !== undefined && start > prefixEnd(to)) return false;
  return true;
}

/** Whether the claim was public on `knownAt`: its document is dated that day or before. */
export function claimKnownOn(claim: Pick<EdgeClaim, 'documentDate'>, knownAt: string): boolean {
  return claim.documentDate !== undefined && claim.documentDate <= prefixEnd(knownAt);
}

/** The status an edge has under the filters, or undefined when the filters hide it. */
export function edgeStatusUnder(attributes: EdgeAttributes, filters: GraphFilters, statuses: readonly Pick<Status, 'id' | 'rule'>[]): string | undefined {
  if (filters.edgeTypes !== undefined && !filters.edgeTypes.includes(attributes.type)) return undefined;
  let claims = attributes.claims;
  let status: string | undefined = attributes.status;
  if (filters.knownAt !== undefined) {
    const knownAt = filters.knownAt;
    claims = claims.filter((claim) => claimKnownOn(claim, knownAt));
    status = deriveStatus(
      claims.map((claim) => claim.stance),
      statuses,
    );
    if (status === undefined) return undefined;
  }
  if ((filters.from !== undefined || filters.to !== undefined) && !claims.some((claim) => claimInDateRange(claim, filters.from, filters.to))) return undefined;
  if (filters.status !== undefined && !filters.status.includes(status)) return undefined;
  return status;
}

export function computeVisibility(graph: EvidenceGraph, filters: GraphFilters, statuses: readonly Pick<Status, 'id' | 'rule'>[]): Visibility {
  const nodes = new Set<string>();
  graph.forEachNode((node, attributes) => {
    if (filters.nodeTypes === undefined || filters.nodeTypes.includes(attributes.type)) nodes.add(node);
  });
  const edges = new Map<string, string>();
  graph.forEachEdge((edge, attributes, source, target) => {
    if (!nodes.has(source) || !nodes.has(target)) return;
    const status = edgeStatusUnder(attributes, filters, statuses);
    if (status !== undefined) edges.set(edge, status);
  });
  return { nodes, edges };
}

export interface FacetCounts {
  nodeTypes: Map<string, number>;
  edgeTypes: Map<string, number>;
  statuses: Map<string, number>;
}

/** Counts of what is shown, by node type, edge type and status: the numbers beside each filter and legend entry. */
export function countVisible(graph: EvidenceGraph, visibility: Visibility): FacetCounts {
  const counts: FacetCounts = { nodeTypes: new Map(), edgeTypes: new Map(), statuses: new Map() };
  const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  for (const node of visibility.nodes) bump(counts.nodeTypes, graph.getNodeAttribute(node, 'type'));
  for (const [edge, status] of visibility.edges) {
    bump(counts.edgeTypes, graph.getEdgeAttribute(edge, 'type'));
    bump(counts.statuses, status);
  }
  return counts;
}

/** The status line: `N of M entities · K of L relations shown`. */
export function statusLine(graph: EvidenceGraph, visibility: Visibility): string {
  return `${visibility.nodes.size} of ${graph.order} entities · ${visibility.edges.size} of ${graph.size} relations shown`;
}

/** The visibility narrowed to some entities (a neighbourhood): edges need both ends kept. */
export function restrictToNodes(graph: EvidenceGraph, visibility: Visibility, keep: ReadonlySet<string>): Visibility {
  const nodes = new Set([...visibility.nodes].filter((node) => keep.has(node)));
  const edges = new Map<string, string>();
  for (const [edge, status] of visibility.edges) {
    const [source, target] = graph.extremities(edge);
    if (nodes.has(source) && nodes.has(target)) edges.set(edge, status);
  }
  return { nodes, edges };
}
