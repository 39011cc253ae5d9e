// The export formats, by name. Each renders the (already filtered) graph with its
// citations kept, as a sequence of chunks that can be joined into one string (`render`)
// or streamed (`write`, or the API's response). Used by the CLI's `export` command and
// the API's /api/export route.
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

export interface ExportFormat {
  /** The value of --format and ?format=. */
  name: string;
  contentType: string;
  /** File name extension, without the dot. */
  extension: string;
  /**
   * The export as a sequence of chunks, never holding the whole text. Empty chunks mark
   * steps of work that write nothing (sorting): a streaming reader may pause there.
   */
  chunks(graph: EvidenceGraph): Iterable<string>;
  /** The export in one string: small graphs only (V8 cannot hold a string past 512 MiB). */
  render(graph: EvidenceGraph): string;
  /** Streams the same text as `render` into `out`, waiting for it when it is full. Does not end `out`. */
  write(graph: EvidenceGraph, out: Writable): Promise<void>;
  /** A lower bound of the export's size in UTF-8 bytes, cheap to count (leastBytes.ts); in steps (server/steps.ts). */
  leastBytes(graph: EvidenceGraph): Generator<string, number>;
}

function format(
  name: string,
  contentType: string,
  chunks: (graph: EvidenceGraph) => Iterable<string>,
  leastBytes: (graph: EvidenceGraph) => Generator<string, number>,
  render: (graph: EvidenceGraph) => string = (graph) => joinChunks(chunks(graph)),
): ExportFormat {
  return {
    name,
    contentType,
    extension: name,
    chunks,
    render,
    write: (graph, out) => writeChunks(chunks(graph), out),
    leastBytes,
  };
}

export const exportFormats: ExportFormat[] = [
  // JSON.stringify of the whole graph is the reference the streamed JSON is held to, and quicker in one string.
  format('json', 'application/json; charset=utf-8', jsonChunks, claimTextLength, exportJson),
  format('gexf', 'application/gexf+xml; charset=utf-8', gexfChunks, claimTextLength),
  format('graphml', 'application/graphml+xml; charset=utf-8', graphmlChunks, claimTextLength),
  format('nodes.csv', 'text/csv; charset=utf-8; header=present', nodesCsvChunks, entityIdLength),
  format('edges.csv', 'text/csv; charset=utf-8; header=present', edgesCsvChunks, claimTextLength),
  format('cypher', 'application/x-cypher-query; charset=utf-8', cypherChunks, claimTextLength),
];

export function findExportFormat(name: string): ExportFormat | undefined {
  return exportFormats.find((format) => format.name === name);
}
