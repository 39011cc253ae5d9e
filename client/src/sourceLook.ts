// Whether a graph has the look an imported file gave its nodes (server/model/sourceLook.ts
// reads it from each entity's attributes): a graph that has it is shown with it unless
// its link says otherwise (defaultLook). Pure, so jest tests it.
import type { EvidenceGraph } from '../../server/model/evidenceGraph';
import { sourceColour, sourceSize } from '../../server/model/sourceLook';
import type { ColourBy, SizeMode } from './state';

export { sourceColour, sourceSize };

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
