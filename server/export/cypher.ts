// Cypher export: a script a Neo4j user pipes into cypher-shell (`cypher-shell < graph.cypher`).
// Entities become (:Entity:<Type>) nodes merged on `id`; edges become relationships typed
// from the edge type in UPPER_SNAKE_CASE, merged on `key`, so running the script twice
// changes nothing. Neo4j properties cannot be maps, so each relationship keeps its claims
// as a JSON string `claims` plus lists parallel to it (claimIds, stances, quotes) and the
// list of documents. Rows go in UNWIND batches, one statement per batch, sorted, so the
// script is deterministic and loads quickly. Neo4j stores every relationship with a
// direction: undirected ones are stored source → target (ends sorted) with directed: false.
import type { EvidenceGraph } from '../model/evidenceGraph';
import type { EdgeAttributes, NodeAttributes } from '../model/graph';
import { joinChunks } from './chunks';
import { claimsJson, edgeWeight, safeJson } from './flatAttributes';
import { compareKeys, exportEdge, sortedEdgeKeysInSteps, sortedNodesInSteps, type ExportNode } from './sortedElements';
import { STEP, STEP_ITEMS } from '../steps';

/** Rows per UNWIND statement: small enough for one transaction, large enough to be quick. */
export const CYPHER_BATCH_SIZE = 500;

export type CypherValue = string | number | boolean | readonly string[];

/** Single-quoted Cypher string. Lone surrogates cannot be stored, so they become U+FFFD. */
export function cypherString(value: string): string {
  const escaped = value.replace(
    /[\\'\u0000-\u001f\u007f-\u009f\u2028\u2029]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    (c) =>
      CYPHER_ESCAPES[c] ??
      (c >= '\ud800' && c <= '\udfff' ? '\ufffd' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
  );
  return `'${escaped}'`;
}

const CYPHER_ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  "'": "\\'",
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};

/** Cypher's exponent takes no '+' (1e21, not 1e+21). */
export function cypherNumber(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`cypher export: cannot write the number ${value}`);
  return String(value).replace('e+', 'e');
}

export function cypherValue(value: CypherValue): string {
  if (typeof value === 'string') return cypherString(value);
  if (typeof value === 'number') return cypherNumber(value);
  if (typeof value === 'boolean') return String(value);
  return `[${value.map(cypherString).join(', ')}]`;
}

/** A map literal from keys and already written values. Keys are ours (camelCase), so plain identifiers. */
function mapLiteral(entries: Array<[string, string]>): string {
  return `{${entries.map(([key, value]) => `${key}: ${value}`).join(', ')}}`;
}

/** Undefined values are left out: Neo4j has no null properties. */
export function cypherMap(properties: Record<string, CypherValue | undefined>): string {
  const entries = Object.entries(properties).filter((entry): entry is [string, CypherValue] => entry[1] !== undefined);
  return mapLiteral(entries.map(([key, value]) => [key, cypherValue(value)]));
}

/** person → Person, sanctions-list → SanctionsList: letters and digits only, so never needs backticks. */
export function nodeLabel(type: string): string {
  const label = type
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join('');
  return /^[A-Za-z]/.test(label) ? label : `Type${label}`;
}

/** in_contact_with → IN_CONTACT_WITH. */
export function relationshipType(type: string): string {
  const name = type
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toUpperCase();
  return /^[A-Z]/.test(name) ? name : `REL_${name}`;
}

export function nodeProperties(a: NodeAttributes): Record<string, CypherValue | undefined> {
  return {
    name: a.label,
    type: a.type,
    aliases: a.aliases,
    description: a.description,
    kind: a.kind,
    countryCode: a.countryCode,
    attributes: a.attributes === undefined ? undefined : safeJson(a.attributes),
    color: a.color,
    degree: a.degree,
    size: a.size,
    x: a.x,
    y: a.y,
  };
}

