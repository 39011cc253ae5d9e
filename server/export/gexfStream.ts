// The GEXF export, streamed chunk by chunk. Its static form is byte for byte what
// graphology-gexf's writer gives for the same graph, bar the library's misspelt viz
// namespace (tests/unit/export/gexfStream.test.ts holds it to that; the library stays
// only as that reference); its default, dynamic form adds Gephi's timeline: the graph
// says mode="dynamic" timeformat="date" and each edge its claims' days as <spells>
// (claimSpells.ts). The library builds the whole document in one string through an XML
// writer, which is slow and bounded by V8's string limit on large graphs; this writer
// only makes a first pass to infer the attribute model, as the library does, then writes
// each element, with steps between (server/steps.ts) so a streamed export never holds
// the event loop for long.
// It is also several times faster: each value is read once and written
// straight to text (no element objects), one test per string decides whether it needs
// escaping, claims in their usual key order and repeated attribute values use text made
// once, and everything else takes a general path that gives the same bytes.
import type { EvidenceGraph } from '../model/evidenceGraph';
import { joinChunks } from './chunks';
import { claimSpells } from './claimSpells';
import { edgeWeight, safeJson, type FlatField, type FlatValue } from './flatAttributes';
import { EDGE_CLAIM_KEYS, type EdgeAttributes, type NodeAttributes } from '../model/graph';
import {
  GEXF_HEADER,
  gexfColor,
  gexfEdgeFields,
  gexfMeta,
  gexfNodeFields,
  gexfValue,
  nodeColor,
  nodeSize,
  RGBA,
} from './gexf';
import { exportEdge, sortedEdgeKeysInSteps, sortedNodesInSteps, type ExportEdge } from './sortedElements';
import { STEP, STEP_ITEMS } from '../steps';
import { toXmlCharacters } from './xml';

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

