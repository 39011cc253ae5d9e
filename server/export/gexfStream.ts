// Streams the GEXF export chunk by chunk, byte for byte what graphology-gexf's writer
// gives for the same graph (tests/unit/export/gexfStream.test.ts holds it to that). The
// library builds the whole document in one string through an XML writer, which is slow
// and bounded by V8's string limit on large graphs (issue 7); this writer only makes a
// first pass to infer the attribute model, as the library does, then writes each element.
import type { EvidenceGraph } from '../graph/buildGraph';
import { joinChunks } from './chunks';
import { safeJson, type FlatField, type FlatValue } from './flatAttributes';
import { formatGexfEdge, formatGexfNode, gexfEdgeFields, gexfMeta, gexfNodeFields, gexfValue, type GexfElement } from './gexf';
import { sortedEdges, sortedNodes } from './sortedElements';

type GexfType = 'string' | 'double' | 'long' | 'integer' | 'boolean';

/** graphology-gexf's rule: when values disagree, the type with the lower number wins. */
const TYPE_PRIORITY: Record<GexfType, number> = { string: 5, double: 6, long: 7, integer: 8, boolean: 9 };

/** graphology-gexf's inference for one value; undefined for an empty value (not declared). */
function gexfTypeOf(value: FlatValue): GexfType | undefined {
  if (value === '' || (typeof value === 'number' && Number.isNaN(value))) return undefined;
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') {
    if (value === (value | 0)) return value <= 0x7fffffff && value >= -0x7fffffff ? 'integer' : 'long';
    return 'double';
  }
  return 'string';
}

type Model = Map<string, GexfType>;

/** The declared attributes, in order of first appearance, as graphology-gexf infers them. */
function inferModel<A>(fields: FlatField<A>[], elements: Iterable<A>): Model {
  const model: Model = new Map();
  for (const attributes of elements) {
    for (const field of fields) {
      const current = model.get(field.name);
      // A string cannot be overruled, so the (possibly costly) value need not be computed again.
      if (current === 'string') continue;
      const value = field.value(attributes);
      if (value === undefined) continue;
      const type = gexfTypeOf(gexfValue(value));
      if (type === undefined) continue;
      if (current === undefined || (type !== current && TYPE_PRIORITY[type] < TYPE_PRIORITY[current])) model.set(field.name, type);
    }
  }
  return model;
}

const ATTRIBUTE_SPECIAL = /[&<"\t\n\r]/;
const AMPERSANDS = /&/g;
const LESS_THANS = /</g;
const QUOTES = /"/g;
const TABS = /\t/g;
const LINE_FEEDS = /\n/g;
const CARRIAGE_RETURNS = /\r/g;

/**
 * xml-writer's attribute escaping (it leaves '>' alone), so the bytes match the library's.
 * Most of an export's time: every edge's claims JSON is full of quotes. One test for the
 * common case of nothing to escape, then one constant replacement per character present
 * (& first), measured about twice as fast as one regex with a replacement callback.
 */
function attribute(value: string | number): string {
  let out = typeof value === 'string' ? value : String(value);
  if (!ATTRIBUTE_SPECIAL.test(out)) return out;
  if (out.includes('&')) out = out.replace(AMPERSANDS, '&amp;');
  if (out.includes('<')) out = out.replace(LESS_THANS, '&lt;');
  if (out.includes('"')) out = out.replace(QUOTES, '&quot;');
  if (out.includes('\t')) out = out.replace(TABS, '&#x9;');
  if (out.includes('\n')) out = out.replace(LINE_FEEDS, '&#xA;');
  if (out.includes('\r')) out = out.replace(CARRIAGE_RETURNS, '&#xD;');
  return out;
}

function text(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Line break and indentation before an element at `depth` (1 to 6), built once rather than per element. */
const LINES = Array.from({ length: 7 }, (_, depth) => `\n${'  '.repeat(Math.max(0, depth - 1))}`);
const line = (depth: number) => LINES[depth];

/** Characters after which a string's JSON and attribute text are not simply the string in &quot;s. */
const NEEDS_JSON_OR_XML_ESCAPE = /["\\\x00-\x1f&<\u2028\u2029\ud800-\udfff\ufffe\uffff]/;

/**
 * `attribute(safeJson(value))`, the same bytes, in one pass: each edge's claims list is
 * most of a GEXF file, and serialising it, then replacing every quote of the result, was
 * most of the export's time. Both steps map character by character, so they distribute
 * over the parts of a JSON text; strings with nothing to escape (nearly all) are written
 * as they are, anything else through the two steps. Follows JSON.stringify's rules:
 * own enumerable keys in order, undefined/functions left out of objects and null in
 * arrays, non-finite numbers as null; values with toJSON go through JSON.stringify.
 */
function jsonAttribute(value: unknown): string {
  if (typeof value === 'string') return NEEDS_JSON_OR_XML_ESCAPE.test(value) ? attribute(safeJson(value)) : `&quot;${value}&quot;`;
  if (typeof value === 'number') return JSON.stringify(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value === null) return 'null';
  if (typeof value !== 'object' || typeof (value as { toJSON?: unknown }).toJSON === 'function') return attribute(safeJson(value));
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (i > 0) out += ',';
      out += item === undefined || typeof item === 'function' || typeof item === 'symbol' ? 'null' : jsonAttribute(item);
    }
    return `${out}]`;
  }
  let out = '{';
  let first = true;
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const item = record[key];
    if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
    out += `${first ? '' : ','}${jsonAttribute(key)}:${jsonAttribute(item)}`;
    first = false;
  }
  return `${out}}`;
}

/** Edge fields but `claims`, which jsonAttribute writes. */
const EDGE_FIELDS_BESIDE_CLAIMS = gexfEdgeFields.filter((f) => f.name !== 'claims');

