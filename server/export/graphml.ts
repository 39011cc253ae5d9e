// GraphML export (yEd, Cytoscape, NetworkX, Neo4j's APOC). graphology-graphml only
// parses, so this writer is ours; it streams (a fixed key model declared up front, then
// one element per node and edge in key order). Attributes are scalars: the claims travel
// as a JSON string `claims` beside flat ones (status, claimCount, weight, dates, documents).
// Directions: the graph is directed (edgedefault="directed") and every relation one edge
// subject → object; the undirected ones (in_contact_with…) say so in their boolean
// `directed` data. NetworkX refuses an edge whose own `directed` disagrees with
// edgedefault, and igraph has no mixed graphs, so this is the model both read.
import type { EvidenceGraph } from '../model/evidenceGraph';
import { edgeFields, nodeFields, type FlatField, type FlatValue, type FlatValueType } from './flatAttributes';
import { joinChunks } from './chunks';
import { exportEdge, sortedEdgeKeysInSteps, sortedNodesInSteps } from './sortedElements';
import { escapeXmlAttribute, escapeXmlText } from './xml';

const GRAPHML_TYPE: Record<FlatValueType, string> = {
  string: 'string',
  integer: 'int',
  double: 'double',
  boolean: 'boolean',
};

const graphFields: FlatField<{ name: string; version: string }>[] = [
  { name: 'name', type: 'string', value: (a) => a.name },
  { name: 'version', type: 'string', value: (a) => a.version },
];

/** Key ids are prefixed by what they describe: a node and an edge may both have a `type`. */
const keyId = (scope: 'g' | 'n' | 'e', name: string) => `${scope}_${name}`;

function keyElements<A>(scope: 'g' | 'n' | 'e', forWhat: string, fields: FlatField<A>[]): string {
  return fields
    .map(
      (f) =>
        `  <key id="${keyId(scope, f.name)}" for="${forWhat}" attr.name="${f.name}" attr.type="${GRAPHML_TYPE[f.type]}"/>\n`,
    )
    .join('');
}

function formatValue(value: FlatValue): string {
  return typeof value === 'string' ? escapeXmlText(value) : String(value);
}

function dataElements<A>(scope: 'g' | 'n' | 'e', fields: FlatField<A>[], attributes: A, indent: string): string {
  let out = '';
  for (const field of fields) {
    const value = field.value(attributes);
    if (value !== undefined) out += `${indent}<data key="${keyId(scope, field.name)}">${formatValue(value)}</data>\n`;
  }
  return out;
}

export function* graphmlChunks(graph: EvidenceGraph): Generator<string> {
  const nodes = yield* sortedNodesInSteps(graph);
  const edges = yield* sortedEdgeKeysInSteps(graph);
  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield (
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
    'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n'
  );
  yield (
    keyElements('g', 'graph', graphFields) + keyElements('n', 'node', nodeFields) + keyElements('e', 'edge', edgeFields)
  );
  yield '  <graph id="claimgraph" edgedefault="directed">\n';
  yield dataElements('g', graphFields, graph.getAttributes(), '    ');
  for (const node of nodes) {
    yield `    <node id="${escapeXmlAttribute(node.key)}">\n${dataElements('n', nodeFields, node.attributes, '      ')}    </node>\n`;
  }
  for (const key of edges) {
    const edge = exportEdge(graph, key);
    yield (
      `    <edge id="${escapeXmlAttribute(edge.key)}" source="${escapeXmlAttribute(edge.source)}" target="${escapeXmlAttribute(edge.target)}">\n` +
      `${dataElements('e', edgeFields, edge.attributes, '      ')}    </edge>\n`
    );
  }
  yield '  </graph>\n</graphml>\n';
}

export function exportGraphml(graph: EvidenceGraph): string {
  return joinChunks(graphmlChunks(graph));
}
