// The explorer's controller: it holds the UI state and what is derived from it (the
// visibility, the neighbourhood focus, the counts, the path found) and is the one place
// the state changes. `update` merges a change, re-derives what it affects, asks for a new
// path when needed, rewrites the URL and redraws the graph and the panels. No sigma
// here: the graph view (graphStage.ts) is attached once it is drawn.
import type { VocabularyResponse } from '../../server/model/api';
import type { EvidenceGraph } from '../../server/model/evidenceGraph';
import type { App, PathResult } from './app';
import { colourNodes, type Colouring } from './colouring';
import { documentDates, nothingKnownYet } from './documentDates';
import { edgeStyles, type EdgeStyle } from './edgeStyle';
import { type FacetCounts, statusLine } from './filters';
import { visibleNeighbours } from './neighbourhood';
import { edgeCurvatures } from './parallel';
import { type PartialView, statusLineText } from './partialView';
import { connectedUnder } from './pathOutcome';
import { createPathRequests, type PathKnowledge } from './pathRequest';
import type { ViewModel } from './reducers';
import type { GraphView } from './render/graphView';
import { nodeSizes } from './sizing';
import { defaultLook } from './sourceLook';
import type { CameraView, ColourBy, UiState } from './state';
import { stateToSearch } from './url';
import type { Notice } from './ui/notice';
import {
  type DerivedView,
  deriveView,
  nextState,
  pathChanged,
  pathHighlight,
  recountTotals,
  rederiveView,
  totalCounts,
} from './viewDerivation';

type Statuses = VocabularyResponse['statuses'];

export interface Panel {
  update(): void;
}

export interface Explorer {
  /** What the panels see. */
  app: App;
  /** What sigma's reducers draw from. */
  model(): ViewModel;
  /** Redraws the graph, the status line and every panel. */
  render(): void;
  /** Asks for the path of the current state (none: clears it). */
  requestPath(): void;
  /** Highlights an entity and its shown neighbours (undefined: none). */
  hover(node: string | undefined): void;
  /** Keeps the camera in the state and the URL, without redrawing. */
  moveCamera(camera: CameraView): void;
  attachView(view: GraphView): void;
  addPanel(panel: Panel): void;
  /** After items were merged into the graph: recounts, re-derives and redraws. */
  graphChanged(): void;
}

export interface ExplorerOptions {
  vocabulary: VocabularyResponse;
  graph: EvidenceGraph;
  notice: Notice;
  /** The state to start from (the restored link). */
  state: UiState;
  statusLine: HTMLElement;
  /** Over the graph: why it shows no relation, when a Known on day precedes every document. */
  viewMessage?: HTMLElement;
  partial?: PartialView;
}

export function createExplorer({
  vocabulary,
  graph,
  notice,
  state: initial,
  statusLine: statusLineElement,
  viewMessage,
  partial,
}: ExplorerOptions): Explorer {
  const statuses = vocabulary.statuses;
  const styles = edgeStyles(statuses);
  const totals = totalCounts(graph, statuses);
  const sizes = createSizeCache(graph);
  const colourings = createColouringCache(graph);
  // The look a link leaves out is the graph's own (the file's colours and sizes, when it has them).
  let look = defaultLook(graph);
  let state = initial;
  let derived = deriveView(graph, state, statuses);
  // Recomputed by graphChanged when the review panel puts an accepted claim on the graph.
  let curvatures = edgeCurvatures(graph);
  let dates = documentDates(graph);
  let revision = 0;
  let hovered: ViewModel['hovered'];
  let path: PathResult | undefined;
  let view: GraphView | undefined;
  const panels: Panel[] = [];
  const paths = createPathRequests(pathKnowledge(graph, statuses, partial), (result) => {
    path = result;
    render();
    if (result.response) view?.fitNodes(result.response.nodes.map((node) => node.id));
  });

  const writeUrl = () =>
    window.history.replaceState(null, '', `${window.location.pathname}${stateToSearch(state, look)}`);
  const model = (): ViewModel => ({
    graph,
    visibility: derived.visibility,
    sizes: sizes.get(state.sizeMode),
    colours: colourings.get(state.colourBy).colours,
    curvatures,
    styles,
    focus: derived.focus,
    hovered,
    selectedNode: state.selectedNode,
    selectedEdge: state.selectedEdge,
    path: pathHighlight(path),
  });

  function requestPath(): void {
    path = paths.request(state.path, state.filters);
  }

  function render(): void {
    view?.refresh();
    statusLineElement.textContent = statusLineText(statusLine(graph, derived.visibility), graph.order, partial);
    if (viewMessage) showMessage(viewMessage, nothingKnownYet(state.filters.knownAt, dates));
    for (const panel of panels) panel.update();
  }

  function update(change: Partial<UiState>): void {
    const previous = state;
    state = nextState(state, change);
    derived = rederiveView(graph, previous, state, derived, statuses);
    if (pathChanged(previous, state)) requestPath();
    writeUrl();
    render();
    if (state.neighbourhoodDepth !== previous.neighbourhoodDepth) {
      if (derived.focus) view?.fitNodes(derived.focus);
      else view?.resetCamera();
    }
  }

  const app = createApp(
    { vocabulary, graph, styles, totals, notice, colouring: () => colourings.get(state.colourBy) },
    {
      state: () => state,
      derived: () => derived,
      path: () => path,
      view: () => view,
      dates: () => dates,
      revision: () => revision,
      update,
    },
  );
  return {
    app,
    model,
    render,
    requestPath,
    hover(node) {
      hovered =
        node === undefined ? undefined : { node, neighbours: visibleNeighbours(graph, node, derived.visibility) };
      view?.refresh();
    },
    moveCamera(camera) {
      state = { ...state, camera };
      writeUrl();
    },
    attachView: (attached) => void (view = attached),
    addPanel: (panel) => void panels.push(panel),
    graphChanged() {
      revision += 1;
      curvatures = edgeCurvatures(graph);
      dates = documentDates(graph);
      recountTotals(graph, statuses, totals);
      sizes.clear();
      colourings.clear();
      look = defaultLook(graph);
      derived = deriveView(graph, state, statuses);
      render();
    },
  };
}

