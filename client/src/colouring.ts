// "Colour by": what node colour says. By entity type (the vocabulary's colours, drawn as
// the server sends them), by the colours of the imported file, by Louvain community
// (computed here, seeded, on the graph the explorer holds), or by one attribute the data
// has: a categorical one through a palette, a numeric one along a ramp. Each choice gives
// the colour of every node and the legend that explains it. Pure, so jest tests it.
import louvain from 'graphology-communities-louvain';
import type { EvidenceGraph } from '../../server/model/evidenceGraph';
import { KeySafeGraph } from '../../server/model/keySafeGraph';
import { seededRandom } from '../../server/model/random';
import { sourceColour, hasSourceColours } from './sourceLook';
import type { ColourBy } from './state';

/** Twelve colours told apart on white and by most colour-blind readers (Tableau 10, two added). */
export const PALETTE = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#17becf',
  '#bcbd22',
  '#8c564b',
] as const;
/** Values beyond the palette, and nodes without a value. */
export const OTHER_COLOUR = '#b8bfc7';
export const MISSING_COLOUR = '#e1e5ea';
/** The numeric ramp, low to high (viridis' ends and middle). */
export const RAMP = ['#440154', '#21918c', '#fde725'] as const;
/** Louvain's seed: the same graph always gives the same communities (the server's stats use it too). */
const LOUVAIN_SEED = 7;
const ATTRIBUTE_PREFIX = 'attribute:';

export interface LegendEntry {
  label: string;
  colour: string;
  count: number;
}

export interface ColourLegend {
  /** One line saying what the colours mean. */
  note: string;
  entries: LegendEntry[];
  /** A numeric attribute's ramp and the values at its ends. */
  ramp?: { min: number; max: number; stops: readonly string[] };
}

export interface Colouring {
  /** The colour of each node; undefined: the type colours the graph carries. */
  colours?: Map<string, string>;
  legend?: ColourLegend;
}

export interface ColourOption {
  value: ColourBy;
  label: string;
}

/** Attributes that say nothing as colours: the file's colour is "source", sourceKey is an id. */
const NOT_COLOURS = new Set(['color', 'sourceKey']);

export const attributeColourBy = (name: string): ColourBy => `${ATTRIBUTE_PREFIX}${name}`;

export function attributeOf(colourBy: ColourBy): string | undefined {
  return colourBy.startsWith(ATTRIBUTE_PREFIX) ? colourBy.slice(ATTRIBUTE_PREFIX.length) : undefined;
}

/** The names of the node attributes the data has, sorted, that can colour the graph. */
export function colourableAttributes(graph: EvidenceGraph): string[] {
  const names = new Set<string>();
  graph.forEachNode((_node, { attributes }) => {
    for (const [name, value] of Object.entries(attributes ?? {}))
      if (!NOT_COLOURS.has(name) && primitive(value) !== undefined) names.add(name);
  });
  return [...names].sort();
}

/** The choices this graph offers, in the order the select lists them. */
export function colourOptions(graph: EvidenceGraph): ColourOption[] {
  const options: ColourOption[] = [{ value: 'type', label: 'entity type' }];
  if (hasSourceColours(graph)) options.push({ value: 'source', label: 'colours from the file' });
  options.push({ value: 'community', label: 'community (Louvain)' });
  for (const name of colourableAttributes(graph)) options.push({ value: attributeColourBy(name), label: name });
  return options;
}

export function isColourByAvailable(graph: EvidenceGraph, colourBy: ColourBy): boolean {
  return colourOptions(graph).some((option) => option.value === colourBy);
}

export function colourNodes(graph: EvidenceGraph, colourBy: ColourBy): Colouring {
  if (colourBy === 'type') return {};
  if (colourBy === 'source') return bySourceColours(graph);
  if (colourBy === 'community') return byCommunity(graph);
  const name = attributeOf(colourBy)!;
  const values = attributeValues(graph, name);
  const numeric = values.size > 0 && [...values.values()].every((value) => typeof value === 'number');
  return numeric ? byNumber(graph, name, values as Map<string, number>) : byCategory(graph, name, values);
}

function bySourceColours(graph: EvidenceGraph): Colouring {
  const colours = new Map<string, string>();
  graph.forEachNode((node, attributes) => {
    const colour = sourceColour(attributes);
    if (colour !== undefined) colours.set(node, colour);
  });
  const others = graph.order - colours.size;
  const note =
    others === 0
      ? 'Colours from the imported file.'
      : `Colours from the imported file; ${others} ${others === 1 ? 'entity has' : 'entities have'} none and ${others === 1 ? 'keeps its' : 'keep their'} type's colour.`;
  return { colours, legend: { note, entries: [] } };
}

/** A value that can colour: text (trimmed, not empty), a finite number, a boolean. Text that spells a number is that number (CSV cells are text). */
function primitive(value: unknown): string | number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'boolean') return String(value);
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const text = value.trim();
  return /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text) ? Number(text) : text;
}

function attributeValues(graph: EvidenceGraph, name: string): Map<string, string | number> {
  const values = new Map<string, string | number>();
  graph.forEachNode((node, { attributes }) => {
    const value = attributes !== undefined && Object.hasOwn(attributes, name) ? primitive(attributes[name]) : undefined;
    if (value !== undefined) values.set(node, value);
  });
  return values;
}

