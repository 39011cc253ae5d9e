// GET /api/export?format=: the filtered graph as a download in any registered export
// format (server/export/index.ts); every format keeps the claims and their sources.
import { exportFormats, findExportFormat } from '../../export';
import { exportQuerySchema } from '../../model/api';
import { checkGraphFilters } from '../checkAgainstData';
import { filteredGraph } from '../filteredGraph';
import { defineRoute, FileResult } from '../route';

export const exportRoute = defineRoute({
  path: '/api/export',
  operationId: 'exportGraph',
  tag: 'graph',
  summary: 'The filtered graph as a file: json, gexf, graphml, nodes.csv, edges.csv or cypher',
  query: exportQuerySchema,
  response: { description: 'the file, as an attachment', contentTypes: () => [...new Set(exportFormats.map((format) => format.contentType))] },
  handle: ({ query }, context): FileResult => {
    const format = findExportFormat(query.format);
    const formatErrors = format ? [] : [{ path: 'format', message: `unknown format "${query.format}"; expected one of ${exportFormats.map((f) => f.name).join(', ')}` }];
    checkGraphFilters(query, context.snapshot.dataset, formatErrors);
    const graph = filteredGraph(context, query);
    return new FileResult(format!.render(graph), format!.contentType, `claimgraph.${format!.extension}`);
  },
});
