// GET /api/path: the shortest chain of evidence between two entities under the filters.
import { pathQuerySchema, pathResponseSchema, type PathResponse } from '../../model/api';
import { hasGraphFilters } from '../../queries/filterGraph';
import { shortestEvidencePath } from '../../queries/shortestEvidencePath';
import { statusRank } from '../../queries/statusRank';
import { checkGraphFilters, requireEntity } from '../checkAgainstData';
import { NotFoundError } from '../errors';
import { filteredGraph, pickGraphFilters, projectionOf, requireInGraph } from '../filteredGraph';
import { defineRoute } from '../route';

export const pathRoute = defineRoute({
  path: '/api/path',
  operationId: 'getPath',
  tag: 'graph',
  summary: 'The shortest path between two entities under the filters, with each relation’s claims',
  description:
    'Filters apply first, so status=reported,confirmed finds a path that avoids allegations. Relations count in either direction.',
  query: pathQuerySchema,
  response: { description: 'the evidence chain', schema: pathResponseSchema },
  notFound: 'an unknown entity, or no path of at most maxLength relations under the filters',
  handle: ({ query }, context): PathResponse => {
    const { dataset } = context.snapshot;
    requireEntity(dataset, query.from, 'from');
    requireEntity(dataset, query.to, 'to');
    // from and to are the path's ends here, not dates.
    const filters = { ...pickGraphFilters(query), from: undefined, to: undefined };
    checkGraphFilters(filters, dataset);
    const graph = filteredGraph(context, filters);
    requireInGraph(graph, context, query.from, 'from');
    requireInGraph(graph, context, query.to, 'to');
    const outcome = shortestEvidencePath(graph, projectionOf(context, graph), query, statusRank(dataset.vocabulary));
    if (outcome.found) return outcome.path;
    const between = `from "${query.from}" to "${query.to}"`;
    const underFilters = hasGraphFilters(filters) ? ' under these filters' : '';
    if (outcome.reason === 'none') {
      throw new NotFoundError(
        `no chain of relations leads ${between}${underFilters}`,
        [{ path: 'to', message: `not connected to "${query.from}"${underFilters}` }],
        'no-path',
      );
    }
    throw new NotFoundError(
      `the shortest chain of relations ${between}${underFilters} has ${outcome.length} steps, more than maxLength=${query.maxLength}`,
      [{ path: 'maxLength', message: `the shortest path has ${outcome.length} steps` }],
      'no-path',
    );
  },
});
