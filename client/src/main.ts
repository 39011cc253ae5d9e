// The explorer's entry point: loads the vocabulary and the graph from the API, restores
// the view from the URL, and wires the parts: the controller that holds the state
// (explorer.ts), the panels (panels.ts), the graph drawing (graphStage.ts) and the
// merging of graph parts fetched later (graphMerge.ts). Every change goes through the
// controller's `update`; filters recompute visibility, sigma redraws through its reducers
// (positions never change), panels redraw, and the URL is rewritten.
import { createEvidenceGraph, type EvidenceGraph } from '../../server/model/evidenceGraph';
import type { VocabularyResponse } from '../../server/model/api';
import { fetchGraph, fetchHealth, fetchVocabulary } from './api';
import type { App } from './app';
import { createExplorer } from './explorer';
import { createGraphMerging } from './graphMerge';
import { mountGraphView, showInitialCamera } from './graphStage';
import { requireElement } from './page';
import { mountReviewPanel, mountSearchAndPanels, mountToolbar } from './panels';
import {
  graphLimit,
  partialLoadingMessage,
  partialOpeningNotice,
  partialViewFor,
  type PartialView,
} from './partialView';
import { restoreLink, restoreProblemsNotice } from './restoreLink';
import { el } from './ui/dom';
import { createNotice, type Notice } from './ui/notice';

function start(vocabulary: VocabularyResponse, graph: EvidenceGraph, notice: Notice, partial?: PartialView): void {
  const restored = restoreLink(window.location.search, graph);
  const explorer = createExplorer({
    vocabulary,
    graph,
    notice,
    state: restored.state,
    statusLine: requireElement('status-line'),
    partial,
  });
  const merging = createGraphMerging(graph, explorer, notice, partial);
  mountSearchAndPanels(explorer, merging.openEntity);
  const view = mountGraphView(explorer);
  mountToolbar(explorer, () => view.resetCamera());
  showInitialCamera(view, explorer.app.state());
  clearOnEscape(explorer.app);
  mountReviewPanel(explorer, merging);

  explorer.requestPath();
  explorer.render();
  notice.clear();
  if (partial) notice.info(partialOpeningNotice(partial, graph.order));
  const problems = restoreProblemsNotice(restored.problems);
  if (problems) notice.info(problems);
  document.body.dataset.ready = 'true';
}

/** Escape outside a text field clears the selection, the open document and the path. */
function clearOnEscape(app: App): void {
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !(event.target instanceof HTMLInputElement))
      app.update({ selectedNode: undefined, selectedEdge: undefined, openDocument: undefined, path: undefined });
  });
}

async function boot(): Promise<void> {
  const notice = createNotice(requireElement('notice'));
  notice.loading('Loading the graph…');
  try {
    const [vocabulary, health] = await Promise.all([fetchVocabulary(), fetchHealth()]);
    const partial = partialViewFor(health.counts);
    if (partial) notice.loading(partialLoadingMessage(partial));
    const data = await fetchGraph(graphLimit(partial));
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
