// The look an imported file gave its nodes, as the import kept it in each entity's
// attributes: `color` (GEXF viz:color, JSON or GraphML colour strings) and `size` (GEXF
// viz:size, a JSON or GraphML size). Only values sigma can draw count: a hex or rgb()
// colour, a positive size. A graph that has them is shown with them unless its link says
// otherwise (defaultLook). Pure, so jest tests it.
import type { EvidenceGraph } from '../../server/model/evidenceGraph';
import type { NodeAttributes } from '../../server/model/graph';
import type { ColourBy, SizeMode } from './state';

const HEX_COLOUR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
const RGB_COLOUR = /^rgba?\(\s*\d{1,3}\s*,\s*\d{1,3}\s*,\s*\d{1,3}\s*(?:,\s*(?:0|1|0?\.\d+)\s*)?\)$/i;

/** The node's own colour from its source file, or undefined. */
export function sourceColour(attributes: Pick<NodeAttributes, 'attributes'>): string | undefined {
  const colour = attributes.attributes?.color;
  return typeof colour === 'string' && (HEX_COLOUR.test(colour.trim()) || RGB_COLOUR.test(colour.trim()))
    ? colour.trim()
    : undefined;
}

/** The node's own size from its source file, or undefined. */
export function sourceSize(attributes: Pick<NodeAttributes, 'attributes'>): number | undefined {
  const size = attributes.attributes?.size;
  return typeof size === 'number' && Number.isFinite(size) && size > 0 ? size : undefined;
}

export function hasSourceColours(graph: EvidenceGraph): boolean {
  return graph.someNode((_node, attributes) => sourceColour(attributes) !== undefined);
}

export function hasSourceSizes(graph: EvidenceGraph): boolean {
  return graph.someNode((_node, attributes) => sourceSize(attributes) !== undefined);
}

/** How a view looks where its link says nothing: with the file's colours and sizes when the data has them. */
export interface DefaultLook {
  colourBy: ColourBy;
  sizeMode: SizeMode;
}

export const PLAIN_LOOK: DefaultLook = { colourBy: 'type', sizeMode: 'degree' };

export function defaultLook(graph: EvidenceGraph): DefaultLook {
  return {
    colourBy: hasSourceColours(graph) ? 'source' : 'type',
    sizeMode: hasSourceSizes(graph) ? 'source' : 'degree',
  };
}
