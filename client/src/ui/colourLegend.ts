// The "Colour by" control at the head of the legend, and the legend of what it chose:
// one line saying what colour means, the colours with their counts (a palette's values or
// communities), or a numeric attribute's ramp between its lowest and highest value. The
// entity-type rows below keep their own swatches while the colour is the type.
import type { App } from '../app';
import { colourOptions, type ColourOption } from '../colouring';
import type { ColourBy } from '../state';
import { el, swatch } from './dom';

const formatNumber = (value: number) =>
  Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(4)));

let cachedFor: { graph: App['graph']; revision: number; options: ColourOption[] } | undefined;

/** The options for this graph, computed again only when the graph's items change. */
function optionsOf(app: App): ColourOption[] {
  const revision = app.graphRevision();
  if (cachedFor?.graph !== app.graph || cachedFor.revision !== revision)
    cachedFor = { graph: app.graph, revision, options: colourOptions(app.graph) };
  return cachedFor.options;
}

function colourSelect(app: App): HTMLSelectElement {
  const select = el(
    'select',
    { attrs: { id: 'colour-by', 'aria-describedby': 'colour-note' } },
    ...optionsOf(app).map((option) => el('option', { attrs: { value: option.value } }, option.label)),
  );
  select.value = app.state().colourBy;
  select.addEventListener('change', () => app.update({ colourBy: select.value as ColourBy }));
  return select;
}

function rampBar(ramp: { min: number; max: number; stops: readonly string[] }): HTMLElement {
  const bar = el('span', { className: 'ramp-bar', attrs: { 'aria-hidden': 'true' } });
  bar.style.background = `linear-gradient(to right, ${ramp.stops.join(', ')})`;
  return el(
    'div',
    { className: 'ramp', attrs: { 'aria-label': `from ${formatNumber(ramp.min)} to ${formatNumber(ramp.max)}` } },
    el('span', { className: 'count' }, formatNumber(ramp.min)),
    bar,
    el('span', { className: 'count' }, formatNumber(ramp.max)),
  );
}

export function colourLegend(app: App): HTMLElement {
  const { legend } = app.colouring();
  return el(
    'fieldset',
    { className: 'filter-group colour-legend' },
    el('legend', {}, 'Colour'),
    el('div', { className: 'date-row' }, el('label', { attrs: { for: 'colour-by' } }, 'Colour by'), colourSelect(app)),
    el('p', { className: 'hint', attrs: { id: 'colour-note' } }, legend?.note ?? 'Colour: entity type (below).'),
    legend?.ramp ? rampBar(legend.ramp) : null,
    legend && legend.entries.length > 0
      ? el(
          'ul',
          { className: 'colour-entries' },
          ...legend.entries.map((entry) =>
            el(
              'li',
              { className: 'filter-row' },
              swatch(entry.colour),
              el('span', { className: 'filter-label' }, entry.label),
              el('span', { className: 'count' }, entry.count),
            ),
          ),
        )
      : null,
  );
}
