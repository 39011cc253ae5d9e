// Puts the panels on the page: the entity search in the header, the legend and filters,
// the inspector and the path finder beside the graph, the toolbar, and the review panel
// with the toolbar's button that opens it. Panels see only the App; the explorer redraws
// those it is given on every change.
import type { Explorer } from './explorer';
import { requireElement } from './page';
import { button } from './ui/dom';
import { createEntityPicker } from './ui/entityPicker';
import { createFilterPanel } from './ui/filterPanel';
import { createInspector } from './ui/inspector';
import { createPathFinder } from './ui/pathFinder';
import { createReviewPanel, type ReviewGraphUpdates } from './ui/reviewPanel';
import { createToolbar } from './ui/toolbar';

/** The search (an entity the graph does not hold yet is opened with `openEntity`) and the side panels. */
export function mountSearchAndPanels(explorer: Explorer, openEntity: (id: string) => Promise<void>): void {
  const { app } = explorer;
  const colours = new Map(app.vocabulary.nodeTypes.map((type) => [type.id, type.color]));
  const search = createEntityPicker({
    label: 'Search entities',
    placeholder: 'Search names and aliases…',
    colours,
    hiddenLabel: true,
    onChoose: (hit) => (app.graph.hasNode(hit.id) ? app.selectNode(hit.id) : void openEntity(hit.id)),
  });
  search.input.id = 'search';
  search.element.querySelector('label')?.setAttribute('for', 'search');
  requireElement('search-slot').append(search.element);
  explorer.addPanel(createFilterPanel(requireElement('filters'), app));
  explorer.addPanel(createInspector(requireElement('inspector'), app));
  explorer.addPanel(createPathFinder(requireElement('path-finder'), app));
}

export function mountToolbar(explorer: Explorer, resetCamera: () => void): void {
  explorer.addPanel(createToolbar(requireElement('toolbar'), explorer.app, resetCamera));
}

/** The review panel beside the graph (in place of the filters while open), and its button at the end of the toolbar. */
export function mountReviewPanel(explorer: Explorer, graphUpdates: ReviewGraphUpdates): void {
  const review = createReviewPanel(explorer.app, graphUpdates);
  requireElement('filters').after(review.element);
  requireElement('toolbar').append(
    button('Review', () => (review.element.hidden ? review.open() : review.close()), {
      className: 'secondary',
      attrs: { id: 'open-review', 'aria-controls': 'review' },
    }),
  );
}
