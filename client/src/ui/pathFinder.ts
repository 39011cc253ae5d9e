// The path finder: two entities in, the shortest path (from the API, under the view's
// filters) highlighted on the graph and listed as an evidence chain: each step's
// relations with their status and first quote. A switch keeps to reported or confirmed
// relations, so a path never rests on an allegation.
import { entityName, type App } from '../app';
import { edgeDisplayLabel } from '../edgeStyle';
import { button, el, replaceChildren } from './dom';
import { createEntityPicker } from './entityPicker';
import { statusBadge } from './samples';

export function createPathFinder(container: HTMLElement, app: App): { update(): void } {
  const colours = new Map(app.vocabulary.nodeTypes.map((type) => [type.id, type.color]));
  let from = app.state().path?.from;
  let to = app.state().path?.to;
  const fromPicker = createEntityPicker({
    label: 'From',
    placeholder: 'first entity',
    colours,
    onChoose: (hit) => (from = hit.id),
  });
  const toPicker = createEntityPicker({
    label: 'To',
    placeholder: 'second entity',
    colours,
    onChoose: (hit) => (to = hit.id),
  });
  if (from) fromPicker.setValue(entityName(app, from));
  if (to) toPicker.setValue(entityName(app, to));
  const strict = el('input', { attrs: { type: 'checkbox', id: 'path-strict' } });
  strict.checked = app.state().path?.strict ?? false;
  const message = el('p', { className: 'hint', attrs: { role: 'status' } });
  const result = el('div', { className: 'path-result', attrs: { 'aria-live': 'polite' } });

  const find = () => {
    if (!from || !to) {
      message.textContent = 'Choose both entities from the suggestions first.';
      return;
    }
    message.textContent = '';
    app.update({ path: { from, to, strict: strict.checked } });
  };
  strict.addEventListener('change', () => {
    if (app.state().path) find();
  });

  container.append(
    el('h2', {}, 'Path finder'),
    el(
      'form',
      {
        className: 'path-form',
        attrs: { 'aria-label': 'Find a path between two entities' },
        on: { submit: (event) => (event.preventDefault(), find()) },
      },
      fromPicker.element,
      toPicker.element,
      el(
        'div',
        { className: 'filter-row' },
        strict,
        el('label', { attrs: { for: 'path-strict' } }, 'Only reported or confirmed relations'),
      ),
      el(
        'div',
        { className: 'buttons' },
        el('button', { attrs: { type: 'submit', id: 'path-find' } }, 'Find path'),
        button('Clear', () => app.update({ path: undefined }), { className: 'secondary', attrs: { id: 'path-clear' } }),
      ),
    ),
    message,
    result,
  );

  function update(): void {
    const current = app.pathResult();
    if (!current || !current.request) return replaceChildren(result);
    if (current.loading) return replaceChildren(result, el('p', { className: 'loading' }, 'Looking for a path…'));
    if (current.error)
      return replaceChildren(result, el('p', { className: 'error', attrs: { role: 'alert' } }, current.error));
    const response = current.response;
    if (!response) return replaceChildren(result);
    const items: HTMLElement[] = [];
    response.nodes.forEach((node, index) => {
      items.push(
        el(
          'li',
          { className: 'path-node' },
          button(node.name, () => app.selectNode(node.id), { className: 'link' }),
        ),
      );
      const step = response.steps[index];
      if (!step) return;
      items.push(
        el(
          'li',
          { className: 'path-step' },
          el(
            'ul',
            {},
            ...step.edges.map((edge) => {
              const quote = edge.claims.find((claim) => claim.quote !== undefined)?.quote;
              return el(
                'li',
                {},
                button(
                  `${edge.directed ? (edge.source.id === step.from ? '↓' : '↑') : '↕'} ${edgeDisplayLabel(app.styles.get(edge.status), edge.typeLabel)}`,
                  () => app.selectEdge(edge.id),
                  { className: 'link' },
                ),
                ' ',
                statusBadge(edge.status, app.styles),
                quote ? el('blockquote', { className: 'short' }, quote) : null,
              );
            }),
          ),
        ),
      );
    });
    replaceChildren(
      result,
      el(
        'p',
        {},
        `${response.length} step${response.length === 1 ? '' : 's'} from ${response.from.name} to ${response.to.name}:`,
      ),
      el('ol', { className: 'path-chain' }, ...items),
    );
  }
  update();
  return { update };
}
