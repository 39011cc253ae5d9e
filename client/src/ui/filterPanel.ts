// Legend and filters in one panel: "Colour by" and the legend of its colours first, then
// every entity type, relation type and line style with its count (shown of total), each
// entry a checkbox that hides or shows it. Below: the event-date range and the "known on"
// replay date.
import type { App } from '../app';
import { colourLegend } from './colourLegend';
import { toggleInList, type GraphFilters, type SizeMode } from '../state';
import { button, el, keepingFocus, replaceChildren, swatch } from './dom';
import { lineSample, statusSample } from './samples';

type ListKey = 'nodeTypes' | 'edgeTypes' | 'status';

interface Entry {
  id: string;
  label: string;
  description?: string;
  sample?: Element;
}

const SIZE_NOTES: Record<SizeMode, string> = {
  degree: 'Size: number of relations.',
  pagerank: 'Size: PageRank.',
  source: 'Size: as in the imported file.',
};

function checkboxRow(
  app: App,
  key: ListKey,
  entry: Entry,
  universe: string[],
  shown: number,
  total: number,
): HTMLElement {
  const id = `filter-${key}-${entry.id}`;
  const list = app.state().filters[key];
  const input = el('input', { attrs: { type: 'checkbox', id, 'data-filter': key, value: entry.id } });
  input.checked = list === undefined || list.includes(entry.id);
  input.addEventListener('change', () => {
    const filters: GraphFilters = {
      ...app.state().filters,
      [key]: toggleInList(app.state().filters[key], entry.id, input.checked, universe),
    };
    app.update({ filters });
  });
  return el(
    'div',
    { className: 'filter-row' },
    input,
    el(
      'label',
      { attrs: { for: id, title: entry.description } },
      entry.sample,
      el('span', { className: 'filter-label' }, entry.label),
      el('span', { className: 'count', attrs: { 'aria-label': `${shown} of ${total} shown` } }, `${shown}/${total}`),
    ),
  );
}

function dateField(app: App, key: 'from' | 'to' | 'knownAt', label: string, hint: string): HTMLElement {
  const id = `date-${key}`;
  const input = el('input', { attrs: { type: 'date', id, name: key, 'aria-describedby': `${id}-hint` } });
  input.value = app.state().filters[key] ?? '';
  input.addEventListener('change', () => {
    const value = input.value === '' ? undefined : input.value;
    app.update({ filters: { ...app.state().filters, [key]: value } });
  });
  return el(
    'div',
    { className: 'date-row' },
    el('label', { attrs: { for: id } }, label),
    input,
    el('small', { attrs: { id: `${id}-hint` }, className: 'hint' }, hint),
  );
}

export function createFilterPanel(container: HTMLElement, app: App): { update(): void } {
  const { vocabulary, totals, styles } = app;
  const nodeTypes = vocabulary.nodeTypes.filter((type) => (totals.nodeTypes.get(type.id) ?? 0) > 0);
  // Edge types the data never uses would only be noise in the legend.
  const edgeTypes = vocabulary.edgeTypes.filter((type) => (totals.edgeTypes.get(type.id) ?? 0) > 0);
  // Every status stays listed: under a "known on" date an edge may take one no edge has today.
  const statuses = vocabulary.statuses;

  function update(): void {
    const counts = app.counts();
    const byType = app.state().colourBy === 'type';
    const section = (
      title: string,
      key: ListKey,
      entries: Entry[],
      shownOf: Map<string, number>,
      totalOf: Map<string, number>,
      note?: string,
    ) =>
      el(
        'fieldset',
        { className: 'filter-group' },
        el('legend', {}, title),
        note ? el('p', { className: 'hint' }, note) : null,
        ...entries.map((entry) =>
          checkboxRow(
            app,
            key,
            entry,
            entries.map((e) => e.id),
            shownOf.get(entry.id) ?? 0,
            totalOf.get(entry.id) ?? 0,
          ),
        ),
      );
    keepingFocus(container, () =>
      replaceChildren(
        container,
        el('h2', {}, 'Legend and filters'),
        colourLegend(app),
        section(
          byType ? 'Entities (colour)' : 'Entities',
          'nodeTypes',
          nodeTypes.map((type) => ({
            id: type.id,
            label: type.label,
            description: type.description,
            sample: byType ? swatch(type.color) : undefined,
          })),
          counts.nodeTypes,
          totals.nodeTypes,
          SIZE_NOTES[app.state().sizeMode],
        ),
        section(
          'Relations (colour)',
          'edgeTypes',
          edgeTypes.map((type) => ({
            id: type.id,
            label: type.directed ? type.label : `${type.label} (both ways)`,
            description: type.description,
            sample: lineSample(type.color, 'solid', { directed: type.directed }),
          })),
          counts.edgeTypes,
          totals.edgeTypes,
          'Arrows point from subject to object.',
        ),
        section(
          'Status (line style)',
          'status',
          statuses.map((status) => {
            const style = styles.get(status.id);
            return {
              id: status.id,
              label: status.label,
              description: status.description,
              sample: style ? statusSample(style) : lineSample('#3e4c59', status.style),
            };
          }),
          counts.statuses,
          totals.statuses,
          'From the claims behind each relation.',
        ),
        el(
          'fieldset',
          { className: 'filter-group' },
          el('legend', {}, 'Dates'),
          dateField(app, 'from', 'Happened from', 'relations with a claim dated on or after'),
          dateField(app, 'to', 'Happened until', 'relations with a claim dated on or before'),
          dateField(app, 'knownAt', 'Known on', 'only what documents had reported by this day'),
        ),
        button('Show everything', () => app.update({ filters: {} }), {
          className: 'secondary',
          attrs: { id: 'reset-filters', 'aria-label': 'Reset all filters' },
        }),
      ),
    );
  }
  update();
  return { update };
}
