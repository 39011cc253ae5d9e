// The curation history as the API and the CLI list it: events newest first, narrowed to
// one claim, one entity (a claim's subject or object before or after the event, an
// entity the event created, the entity an edit changed, or either entity of a "not the
// same" judgement), one document (the claim's
// before or after) or one author.
import type { ClaimCurationEntry, CurationEntry } from '../model/curationEvents';
import type { Claim } from '../model/records';

export interface HistoryFilter {
  claim?: string;
  entity?: string;
  document?: string;
  author?: string;
}

/** Whether the claim before or after the event passes `test`. */
function touches(event: ClaimCurationEntry, test: (claim: Claim) => boolean): boolean {
  return (event.before !== null && test(event.before)) || (event.after !== null && test(event.after));
}

/** `events` (oldest first, as recorded) that pass the filter, newest first. */
export function filterHistory(events: readonly CurationEntry[], filter: HistoryFilter): CurationEntry[] {
  const { claim, entity, document, author } = filter;
  const kept: CurationEntry[] = [];
  for (let i = events.length - 1; i >= 0; i--) {
    const event = events[i];
    if (author !== undefined && event.author !== author) continue;
    if (event.kind === 'editEntity') {
      if (claim !== undefined || document !== undefined) continue;
      if (entity !== undefined && event.entity !== entity) continue;
      kept.push(event);
      continue;
    }
    if (event.kind === 'judgeNotSame') {
      if (claim !== undefined || document !== undefined) continue;
      if (entity !== undefined && event.entity !== entity && event.other !== entity) continue;
      kept.push(event);
      continue;
    }
    if (claim !== undefined && event.claim !== claim) continue;
    if (document !== undefined && !touches(event, (c) => c.document === document)) continue;
    if (
      entity !== undefined &&
      !touches(event, (c) => c.subject === entity || c.object === entity) &&
      !event.entities.some((e) => e.id === entity)
    )
      continue;
    kept.push(event);
  }
  return kept;
}