/** What the path requests know from the graph the explorer holds: names, and when there can be no path. */
function pathKnowledge(graph: EvidenceGraph, statuses: Statuses, partial: PartialView | undefined): PathKnowledge {
  return {
    name: (id) => (graph.hasNode(id) ? graph.getNodeAttribute(id, 'label') : id),
    // A partial view does not hold every relation: only the server knows there is no path.
    mayConnect: (request, filters) => partial !== undefined || connectedUnder(graph, request, filters, statuses),
  };
}

function showMessage(element: HTMLElement, message: string | undefined): void {
  element.textContent = message ?? '';
  element.hidden = message === undefined;
}

/** Node sizes per size mode, computed the first time a mode is drawn; cleared when the graph grows. */
function createSizeCache(graph: EvidenceGraph): { get(mode: UiState['sizeMode']): Map<string, number>; clear(): void } {
  const cache = new Map<string, Map<string, number>>();
  return {
    get(mode) {
      let sizes = cache.get(mode);
      if (!sizes) cache.set(mode, (sizes = nodeSizes(graph, mode)));
      return sizes;
    },
    clear: () => cache.clear(),
  };
}

/** The colouring of each "Colour by" choice, computed the first time it is drawn; cleared when the graph grows. */
function createColouringCache(graph: EvidenceGraph): { get(colourBy: ColourBy): Colouring; clear(): void } {
  const cache = new Map<ColourBy, Colouring>();
  return {
    get(colourBy) {
      let colouring = cache.get(colourBy);
      if (!colouring) cache.set(colourBy, (colouring = colourNodes(graph, colourBy)));
      return colouring;
    },
    clear: () => cache.clear(),
  };
}

/** The App the panels see, read through the explorer's current state. */
function createApp(
  data: {
    vocabulary: VocabularyResponse;
    graph: EvidenceGraph;
    styles: Map<string, EdgeStyle>;
    totals: FacetCounts;
    notice: Notice;
    colouring(): Colouring;
  },
  current: {
    state(): UiState;
    derived(): DerivedView;
    path(): PathResult | undefined;
    view(): GraphView | undefined;
    dates(): readonly string[];
    revision(): number;
    update(change: Partial<UiState>): void;
  },
): App {
  const { update } = current;
  return {
    vocabulary: data.vocabulary,
    graph: data.graph,
    styles: data.styles,
    totals: data.totals,
    colouring: data.colouring,
    state: current.state,
    visibility: () => current.derived().visibility,
    counts: () => current.derived().counts,
    pathResult: current.path,
    documentDates: current.dates,
    graphRevision: current.revision,
    update,
    selectNode(node) {
      update({
        selectedNode: node,
        selectedEdge: undefined,
        openDocument: undefined,
        neighbourhoodDepth: current.state().selectedNode === node ? current.state().neighbourhoodDepth : undefined,
      });
      current.view()?.focusNode(node);
    },
    selectEdge(edge) {
      update({ selectedEdge: edge, openDocument: undefined });
    },
    revealEdge(edge) {
      update({ selectedEdge: edge, openDocument: undefined });
      if (data.graph.hasEdge(edge)) current.view()?.revealNodes(data.graph.extremities(edge));
    },
    exportPng(scale) {
      const view = current.view();
      return view ? view.exportPng(scale) : Promise.reject(new Error('the graph is not drawn yet'));
    },
    notify: (message, kind) => (kind === 'error' ? data.notice.error(message) : data.notice.info(message)),
  };
}
