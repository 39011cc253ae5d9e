// The curation history as the explorer lists it: each event's who, when, what and why in
// words, the version an entity is at (from its edits), the current version a 412 names
// and the event a refused revert names. Pure, so jest checks the exact texts.
import type { Problem } from '../../../server/model/api';
import { entityChangesOf, type CurationEntry } from '../../../server/model/curationEvents';
import type { Claim, Entity } from '../../../server/model/records';

type NameOf = (id: string) => string;

export interface EventLine {
  /** What happened, in words. */
  what: string;
  /** Who and when: "token, 2026-05-01 10:20:03 UTC". */
  who: string;
  /** The reason given, if any. */
  why?: string;
}

const CLAIM_FIELDS = ['type', 'stance', 'subject', 'object', 'date', 'attributedTo', 'role', 'quote'] as const;
const ENTITY_FIELDS = ['name', 'aliases', 'description', 'type', 'kind', 'countryCode'] as const;

function shown(value: unknown): string {
  if (value === undefined || value === null || value === '') return 'none';
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.join(', ');
  return String(value);
}

/** "stance asserts → alleges; date 2024 → none": the fields that differ, in the form's order. */
export function claimChanges(before: Claim, after: Claim, nameOf: NameOf): string {
  return CLAIM_FIELDS.filter((field) => shown(before[field]) !== shown(after[field]))
    .map((field) => {
      const name = (value: unknown) =>
        (field === 'subject' || field === 'object') && typeof value === 'string' ? nameOf(value) : shown(value);
      return `${field} ${name(before[field])} → ${name(after[field])}`;
    })
    .join('; ');
}

/** "name Ann → Anne; aliases none → Annie": the entity fields that differ. */
export function entityChanges(before: Entity, after: Entity): string {
  return ENTITY_FIELDS.filter((field) => shown(before[field]) !== shown(after[field]))
    .map((field) => `${field} ${shown(before[field])} → ${shown(after[field])}`)
    .join('; ');
}

function claimWords(claim: Claim, nameOf: NameOf): string {
  return `${nameOf(claim.subject)} ${claim.type} ${nameOf(claim.object)} (${claim.stance})`;
}

function what(event: CurationEntry, nameOf: NameOf): string {
  switch (event.kind) {
    case 'editEntity': {
      const changes = entityChanges(event.before, event.after);
      const verb = event.reverts ? `Undid ${event.reverts} on` : 'Edited';
      return `${verb} ${event.after.name}: ${changes || 'no change'}`;
    }
    case 'addClaim':
      return `Added claim ${event.claim}: ${event.after ? claimWords(event.after, nameOf) : ''}`;
    case 'correctClaim':
      return `Corrected claim ${event.claim}: ${event.before && event.after ? claimChanges(event.before, event.after, nameOf) : ''}`;
    case 'retractClaim':
      return `Retracted claim ${event.claim}: ${event.before ? claimWords(event.before, nameOf) : ''}`;
    case 'revert': {
      const effect =
        event.after === null
          ? 'taken off the graph'
          : event.before === null
            ? `back on the graph: ${claimWords(event.after, nameOf)}`
            : claimChanges(event.before, event.after, nameOf);
      return `Undid ${event.reverts} on claim ${event.claim}: ${effect}`;
    }
    case 'mergeEntities':
      return `Merged ${event.merged.name} into ${event.after.name}`;
    case 'splitEntity':
      return `Undid ${event.reverts}: ${event.merged.name} split again from ${event.after.name}`;
    case 'judgeNotSame': {
      const judged = event.after === 'not-same' ? 'not the same' : 'no longer judged';
      const verb = event.reverts ? `Undid ${event.reverts}: ` : 'Judged ';
      return `${verb}${nameOf(event.entity)} and ${nameOf(event.other)} ${judged}`;
    }
  }
}

/** "2026-05-01T10:20:03.123Z" → "2026-05-01 10:20:03 UTC"; anything else as it is. */
export function eventTime(at: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(?:\.\d+)?Z$/.exec(at);
  return match ? `${match[1]} ${match[2]} UTC` : at;
}

export function eventLine(event: CurationEntry, nameOf: NameOf): EventLine {
  const line: EventLine = { what: what(event, nameOf), who: `${event.author}, ${eventTime(event.at)}` };
  if (event.reason !== undefined) line.why = event.reason;
  return line;
}

/**
 * An entity's version: the one the newest event in `events` (newest first) that changed
 * it left it at (an edit, a merge of it or into it, a split), else 1 (never changed).
 */
export function entityVersion(events: readonly CurationEntry[], id: string): number {
  for (const event of events) {
    const change = entityChangesOf(event).find((one) => one.entity === id);
    if (change) return change.version;
  }
  return 1;
}

/** The current version a 412 names (errors: [{path: "If-Match", message: 'the current version is "2"'}]). */
export function currentVersionOf(problem: Problem | undefined): number | undefined {
  const message = problem?.errors?.find((error) => error.path === 'If-Match')?.message;
  const match = message === undefined ? null : /"(\d+)"/.exec(message);
  return match ? Number(match[1]) : undefined;
}

/** The event a refused revert (409) says to revert first: …; revert "e2" first. */
export function blockingEventOf(problem: Problem | undefined): string | undefined {
  const match = problem === undefined ? null : /revert "([^"]+)" first/.exec(problem.detail);
  return match ? match[1] : undefined;
}
