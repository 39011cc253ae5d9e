// The look an imported file gave its nodes, as the import kept it in each entity's
// attributes: `color` (GEXF viz:color, JSON or GraphML colour strings) and `size` (GEXF
// viz:size, a JSON or GraphML size). Only values a renderer can draw count: a hex or rgb()
// colour, a positive size. Shared by the explorer (which shows a graph with them) and the
// GEXF export (which writes them back, so Gephi opens the graph as it was drawn).
import type { NodeAttributes } from './graph';

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
