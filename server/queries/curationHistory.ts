// The curation history as the API and the CLI list it: events newest first, narrowed to
// one claim, one entity (a claim's subject or object before or after the event, an
// entity the event created, the entity an edit changed, either entity of a merge or a
// split or of a "not the same" judgement, or an end of a claim it moved), one document
// (the claim's before or after, or a moved claim's) or one author.
import { isClaimEvent, type ClaimChange, type CurationEntry, type EntityMergeEntry } from '../model/curationEvents';
import type { Claim } from '../model/records';

export interface HistoryFilter {
  claim?: string;
  entity?: string;
  document?: string;
  author?: string;
}

/** Whether the claim before or after the event passes `test`. */
function touches(event: ClaimChange, test: (claim: Claim) => boolean): boolean {
  return (event.before !== null && test(event.before)) || (event.after !== null && test(event.after));
}

function keepsMerge(event: EntityMergeEntry, filter: HistoryFilter): boolean {
  const { claim, entity, document } = filter;
  if (claim !== undefined && !event.claims.some((moved) => moved.claim === claim)) return false;
  if (document !== undefined && !event.claims.some((moved) => touches(moved, (c) => c.document === document)))
    return false;
  return entity === undefined || event.entity === entity || event.into === entity;
}

/** `events` (oldest first, as recorded) that pass the filter, newest first. */
export function filterHistory(events: readonly CurationEntry[], filter: HistoryFilter): CurationEntry[] {
  const { claim, entity, document, author } = filter;
  const kept: CurationEntry[] = [];
  for (let i = events.length - 1; i >= 0; i--) {
    const event = events[i];
    if (author !== undefined && event.author !== author) continue;
    if (event.kind === 'judgeNotSame') {
      if (claim !== undefined || document !== undefined) continue;
      if (entity !== undefined && event.entity !== entity && event.other !== entity) continue;
      kept.push(event);
      continue;
    }
    if (!isClaimEvent(event) && event.kind !== 'editEntity') {
      if (keepsMerge(event, filter)) kept.push(event);
      continue;
    }
    if (event.kind === 'editEntity') {
      if (claim !== undefined || document !== undefined) continue;
      if (entity !== undefined && event.entity !== entity) continue;
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
