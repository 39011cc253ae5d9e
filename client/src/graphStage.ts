// Draws the graph on the page (sigma, through render/graphView.ts) and connects it to the
// explorer: hovering highlights, clicks select, a click on the empty stage clears the
// selection, camera moves go into the URL. The first camera is the link's, or else the
// selected entity's. Imports sigma, so no module that jest tests may import this one.
import type { Explorer } from './explorer';
import { requireElement } from './page';
import { createGraphView, type GraphView } from './render/graphView';
import type { UiState } from './state';

export function mountGraphView(explorer: Explorer): GraphView {
  const { app } = explorer;
  const view = createGraphView(requireElement('graph'), app.graph, explorer.model, {
    hoverNode: (node) => explorer.hover(node),
    clickNode: (node) => app.selectNode(node),
    clickEdge: (edge) => app.selectEdge(edge),
    clickStage: () => app.update({ selectedNode: undefined, selectedEdge: undefined, openDocument: undefined }),
    cameraMoved: (camera) => explorer.moveCamera(camera),
  });
  explorer.attachView(view);
  return view;
}

/** The camera a restored link opens with. */
export function showInitialCamera(view: GraphView, state: UiState): void {
  if (state.camera) view.setCamera(state.camera);
  else if (state.selectedNode) view.focusNode(state.selectedNode);
}
