// The header's controls: node size by degree, PageRank or (for an imported file that
// sized its nodes) the file's sizes, export of the current view
// (graph JSON or GEXF from /api/export with the view's filters, the picture as PNG at 1×,
// 2× or 4× the graph's size on the page), and
// a button that fits the whole graph in view.
import { exportUrl } from '../api';
import type { App } from '../app';
import { hasSourceSizes } from '../sourceLook';
import type { SizeMode } from '../state';
import { button, el } from './dom';

/** The PNG sizes offered, as multiples of the graph's size on the page: 2× and 4× for print and slides. */
export const PNG_SCALES = [1, 2, 4] as const;

/** claimgraph.png at the page's size, claimgraph@2x.png at twice it. */
export function pngFileName(scale: number): string {
  return scale === 1 ? 'claimgraph.png' : `claimgraph@${scale}x.png`;
}

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
  const pngScale = el(
    'select',
    { attrs: { id: 'png-scale', 'aria-label': 'PNG size' } },
    ...PNG_SCALES.map((scale) => el('option', { attrs: { value: String(scale) } }, `${scale}×`)),
  );
  const pngButton = button(
    'PNG',
    () => {
      const scale = Number(pngScale.value);
      app.exportPng(scale).then(
        (blob) => {
          const url = URL.createObjectURL(blob);
          const link = el('a', { attrs: { href: url, download: pngFileName(scale) } });
          document.body.append(link);
          link.click();
          link.remove();
          setTimeout(() => URL.revokeObjectURL(url), 10_000);
        },
        (error: unknown) =>
          app.notify(`PNG export failed: ${error instanceof Error ? error.message : String(error)}`, 'error'),
      );
    },
    { attrs: { id: 'export-png', 'aria-label': 'Export the picture as PNG at the chosen size' } },
  );
  // The size in pixels each choice gives, read when the list opens (the window may have changed).
  pngScale.addEventListener('focus', () => {
    const graph = document.getElementById('graph');
    if (!graph) return;
    for (const option of pngScale.options) {
      const scale = Number(option.value);
      option.textContent = `${scale}× (${graph.offsetWidth * scale}×${graph.offsetHeight * scale} px)`;
    }
  });
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
      pngScale,
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
