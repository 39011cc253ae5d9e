// The export formats, by name. Each renders the (already filtered) graph with its
// citations kept. Used by the CLI's `export` command and the API's /api/export route.
import type { Writable } from 'node:stream';
import type { EvidenceGraph } from '../model/evidenceGraph';
import { writeChunks } from './chunks';
import { edgesCsvChunks, exportEdgesCsv, exportNodesCsv, nodesCsvChunks } from './csv';
import { cypherChunks, exportCypher } from './cypher';
import { exportGexf } from './gexf';
import { gexfChunks } from './gexfStream';
import { exportGraphml, graphmlChunks } from './graphml';
import { exportJson } from './json';
import { jsonChunks } from './jsonStream';

export interface ExportFormat {
  /** The value of --format and ?format=. */
  name: string;
  contentType: string;
  /** File name extension, without the dot. */
  extension: string;
  render(graph: EvidenceGraph): string;
  /**
   * Streams the same text as `render` into `out` without building one string, for
   * exports too large for memory. Does not end `out`. Absent where a format
   * cannot stream: use `render`.
   */
  write?(graph: EvidenceGraph, out: Writable): Promise<void>;
}

const streamed = (chunks: (graph: EvidenceGraph) => Iterable<string>) => (graph: EvidenceGraph, out: Writable) =>
  writeChunks(chunks(graph), out);

export const exportFormats: ExportFormat[] = [
  {
    name: 'json',
    contentType: 'application/json; charset=utf-8',
    extension: 'json',
    render: exportJson,
    write: streamed(jsonChunks),
  },
  {
    name: 'gexf',
    contentType: 'application/gexf+xml; charset=utf-8',
    extension: 'gexf',
    render: exportGexf,
    write: streamed(gexfChunks),
  },
  {
    name: 'graphml',
    contentType: 'application/graphml+xml; charset=utf-8',
    extension: 'graphml',
    render: exportGraphml,
    write: streamed(graphmlChunks),
  },
  {
    name: 'nodes.csv',
    contentType: 'text/csv; charset=utf-8; header=present',
    extension: 'nodes.csv',
    render: exportNodesCsv,
    write: streamed(nodesCsvChunks),
  },
  {
    name: 'edges.csv',
    contentType: 'text/csv; charset=utf-8; header=present',
    extension: 'edges.csv',
    render: exportEdgesCsv,
    write: streamed(edgesCsvChunks),
  },
  {
    name: 'cypher',
    contentType: 'application/x-cypher-query; charset=utf-8',
    extension: 'cypher',
    render: exportCypher,
    write: streamed(cypherChunks),
  },
];

export function findExportFormat(name: string): ExportFormat | undefined {
  return exportFormats.find((format) => format.name === name);
}
