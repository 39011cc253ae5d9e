// The explorer's entry point: loads the vocabulary and the graph from the API, restores
// the view from the URL, and keeps state, graph drawing, panels and URL in step. Every
// change goes through `update`; filters recompute visibility, sigma redraws through its
// reducers (positions never change), panels redraw, and the URL is rewritten.
import type { GraphResponse, VocabularyResponse } from '../../server/model/api';
import { createEvidenceGraph, type EvidenceGraph } from '../../server/model/evidenceGraph';
import { ApiError, fetchGraph, fetchHealth, fetchNeighbours, fetchPath, fetchVocabulary } from './api';
import type { App, PathResult } from './app';
import { edgeStyles } from './edgeStyle';
import { computeVisibility, countVisible, restrictToNodes, statusLine, type Visibility } from './filters';
import { neighbourhood, visibleNeighbours } from './neighbourhood';
import { edgeCurvatures } from './parallel';
import type { ViewModel } from './reducers';
import { createGraphView, type GraphView } from './render/graphView';
import { nodeSizes } from './sizing';
import type { UiState } from './state';
import { stateFromSearch, stateToSearch } from './url';
import { button, el } from './ui/dom';
import { createEntityPicker } from './ui/entityPicker';
import { createFilterPanel } from './ui/filterPanel';
import { createInspector } from './ui/inspector';
import { createNotice, type Notice } from './ui/notice';
import { createPathFinder } from './ui/pathFinder';
import { createReviewPanel } from './ui/reviewPanel';
import { createToolbar } from './ui/toolbar';

function requireElement(id: string): HTMLElement {
  const element = document.getElementById(id);
  if (!element) throw new Error(`index.html has no #${id}`);
  return element;
}

