// The explorer's entry point: loads the vocabulary and the graph from the API, restores
// the view from the URL (a link to an entity merged away opens the one it is part of now:
// mergedLink.ts), and wires the parts: the controller that holds the state
// (explorer.ts), the panels (panels.ts), the graph drawing (graphStage.ts) and the
// merging of graph parts fetched later (graphMerge.ts). Every change goes through the
// controller's `update`; filters recompute visibility, sigma redraws through its reducers
// (positions never change), panels redraw, and the URL is rewritten.
import { createEvidenceGraph, type EvidenceGraph } from '../../server/model/evidenceGraph';
import type { VocabularyResponse } from '../../server/model/api';
import type { SessionResponse } from '../../server/model/api';
import { ApiError, fetchGraph, fetchHealth, fetchSession, fetchVocabulary } from './api';
import { forgetToken, needsSignIn } from './session';
import { applySession, mountSessionControls, showSignInScreen } from './ui/signIn';
import type { App } from './app';
import { createExplorer } from './explorer';
import { createGraphMerging } from './graphMerge';
import { mountGraphView, showInitialCamera } from './graphStage';
import { requireElement } from './page';
import { createCurator } from './curator';
import { mountArticleDialog, mountReviewPanel, mountSearchAndPanels, mountToolbar } from './panels';
import type { ReviewPanel } from './ui/reviewPanel';
import {
  graphLimit,
  partialLoadingMessage,
  partialOpeningNotice,
  partialViewFor,
  type PartialView,
} from './partialView';
import { followMergedEntity, type FollowedLink } from './mergedLink';
import { restoreLink, restoreProblemsNotice } from './restoreLink';
import { el } from './ui/dom';
import { createNotice, type Notice } from './ui/notice';
import type { DrawnLabel } from './render/drawLabel';

function start(
  vocabulary: VocabularyResponse,
  graph: EvidenceGraph,
  notice: Notice,
  link: FollowedLink,
  partial?: PartialView,
): void {
  const restored = restoreLink(link.search, graph);
  const explorer = createExplorer({
    vocabulary,
    graph,
    notice,
    state: restored.state,
    statusLine: requireElement('status-line'),
    viewMessage: requireElement('view-message'),
    partial,
  });
  const merging = createGraphMerging(graph, explorer, notice, partial);
  let review: ReviewPanel | undefined;
  const curator = createCurator(graph, explorer, partial, (proposal) => review?.open(proposal));
  mountSearchAndPanels(explorer, merging.openEntity, curator);
  const view = mountGraphView(explorer);
  mountToolbar(explorer, () => view.resetCamera());
  showInitialCamera(view, explorer.app.state());
  clearOnEscape(explorer.app);
  review = mountReviewPanel(explorer, merging);
  mountArticleDialog(curator);

  explorer.requestPath();
  explorer.render();
  notice.clear();
  if (partial) notice.info(partialOpeningNotice(partial, graph.order));
  const problems = restoreProblemsNotice(restored.problems);
  const notes = [link.note, problems].filter((text) => text !== undefined);
  if (notes.length > 0) notice.info(notes.join(' '));
  // For the browser tests and the console: the graph the explorer draws (read it, do not
  // change it) and the node labels of the last frame with their boxes.
  (window as Window & { claimgraph?: { graph: EvidenceGraph; labels(): DrawnLabel[] } }).claimgraph = {
    graph,
    labels: () => view.drawnLabels(),
  };
  document.body.dataset.ready = 'true';
}

/** Escape outside a text field clears the selection, the open document and the path. */
function clearOnEscape(app: App): void {
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !(event.target instanceof HTMLInputElement))
      app.update({ selectedNode: undefined, selectedEdge: undefined, openDocument: undefined, path: undefined });
  });
}

/** The session first: a page whose reads need a token shows only the sign-in screen. False: stop here. */
async function openSession(): Promise<boolean> {
  let session: SessionResponse;
  try {
    session = await fetchSession();
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 401) throw error;
    forgetToken();
    showSignInScreen('This server no longer knows the token this tab had (it was revoked?). Sign in again.');
    document.body.dataset.ready = 'sign-in';
    return false;
  }
  if (needsSignIn(session)) {
    showSignInScreen();
    document.body.dataset.ready = 'sign-in';
    return false;
  }
  applySession(session);
  mountSessionControls(requireElement('session'), session);
  return true;
}

async function boot(): Promise<void> {
  const notice = createNotice(requireElement('notice'));
  notice.loading('Loading the graph…');
  try {
    if (!(await openSession())) return;
    const [vocabulary, health] = await Promise.all([fetchVocabulary(), fetchHealth()]);
    const partial = partialViewFor(health.counts ?? { entities: 0, edges: 0 });
    if (partial) notice.loading(partialLoadingMessage(partial));
    const data = await fetchGraph(graphLimit(partial));
    const graph = createEvidenceGraph();
    // The server's graph has the same options (the same factory); only its items are imported.
    graph.import({ attributes: data.attributes, nodes: data.nodes, edges: data.edges });
    if (graph.order === 0) {
      requireElement('graph').append(el('p', { className: 'empty' }, 'This dataset has no entities yet.'));
    }
    // A link to an entity merged away opens the one it is part of now, and says so.
    const link = await followMergedEntity(window.location.search, graph);
    if (link.search !== window.location.search)
      window.history.replaceState(null, '', `${window.location.pathname}${link.search}`);
    start(vocabulary, graph, notice, link, partial);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    notice.error(message, () => window.location.reload());
    document.body.dataset.ready = 'error';
  }
}

void boot();
