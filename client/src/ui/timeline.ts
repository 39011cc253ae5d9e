// The timeline strip under the graph: the claims over time in two rows, when it happened
// (claim dates) and when it was known (document dates), stacked by stance in the legend's
// colours (timelineBins.ts counts them). Dragging over the Happened row sets Happened
// from/until to the bins brushed; clicking the Known row sets Known on (a document's tick:
// its date); Play steps Known on forward document by document, so the graph and every
// relation's status change as the reporting came in, and Pause stops. The date fields of
// the filter panel are the keyboard's way to the same filters. Drawn as SVG, text as text.
import type { App } from '../app';
import {
  type Bin,
  binIndexAt,
  brushRange,
  dayFraction,
  dayInBin,
  nextDocumentDate,
  stanceColours,
  type StanceCounts,
  type TimelineData,
  timelineData,
} from '../timelineBins';
import { button, el, replaceChildren } from './dom';

const SVG = 'http://www.w3.org/2000/svg';
/** Time between two of Play's steps. */
export const PLAY_STEP_MS = 1200;

/** The strip's geometry in pixels: rows one above the other, bins side by side from `left`. */
const LEFT = 74;
const RIGHT = 12;
const ROW_HEIGHT = 30;
const ROWS = { happened: 6, known: 6 + ROW_HEIGHT + 8 } as const;
const AXIS_Y = ROWS.known + ROW_HEIGHT + 14;
const HEIGHT = AXIS_Y + 6;

type Row = keyof typeof ROWS;

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
  ...children: (SVGElement | string)[]
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, String(value));
  for (const child of children) element.append(child);
  return element;
}

interface Layout {
  width: number;
  binWidth: number;
  bins: readonly Bin[];
}

/** The x of a day: its bin, then its place within the bin. */
function xOfDay(layout: Layout, day: string): number | undefined {
  const index = layout.bins.findIndex((bin) => bin.start <= day && day <= bin.end);
  if (index < 0) return undefined;
  return LEFT + layout.binWidth * (index + dayFraction(layout.bins[index], day));
}

/** One row: a slot per bin (for pointing) and the bin's claims stacked by stance. */
function rowBars(
  row: Row,
  layout: Layout,
  counts: readonly StanceCounts[],
  stances: readonly string[],
  colours: Map<string, string>,
): SVGGElement {
  const max = Math.max(1, ...counts.map((bin) => Object.values(bin).reduce((a, b) => a + b, 0)));
  const group = svg('g', { class: `timeline-row row-${row}` });
  const top = ROWS[row];
  layout.bins.forEach((bin, index) => {
    const x = LEFT + index * layout.binWidth;
    const total = Object.values(counts[index]).reduce((a, b) => a + b, 0);
    const slot = svg('rect', {
      class: 'bin-slot',
      x,
      y: top,
      width: layout.binWidth,
      height: ROW_HEIGHT,
      'data-row': row,
      'data-start': bin.start,
      'data-end': bin.end,
      'data-count': total,
    });
    slot.append(svg('title', {}, `${bin.start} to ${bin.end}: ${total} claim${total === 1 ? '' : 's'}`));
    group.append(slot);
    let y = top + ROW_HEIGHT;
    for (const stance of stances) {
      const count = counts[index][stance] ?? 0;
      if (count === 0) continue;
      const height = (count / max) * ROW_HEIGHT;
      y -= height;
      const barWidth = Math.max(1, layout.binWidth - 1);
      group.append(
        svg('rect', {
          class: `bar stance-${stance}`,
          x,
          y,
          width: barWidth,
          height,
          fill: colours.get(stance) ?? '#7b8794',
        }),
      );
    }
  });
  return group;
}

/** Year (or month) labels under the rows, spaced so they do not overlap. */
function axis(layout: Layout, unit: TimelineData['unit']): SVGGElement {
  const group = svg('g', { class: 'timeline-axis' });
  const every = Math.max(1, Math.ceil(56 / layout.binWidth));
  layout.bins.forEach((bin, index) => {
    const label = unit === 'year' ? bin.start.slice(0, 4) : unit === 'month' ? bin.start.slice(0, 7) : bin.start;
    if (index % every !== 0) return;
    const x = LEFT + index * layout.binWidth;
    // A label that would run past the strip's end is left out rather than cut.
    if (x + label.length * 6.5 > layout.width) return;
    group.append(svg('text', { x, y: AXIS_Y }, label));
  });
  return group;
}

