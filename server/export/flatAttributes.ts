// Node and edge attributes flattened to scalars, for the formats whose attributes cannot
// hold lists or objects (GEXF, GraphML, CSV). Nothing is dropped: lists and objects
// travel as JSON strings (the claims above all, so an exported edge can still be
// defended), and a few derived scalars (documents joined, claim count, dates) are added
// for tools that filter or colour by them.
import type { EdgeAttributes, EdgeClaim, NodeAttributes } from '../model/graph';

export type FlatValue = string | number | boolean;
export type FlatValueType = 'string' | 'integer' | 'double' | 'boolean';

/** The column/attribute model: name and type, in output order. */
export interface FlatField<A> {
  name: string;
  type: FlatValueType;
  value(attributes: A): FlatValue | undefined;
}

/** How the `documents` list is joined in flat formats; the claims JSON keeps the full list. */
export const LIST_SEPARATOR = '; ';

/**
 * JSON that is also safe inside XML and JS: U+2028/2029 and the noncharacters U+FFFE and
 * U+FFFF are written as escapes (JSON.stringify leaves them raw; XML 1.0 forbids the last two).
 */
export function safeJson(value: unknown): string {
  const json = JSON.stringify(value);
  // A test first: the replacement with a callback costs time on every claims list even when nothing matches.
  if (!UNSAFE_IN_JSON.test(json)) return json;
  return json.replace(UNSAFE_IN_JSON_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const UNSAFE_IN_JSON = /[\u2028\u2029\ufffe\uffff]/;
const UNSAFE_IN_JSON_ALL = /[\u2028\u2029\ufffe\uffff]/g;

/** `list.join(LIST_SEPARATOR)`, without join's cost on the one-item lists most edges have (the GEXF export calls it per edge). */
export function joinList(list: readonly string[]): string {
  return Array.isArray(list) && list.length === 1 && typeof list[0] === 'string' ? list[0] : list.join(LIST_SEPARATOR);
}

export function claimsJson(claims: readonly EdgeClaim[]): string {
  return safeJson(claims);
}

/**
 * The edge's weight for tools that weigh edges (Gephi's layouts, NetworkX, igraph): the
 * sum of its claims' own `weight` (an imported edge's, kept in the claim's attributes),
 * a claim without one counting 1, GEXF's default weight. Edges of our own claims weigh
 * their claim count; a Les Misérables edge weighs its co-appearances, as in the source file.
 */
export function edgeWeight(a: EdgeAttributes): number {
  let weight = 0;
  for (const claim of a.claims) {
    // Optional chaining throughout: the streamed GEXF is held to the library on arbitrary values, null claims included.
    const own = (claim as Partial<EdgeClaim> | null)?.attributes?.weight;
    weight += typeof own === 'number' && Number.isFinite(own) ? own : 1;
  }
  return weight;
}

export const nodeFields: FlatField<NodeAttributes>[] = [
  { name: 'type', type: 'string', value: (a) => a.type },
  { name: 'label', type: 'string', value: (a) => a.label },
  { name: 'aliases', type: 'string', value: (a) => safeJson(a.aliases) },
  { name: 'description', type: 'string', value: (a) => a.description },
  { name: 'kind', type: 'string', value: (a) => a.kind },
  { name: 'countryCode', type: 'string', value: (a) => a.countryCode },
  {
    name: 'attributes',
    type: 'string',
    value: (a) => (a.attributes === undefined ? undefined : safeJson(a.attributes)),
  },
  { name: 'color', type: 'string', value: (a) => a.color },
  { name: 'degree', type: 'integer', value: (a) => a.degree },
  { name: 'size', type: 'double', value: (a) => a.size },
  { name: 'x', type: 'double', value: (a) => a.x },
  { name: 'y', type: 'double', value: (a) => a.y },
];

export const edgeFields: FlatField<EdgeAttributes>[] = [
  { name: 'type', type: 'string', value: (a) => a.type },
  { name: 'label', type: 'string', value: (a) => a.label },
  { name: 'typeLabel', type: 'string', value: (a) => a.typeLabel },
  { name: 'status', type: 'string', value: (a) => a.status },
  { name: 'directed', type: 'boolean', value: (a) => a.directed },
  { name: 'claimCount', type: 'integer', value: (a) => a.claimCount },
  { name: 'weight', type: 'double', value: edgeWeight },
  { name: 'firstDate', type: 'string', value: (a) => a.firstDate },
  { name: 'lastDate', type: 'string', value: (a) => a.lastDate },
  { name: 'documents', type: 'string', value: (a) => joinList(a.documents) },
  { name: 'claims', type: 'string', value: (a) => claimsJson(a.claims) },
  { name: 'color', type: 'string', value: (a) => a.color },
  { name: 'size', type: 'double', value: (a) => a.size },
];
