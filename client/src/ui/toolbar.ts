// The header's controls: node size by degree, PageRank or (for an imported file that
// sized its nodes) the file's sizes, export of the current view
// (graph JSON or GEXF from /api/export with the view's filters, the canvas as PNG), and
// a button that fits the whole graph in view.
import { exportUrl } from '../api';
import type { App } from '../app';
import { hasSourceSizes } from '../sourceLook';
import type { SizeMode } from '../state';
import { button, el } from './dom';

export function createToolbar(container: HTMLElement, app: App, resetCamera: () => void): { update(): void } {
  const sizeSelect = el(
    'select',
    { attrs: { id: 'size-mode' } },
    el('option', { attrs: { value: 'degree' } }, 'relations (degree)'),
    el('option', { attrs: { value: 'pagerank' } }, 'PageRank'),
    hasSourceSizes(app.graph) ? el('option', { attrs: { value: 'source' } }, 'sizes from the file') : null,
  );
  sizeSelect.addEventListener('change', () => app.update({ sizeMode: sizeSelect.value as SizeMode }));
  const jsonLink = el(
    'a',
    { className: 'button-like', attrs: { id: 'export-json', download: 'claimgraph.json' } },
    'JSON',
  );
  const gexfLink = el(
    'a',
    { className: 'button-like', attrs: { id: 'export-gexf', download: 'claimgraph.gexf' } },
    'GEXF',
  );
  const pngButton = button(
    'PNG',
    () => {
      app.exportPng().then(
        (blob) => {
          const url = URL.createObjectURL(blob);
          const link = el('a', { attrs: { href: url, download: 'claimgraph.png' } });
          document.body.append(link);
          link.click();
          link.remove();
          setTimeout(() => URL.revokeObjectURL(url), 10_000);
        },
        (error: unknown) =>
          app.notify(`PNG export failed: ${error instanceof Error ? error.message : String(error)}`, 'error'),
      );
    },
    { attrs: { id: 'export-png', 'aria-label': 'Export the picture as PNG' } },
  );
  jsonLink.setAttribute('aria-label', 'Export the shown graph as JSON');
  gexfLink.setAttribute('aria-label', 'Export the shown graph as GEXF');

  container.append(
    el('div', { className: 'tool' }, el('label', { attrs: { for: 'size-mode' } }, 'Size by '), sizeSelect),
    el(
      'div',
      { className: 'tool', attrs: { role: 'group', 'aria-label': 'Export the current view' } },
      el('span', {}, 'Export '),
      jsonLink,
      gexfLink,
      pngButton,
    ),
    button('Fit graph', resetCamera, {
      className: 'secondary',
      attrs: { id: 'fit-graph', 'aria-label': 'Fit the whole graph in view' },
    }),
  );

  function update(): void {
    sizeSelect.value = app.state().sizeMode;
    jsonLink.href = exportUrl('json', app.state().filters);
    gexfLink.href = exportUrl('gexf', app.state().filters);
  }
  update();
  return { update };
}
