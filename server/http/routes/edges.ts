// GET /api/edges (relations with every claim, filtered) and /api/edges/{id}.
import {
  edgeResponseSchema,
  edgesQuerySchema,
  edgesResponseSchema,
  idPathSchema,
  noQuerySchema,
  type EdgeDetail,
  type EdgesResponse,
} from '../../model/api';
import { edgeDetail } from '../../queries/edgeDetail';
import { buildEdgeKeyIndex, updateEdgeKeyIndex } from '../../queries/edgeKeyIndex';
import { listEdges } from '../../queries/edges';
import { checkGraphFilters, edgeTypeErrors, requireEntity } from '../checkAgainstData';
import { NotFoundError } from '../errors';
import { filteredGraph, requireInGraph } from '../filteredGraph';
import { defineRoute } from '../route';

export const edgesRoute = defineRoute({
  path: '/api/edges',
  operationId: 'listEdges',
  tag: 'edges',
  summary: 'Relations with every claim: stance, quote and offsets, document, attribution, dates',
  query: edgesQuerySchema,
  response: { description: 'a page of relations, in edge-key order', schema: edgesResponseSchema },
  notFound: 'no entity with the id given as entity',
  handle: ({ query }, context): EdgesResponse => {
    if (query.entity !== undefined) requireEntity(context.snapshot.dataset, query.entity, 'entity');
    checkGraphFilters(query, context.snapshot.dataset, edgeTypeErrors('type', query.type, context.snapshot.dataset));
    const graph = filteredGraph(context, query);
    if (query.entity !== undefined) requireInGraph(graph, context, query.entity, 'entity');
    const index =
      graph === context.snapshot.graph
        ? context.store.derived(context.snapshot, 'edgeKeyIndex', (snapshot) => buildEdgeKeyIndex(snapshot.graph), {
            update: (value, change, snapshot) => updateEdgeKeyIndex(value, change, snapshot.graph),
          })
        : undefined;
    return listEdges(
      graph,
      { types: query.type, entity: query.entity, limit: query.limit, offset: query.offset },
      index,
    );
  },
});

export const edgeRoute = defineRoute({
  path: '/api/edges/{id}',
  operationId: 'getEdge',
  tag: 'edges',
  summary: 'One relation with every claim (the id is source|type|target, URL-encoded)',
  query: noQuerySchema,
  params: idPathSchema,
  response: { description: 'the relation', schema: edgeResponseSchema },
  notFound: 'no relation with this id',
  handle: ({ params }, { snapshot }): EdgeDetail => {
    if (!snapshot.graph.hasEdge(params.id)) {
      throw new NotFoundError(`no relation with id "${params.id}"`, [
        { path: 'id', message: 'expected an edge id such as elon-musk|owns|starlink' },
      ]);
    }
    return edgeDetail(snapshot.graph, params.id);
  },
});