/** The declared attributes, in order of first appearance, as graphology-gexf infers them; in steps (steps.ts). */
function* inferModel<A>(fields: FlatField<A>[], elements: A[]): Generator<string, Model> {
  const model: Model = new Map();
  for (let i = 0; i < elements.length; i++) {
    if (i > 0 && i % STEP_ITEMS === 0) yield STEP;
    const attributes = elements[i];
    for (const field of fields) {
      const current = model.get(field.name);
      // A string cannot be overruled, so the (possibly costly) value need not be computed again.
      if (current === 'string') continue;
      const value = field.value(attributes);
      if (value === undefined) continue;
      const type = gexfTypeOf(gexfValue(value));
      if (type === undefined) continue;
      if (current === undefined || (type !== current && TYPE_PRIORITY[type] < TYPE_PRIORITY[current]))
        model.set(field.name, type);
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

/** A string in JSON, as attribute text: `attribute(safeJson(value))`. */
function jsonStringAttribute(value: string): string {
  return NEEDS_JSON_OR_XML_ESCAPE.test(value) ? attribute(safeJson(value)) : `&quot;${value}&quot;`;
}

/** A value JSON.stringify does not write in objects (and writes as null in arrays). */
function isUnwritable(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

/** A key of an object in JSON, as attribute text, with the `{` or `,` before it and the `:` after it. */
interface KeyText {
  first: string;
  next: string;
}

/**
 * Claims repeat the same few keys hundreds of thousands of times: their text is made once.
 * Bounded in number and length, because imported `attributes` records may bring any keys.
 */
const keyTexts = new Map<string, KeyText>();
const KEY_TEXTS_KEPT = 4096;
const KEPT_TEXT_LENGTH = 256;

function keyText(key: string): KeyText {
  let known = keyTexts.get(key);
  if (known === undefined) {
    const text = `${jsonStringAttribute(key)}:`;
    known = { first: `{${text}`, next: `,${text}` };
    if (keyTexts.size < KEY_TEXTS_KEPT && key.length <= KEPT_TEXT_LENGTH) keyTexts.set(key, known);
  }
  return known;
}

/**
 * Objects JSON.stringify writes as their own enumerable keys and nothing else: records
 * (as JSON.parse makes them), not class instances or boxed primitives. A toJSON method
 * of their own is caught while their keys are written.
 */
function isPlainRecord(value: object): value is Record<string, unknown> {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === null || (prototype === Object.prototype && !('toJSON' in Object.prototype));
}

/**
 * `attribute(safeJson(value))`, the same bytes, in one pass: each edge's claims list is
 * most of a GEXF file, and serialising it, then replacing every quote of the result, was
 * most of the export's time. Both steps map character by character, so they distribute
 * over the parts of a JSON text; strings with nothing to escape (nearly all) are written
 * as they are, anything else through the two steps. Follows JSON.stringify's rules:
 * own enumerable keys in order, undefined/functions left out of objects and null in
 * arrays, non-finite numbers as null; anything but plain records and arrays (toJSON,
 * boxed primitives, class instances) goes through JSON.stringify itself. Undefined where
 * JSON.stringify gives undefined (no attribute written).
 */
function jsonAttribute(value: unknown): string | undefined {
  if (typeof value === 'string') return jsonStringAttribute(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value === null) return 'null';
  if (typeof value !== 'object') return viaStringify(value);
  if (Array.isArray(value)) {
    if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return viaStringify(value);
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (i > 0) out += ',';
      out += (isUnwritable(item) ? undefined : jsonAttribute(item)) ?? 'null';
    }
    return `${out}]`;
  }
  if (!isPlainRecord(value)) return viaStringify(value);
  let out = '';
  const keys = Object.keys(value);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    const item = value[key];
    if (key === 'toJSON' && typeof item === 'function') return viaStringify(value);
    let itemText: string | undefined;
    // Strings and numbers inline: they are nearly every value of a claim.
    if (typeof item === 'string')
      itemText = NEEDS_JSON_OR_XML_ESCAPE.test(item) ? attribute(safeJson(item)) : `&quot;${item}&quot;`;
    else if (typeof item === 'number') itemText = Number.isFinite(item) ? String(item) : 'null';
    else if (isUnwritable(item)) continue;
    else itemText = jsonAttribute(item);
    // A toJSON that gives undefined leaves the key out, as in JSON.stringify.
    if (itemText === undefined) continue;
    const text = keyText(key);
    out += out === '' ? text.first + itemText : text.next + itemText;
  }
  return out === '' ? '{}' : `${out}}`;
}

/**
 * The keys of a claim in the order toEdgeClaim (server/graph/buildGraph.ts) gives them,
 * with their text made once: nearly every claim's keys are these in this order, which a
 * walk along this list confirms more cheaply than a look-up per key. Anything else (other
 * keys, another order) goes through jsonAttribute's general path, with the same bytes.
 */
const CLAIM_KEYS: readonly string[] = EDGE_CLAIM_KEYS;
const CLAIM_KEY_TEXTS = CLAIM_KEYS.map(keyText);
/** The same with the &quot; that opens a string value: one piece fewer per value, and strings are most of them. */
const CLAIM_KEY_STRING_TEXTS = CLAIM_KEY_TEXTS.map(({ first, next }) => ({
  first: `${first}&quot;`,
  next: `${next}&quot;`,
}));

/** A claim as jsonAttribute writes it, or undefined when its keys are not a subsequence of CLAIM_KEYS. */
function claimAttribute(claim: Record<string, unknown>): string | undefined {
  const keys = Object.keys(claim);
  let out = '';
  let known = 0;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    while (known < CLAIM_KEYS.length && CLAIM_KEYS[known] !== key) known++;
    if (known === CLAIM_KEYS.length) return undefined;
    const item = claim[key];
    if (typeof item === 'string' && !NEEDS_JSON_OR_XML_ESCAPE.test(item)) {
      const text = CLAIM_KEY_STRING_TEXTS[known];
      out += `${out === '' ? text.first : text.next}${item}&quot;`;
      continue;
    }
    let itemText: string | undefined;
    if (typeof item === 'string') itemText = attribute(safeJson(item));
    else if (typeof item === 'number') itemText = Number.isFinite(item) ? String(item) : 'null';
    else if (isUnwritable(item)) continue;
    else itemText = jsonAttribute(item);
    if (itemText === undefined) continue;
    const text = CLAIM_KEY_TEXTS[known];
    out += `${out === '' ? text.first : text.next}${itemText}`;
  }
  return out === '' ? '{}' : `${out}}`;
}

/** An edge's claims as jsonAttribute writes them: the usual list of plain claims on the fast path, anything else through jsonAttribute. */
function claimsAttribute(claims: unknown): string | undefined {
  if (!Array.isArray(claims) || typeof (claims as { toJSON?: unknown }).toJSON === 'function')
    return jsonAttribute(claims);
  let out = '[';
  for (let i = 0; i < claims.length; i++) {
    const claim: unknown = claims[i];
    if (i > 0) out += ',';
    // A toJSON of the claim's own is not among CLAIM_KEYS, so such a claim takes the general path.
    const text =
      typeof claim === 'object' && claim !== null && isPlainRecord(claim) ? claimAttribute(claim) : undefined;
    out += text ?? (isUnwritable(claim) ? undefined : jsonAttribute(claim)) ?? 'null';
  }
  return `${out}]`;
}

function viaStringify(value: unknown): string | undefined {
  const json = safeJson(value) as string | undefined;
  return json === undefined ? undefined : attribute(json);
}

/** Any character that `attribute` escapes or `toXmlCharacters` may replace (every surrogate, paired or not). */
const XML_VALUE_SPECIAL = /[\x00-\x1f"&<\ud800-\udfff\ufffe\uffff]/;

/** `attribute(toXmlCharacters(value))`, what the library writes for a string through gexfValue, with one test for the common case. */
function xmlValue(value: string): string {
  return XML_VALUE_SPECIAL.test(value) ? attribute(toXmlCharacters(value)) : value;
}

/** A number or other non-string viz value, as `attribute` writes it. */
function scalarAttribute(value: string | number): string {
  return typeof value === 'number' ? String(value) : attribute(value);
}

/** The text of one attvalue as the library writes it after gexfValue; undefined where it writes none. */
function flatValueText(value: FlatValue | undefined): string | undefined {
  if (typeof value === 'string') return value === '' ? undefined : xmlValue(value);
  if (typeof value === 'number') return Number.isNaN(value) ? undefined : String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value === undefined) return undefined;
  return attribute(String(value));
}

/** One declared attribute of the model: its whole <attvalue/> for an element's attributes, '' where none is written. */
type AttvalueSlot<A> = (attributes: A) => string;

/** How many distinct values each attribute keeps the written <attvalue/> of (those up to KEPT_TEXT_LENGTH long). */
const SLOT_VALUES_KEPT = 1024;

/**
 * Most attributes take few values (type, status, counts, booleans): each value's
 * <attvalue/> is made once, as one flat string, rather than escaped and joined per
 * element. Bounded, so attributes with many values (dates, documents) cost a miss only.
 */
function fieldSlot<A>(opening: string, field: FlatField<A>): AttvalueSlot<A> {
  const known = new Map<FlatValue, string>();
  return (attributes) => {
    const value = field.value(attributes);
    if (value === undefined) return '';
    let element = known.get(value);
    if (element === undefined) {
      const text = flatValueText(value);
      element = text === undefined ? '' : [opening, text, '"/>'].join('');
      if (known.size < SLOT_VALUES_KEPT && element.length <= KEPT_TEXT_LENGTH) known.set(value, element);
    }
    return element;
  };
}

/**
 * The attvalues in the model's order. Each field's value is computed once per element
 * and written straight away: no intermediate element object. `claimLists`: fields written
 * as JSON straight from the attribute (an edge's claims), by claimsAttribute, rather than
 * through the field's JSON string.
 */
function attvalueSlots<A>(
  model: Model,
  fields: FlatField<A>[],
  claimLists: Record<string, (attributes: A) => unknown> = {},
): AttvalueSlot<A>[] {
  const slots: AttvalueSlot<A>[] = [];
  for (const name of model.keys()) {
    const opening = `${line(6)}<attvalue for="${attribute(name)}" value="`;
    const raw = Object.hasOwn(claimLists, name) ? claimLists[name] : undefined;
    if (raw !== undefined) {
      slots.push((a) => {
        const value = raw(a);
        const text = isUnwritable(value) ? undefined : claimsAttribute(value);
        return text === undefined ? '' : `${opening}${text}"/>`;
      });
      continue;
    }
    const field = fields.find((f) => f.name === name);
    if (field) slots.push(fieldSlot(opening, field));
  }
  return slots;
}

/** The <attvalues> of an element at depth 5, or '' without a model. */
function attvaluesText<A>(slots: AttvalueSlot<A>[], attributes: A): string {
  if (slots.length === 0) return '';
  let values = '';
  for (let i = 0; i < slots.length; i++) values += slots[i](attributes);
  return values ? `${LINE5}<attvalues>${values}${LINE5}</attvalues>` : `${LINE5}<attvalues/>`;
}

/** graphology-gexf's CSS colour reading, for a colour gexfColor accepts: #rgb, #rrggbb, rgb() and rgba() to r, g, b (a). */
function colorAttributes(color: string): string {
  if (color.startsWith('#')) {
    const hex = color.length === 4 ? color.replace(/[0-9a-f]/gi, (digit) => digit + digit) : color;
    return ` r="${parseInt(hex.slice(1, 3), 16)}" g="${parseInt(hex.slice(3, 5), 16)}" b="${parseInt(hex.slice(5, 7), 16)}"`;
  }
  const match = RGBA.exec(color)!;
  return ` r="${+match[1]}" g="${+match[2]}" b="${+match[3]}"${match[4] ? ` a="${+match[4]}"` : ''}`;
}

function modelElement(model: Model, modelClass: string): string {
  if (model.size === 0) return '';
  let out = `${line(3)}<attributes class="${modelClass}">`;
  for (const [name, type] of model)
    out += `${line(4)}<attribute id="${attribute(name)}" title="${attribute(name)}" type="${type}"/>`;
  return `${out}${line(3)}</attributes>`;
}

/** Palettes hold few colours: their viz:color text is made once each (bounded for arbitrary data). */
const colorTexts = new Map<string, string>();

function colorText(color: string): string {
  let text = colorTexts.get(color);
  if (text === undefined) {
    text = `${LINE5}<viz:color${colorAttributes(color)}/>`;
    if (colorTexts.size < KEY_TEXTS_KEPT && color.length <= KEPT_TEXT_LENGTH) colorTexts.set(color, text);
  }
  return text;
}

const LINE4 = line(4);
const LINE5 = line(5);

/** Node attributes in GEXF: label, attvalues, then viz colour, size and position, as formatGexfNode and the library give them. */
function nodeText(key: string, a: NodeAttributes, slots: AttvalueSlot<NodeAttributes>[]): string {
  let inner = attvaluesText(slots, a);
  const color = nodeColor(a);
  if (color) inner += colorText(color);
  const size = nodeSize(a);
  if (size !== undefined) inner += `${LINE5}<viz:size value="${scalarAttribute(size)}"/>`;
  if (a.x !== undefined || a.y !== undefined) {
    inner += `${LINE5}<viz:position${a.x !== undefined ? ` x="${scalarAttribute(a.x)}"` : ''}${a.y !== undefined ? ` y="${scalarAttribute(a.y)}"` : ''}/>`;
  }
  const opening = `${LINE4}<node id="${attribute(key)}"${a.label ? ` label="${xmlValue(a.label)}"` : ''}`;
  return inner ? `${opening}>${inner}${LINE4}</node>` : `${opening}/>`;
}

/** An edge's spells, at depth 5: the days its claims cover. */
function spellsText(claims: EdgeAttributes['claims']): string {
  const spells = claimSpells(claims);
  if (spells.length === 0) return '';
  let out = `${LINE5}<spells>`;
  for (const { start, end } of spells) out += `${line(6)}<spell start="${start}" end="${end}"/>`;
  return `${out}${LINE5}</spells>`;
}

/**
 * Edge attributes in GEXF: weight, kind, label, attvalues, (spells,) then viz colour and
 * thickness, as formatGexfEdge and the library give them. Every edge is directed (gexf.ts says why).
 */
function edgeText(edge: ExportEdge, slots: AttvalueSlot<EdgeAttributes>[], dynamic: boolean): string {
  const a = edge.attributes;
  let inner = attvaluesText(slots, a);
  if (dynamic) inner += spellsText(a.claims);
  const color = gexfColor(a.color);
  if (color) inner += colorText(color);
  if (a.size !== undefined) inner += `${LINE5}<viz:thickness value="${scalarAttribute(a.size)}"/>`;
  const weight = edgeWeight(a);
  const opening =
    `${LINE4}<edge id="${attribute(edge.key)}" source="${attribute(edge.source)}" target="${attribute(edge.target)}"` +
    `${typeof weight === 'number' && !Number.isNaN(weight) ? ` weight="${weight}"` : ''}${a.type ? ` kind="${attribute(a.type)}"` : ''}${a.label ? ` label="${xmlValue(a.label)}"` : ''}`;
  return inner ? `${opening}>${inner}${LINE4}</edge>` : `${opening}/>`;
}

/** Elements are handed on in groups of about this many characters: fewer, larger chunks cost less to pass along. */
const CHUNK_SIZE = 64 * 1024;

export interface GexfOptions {
  /** Gephi's timeline: mode="dynamic" and the edges' spells. Without it, the static file. */
  dynamic: boolean;
}

export function* gexfChunks(graph: EvidenceGraph, { dynamic }: GexfOptions): Generator<string> {
  const nodes = yield* sortedNodesInSteps(graph);
  const edges = yield* sortedEdgeKeysInSteps(graph);
  const nodeModel = yield* inferModel(
    gexfNodeFields,
    nodes.map((n) => n.attributes),
  );
  const edgeModel = yield* inferModel(
    gexfEdgeFields,
    edges.map((key) => graph.getEdgeAttributes(key)),
  );
  const meta = gexfMeta(graph);

  yield (
    '<?xml version="1.0" encoding="UTF-8"?>' +
    `${line(1)}${GEXF_HEADER}` +
    `${line(2)}<meta>` +
    `${line(3)}<creator>${text(meta.creator)}</creator>${line(3)}<description>${text(meta.description)}</description>${line(3)}<keywords>${text(meta.keywords)}</keywords>` +
    `${line(2)}</meta>${line(2)}<graph defaultedgetype="directed"${dynamic ? ' mode="dynamic" timeformat="date"' : ''}>` +
    modelElement(nodeModel, 'node') +
    modelElement(edgeModel, 'edge')
  );

  if (nodes.length === 0) yield `${line(3)}<nodes/>`;
  else {
    const slots = attvalueSlots(nodeModel, gexfNodeFields);
    let chunk = `${line(3)}<nodes>`;
    for (const node of nodes) {
      chunk += nodeText(node.key, node.attributes, slots);
      if (chunk.length >= CHUNK_SIZE) {
        yield chunk;
        chunk = '';
      }
    }
    yield `${chunk}${line(3)}</nodes>`;
  }

  if (edges.length === 0) yield `${line(3)}<edges/>`;
  else {
    const slots = attvalueSlots(edgeModel, gexfEdgeFields, { claims: (a) => a.claims });
    let chunk = `${line(3)}<edges>`;
    for (const key of edges) {
      chunk += edgeText(exportEdge(graph, key), slots, dynamic);
      if (chunk.length >= CHUNK_SIZE) {
        yield chunk;
        chunk = '';
      }
    }
    yield `${chunk}${line(3)}</edges>`;
  }
  yield `${line(2)}</graph>${line(1)}</gexf>`;
}

export function exportGexfStreamed(graph: EvidenceGraph, options: GexfOptions = { dynamic: false }): string {
  return joinChunks(gexfChunks(graph, options));
}
