// The right-hand panel: the open document, else the selected relation's claims, else the
// selected entity's details, else a short guide. Redrawn only when what it shows changes
// or the graph did (a write, a merged neighbourhood); the curation controls get the curator.
import type { App } from '../app';
import type { Curator } from '../curator';
import { renderEntityDetails } from './details';
import { renderDocument } from './documentViewer';
import { el, keepingFocus, replaceChildren } from './dom';
import { renderRelation } from './relation';

function guide(): HTMLElement {
  return el(
    'div',
    { className: 'guide' },
    el('h2', {}, 'Explore the evidence'),
    el('p', {}, 'Search for an entity above, or click one on the graph, to see who it is and its relations.'),
    el('p', {}, 'Click a relation to read the claims behind it and open their source documents.'),
    el('p', {}, 'Hover an entity to highlight its neighbours. Untick legend entries to filter.'),
  );
}

export function createInspector(container: HTMLElement, app: App, curator?: Curator): { update(): void } {
  let shown = '';
  let subject = '';
  function update(): void {
    const state = app.state();
    const what = JSON.stringify([state.openDocument, state.selectedEdge, state.selectedNode]);
    const key = JSON.stringify([what, state.neighbourhoodDepth, state.filters, app.graphRevision()]);
    if (key === shown) return;
    // Scroll back to the top only when the panel shows something else, not on a filter change.
    const changedView = what !== subject;
    shown = key;
    subject = what;
    let content: HTMLElement;
    if (state.openDocument) content = renderDocument(app, state.openDocument.id, state.openDocument.claim, curator);
    else if (state.selectedEdge) content = renderRelation(app, state.selectedEdge, curator);
    else if (state.selectedNode) content = renderEntityDetails(app, state.selectedNode, curator);
    else content = guide();
    keepingFocus(container, () => replaceChildren(container, content));
    if (changedView) container.scrollTop = 0;
  }
  update();
  return { update };
}
