// A shared link restored against the dataset that is loaded: the view the URL describes
// (url.ts), less the ids and the colour or size modes this dataset does not have, each
// dropped with a note the user reads; what the link leaves out of colour and size is the
// dataset's own look (sourceLook.ts). Pure, so jest tests it.
import type { EvidenceGraph } from '../../server/model/evidenceGraph';
import { attributeOf, isColourByAvailable } from './colouring';
import { defaultLook, hasSourceSizes } from './sourceLook';
import type { UiState } from './state';
import { stateFromSearch } from './url';

export interface RestoredLink {
  state: UiState;
  /** What of the link could not be restored, and why. */
  problems: string[];
}

/** Ids in a shared link that this dataset does not have are dropped, with a note. */
export function dropUnknownIds(state: UiState, graph: EvidenceGraph, problems: string[]): UiState {
  const next = { ...state };
  if (next.selectedNode !== undefined && !graph.hasNode(next.selectedNode)) {
    problems.push(`node: no entity "${next.selectedNode}"`);
    next.selectedNode = undefined;
    next.neighbourhoodDepth = undefined;
  }
  if (next.selectedEdge !== undefined && !graph.hasEdge(next.selectedEdge)) {
    problems.push(`edge: no relation "${next.selectedEdge}"`);
    next.selectedEdge = undefined;
  }
  if (next.path && (!graph.hasNode(next.path.from) || !graph.hasNode(next.path.to))) {
    problems.push('path: an entity of the path is not in this dataset');
    next.path = undefined;
  }
  return next;
}

/** A colour or size mode this dataset cannot give falls back to its default look, with a note. */
export function dropUnavailableLook(state: UiState, graph: EvidenceGraph, problems: string[]): UiState {
  const look = defaultLook(graph);
  const next = { ...state };
  if (!isColourByAvailable(graph, next.colourBy)) {
    const attribute = attributeOf(next.colourBy);
    problems.push(
      attribute !== undefined
        ? `colour: no entity has the attribute "${attribute}"`
        : 'colour: no entity has a colour of its own',
    );
    next.colourBy = look.colourBy;
  }
  if (next.sizeMode === 'source' && !hasSourceSizes(graph)) {
    problems.push('size: no entity has a size of its own');
    next.sizeMode = look.sizeMode;
  }
  return next;
}

/** The view of a URL's query string on this graph, with the problems of both steps. */
export function restoreLink(search: string, graph: EvidenceGraph): RestoredLink {
  const parsed = stateFromSearch(search, defaultLook(graph));
  const state = dropUnavailableLook(dropUnknownIds(parsed.state, graph, parsed.problems), graph, parsed.problems);
  return { state, problems: parsed.problems };
}

/** The notice about what of the link was dropped, or undefined when all of it was restored. */
export function restoreProblemsNotice(problems: readonly string[]): string | undefined {
  return problems.length > 0 ? `Some of the link could not be restored: ${problems.join('; ')}` : undefined;
}
