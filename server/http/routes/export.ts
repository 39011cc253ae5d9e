// GET /api/export?format=: the filtered graph as a download in any registered export
// format (server/export/index.ts); every format keeps the claims and their sources. The
// download streams (server/http/sendFile.ts) within two caps: claims, and bytes.
import { exportFormats, findExportFormat, staticOptionProblem, type ExportFormat } from '../../export';
import type { EvidenceGraph } from '../../model/evidenceGraph';
import { exportQuerySchema, type ExportQuery } from '../../model/api';
import { filterGraphInSteps } from '../../queries/filterGraph';
import { STEP, STEP_ITEMS } from '../../steps';
import { checkGraphFilters } from '../checkAgainstData';
import { TooLargeResultError } from '../errors';
import { pickGraphFilters } from '../filteredGraph';
import { defineRoute, FileResult, type RouteContext } from '../route';
import { tooLargeExport } from '../sendFile';

export const exportRoute = defineRoute({
  path: '/api/export',
  operationId: 'exportGraph',
  tag: 'graph',
  summary: 'The filtered graph as a file: json, gexf, graphml, nodes.csv, edges.csv, cypher or neo4j-admin (a tar)',
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
    const staticProblem = format && query.static !== undefined ? staticOptionProblem(format) : undefined;
    if (staticProblem) formatErrors.push({ path: 'static', message: staticProblem });
    checkGraphFilters(query, context.snapshot.dataset, formatErrors);
    return new FileResult(
      (checksOnly) => exportChunks(context, query, format!, checksOnly),
      format!.contentType,
      `claimgraph.${format!.extension}`,
      context.limits.maxExportBytes,
    );
  },
});

/**
 * Filters the graph and checks the export against the caps, then writes it; all in steps,
 * so that even the filtering of a large graph never holds the server. A refusal comes
 * before the first byte, and is answered as a problem (sendFile.ts).
 */
function* exportChunks(
  context: RouteContext,
  query: ExportQuery,
  format: ExportFormat,
  checksOnly: boolean,
): Generator<string> {
  // A graph of its own, taken in one step: writes that land while the export streams do not reach it.
  const graph = yield* filterGraphInSteps(context.snapshot.graph, context.snapshot.dataset, pickGraphFilters(query), {
    copy: true,
  });
  yield* checkExportSize(graph, format, context.limits);
  if (!checksOnly) yield* format.chunks(graph, { static: query.static });
}

function* checkExportSize(
  graph: EvidenceGraph,
  format: ExportFormat,
  { maxExportClaims, maxExportBytes }: RouteContext['limits'],
): Generator<string> {
  // Claims are most of an export's bytes: refuse before any is written.
  let claims = 0;
  let edges = 0;
  for (const { attributes } of graph.edgeEntries()) {
    if (++edges % STEP_ITEMS === 0) yield STEP;
    claims += attributes.claimCount;
  }
  if (claims > maxExportClaims) {
    throw new TooLargeResultError(
      `this export would carry ${graph.size} relations with ${claims} claims, more than this server's limit of ${maxExportClaims} claims per export; narrow it with filters (edgeTypes, status, from, to, knownAt, documents, minClaims) or run \`claimgraph export\` on the server`,
    );
  }
  const leastBytes = yield* format.leastBytes(graph);
  if (leastBytes > maxExportBytes)
    throw tooLargeExport(maxExportBytes, `would be at least ${leastBytes} bytes long, more than`);
}
