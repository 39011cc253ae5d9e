// CSV exports: nodes.csv (one row per entity) and edges.csv (one row per edge, its
// claims as JSON in the `claims` column so every row can still be defended). RFC 4180:
// CRLF line ends, fields quoted when they hold a quote, comma, CR or LF. Text cells that
// start with =, +, -, @, tab or CR get a leading apostrophe so a spreadsheet shows them
// instead of running them as formulas (CSV injection); numbers are written as they are.
import type { EvidenceGraph } from '../model/evidenceGraph';
import { edgeFields, nodeFields, type FlatValue } from './flatAttributes';
import { joinChunks } from './chunks';
import { exportEdge, sortedEdgeKeysInSteps, sortedNodesInSteps } from './sortedElements';

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(value: FlatValue | undefined): string {
  if (value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvRow(values: (FlatValue | undefined)[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

export const nodeColumns = ['id', ...nodeFields.map((f) => f.name)];
export const edgeColumns = ['id', 'source', 'target', ...edgeFields.map((f) => f.name)];

export function* nodesCsvChunks(graph: EvidenceGraph): Generator<string> {
  const nodes = yield* sortedNodesInSteps(graph);
  yield csvRow(nodeColumns);
  for (const node of nodes) yield csvRow([node.key, ...nodeFields.map((f) => f.value(node.attributes))]);
}

export function* edgesCsvChunks(graph: EvidenceGraph): Generator<string> {
  const edges = yield* sortedEdgeKeysInSteps(graph);
  yield csvRow(edgeColumns);
  for (const key of edges) {
    const edge = exportEdge(graph, key);
    yield csvRow([edge.key, edge.source, edge.target, ...edgeFields.map((f) => f.value(edge.attributes))]);
  }
}

export function exportNodesCsv(graph: EvidenceGraph): string {
  return joinChunks(nodesCsvChunks(graph));
}

export function exportEdgesCsv(graph: EvidenceGraph): string {
  return joinChunks(edgesCsvChunks(graph));
}
