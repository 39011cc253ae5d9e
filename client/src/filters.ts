// Which entities and relations a view shows, computed in the browser from the claims
// every edge carries, so filters apply at once and without a new layout. It mirrors the
// server's filter semantics, sharing its pure date and status functions
// (tests/unit/client/filters.test.ts compares the two):
//   knownAt   keeps claims from documents dated on or before the day, and an edge's
//             status is recomputed from the claims that remain;
//   from, to  keep an edge when one of its claims is dated in the range;
//   status, edgeTypes, nodeTypes  are inclusion lists; an edge needs both ends shown.
import type { EdgeAttributes, EdgeClaim } from '../../server/model/graph';
import type { EvidenceGraph } from '../../server/model/evidenceGraph';
import type { Status } from '../../server/model/vocabulary';
import { firstMatchingStatus } from '../../server/model/statusRules';
import { claimInDateRange, claimKnownOn } from '../../server/model/claimFilters';
import type { GraphFilters } from './state';

export interface Visibility {
  nodes: Set<string>;
  /** Every shown edge with its status under the filters (knownAt may change it). */
  edges: Map<string, string>;
}

/** The status rule of the vocabulary: the first status whose rule the stances satisfy. */
export const deriveStatus = firstMatchingStatus;

/** The status an edge has under the filters, or undefined when the filters hide it. */
export function edgeStatusUnder(
  attributes: EdgeAttributes,
  filters: GraphFilters,
  statuses: readonly Pick<Status, 'id' | 'rule'>[],
): string | undefined {
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
  if (
    (filters.from !== undefined || filters.to !== undefined) &&
    !claims.some((claim) => claimInDateRange(claim, filters.from, filters.to))
  )
    return undefined;
  if (filters.status !== undefined && !filters.status.includes(status)) return undefined;
  return status;
}

export function computeVisibility(
  graph: EvidenceGraph,
  filters: GraphFilters,
  statuses: readonly Pick<Status, 'id' | 'rule'>[],
): Visibility {
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
