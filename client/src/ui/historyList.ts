// The curation history of an entity or a claim (GET /api/history), newest first: who,
// when, what and why of each event, and Undo on each (POST /api/history/{id}/revert). A
// refused undo (409: a later event changed the same claim or entity) is shown under that
// event, and the event to undo first is marked in the list. Undoing a merge (a split)
// brings the merged entity back on the graph; undoing a judgement changes nothing drawn.
import type { CurationEntry } from '../../../server/model/curationEvents';
import { entityName, type App } from '../app';
import { blockingEventOf, eventLine } from '../curation/historyText';
import { fetchHistory, revertEvent, type RevertResponse } from '../curationApi';
import type { Curator, HistoryOf } from '../curator';
import { button, el, replaceChildren } from './dom';
import { errorText, isStatus, writeStatus } from './formKit';
import { storedToken } from '../writeToken';

/**
 * What the write touched, for the graph to follow: the claim's edges, the edited entity,
 * both entities of a merge or a split; a judgement changes nothing drawn.
 */
function touchedBy(result: RevertResponse): { edges: string[]; nodes: string[] } {
  if ('created' in result) return { edges: [], nodes: [] };
  if ('entity' in result) {
    const { event } = result;
    const merged = event.kind === 'mergeEntities' || event.kind === 'splitEntity' ? [event.entity] : [];
    return { edges: [], nodes: [result.entity.entity.id, ...merged] };
  }
  const { claim, edge } = result.claim;
  return { edges: [edge, ...(result.previousEdge ? [result.previousEdge] : [])], nodes: [claim.subject, claim.object] };
}

function eventItem(app: App, event: CurationEntry, undo: (item: HTMLElement) => void): HTMLElement {
  const line = eventLine(event, (id) => entityName(app, id));
  const item = el(
    'li',
    { className: `history-event kind-${event.kind}`, attrs: { 'data-event': event.id } },
    el('p', { className: 'history-what' }, el('strong', {}, `${event.id} `), line.what),
    el('p', { className: 'history-who' }, `by ${line.who}`),
    line.why ? el('p', { className: 'history-why' }, `Why: ${line.why}`) : null,
  );
  item.append(
    button('Undo', () => undo(item), {
      className: 'secondary writes-only undo-event',
      attrs: { 'data-undo': event.id },
    }),
  );
  return item;
}

export function renderHistory(app: App, of: HistoryOf, curator: Curator): HTMLElement {
  curator.keepHistoryOpen(of);
  const list = el('ol', { className: 'history-list', attrs: { 'aria-label': 'History, newest first' } });
  const status = writeStatus();
  const section = el(
    'section',
    { className: 'history', attrs: { 'aria-busy': 'true' } },
    el('h4', {}, 'History'),
    el('p', { className: 'loading' }, 'Loading the history…'),
  );

  function undo(event: CurationEntry, item: HTMLElement): void {
    for (const marked of list.querySelectorAll('.blocking')) marked.classList.remove('blocking');
    for (const old of list.querySelectorAll('.undo-error')) old.remove();
    revertEvent(event.id, storedToken()).then(
      async (result) => {
        await curator.afterWrite(touchedBy(result));
        curator.announce(`Undid ${event.id} with ${result.event.id}.`);
      },
      (error: unknown) => {
        const blocking = isStatus(error, 409) ? blockingEventOf(error.problem) : undefined;
        const text = blocking
          ? `Cannot undo ${event.id} yet: ${blocking} changed it later; undo ${blocking} first.`
          : `Not undone: ${errorText(error)}`;
        item.append(el('p', { className: 'undo-error error', attrs: { role: 'alert' } }, text));
        if (blocking) list.querySelector(`[data-event="${CSS.escape(blocking)}"]`)?.classList.add('blocking');
      },
    );
  }

  fetchHistory(of).then(
    (history) => {
      section.setAttribute('aria-busy', 'false');
      list.replaceChildren(...history.events.map((event) => eventItem(app, event, (item) => undo(event, item))));
      replaceChildren(
        section,
        el('h4', {}, `History (${history.total} event${history.total === 1 ? '' : 's'})`),
        history.events.length > 0 ? list : el('p', { className: 'hint' }, 'No curation yet.'),
        status.element,
      );
    },
    (error: unknown) => {
      section.setAttribute('aria-busy', 'false');
      section.replaceChildren(
        el('h4', {}, 'History'),
        el('p', { className: 'error' }, `Could not load the history: ${errorText(error)}`),
      );
    },
  );
  return section;
}
