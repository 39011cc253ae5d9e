// GET /api/stats: counts, top entities by degree and PageRank, Louvain communities.
import { statsQuerySchema, statsResponseSchema, type StatsResponse } from '../../model/api';
import { graphStats } from '../../queries/stats';
import { checkGraphFilters } from '../checkAgainstData';
import { filteredGraph, projectionOf } from '../filteredGraph';
import { defineRoute } from '../route';

export const statsRoute = defineRoute({
  path: '/api/stats',
  operationId: 'getStats',
  tag: 'graph',
  summary: 'Counts by node type, edge type and status; top entities by degree and PageRank; Louvain communities',
  query: statsQuerySchema,
  response: { description: 'figures of the (filtered) graph', schema: statsResponseSchema },
  handle: ({ query }, context): StatsResponse => {
    checkGraphFilters(query, context.snapshot.dataset);
    const graph = filteredGraph(context, query);
    const compute = () =>
      graphStats(graph, projectionOf(context, graph), context.snapshot.dataset.vocabulary, query.top);
    // PageRank and Louvain cost the most: cache the unfiltered figures per version.
    return graph === context.snapshot.graph
      ? context.store.derived(context.snapshot, `stats:${query.top}`, compute)
      : compute();
  },
});
