// The neo4j-admin export: the CSV files `neo4j-admin database import full` reads, for a
// bulk load of a large graph into an empty Neo4j database (the Cypher export is for an
// online one), in one tar: claimgraph-neo4j/nodes.csv and claimgraph-neo4j/relationships.csv.
// The headers follow Neo4j's "CSV header format" (Operations Manual, Import):
// https://neo4j.com/docs/operations-manual/current/import/csv-header-format/ —
// `id:ID` (the id, also kept as property `id`), `:LABEL` (labels joined by the array
// delimiter), `:START_ID`, `:END_ID`, `:TYPE`, and properties typed `name:int`,
// `name:double`, `name:boolean`, `name:string[]` (arrays split on the array delimiter,
// `;` by default). The properties are the Cypher export's (cypher.ts): the same graph in
// Neo4j whichever way it is loaded. Strings are always quoted (`""` for a quote, as
// Neo4j 5 reads by default); an empty field is no property. A text may hold line
// breaks, hence `--multiline-fields=true` in the command README gives.
import type { EvidenceGraph } from '../model/evidenceGraph';
import { edgeProperties, nodeLabel, nodeProperties, relationshipType, type CypherValue } from './cypher';
import { exportEdge, sortedEdgeKeysInSteps, sortedNodesInSteps, type ExportNode } from './sortedElements';
import { tarChunks } from './tarStream';

/** neo4j-admin's default --array-delimiter. */
export const NEO4J_ARRAY_DELIMITER = ';';

/** A property column: its name and Neo4j type (no type: string). */
type Column = [name: string, type?: 'int' | 'double' | 'boolean' | 'string[]'];

export const NODE_COLUMNS: Column[] = [
  ['name'],
  ['type'],
  ['aliases', 'string[]'],
  ['description'],
  ['kind'],
  ['countryCode'],
  ['attributes'],
  ['color'],
  ['degree', 'int'],
  ['size', 'double'],
  ['x', 'double'],
  ['y', 'double'],
];

export const RELATIONSHIP_COLUMNS: Column[] = [
  ['key'],
  ['type'],
  ['label'],
  ['typeLabel'],
  ['status'],
  ['directed', 'boolean'],
  ['claimCount', 'int'],
  ['weight', 'double'],
  ['firstDate'],
  ['lastDate'],
  ['documents', 'string[]'],
  ['claimIds', 'string[]'],
  ['stances', 'string[]'],
  ['quotes', 'string[]'],
  ['claims'],
  ['color'],
  ['size', 'double'],
];

const header = (columns: Column[]) => columns.map(([name, type]) => (type ? `${name}:${type}` : name));

export const NODES_HEADER = ['id:ID', ':LABEL', ...header(NODE_COLUMNS)].join(',');
export const RELATIONSHIPS_HEADER = [':START_ID', ':END_ID', ':TYPE', ...header(RELATIONSHIP_COLUMNS)].join(',');

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** A quoted CSV string; lone surrogates, which Neo4j cannot store, become U+FFFD. */
function quoted(text: string): string {
  return `"${text.replace(LONE_SURROGATE, '\ufffd').replace(/"/g, '""')}"`;
}

export function neo4jField(value: CypherValue | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return quoted(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return String(value);
  return value.length === 0 ? '' : quoted(value.join(NEO4J_ARRAY_DELIMITER));
}

function row(fields: string[]): string {
  return `${fields.join(',')}\n`;
}

function propertyFields(columns: Column[], properties: Record<string, CypherValue | undefined>): string[] {
  return columns.map(([name]) => neo4jField(properties[name]));
}

function* nodesCsv(nodes: ExportNode[]): Generator<string> {
  yield row([NODES_HEADER]);
  for (const { key, attributes } of nodes) {
    const labels = ['Entity', nodeLabel(attributes.type)];
    yield row([
      quoted(key),
      quoted(labels.join(NEO4J_ARRAY_DELIMITER)),
      ...propertyFields(NODE_COLUMNS, nodeProperties(attributes)),
    ]);
  }
}

function* relationshipsCsv(graph: EvidenceGraph, keys: string[]): Generator<string> {
  yield row([RELATIONSHIPS_HEADER]);
  for (const key of keys) {
    const edge = exportEdge(graph, key);
    const properties = { key: edge.key, ...edgeProperties(edge.attributes) };
    yield row([
      quoted(edge.source),
      quoted(edge.target),
      quoted(relationshipType(edge.attributes.type)),
      ...propertyFields(RELATIONSHIP_COLUMNS, properties),
    ]);
  }
}

export function* neo4jAdminChunks(graph: EvidenceGraph): Generator<string> {
  // Sorted and copied once: the tar writes each file twice (to count it, then to send it),
  // and the background layout must not move a node between the two.
  const nodes = yield* sortedNodesInSteps(graph);
  const keys = yield* sortedEdgeKeysInSteps(graph);
  yield* tarChunks('claimgraph-neo4j', [
    { name: 'nodes.csv', chunks: () => nodesCsv(nodes) },
    { name: 'relationships.csv', chunks: () => relationshipsCsv(graph, keys) },
  ]);
}
