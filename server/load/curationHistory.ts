// The history of hand curation: every add, correction, retraction and revert of a claim,
// every entity edit, merge and split, oldest first, read from history.jsonl (what compaction moved out of the journal) and
// then the journal's own curation events. It answers what the write path and the history
// API need: each claim's and entity's version and last event, retracted claims as they were, the
// next event id, and which pairs of entities stand judged "not the same". The write
// store adds each event to it once the event is journalled.
import fs from 'node:fs';
import path from 'node:path';
import {
  claimChangesOf,
  curationEntrySchema,
  entityChangesOf,
  entityPairKey,
  isClaimEvent,
  isCurationEntry,
  type ClaimChange,
  type ClaimCurationEntry,
  type CurationEntry,
  type JudgeNotSameEntry,
} from '../model/curationEvents';
import type { Claim } from '../model/records';
import { DataIntegrityError, formatFieldPath, type LoadProblem } from './problems';
import { readJournal } from './readJournal';

export const HISTORY_FILE = 'history.jsonl';

export class CurationHistory {
  private readonly events: CurationEntry[] = [];
  private readonly byId = new Map<string, CurationEntry>();
  /** The last event of each claim it changed (a claim event, or a merge or split that moved it), and what it did. */
  private readonly lastByClaim = new Map<string, { event: CurationEntry; change: ClaimChange }>();
  /** The last event of each entity it changed (an edit, a merge or a split), and the entity's version after it. */
  private readonly lastByEntity = new Map<string, { event: CurationEntry; version: number }>();
  /** The last judgement of each pair of entities judged (entityPairKey). */
  private readonly lastByPair = new Map<string, JudgeNotSameEntry>();

  constructor(initial: readonly CurationEntry[] = []) {
    for (const event of initial) this.apply(event);
  }

  /** Adds an event; one already known by id (moved to history.jsonl by an interrupted compaction) is kept once. */
  apply(event: CurationEntry): void {
    if (this.byId.has(event.id)) return;
    this.events.push(event);
    this.byId.set(event.id, event);
    if (event.kind === 'judgeNotSame') this.lastByPair.set(entityPairKey(event.entity, event.other), event);
    for (const change of claimChangesOf(event)) this.lastByClaim.set(change.claim, { event, change });
    for (const change of entityChangesOf(event))
      this.lastByEntity.set(change.entity, { event, version: change.version });
  }

  get size(): number {
    return this.events.length;
  }

  /** Oldest first. */
  all(): readonly CurationEntry[] {
    return this.events;
  }

  get(id: string): CurationEntry | undefined {
    return this.byId.get(id);
  }

  /** The last event that changed the claim: a claim event, or a merge or split that moved it. */
  lastEventOf(claimId: string): CurationEntry | undefined {
    return this.lastByClaim.get(claimId)?.event;
  }

  /** A claim never curated is at version 1. */
  versionOf(claimId: string): number {
    return this.lastByClaim.get(claimId)?.change.version ?? 1;
  }

  /** The last event that changed the entity: an edit, a merge (of it, or into it) or a split. */
  lastEditOf(entityId: string): CurationEntry | undefined {
    return this.lastByEntity.get(entityId)?.event;
  }

  /** An entity never edited is at version 1. */
  entityVersionOf(entityId: string): number {
    return this.lastByEntity.get(entityId)?.version ?? 1;
  }

  /** The last judgement of the pair, in either order. */
  lastJudgementOf(a: string, b: string): JudgeNotSameEntry | undefined {
    return this.lastByPair.get(entityPairKey(a, b));
  }

  /** Whether the pair stands judged not the same, in either order. */
  judgedNotSame(a: string, b: string): boolean {
    return this.lastByPair.get(entityPairKey(a, b))?.after === 'not-same';
  }

  /** A claim whose last event left it absent: retracted (or an added claim reverted), with what it was. */
  retracted(claimId: string): { claim: Claim; event: CurationEntry } | undefined {
    const last = this.lastByClaim.get(claimId);
    if (!last || last.change.after !== null || last.change.before === null) return undefined;
    return { claim: last.change.before, event: last.event };
  }

  /** The id the next event gets: e1, e2, … in the order they were written. */
  nextId(): string {
    let n = this.events.length + 1;
    while (this.byId.has(`e${n}`)) n++;
    return `e${n}`;
  }

  /** Events after `event` that changed the same claim, oldest first. */
  laterEventsOf(event: ClaimCurationEntry): ClaimCurationEntry[] {
    const index = this.events.indexOf(event);
    return this.events
      .slice(index + 1)
      .filter((later): later is ClaimCurationEntry => isClaimEvent(later) && later.claim === event.claim);
  }
}

/** Reads history.jsonl (absent: no history); each bad line is a problem naming it. */
export function readHistoryFile(dataDir: string, problems: LoadProblem[]): CurationEntry[] {
  const file = path.join(dataDir, HISTORY_FILE);
  if (!fs.existsSync(file)) return [];
  const events: CurationEntry[] = [];
  fs.readFileSync(file, 'utf8')
    .split('\n')
    .forEach((text, index) => {
      if (text.trim() === '') return;
      const at = { file: HISTORY_FILE, line: index + 1, column: 1 };
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (error) {
        problems.push({ ...at, message: `malformed history event: ${(error as Error).message}` });
        return;
      }
      const parsed = curationEntrySchema.safeParse(json);
      if (!parsed.success) {
        for (const issue of parsed.error.issues)
          problems.push({
            ...at,
            field: formatFieldPath(issue.path) || undefined,
            message: `invalid history event: ${issue.message}`,
          });
        return;
      }
      events.push(parsed.data);
    });
  return events;
}

/** history.jsonl and then the journal's curation events, as one history. */
export function readCurationHistory(dataDir: string): CurationHistory {
  const problems: LoadProblem[] = [];
  const history = new CurationHistory(readHistoryFile(dataDir, problems));
  const journal = readJournal(dataDir);
  problems.push(...journal.problems);
  if (problems.length > 0) throw new DataIntegrityError(problems);
  for (const { entry } of journal.lines) if (isCurationEntry(entry)) history.apply(entry);
  return history;
}