/** What the filters select, over the rows: the Happened range as a band, Known on as a line. */
function filterMarks(layout: Layout, app: App): SVGGElement {
  const { from, to, knownAt } = app.state().filters;
  const group = svg('g', { class: 'timeline-marks' });
  if (from !== undefined || to !== undefined) {
    const start = (from !== undefined ? xOfDay(layout, from) : undefined) ?? LEFT;
    const end = (to !== undefined ? xOfDay(layout, to) : undefined) ?? layout.width - RIGHT;
    group.append(
      svg('rect', {
        class: 'range-band',
        x: start,
        y: ROWS.happened,
        width: Math.max(2, end - start),
        height: ROW_HEIGHT,
      }),
    );
  }
  if (knownAt !== undefined) {
    const x = xOfDay(layout, knownAt) ?? (knownAt < layout.bins[0].start ? LEFT : layout.width - RIGHT);
    group.append(
      svg('line', { class: 'known-line', x1: x, x2: x, y1: ROWS.happened - 2, y2: ROWS.known + ROW_HEIGHT + 2 }),
    );
  }
  return group;
}

/** A tick per document date on the Known row; clicking one replays that day. */
function documentTicks(layout: Layout, dates: readonly string[]): SVGGElement {
  const group = svg('g', { class: 'document-ticks' });
  for (const date of dates) {
    const x = xOfDay(layout, date);
    if (x === undefined) continue;
    const tick = svg('rect', {
      class: 'doc-tick',
      x: x - 3,
      y: ROWS.known - 4,
      width: 6,
      height: 6,
      'data-date': date,
    });
    tick.append(svg('title', {}, `a document of ${date}: click to see what was known that day`));
    group.append(tick);
  }
  return group;
}

export function createTimeline(container: HTMLElement, app: App): { update(): void } {
  const stances = app.vocabulary.stances.map((stance) => stance.id);
  const colours = stanceColours(app.vocabulary.stances, app.vocabulary.statuses);
  const drawing = svg('svg', { class: 'timeline-svg', height: HEIGHT, role: 'img' });
  const playButton = button('Play', () => player.toggle(), {
    className: 'secondary',
    attrs: { id: 'timeline-play', 'aria-pressed': 'false' },
  });
  const player = createPlayer(app, playButton);
  const legend = el(
    'span',
    { className: 'timeline-legend' },
    ...stances.map((stance) =>
      el('span', { className: 'timeline-key' }, keySwatch(colours.get(stance) ?? '#7b8794'), stance),
    ),
  );
  replaceChildren(
    container,
    el(
      'div',
      { className: 'timeline-head' },
      el('h2', {}, 'Timeline'),
      playButton,
      el('span', { className: 'hint' }, 'Drag over Happened to set the dates; click Known to replay a day.'),
      legend,
    ),
    drawing,
  );
  let revision = -1;
  let data: TimelineData | undefined;
  let layout: Layout | undefined;
  attachPointer(drawing, app, () => layout);

  function update(): void {
    if (revision !== app.graphRevision()) {
      revision = app.graphRevision();
      data = timelineData(claimsOf(app));
    }
    container.hidden = data === undefined;
    if (!data) return;
    const width = Math.max(LEFT + RIGHT + 40, drawing.clientWidth || container.clientWidth);
    drawing.setAttribute('width', String(width));
    layout = { width, bins: data.bins, binWidth: (width - LEFT - RIGHT) / data.bins.length };
    drawing.setAttribute(
      'aria-label',
      `Claims from ${data.bins[0].start} to ${data.bins[data.bins.length - 1].end} by when they happened and when they were reported`,
    );
    replaceChildren(
      drawing,
      svg('text', { class: 'row-label', x: 0, y: ROWS.happened + ROW_HEIGHT / 2 + 4 }, 'Happened'),
      svg('text', { class: 'row-label', x: 0, y: ROWS.known + ROW_HEIGHT / 2 + 4 }, 'Known'),
      rowBars('happened', layout, data.happened, stances, colours),
      rowBars('known', layout, data.known, stances, colours),
      filterMarks(layout, app),
      documentTicks(layout, app.documentDates()),
      axis(layout, data.unit),
    );
    player.update();
  }
  new ResizeObserver(() => update()).observe(container);
  update();
  return { update };
}

