// The export formats, by name. Each renders the (already filtered) graph with its
// citations kept, as a sequence of chunks that can be joined into one string (`render`)
// or streamed (`write`, or the API's response). Used by the CLI's `export` command and
// the API's /api/export route. Options (ExportOptions) change what a format writes: GEXF
// alone has one, `static`, which leaves Gephi's timeline out.
import type { Writable } from 'node:stream';
import type { EvidenceGraph } from '../model/evidenceGraph';
import { joinChunks, writeChunks } from './chunks';
import { edgesCsvChunks, nodesCsvChunks } from './csv';
import { cypherChunks } from './cypher';
import { gexfChunks } from './gexfStream';
import { graphmlChunks } from './graphml';
import { exportJson } from './json';
import { jsonChunks } from './jsonStream';
import { claimTextLength, entityIdLength } from './leastBytes';
import { neo4jAdminChunks } from './neo4jAdmin';

export interface ExportOptions {
  /** GEXF: the static file, without Gephi's timeline (mode="dynamic" and each edge's spells). */
  static?: boolean;
}

export interface ExportFormat {
  /** The value of --format and ?format=. */
  name: string;
  contentType: string;
  /** File name extension, without the dot. */
  extension: string;
  /** Whether `static` changes what it writes (GEXF's timeline); the CLI and the API refuse it elsewhere. */
  hasTimeline: boolean;
  /**
   * The export as a sequence of chunks, never holding the whole text. Empty chunks mark
   * steps of work that write nothing (sorting): a streaming reader may pause there.
   */
  chunks(graph: EvidenceGraph, options?: ExportOptions): Iterable<string>;
  /** The export in one string: small graphs only (V8 cannot hold a string past 512 MiB). */
  render(graph: EvidenceGraph, options?: ExportOptions): string;
  /** Streams the same text as `render` into `out`, waiting for it when it is full. Does not end `out`. */
  write(graph: EvidenceGraph, out: Writable, options?: ExportOptions): Promise<void>;
  /** A lower bound of the export's size in UTF-8 bytes, cheap to count (leastBytes.ts); in steps (server/steps.ts). */
  leastBytes(graph: EvidenceGraph): Generator<string, number>;
}

type Chunks = (graph: EvidenceGraph, options: ExportOptions) => Iterable<string>;

interface FormatSpec {
  extension?: string;
  hasTimeline?: boolean;
  /** One string at once, when quicker than joining the chunks (and the same text). */
  render?: (graph: EvidenceGraph) => string;
}

function format(
  name: string,
  contentType: string,
  chunks: Chunks,
  leastBytes: (graph: EvidenceGraph) => Generator<string, number>,
  { extension = name, hasTimeline = false, render }: FormatSpec = {},
): ExportFormat {
  return {
    name,
    contentType,
    extension,
    hasTimeline,
    chunks: (graph, options = {}) => chunks(graph, options),
    render: (graph, options = {}) => (render ? render(graph) : joinChunks(chunks(graph, options))),
    write: (graph, out, options = {}) => writeChunks(chunks(graph, options), out),
    leastBytes,
  };
}

export const exportFormats: ExportFormat[] = [
  // JSON.stringify of the whole graph is the reference the streamed JSON is held to, and quicker in one string.
  format('json', 'application/json; charset=utf-8', jsonChunks, claimTextLength, { render: exportJson }),
  format(
    'gexf',
    'application/gexf+xml; charset=utf-8',
    (graph, options) => gexfChunks(graph, { dynamic: !options.static }),
    claimTextLength,
    { hasTimeline: true },
  ),
  format('graphml', 'application/graphml+xml; charset=utf-8', graphmlChunks, claimTextLength),
  format('nodes.csv', 'text/csv; charset=utf-8; header=present', nodesCsvChunks, entityIdLength),
  format('edges.csv', 'text/csv; charset=utf-8; header=present', edgesCsvChunks, claimTextLength),
  format('cypher', 'application/x-cypher-query; charset=utf-8', cypherChunks, claimTextLength),
  // Two CSV files in one tar: a download is one file, and `tar -xf` is on every system neo4j-admin runs on.
  format('neo4j-admin', 'application/x-tar', neo4jAdminChunks, claimTextLength, { extension: 'neo4j-admin.tar' }),
];

/** The message for `static` given with a format that has no timeline, or undefined. */
export function staticOptionProblem(format: ExportFormat): string | undefined {
  return format.hasTimeline
    ? undefined
    : `only the gexf format has a timeline to leave out; format "${format.name}" is always static`;
}

export function findExportFormat(name: string): ExportFormat | undefined {
  return exportFormats.find((format) => format.name === name);
}
