// The graph a request asks for: the snapshot's graph under the validated filters, and
// its simple projection (for paths, PageRank, Louvain), cached per version when unfiltered.
import type { EvidenceGraph } from '../model/evidenceGraph';
import type { GraphFilters } from '../model/api';
import { filterGraph } from '../queries/filterGraph';
import { simpleProjection, type ProjectedGraph } from '../queries/simpleProjection';
import { ValidationError } from './errors';
import type { RouteContext } from './route';

/** Only the shared filter keys of a route's query (routes add their own parameters). */
export function pickGraphFilters(query: GraphFilters): GraphFilters {
  const { nodeTypes, edgeTypes, status, from, to, knownAt, documents, minClaims } = query;
  return { nodeTypes, edgeTypes, status, from, to, knownAt, documents, minClaims };
}

export function filteredGraph(context: RouteContext, filters: GraphFilters): EvidenceGraph {
  return filterGraph(context.snapshot.graph, context.snapshot.dataset, pickGraphFilters(filters), context.budget);
}

export function projectionOf(context: RouteContext, graph: EvidenceGraph): ProjectedGraph {
  if (graph === context.snapshot.graph)
    return context.store.derived(context.snapshot, 'projection', (snapshot) => simpleProjection(snapshot.graph));
  return simpleProjection(graph);
}

/** A route centred on an entity cannot work when nodeTypes filters that entity out. */
export function requireInGraph(graph: EvidenceGraph, context: RouteContext, id: string, parameter: string): void {
  if (graph.hasNode(id)) return;
  const type = context.snapshot.graph.getNodeAttribute(id, 'type');
  throw new ValidationError([{ path: 'nodeTypes', message: `leaves out the type "${type}" of ${parameter}="${id}"` }]);
}
