// GET /api/graph: the whole graph under the filters, as graphology's SerializedGraph
// with positions, claims and statuses, ready for `graph.import()`. With `top`, only the
// most connected entities and the relations among them (the opening view of a huge graph).
import { toSerializedGraph } from '../../export/json';
import { graphQuerySchema, graphResponseSchema, type GraphResponse } from '../../model/api';
import { mostConnected } from '../../queries/mostConnected';
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
    if (query.top !== undefined && graph.order > query.top) {
      const top = query.top;
      const part = (whole: typeof graph): GraphResponse => {
        const response = toSerializedGraph(mostConnected(whole, top, context.limits.topMaxClaims)) as GraphResponse;
        response.attributes = { ...response.attributes, top, omittedNodes: whole.order - response.nodes.length };
        return response;
      };
      if (graph === context.snapshot.graph)
        return context.store.derived(context.snapshot, `serializedGraph?top=${top}`, (s) => part(s.graph), {
          positional: true,
        });
      return part(graph);
    }
    // The whole graph is what the client loads first: serialise it once per version.
    if (graph === context.snapshot.graph)
      return context.store.derived(
        context.snapshot,
        'serializedGraph',
        (s) => toSerializedGraph(s.graph) as GraphResponse,
        { positional: true },
      );
    return toSerializedGraph(graph) as GraphResponse;
  },
});
