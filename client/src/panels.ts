// Puts the panels on the page: the entity search in the header, the legend and filters,
// the inspector and the path finder beside the graph, the timeline under it, the toolbar, and the review panel
// with the toolbar's button that opens it, and the curation parts: the line saying what a
// write did, above the side panel, and Add article. Panels see only the App (and the
// curation controls the Curator); the explorer redraws those it is given on every change.
import type { Curator } from './curator';
import type { Explorer } from './explorer';
import { requireElement } from './page';
import { createArticleDialog } from './ui/articleForm';
import { button } from './ui/dom';
import { createEntityPicker } from './ui/entityPicker';
import { createFilterPanel } from './ui/filterPanel';
import { createInspector } from './ui/inspector';
import { createPathFinder } from './ui/pathFinder';
import { createReviewPanel, type ReviewGraphUpdates, type ReviewPanel } from './ui/reviewPanel';
import { createTimeline } from './ui/timeline';
import { createToolbar } from './ui/toolbar';

/** The search (an entity the graph does not hold yet is opened with `openEntity`) and the side panels. */
export function mountSearchAndPanels(
  explorer: Explorer,
  openEntity: (id: string) => Promise<void>,
  curator: Curator,
): void {
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
  const inspector = requireElement('inspector');
  inspector.before(curator.element);
  explorer.addPanel(curator);
  explorer.addPanel(createInspector(inspector, app, curator));
  explorer.addPanel(createPathFinder(requireElement('path-finder'), app));
  explorer.addPanel(createTimeline(requireElement('timeline'), app));
}

export function mountToolbar(explorer: Explorer, resetCamera: () => void): void {
  explorer.addPanel(createToolbar(requireElement('toolbar'), explorer.app, resetCamera));
}

/** The review panel beside the graph (in place of the filters while open), and its button at the end of the toolbar. */
export function mountReviewPanel(explorer: Explorer, graphUpdates: ReviewGraphUpdates): ReviewPanel {
  const review = createReviewPanel(explorer.app, graphUpdates);
  requireElement('filters').after(review.element);
  requireElement('toolbar').append(
    button('Review', () => (review.element.hidden ? review.open() : review.close()), {
      className: 'secondary writes-only',
      attrs: { id: 'open-review', 'aria-controls': 'review' },
    }),
  );
  return review;
}

/** Add article: its button in the toolbar, before Review, and its dialog. */
export function mountArticleDialog(curator: Curator): void {
  const dialog = createArticleDialog(curator);
  document.body.append(dialog.element);
  const review = document.getElementById('open-review');
  const open = button('Add article', () => dialog.open(), {
    className: 'secondary writes-only',
    attrs: { id: 'open-article', 'aria-controls': 'article-dialog' },
  });
  if (review) review.before(open);
  else requireElement('toolbar').append(open);
}