function keySwatch(colour: string): HTMLSpanElement {
  const dot = el('span', { className: 'timeline-swatch', attrs: { 'aria-hidden': 'true' } });
  dot.style.background = colour;
  return dot;
}

function* claimsOf(app: App) {
  for (const { attributes } of app.graph.edgeEntries()) yield* attributes.claims;
}

/**
 * Dragging over the Happened row brushes a range of bins (drawn while dragging) and sets
 * Happened from/until on release; a click on the Known row sets Known on.
 */
function attachPointer(drawing: SVGSVGElement, app: App, current: () => Layout | undefined): void {
  let brushStart: number | undefined;
  let band: SVGRectElement | undefined;
  const at = (event: PointerEvent) => {
    const layout = current();
    if (!layout) return undefined;
    const box = drawing.getBoundingClientRect();
    const x = event.clientX - box.left;
    const y = event.clientY - box.top;
    const index = binIndexAt(x, LEFT, layout.width - LEFT - RIGHT, layout.bins.length);
    const fraction = (x - LEFT - index * layout.binWidth) / layout.binWidth;
    const row: Row | undefined =
      y >= ROWS.happened && y <= ROWS.happened + ROW_HEIGHT ? 'happened' : y >= ROWS.known - 6 ? 'known' : undefined;
    return { layout, index, fraction, row, target: event.target };
  };
  drawing.addEventListener('pointerdown', (event) => {
    const point = at(event);
    if (!point || point.row !== 'happened') return;
    brushStart = point.index;
    drawing.setPointerCapture(event.pointerId);
    band = svg('rect', { class: 'brush-band', y: ROWS.happened, height: ROW_HEIGHT, x: 0, width: 0 });
    drawing.append(band);
    showBand(band, point.layout, point.index, point.index);
  });
  drawing.addEventListener('pointermove', (event) => {
    const point = at(event);
    if (point && brushStart !== undefined && band) showBand(band, point.layout, brushStart, point.index);
  });
  drawing.addEventListener('pointerup', (event) => {
    const point = at(event);
    if (point && brushStart !== undefined) {
      const range = brushRange(point.layout.bins, brushStart, point.index);
      brushStart = undefined;
      band?.remove();
      app.update({ filters: { ...app.state().filters, ...range } });
      return;
    }
    if (!point || point.row !== 'known') return;
    const tickDate = point.target instanceof SVGElement ? point.target.dataset.date : undefined;
    const knownAt = tickDate ?? dayInBin(point.layout.bins[point.index], point.fraction);
    app.update({ filters: { ...app.state().filters, knownAt } });
  });
}

function showBand(band: SVGRectElement, layout: Layout, a: number, b: number): void {
  band.setAttribute('x', String(LEFT + Math.min(a, b) * layout.binWidth));
  band.setAttribute('width', String((Math.abs(a - b) + 1) * layout.binWidth));
}

/** Play and Pause: Known on steps to the next document date every PLAY_STEP_MS until the last. */
function createPlayer(app: App, playButton: HTMLButtonElement): { toggle(): void; update(): void } {
  let timer: ReturnType<typeof setInterval> | undefined;
  const stop = () => {
    clearInterval(timer);
    timer = undefined;
    update();
  };
  const step = () => {
    const next = nextDocumentDate(app.documentDates(), app.state().filters.knownAt);
    if (next === undefined) return stop();
    app.update({ filters: { ...app.state().filters, knownAt: next } });
    if (nextDocumentDate(app.documentDates(), next) === undefined) stop();
  };
  function update(): void {
    playButton.textContent = timer === undefined ? 'Play' : 'Pause';
    playButton.setAttribute('aria-pressed', String(timer !== undefined));
    playButton.disabled = app.documentDates().length === 0;
  }
  return {
    toggle() {
      if (timer !== undefined) return stop();
      const dates = app.documentDates();
      const knownAt = app.state().filters.knownAt;
      timer = setInterval(step, PLAY_STEP_MS);
      // From the first document again when the replay is at (or past) the last one.
      if (knownAt !== undefined && nextDocumentDate(dates, knownAt) === undefined)
        app.update({ filters: { ...app.state().filters, knownAt: dates[0] } });
      else step();
      update();
    },
    update,
  };
}