/** Groups (value or community) largest first get the palette; past twelve, the rest share one grey. */
function paletteEntries(groups: Array<{ label: string; members: string[] }>, otherLabel: string) {
  const coloured = groups.length > PALETTE.length ? groups.slice(0, PALETTE.length - 1) : groups;
  const rest = groups.slice(coloured.length);
  const colours = new Map<string, string>();
  const entries: LegendEntry[] = coloured.map((group, index) => {
    for (const member of group.members) colours.set(member, PALETTE[index]);
    return { label: group.label, colour: PALETTE[index], count: group.members.length };
  });
  if (rest.length > 0) {
    let count = 0;
    for (const group of rest) for (const member of group.members) (colours.set(member, OTHER_COLOUR), count++);
    entries.push({ label: `${rest.length} ${otherLabel}`, colour: OTHER_COLOUR, count });
  }
  return { colours, entries };
}

function addMissing(graph: EvidenceGraph, colours: Map<string, string>, entries: LegendEntry[]): void {
  let missing = 0;
  graph.forEachNode((node) => {
    if (!colours.has(node)) (colours.set(node, MISSING_COLOUR), missing++);
  });
  if (missing > 0) entries.push({ label: 'no value', colour: MISSING_COLOUR, count: missing });
}

function byCategory(graph: EvidenceGraph, name: string, values: Map<string, string | number>): Colouring {
  const groups = new Map<string, string[]>();
  for (const [node, value] of values) {
    const key = String(value);
    const members = groups.get(key);
    if (members) members.push(node);
    else groups.set(key, [node]);
  }
  const sorted = [...groups.entries()]
    .map(([label, members]) => ({ label, members }))
    .sort((a, b) => b.members.length - a.members.length || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  const { colours, entries } = paletteEntries(sorted, 'other values');
  addMissing(graph, colours, entries);
  return { colours, legend: { note: `Colour: ${name}.`, entries } };
}

/** The ramp's colour at t in [0, 1], interpolated between its stops. */
export function rampColour(t: number): string {
  const clamped = Math.min(1, Math.max(0, t));
  const scaled = clamped * (RAMP.length - 1);
  const index = Math.min(RAMP.length - 2, Math.floor(scaled));
  const local = scaled - index;
  const [from, to] = [RAMP[index], RAMP[index + 1]].map((hex) =>
    [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)),
  );
  const channel = (i: number) =>
    Math.round(from[i] + (to[i] - from[i]) * local)
      .toString(16)
      .padStart(2, '0');
  return `#${channel(0)}${channel(1)}${channel(2)}`;
}

function byNumber(graph: EvidenceGraph, name: string, values: Map<string, number>): Colouring {
  let min = Infinity;
  let max = -Infinity;
  for (const value of values.values()) ((min = Math.min(min, value)), (max = Math.max(max, value)));
  const colours = new Map<string, string>();
  for (const [node, value] of values) colours.set(node, rampColour(max === min ? 0.5 : (value - min) / (max - min)));
  const entries: LegendEntry[] = [];
  addMissing(graph, colours, entries);
  return { colours, legend: { note: `Colour: ${name}, from low to high.`, entries, ramp: { min, max, stops: RAMP } } };
}

/** Louvain on the graph as simple, undirected and weighted by claims, nodes and edges in key order. */
export function communities(graph: EvidenceGraph): string[][] {
  const simple = new KeySafeGraph<Record<string, never>, { weight: number }>({ type: 'undirected' });
  for (const node of graph.nodes().sort()) simple.addNode(node);
  const pairs: Array<[string, string, number]> = [];
  graph.forEachEdge((_edge, { claimCount }, source, target) => {
    if (source !== target) pairs.push(source < target ? [source, target, claimCount] : [target, source, claimCount]);
  });
  pairs.sort((a, b) => (a[0] !== b[0] ? (a[0] < b[0] ? -1 : 1) : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  for (const [a, b, weight] of pairs) simple.updateEdge(a, b, (edge) => ({ weight: (edge.weight ?? 0) + weight }));
  const membership: Record<string, number> =
    simple.size === 0
      ? Object.fromEntries(simple.nodes().map((node, index) => [node, index]))
      : louvain(simple, { getEdgeWeight: 'weight', rng: seededRandom(LOUVAIN_SEED) });
  const groups = new Map<number, string[]>();
  for (const node of simple.nodes()) {
    const members = groups.get(membership[node]);
    if (members) members.push(node);
    else groups.set(membership[node], [node]);
  }
  const byDegree = (a: string, b: string) => graph.degree(b) - graph.degree(a) || (a < b ? -1 : 1);
  const sorted = [...groups.values()].map((members) => members.sort(byDegree));
  return sorted.sort((a, b) => b.length - a.length || (a[0] < b[0] ? -1 : 1));
}

function byCommunity(graph: EvidenceGraph): Colouring {
  const groups = communities(graph).map((members) => ({
    label: graph.getNodeAttribute(members[0], 'label'),
    members,
  }));
  const { colours, entries } = paletteEntries(groups, 'smaller communities');
  return {
    colours,
    legend: { note: 'Louvain communities, largest first, each named after its most connected entity.', entries },
  };
}
