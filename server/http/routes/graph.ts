// GET /api/graph: the whole graph under the filters, as graphology's SerializedGraph
// with positions, claims and statuses, ready for `graph.import()`.
import { toSerializedGraph } from '../../export/json';
import { graphQuerySchema, graphResponseSchema, type GraphResponse } from '../../model/api';
import { checkGraphFilters } from '../checkAgainstData';
import { filteredGraph } from '../filteredGraph';
import { defineRoute } from '../route';

export const graphRoute = defineRoute({
  path: '/api/graph',
  operationId: 'getGraph',
  tag: 'graph',
  summary: 'The graph under the filters, as a graphology SerializedGraph with positions',
  query: graphQuerySchema,
  response: { description: 'the (filtered) graph', schema: graphResponseSchema },
  handle: ({ query }, context): GraphResponse => {
    checkGraphFilters(query, context.snapshot.dataset);
    const graph = filteredGraph(context, query);
    // The whole graph is what the client loads first: serialise it once per version.
    if (graph === context.snapshot.graph) return context.store.derived(context.snapshot, 'serializedGraph', (s) => toSerializedGraph(s.graph) as GraphResponse);
    return toSerializedGraph(graph) as GraphResponse;
  },
});