/** Ids in a shared link that this dataset does not have are dropped, with a note. */
function dropUnknownIds(state: UiState, graph: EvidenceGraph, problems: string[]): UiState {
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

/**
 * Sigma is comfortable to about 10^4 nodes and 10^5 edges. Above these counts
 * the explorer opens on the most connected entities, says so, and adds any entity the
 * user searches for together with its direct relations.
 */
const DRAW_WHOLE_MAX_ENTITIES = 20_000;
const DRAW_WHOLE_MAX_RELATIONS = 150_000;
const OPENING_ENTITIES = 2_000;
const NEIGHBOURS_PER_OPENING = 200;

/** The size of a dataset the explorer holds only a part of. */
interface PartialView {
  entities: number;
  relations: number;
}

function start(vocabulary: VocabularyResponse, graph: EvidenceGraph, notice: Notice, partial?: PartialView): void {
  const parsed = stateFromSearch(window.location.search);
  let state = dropUnknownIds(parsed.state, graph, parsed.problems);
  const statuses = vocabulary.statuses;
  const styles = edgeStyles(statuses);
  // Recomputed by refreshGraph when the review panel puts an accepted claim on the graph.
  let curvatures = edgeCurvatures(graph);
  const totals = countVisible(graph, computeVisibility(graph, {}, statuses));
  const sizeCache = new Map<string, Map<string, number>>();
  const sizesFor = (mode: UiState['sizeMode']) => {
    let sizes = sizeCache.get(mode);
    if (!sizes) sizeCache.set(mode, (sizes = nodeSizes(graph, mode)));
    return sizes;
  };

  // What the filters keep, then what is shown: the same narrowed to the neighbourhood view.
  let filtered: Visibility = computeVisibility(graph, state.filters, statuses);
  let focus: Set<string> | undefined;
  let visibility: Visibility = filtered;
  let counts = countVisible(graph, visibility);
  const applyFocus = () => {
    focus = state.selectedNode !== undefined && state.neighbourhoodDepth !== undefined ? neighbourhood(graph, state.selectedNode, state.neighbourhoodDepth, filtered) : undefined;
    visibility = focus ? restrictToNodes(graph, filtered, focus) : filtered;
    counts = countVisible(graph, visibility);
  };
  applyFocus();
  let hovered: ViewModel['hovered'];
  let path: PathResult | undefined;
  let pathRequestCounter = 0;

  const model = (): ViewModel => ({
    graph,
    visibility,
    sizes: sizesFor(state.sizeMode),
    curvatures,
    styles,
    focus,
    hovered,
    selectedNode: state.selectedNode,
    selectedEdge: state.selectedEdge,
    path: path?.response
      ? { nodes: new Set(path.response.nodes.map((node) => node.id)), edges: new Set(path.response.steps.flatMap((step) => step.edges.map((edge) => edge.id))) }
      : undefined,
  });

  const statusLineElement = requireElement('status-line');
  let view: GraphView | undefined;
  const panels: { update(): void }[] = [];

  const app: App = {
    vocabulary,
    graph,
    styles,
    totals,
    state: () => state,
    visibility: () => visibility,
    counts: () => counts,
    pathResult: () => path,
    update,
    selectNode(node) {
      update({ selectedNode: node, selectedEdge: undefined, openDocument: undefined, neighbourhoodDepth: state.selectedNode === node ? state.neighbourhoodDepth : undefined });
      view?.focusNode(node);
    },
    selectEdge(edge) {
      update({ selectedEdge: edge, openDocument: undefined });
    },
    exportPng: () => (view ? view.exportPng() : Promise.reject(new Error('the graph is not drawn yet'))),
    notify: (message, kind) => (kind === 'error' ? notice.error(message) : notice.info(message)),
  };

  function requestPath(): void {
    const request = state.path;
    if (!request) {
      path = undefined;
      return;
    }
    const ticket = ++pathRequestCounter;
    path = { request, loading: true };
    fetchPath(request.from, request.to, state.filters, request.strict).then(
      (response) => {
        if (ticket !== pathRequestCounter) return;
        path = { request, response, loading: false };
        render();
        view?.fitNodes(response.nodes.map((node) => node.id));
      },
      (error: unknown) => {
        if (ticket !== pathRequestCounter) return;
        path = { request, loading: false, error: error instanceof ApiError || error instanceof Error ? error.message : String(error) };
        render();
      },
    );
  }

  function render(): void {
    view?.refresh();
    const line = statusLine(graph, visibility);
    statusLineElement.textContent = partial ? `${line} · part of a larger graph: ${graph.order.toLocaleString('en')} of ${partial.entities.toLocaleString('en')} entities; search to open others` : line;
    for (const panel of panels) panel.update();
  }

  function update(change: Partial<UiState>): void {
    const previous = state;
    state = { ...state, ...change };
    if (state.selectedNode === undefined) state.neighbourhoodDepth = undefined;
    if (state.filters !== previous.filters) filtered = computeVisibility(graph, state.filters, statuses);
    if (state.filters !== previous.filters || state.selectedNode !== previous.selectedNode || state.neighbourhoodDepth !== previous.neighbourhoodDepth) applyFocus();
    if (state.path !== previous.path || (state.path && state.filters !== previous.filters)) requestPath();
    window.history.replaceState(null, '', `${window.location.pathname}${stateToSearch(state)}`);
    render();
    if (state.neighbourhoodDepth !== previous.neighbourhoodDepth) {
      if (focus) view?.fitNodes(focus);
      else view?.resetCamera();
    }
  }

  // Panels.
  const colours = new Map(vocabulary.nodeTypes.map((type) => [type.id, type.color]));
  const search = createEntityPicker({ label: 'Search entities', placeholder: 'Search names and aliases…', colours, hiddenLabel: true, onChoose: (hit) => (graph.hasNode(hit.id) ? app.selectNode(hit.id) : void openEntity(hit.id)) });
  search.input.id = 'search';
  search.element.querySelector('label')?.setAttribute('for', 'search');
  requireElement('search-slot').append(search.element);
  panels.push(createFilterPanel(requireElement('filters'), app));
  panels.push(createInspector(requireElement('inspector'), app));
  panels.push(createPathFinder(requireElement('path-finder'), app));

  // The graph.
  view = createGraphView(requireElement('graph'), graph, model, {
    hoverNode(node) {
      hovered = node === undefined ? undefined : { node, neighbours: visibleNeighbours(graph, node, visibility) };
      view?.refresh();
    },
    clickNode: (node) => app.selectNode(node),
    clickEdge: (edge) => app.selectEdge(edge),
    clickStage: () => update({ selectedNode: undefined, selectedEdge: undefined, openDocument: undefined }),
    cameraMoved(camera) {
      state = { ...state, camera };
      window.history.replaceState(null, '', `${window.location.pathname}${stateToSearch(state)}`);
    },
  });
  panels.push(createToolbar(requireElement('toolbar'), app, () => (view as GraphView).resetCamera()));
  if (state.camera) view.setCamera(state.camera);
  else if (state.selectedNode) view.focusNode(state.selectedNode);

  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !(event.target instanceof HTMLInputElement)) update({ selectedNode: undefined, selectedEdge: undefined, openDocument: undefined, path: undefined });
  });

  /** Fetches the graph again and merges what changed (an accepted claim): positions stay, new items appear. */
  async function refreshGraph(): Promise<void> {
    mergeIntoGraph(await fetchGraph(partial ? OPENING_ENTITIES : undefined));
  }

  /** A searched entity that the partial view does not hold yet comes with its direct relations. */
  async function openEntity(id: string): Promise<void> {
    try {
      mergeIntoGraph(await fetchNeighbours(id, NEIGHBOURS_PER_OPENING));
      app.selectNode(id);
    } catch (error) {
      notice.error(error instanceof Error ? error.message : String(error));
    }
  }

  function mergeIntoGraph(data: Pick<GraphResponse, 'nodes' | 'edges'>): void {
    graph.import({ nodes: data.nodes, edges: data.edges }, true);
    curvatures = edgeCurvatures(graph);
    // Panels keep the totals object they were given, so it is updated in place.
    const recounted = countVisible(graph, computeVisibility(graph, {}, statuses));
    for (const facet of ['nodeTypes', 'edgeTypes', 'statuses'] as const) {
      totals[facet].clear();
      for (const [key, count] of recounted[facet]) totals[facet].set(key, count);
    }
    sizeCache.clear();
    filtered = computeVisibility(graph, state.filters, statuses);
    applyFocus();
    render();
  }
  const review = createReviewPanel(app, refreshGraph);
  requireElement('graph').parentElement?.append(review.element);
  requireElement('toolbar').append(button('Review', () => (review.element.hidden ? review.open() : review.close()), { className: 'secondary', attrs: { id: 'open-review', 'aria-controls': 'review' } }));

  requestPath();
  render();
  notice.clear();
  if (partial) {
    notice.info(
      `This dataset has ${partial.entities.toLocaleString('en')} entities and ${partial.relations.toLocaleString('en')} relations, more than the explorer draws at once. ` +
        `It opened on the ${graph.order.toLocaleString('en')} most connected entities and the relations among them; search to open any other entity with its relations.`,
    );
  }
  if (parsed.problems.length > 0) notice.info(`Some of the link could not be restored: ${parsed.problems.join('; ')}`);
  document.body.dataset.ready = 'true';
}

async function boot(): Promise<void> {
  const notice = createNotice(requireElement('notice'));
  notice.loading('Loading the graph…');
  try {
    const [vocabulary, health] = await Promise.all([fetchVocabulary(), fetchHealth()]);
    const { entities, edges } = health.counts;
    const partial = entities > DRAW_WHOLE_MAX_ENTITIES || edges > DRAW_WHOLE_MAX_RELATIONS ? { entities, relations: edges } : undefined;
    if (partial) notice.loading(`Loading the ${OPENING_ENTITIES.toLocaleString('en')} most connected of ${entities.toLocaleString('en')} entities…`);
    const data = await fetchGraph(partial ? OPENING_ENTITIES : undefined);
    const graph = createEvidenceGraph();
    // The server's graph has the same options (the same factory); only its items are imported.
    graph.import({ attributes: data.attributes, nodes: data.nodes, edges: data.edges });
    if (graph.order === 0) {
      requireElement('graph').append(el('p', { className: 'empty' }, 'This dataset has no entities yet.'));
    }
    start(vocabulary, graph, notice, partial);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    notice.error(message, () => window.location.reload());
    document.body.dataset.ready = 'error';
  }
}

void boot();
