// GEXF 1.2 export (Gephi's format, and the newest NetworkX reads) through graphology-gexf's
// writer. GEXF attributes are scalars, so each edge carries its claims as a JSON string
// attribute `claims` beside flat ones (status, claimCount, dates, documents joined);
// colour (as r, g, b: what Gephi and NetworkX both read), size and position go to the
// viz namespace; a node an imported file coloured or sized keeps the file's colour and size. Every relation is written as a directed edge subject → object, the
// undirected ones with `directed` false: NetworkX reads no mixed graph, and refuses an
// undirected edge in a directed one. Parallel edges of different types between the same
// two entities are told apart by `kind` (the edge type). The export format writes with
// gexfStream.ts, which streams the same bytes (and the timeline); exportGexf here is the
// reference it is held to, with the viz namespace corrected (gexfStream.ts says how).
import { write } from 'graphology-gexf';
import { createEvidenceGraph, type EvidenceGraph, type EvidenceGraphAttributes } from '../model/evidenceGraph';
import type { EdgeAttributes, NodeAttributes } from '../model/graph';
import { sourceColour, sourceSize } from '../model/sourceLook';
import { edgeFields, edgeWeight, nodeFields, type FlatField, type FlatValue } from './flatAttributes';
import { sortedEdges, sortedNodes } from './sortedElements';
import { toXmlCharacters } from './xml';

/** Attributes that GEXF holds in dedicated places (label, weight, viz:*), not in attvalues. */
const NODE_VIZ_OR_LABEL = new Set(['label', 'color', 'size', 'x', 'y']);
const EDGE_VIZ_OR_LABEL = new Set(['label', 'color', 'size', 'weight']);

export const gexfNodeFields = nodeFields.filter((f) => !NODE_VIZ_OR_LABEL.has(f.name));
export const gexfEdgeFields = edgeFields.filter((f) => !EDGE_VIZ_OR_LABEL.has(f.name));

export type GexfAttributes = Record<string, FlatValue>;

export interface GexfViz {
  color?: string;
  size?: number;
  x?: number;
  y?: number;
  thickness?: number;
}

export interface GexfElement {
  label: string;
  viz: GexfViz;
  attributes: GexfAttributes;
  kind?: string;
  weight?: number;
}

/** Strings lose the characters XML cannot carry; graphology-gexf's writer does not remove them. */
export function gexfValue(value: FlatValue): FlatValue {
  return typeof value === 'string' ? toXmlCharacters(value) : value;
}

function attvalues<A>(fields: FlatField<A>[], attributes: A): GexfAttributes {
  const out: GexfAttributes = {};
  for (const field of fields) {
    const value = field.value(attributes);
    if (value !== undefined) out[field.name] = gexfValue(value);
  }
  return out;
}

/** Colours GEXF can say as r, g, b (and a): #rgb, #rrggbb, rgb() and rgba(). Others are left out: an empty <viz:color/> breaks readers. */
export function gexfColor(color: string | undefined): string | undefined {
  if (!color) return undefined;
  return /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(color) || RGBA.test(color) ? color : undefined;
}

/** A node's colour: the one its imported file gave it (sourceLook.ts), else its type's. */
export function nodeColor(a: NodeAttributes): string | undefined {
  return gexfColor(sourceColour(a)) ?? gexfColor(a.color);
}

/** A node's size: the one its imported file gave it, else the one made from its relations. */
export function nodeSize(a: NodeAttributes): number | undefined {
  return sourceSize(a) ?? a.size;
}

/** graphology-gexf's rgb()/rgba() pattern. */
export const RGBA = /^\s*rgba?\s*\(\s*([0-9]*)\s*,\s*([0-9]*)\s*,\s*([0-9]*)\s*(?:,\s*([.0-9]*))?\)\s*$/;

export function formatGexfNode(_key: string, a: NodeAttributes): GexfElement {
  return {
    label: toXmlCharacters(a.label),
    viz: { color: nodeColor(a), size: nodeSize(a), x: a.x, y: a.y },
    attributes: attvalues(gexfNodeFields, a),
  };
}

export function formatGexfEdge(_key: string, a: EdgeAttributes): GexfElement {
  return {
    label: toXmlCharacters(a.label),
    kind: a.type,
    weight: edgeWeight(a),
    viz: { color: gexfColor(a.color), thickness: a.size },
    attributes: attvalues(gexfEdgeFields, a),
  };
}

/** GEXF's <meta> knows creator, description and keywords; pedantic mode writes only those. */
export function gexfMeta(graph: EvidenceGraph): { creator: string; description: string; keywords: string } {
  const { name, version } = graph.getAttributes();
  return { creator: 'claimgraph', description: `${name} export of dataset ${version}`, keywords: 'claimgraph' };
}

/**
 * graphology-gexf writes in the graph's insertion order; a copy with sorted keys (sharing
 * the attribute objects) makes the output deterministic. Every edge goes in directed (see above).
 */
function sortedCopy(graph: EvidenceGraph): EvidenceGraph {
  const copy = createEvidenceGraph();
  copy.replaceAttributes(gexfMeta(graph) as unknown as EvidenceGraphAttributes);
  for (const node of sortedNodes(graph)) copy.addNode(node.key, node.attributes);
  for (const edge of sortedEdges(graph))
    copy.addDirectedEdgeWithKey(edge.key, edge.source, edge.target, edge.attributes);
  return copy;
}

/**
 * The static GEXF as graphology-gexf writes it. The library's GEXF 1.2 header names the
 * viz namespace `http:///www.gexf.net/1.1draft/viz` (three slashes, 1.1): readers that
 * match the namespace (NetworkX) then see no colour, size or position. The header is
 * the only difference from the streamed writer, which names the right one.
 */
export function exportGexfWithLibraryHeader(graph: EvidenceGraph): string {
  return write<NodeAttributes, EdgeAttributes, GexfAttributes, GexfAttributes>(sortedCopy(graph), {
    version: '1.2',
    pedantic: true,
    formatNode: formatGexfNode,
    formatEdge: formatGexfEdge,
  });
}

export const GEXF_HEADER =
  '<gexf version="1.2" xmlns="http://www.gexf.net/1.2draft" xmlns:viz="http://www.gexf.net/1.2draft/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd">';

const LIBRARY_HEADER =
  '<gexf version="1.2" xmlns="http://www.gexf.net/1.2draft" xmlns:viz="http:///www.gexf.net/1.1draft/viz">';

/** The static GEXF export as the library writes it, with the right header. */
export function exportGexf(graph: EvidenceGraph): string {
  const text = exportGexfWithLibraryHeader(graph);
  if (!text.includes(LIBRARY_HEADER)) throw new Error('exportGexf: graphology-gexf wrote another header than expected');
  return text.replace(LIBRARY_HEADER, GEXF_HEADER);
}