export function edgeProperties(a: EdgeAttributes): Record<string, CypherValue | undefined> {
  return {
    type: a.type,
    label: a.label,
    typeLabel: a.typeLabel,
    status: a.status,
    directed: a.directed,
    claimCount: a.claimCount,
    weight: edgeWeight(a),
    firstDate: a.firstDate,
    lastDate: a.lastDate,
    documents: a.documents,
    claimIds: a.claims.map((c) => c.id),
    stances: a.claims.map((c) => c.stance),
    // '' where a claim cites a record instead of quoting a document: lists stay parallel to claimIds.
    quotes: a.claims.map((c) => c.quote ?? ''),
    claims: claimsJson(a.claims),
    color: a.color,
    size: a.size,
  };
}

interface Batch<T> {
  group: string;
  rows: T[];
}

/** The items in batches of at most CYPHER_BATCH_SIZE per group, groups in key order; grouped in steps (steps.ts). */
function* batchesInSteps<T>(items: T[], groupOf: (item: T) => string): Generator<string, Batch<T>[]> {
  const groups = new Map<string, T[]>();
  for (let i = 0; i < items.length; i++) {
    if (i > 0 && i % STEP_ITEMS === 0) yield STEP;
    const item = items[i];
    const group = groupOf(item);
    const rows = groups.get(group);
    if (rows) rows.push(item);
    else groups.set(group, [item]);
  }
  const batches: Batch<T>[] = [];
  for (const group of [...groups.keys()].sort(compareKeys)) {
    const rows = groups.get(group)!;
    for (let i = 0; i < rows.length; i += CYPHER_BATCH_SIZE)
      batches.push({ group, rows: rows.slice(i, i + CYPHER_BATCH_SIZE) });
  }
  return batches;
}

/** `UNWIND [ rows ] AS row`, a chunk per row: a batch of edges with their claims is a large text. */
function* unwind<T>(rows: T[], rowText: (row: T) => string): Generator<string> {
  yield 'UNWIND [\n';
  for (let i = 0; i < rows.length; i++) yield `${i > 0 ? ',\n' : ''}  ${rowText(rows[i])}`;
  yield '\n] AS row\n';
}

function oneLine(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ');
}

export function* cypherChunks(graph: EvidenceGraph): Generator<string> {
  const nodes = yield* sortedNodesInSteps(graph);
  const { name, version } = graph.getAttributes();
  yield `// ${oneLine(name)} export of dataset ${oneLine(version)}: ${graph.order} entities, ${graph.size} relations.\n`;
  yield '// Load into Neo4j 5 with: cypher-shell -u neo4j -p PASSWORD < this-file.cypher\n';
  yield '// Each relationship keeps its evidence: `claims` (JSON) and the parallel lists claimIds, stances, quotes.\n';
  yield 'CREATE CONSTRAINT claimgraph_entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;\n';

  for (const { group, rows } of yield* batchesInSteps<ExportNode>(nodes, (node) => nodeLabel(node.attributes.type))) {
    yield* unwind(rows, (node) =>
      mapLiteral([
        ['id', cypherString(node.key)],
        ['properties', cypherMap(nodeProperties(node.attributes))],
      ]),
    );
    yield `MERGE (n:Entity {id: row.id})\nSET n:${group}, n += row.properties;\n`;
  }

  const edges = yield* sortedEdgeKeysInSteps(graph);
  for (const { group, rows } of yield* batchesInSteps(edges, (key) =>
    relationshipType(graph.getEdgeAttribute(key, 'type')),
  )) {
    yield* unwind(rows, (key) => {
      const edge = exportEdge(graph, key);
      return mapLiteral([
        ['key', cypherString(edge.key)],
        ['source', cypherString(edge.source)],
        ['target', cypherString(edge.target)],
        ['properties', cypherMap(edgeProperties(edge.attributes))],
      ]);
    });
    yield 'MATCH (s:Entity {id: row.source})\nMATCH (t:Entity {id: row.target})\n';
    yield `MERGE (s)-[r:${group} {key: row.key}]->(t)\nSET r += row.properties;\n`;
  }
}

export function exportCypher(graph: EvidenceGraph): string {
  return joinChunks(cypherChunks(graph));
}