/** graphology-gexf's CSS colour reading for non-hex colours: rgb()/rgba() to r, g, b, a. */
function colorAttributes(color: string): string {
  if (color.startsWith('#')) return ` hex="${attribute(color)}"`;
  const match = /^\s*rgba?\s*\(\s*([0-9]*)\s*,\s*([0-9]*)\s*,\s*([0-9]*)\s*(?:,\s*([.0-9]*))?\)\s*$/.exec(color);
  if (!/^\s*rgba?\s*\(/i.test(color) || !match) return '';
  return ` r="${+match[1]}" g="${+match[2]}" b="${+match[3]}"${match[4] ? ` a="${+match[4]}"` : ''}`;
}

function modelElement(model: Model, modelClass: string): string {
  if (model.size === 0) return '';
  let out = `${line(3)}<attributes class="${modelClass}">`;
  for (const [name, type] of model) out += `${line(4)}<attribute id="${attribute(name)}" title="${attribute(name)}" type="${type}"/>`;
  return `${out}${line(3)}</attributes>`;
}

/** The children of a <node> or <edge> (attvalues, then viz), at depth 5. `claims`: an edge's claims, for jsonAttribute. */
function children(model: Model, element: GexfElement, claims?: unknown): string {
  let out = '';
  if (model.size > 0) {
    let values = '';
    for (const name of model.keys()) {
      if (claims !== undefined && name === 'claims') {
        values += `${line(6)}<attvalue for="claims" value="${jsonAttribute(claims)}"/>`;
        continue;
      }
      if (!(name in element.attributes)) continue;
      const value = element.attributes[name];
      if (gexfTypeOf(value) === undefined) continue;
      values += `${line(6)}<attvalue for="${attribute(name)}" value="${attribute(String(value))}"/>`;
    }
    out += values ? `${line(5)}<attvalues>${values}${line(5)}</attvalues>` : `${line(5)}<attvalues/>`;
  }
  const viz = element.viz;
  if (viz.color) out += `${line(5)}<viz:color${colorAttributes(viz.color)}/>`;
  if (viz.size !== undefined) out += `${line(5)}<viz:size value="${attribute(viz.size)}"/>`;
  if (viz.x !== undefined || viz.y !== undefined) {
    out += `${line(5)}<viz:position${viz.x !== undefined ? ` x="${attribute(viz.x)}"` : ''}${viz.y !== undefined ? ` y="${attribute(viz.y)}"` : ''}/>`;
  }
  if (viz.thickness !== undefined) out += `${line(5)}<viz:thickness value="${attribute(viz.thickness)}"/>`;
  return out;
}

function closeElement(name: string, opening: string, inner: string): string {
  return inner ? `${opening}>${inner}${line(4)}</${name}>` : `${opening}/>`;
}

export function* gexfChunks(graph: EvidenceGraph): Generator<string> {
  const nodes = sortedNodes(graph);
  const edges = sortedEdges(graph);
  const nodeModel = inferModel(gexfNodeFields, nodes.map((n) => n.attributes));
  const edgeModel = inferModel(gexfEdgeFields, edges.map((e) => e.attributes));
  const meta = gexfMeta(graph);
  // graphology's inferType: a mixed graph with edges of one kind only is of that kind.
  const defaultEdgeType = graph.directedSize > 0 && graph.undirectedSize === 0 ? 'directed' : graph.undirectedSize > 0 && graph.directedSize === 0 ? 'undirected' : 'directed';

  yield '<?xml version="1.0" encoding="UTF-8"?>' +
    `${line(1)}<gexf version="1.3" xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd">` +
    `${line(2)}<meta>` +
    `${line(3)}<creator>${text(meta.creator)}</creator>${line(3)}<description>${text(meta.description)}</description>${line(3)}<keywords>${text(meta.keywords)}</keywords>` +
    `${line(2)}</meta>${line(2)}<graph defaultedgetype="${defaultEdgeType}">` +
    modelElement(nodeModel, 'node') +
    modelElement(edgeModel, 'edge');

  if (nodes.length === 0) yield `${line(3)}<nodes/>`;
  else {
    yield `${line(3)}<nodes>`;
    for (const node of nodes) {
      const element = formatGexfNode(node.key, node.attributes);
      const opening = `${line(4)}<node id="${attribute(node.key)}"${element.label ? ` label="${attribute(element.label)}"` : ''}`;
      yield closeElement('node', opening, children(nodeModel, element));
    }
    yield `${line(3)}</nodes>`;
  }

  if (edges.length === 0) yield `${line(3)}<edges/>`;
  else {
    yield `${line(3)}<edges>`;
    for (const edge of edges) {
      const element = formatGexfEdge(edge.key, edge.attributes, EDGE_FIELDS_BESIDE_CLAIMS);
      const type = edge.undirected ? 'undirected' : 'directed';
      const weight = typeof element.weight === 'number' && !Number.isNaN(element.weight) ? ` weight="${attribute(element.weight)}"` : '';
      const opening =
        `${line(4)}<edge id="${attribute(edge.key)}"${type !== defaultEdgeType ? ` type="${type}"` : ''} source="${attribute(edge.source)}" target="${attribute(edge.target)}"` +
        `${weight}${element.kind ? ` kind="${attribute(element.kind)}"` : ''}${element.label ? ` label="${attribute(element.label)}"` : ''}`;
      yield closeElement('edge', opening, children(edgeModel, element, edge.attributes.claims));
    }
    yield `${line(3)}</edges>`;
  }
  yield `${line(2)}</graph>${line(1)}</gexf>`;
}

export function exportGexfStreamed(graph: EvidenceGraph): string {
  return joinChunks(gexfChunks(graph));
}
