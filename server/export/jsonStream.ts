// Streams the graph JSON export chunk by chunk, byte for byte what exportJson gives
// (JSON.stringify of graph.export() with two-space indents), without ever building that
// one string: at 100k entities and a million claims it passes V8's string limit.
// Each node and edge is serialized alone, as graphology's export() does, and indented.
import type { EvidenceGraph } from '../model/evidenceGraph';
import { joinChunks } from './chunks';

/** JSON.stringify(value, null, 2) as it appears `depth` levels down in the whole document. */
function nested(value: unknown, indent: string): string {
  // JSON text has no raw line breaks inside strings, so every "\n" is a line of layout.
  return JSON.stringify(value, null, 2).replace(/\n/g, `\n${indent}`);
}

const ITEM_PREFIX = '[\n  [\n    '.length;
const ITEM_SUFFIX = '\n  ]\n]'.length;

/** An element of the nodes or edges array, indented as there: V8 indents it while it writes (faster than re-indenting). */
function arrayItem(value: unknown): string {
  const text = JSON.stringify([[value]], null, 2);
  return text.slice(ITEM_PREFIX, text.length - ITEM_SUFFIX);
}

const isEmpty = (attributes: object) => {
  for (const _key in attributes) return false;
  return true;
};

export function* jsonChunks(graph: EvidenceGraph): Generator<string> {
  // Copied in one go, before anything is written: the background layout moves the served
  // graph's nodes in place, and an export still being read must not mix old and new positions.
  const nodes = graph.mapNodes((node, attributes) => ({ node, attributes: { ...attributes } }));
  const options = { type: graph.type, multi: graph.multi, allowSelfLoops: graph.allowSelfLoops };
  yield `{\n  "options": ${nested(options, '  ')},\n  "attributes": ${nested(graph.getAttributes(), '  ')},\n  "nodes": `;
  let first = true;
  for (const { node, attributes } of nodes) {
    const serialized: Record<string, unknown> = { key: node };
    if (!isEmpty(attributes)) serialized.attributes = attributes;
    yield `${first ? '[\n    ' : ',\n    '}${arrayItem(serialized)}`;
    first = false;
  }
  yield first ? '[],\n  "edges": ' : '\n  ],\n  "edges": ';
  first = true;
  for (const { edge, attributes, source, target, undirected } of graph.edgeEntries()) {
    const serialized: Record<string, unknown> = { key: edge, source, target };
    if (!isEmpty(attributes)) serialized.attributes = attributes;
    if (graph.type === 'mixed' && undirected) serialized.undirected = true;
    yield `${first ? '[\n    ' : ',\n    '}${arrayItem(serialized)}`;
    first = false;
  }
  yield first ? '[]\n}' : '\n  ]\n}';
}

export function exportJsonStreamed(graph: EvidenceGraph): string {
  return joinChunks(jsonChunks(graph));
}
