// What the explorer shows, derived from its state alone: what the filters keep, the
// neighbourhood that narrows it, the counts beside each filter, the totals over the whole
// graph and the found path's items to highlight. Pure (no DOM, no sigma) so jest tests
// it; explorer.ts holds the results and re-derives only what a change affects.
import type { EvidenceGraph } from '../../server/model/evidenceGraph';
import type { Status } from '../../server/model/vocabulary';
import { computeVisibility, countVisible, type FacetCounts, restrictToNodes, type Visibility } from './filters';
import { neighbourhood } from './neighbourhood';
import type { ViewModel } from './reducers';
import type { UiState } from './state';

type Statuses = readonly Pick<Status, 'id' | 'rule'>[];

export interface DerivedView {
  /** What the filters keep. */
  filtered: Visibility;
  /** The entities of the neighbourhood view, when one is open. */
  focus: Set<string> | undefined;
  /** What is shown: `filtered` narrowed to `focus`. */
  visibility: Visibility;
  /** What is shown, counted by node type, edge type and status. */
  counts: FacetCounts;
}

/** The shown part of `filtered`: all of it, or the selected entity's neighbourhood at the state's depth. */
export function focusView(graph: EvidenceGraph, state: UiState, filtered: Visibility): DerivedView {
  const focus =
    state.selectedNode !== undefined && state.neighbourhoodDepth !== undefined
      ? neighbourhood(graph, state.selectedNode, state.neighbourhoodDepth, filtered)
      : undefined;
  const visibility = focus ? restrictToNodes(graph, filtered, focus) : filtered;
  return { filtered, focus, visibility, counts: countVisible(graph, visibility) };
}

/** Everything derived afresh: at the start, and after the graph itself changed. */
export function deriveView(graph: EvidenceGraph, state: UiState, statuses: Statuses): DerivedView {
  return focusView(graph, state, computeVisibility(graph, state.filters, statuses));
}

/**
 * What is derived after the state went from `previous` to `state`: the filters'
 * visibility only when the filters changed, the focus only when the filters, the
 * selection or the depth did; otherwise `derived` itself.
 */
export function rederiveView(
  graph: EvidenceGraph,
  previous: UiState,
  state: UiState,
  derived: DerivedView,
  statuses: Statuses,
): DerivedView {
  const filtered =
    state.filters !== previous.filters ? computeVisibility(graph, state.filters, statuses) : derived.filtered;
  const focusChanged =
    state.filters !== previous.filters ||
    state.selectedNode !== previous.selectedNode ||
    state.neighbourhoodDepth !== previous.neighbourhoodDepth;
  return focusChanged ? focusView(graph, state, filtered) : derived;
}

/** The state after a change: without a selected entity there is no neighbourhood depth. */
export function nextState(state: UiState, change: Partial<UiState>): UiState {
  const next = { ...state, ...change };
  if (next.selectedNode === undefined) next.neighbourhoodDepth = undefined;
  return next;
}

/** Whether the path must be asked for again: another request, or new filters under a request. */
export function pathChanged(previous: UiState, state: UiState): boolean {
  return state.path !== previous.path || (state.path !== undefined && state.filters !== previous.filters);
}

/** What a path result holds that the graph highlights: the ids of its entities and relations. */
type FoundPath = {
  response?: { nodes: readonly { id: string }[]; steps: readonly { edges: readonly { id: string }[] }[] };
};

/** The entities and relations of a found path, as the reducers highlight them. */
export function pathHighlight(path: FoundPath | undefined): ViewModel['path'] {
  if (!path?.response) return undefined;
  return {
    nodes: new Set(path.response.nodes.map((node) => node.id)),
    edges: new Set(path.response.steps.flatMap((step) => step.edges.map((edge) => edge.id))),
  };
}

/** Counts over the whole graph, unfiltered: the "of total" beside each filter. */
export function totalCounts(graph: EvidenceGraph, statuses: Statuses): FacetCounts {
  return countVisible(graph, computeVisibility(graph, {}, statuses));
}

/** Recounts the totals after the graph grew, in place: panels keep the object they were given. */
export function recountTotals(graph: EvidenceGraph, statuses: Statuses, totals: FacetCounts): void {
  const recounted = totalCounts(graph, statuses);
  for (const facet of ['nodeTypes', 'edgeTypes', 'statuses'] as const) {
    totals[facet].clear();
    for (const [key, count] of recounted[facet]) totals[facet].set(key, count);
  }
}
