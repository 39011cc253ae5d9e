// GET /api/export?format=: the filtered graph as a download in any registered export
// format (server/export/index.ts); every format keeps the claims and their sources.
import { exportFormats, findExportFormat } from '../../export';
import { exportQuerySchema } from '../../model/api';
import { checkGraphFilters } from '../checkAgainstData';
import { TooLargeResultError } from '../errors';
import { filteredGraph } from '../filteredGraph';
import { defineRoute, FileResult } from '../route';

export const exportRoute = defineRoute({
  path: '/api/export',
  operationId: 'exportGraph',
  tag: 'graph',
  summary: 'The filtered graph as a file: json, gexf, graphml, nodes.csv, edges.csv or cypher',
  query: exportQuerySchema,
  response: {
    description: 'the file, as an attachment',
    contentTypes: () => [...new Set(exportFormats.map((format) => format.contentType))],
  },
  handle: ({ query }, context): FileResult => {
    const format = findExportFormat(query.format);
    const formatErrors = format
      ? []
      : [
          {
            path: 'format',
            message: `unknown format "${query.format}"; expected one of ${exportFormats.map((f) => f.name).join(', ')}`,
          },
        ];
    checkGraphFilters(query, context.snapshot.dataset, formatErrors);
    const graph = filteredGraph(context, query);
    // Claims are most of an export's bytes: refuse before building a string of hundreds of MB.
    let claims = 0;
    graph.forEachEdge((_edge, attributes) => {
      claims += attributes.claimCount;
    });
    if (claims > context.limits.maxExportClaims) {
      throw new TooLargeResultError(
        `this export would carry ${graph.size} relations with ${claims} claims, more than this server's limit of ${context.limits.maxExportClaims} claims per export; narrow it with filters (edgeTypes, status, from, to, knownAt, documents, minClaims) or run \`claimgraph export\` on the server`,
      );
    }
    context.budget.check();
    return new FileResult(format!.render(graph), format!.contentType, `claimgraph.${format!.extension}`);
  },
});
