// GEXF 1.3 export (Gephi's format) through graphology-gexf's writer. GEXF attributes
// are scalars, so each edge carries its claims as a JSON string attribute `claims`
// beside flat ones (status, claimCount, dates, documents joined); colour, size and
// position go to the viz namespace where Gephi reads them. Parallel edges of different
// types between the same two entities are told apart by `kind` (the edge type), as
// GEXF 1.3 prescribes for multigraphs. The export format writes with gexfStream.ts,
// which streams the same bytes; exportGexf here is the reference it is held to.
import { write } from 'graphology-gexf';
import { createEvidenceGraph, type EvidenceGraph, type EvidenceGraphAttributes } from '../model/evidenceGraph';
import type { EdgeAttributes, NodeAttributes } from '../model/graph';
import { edgeFields, nodeFields, type FlatField, type FlatValue } from './flatAttributes';
import { sortedEdges, sortedNodes } from './sortedElements';
import { toXmlCharacters } from './xml';

/** Attributes that GEXF holds in dedicated places (label, viz:*), not in attvalues. */
const NODE_VIZ_OR_LABEL = new Set(['label', 'color', 'size', 'x', 'y']);
const EDGE_VIZ_OR_LABEL = new Set(['label', 'color', 'size']);

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

export function formatGexfNode(_key: string, a: NodeAttributes): GexfElement {
  return {
    label: toXmlCharacters(a.label),
    viz: { color: a.color, size: a.size, x: a.x, y: a.y },
    attributes: attvalues(gexfNodeFields, a),
  };
}

export function formatGexfEdge(_key: string, a: EdgeAttributes): GexfElement {
  return {
    label: toXmlCharacters(a.label),
    kind: a.type,
    weight: a.claimCount,
    viz: { color: a.color, thickness: a.size },
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
 * the attribute objects) makes the output deterministic.
 */
function sortedCopy(graph: EvidenceGraph): EvidenceGraph {
  const copy = createEvidenceGraph();
  copy.replaceAttributes(gexfMeta(graph) as unknown as EvidenceGraphAttributes);
  for (const node of sortedNodes(graph)) copy.addNode(node.key, node.attributes);
  for (const edge of sortedEdges(graph)) {
    if (edge.undirected) copy.addUndirectedEdgeWithKey(edge.key, edge.source, edge.target, edge.attributes);
    else copy.addDirectedEdgeWithKey(edge.key, edge.source, edge.target, edge.attributes);
  }
  return copy;
}

export function exportGexf(graph: EvidenceGraph): string {
  return write<NodeAttributes, EdgeAttributes, GexfAttributes, GexfAttributes>(sortedCopy(graph), {
    version: '1.3',
    pedantic: true,
    formatNode: formatGexfNode,
    formatEdge: formatGexfEdge,
  });
}
