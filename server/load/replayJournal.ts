// Step 1b of loading: after the JSON files, apply what the write path recorded since the
// last compaction: proposals.json (the review queue) and then journal.jsonl, line by line.
// Ingested documents, accepted claims and the entities they created join the records
// exactly as if they were in the files, so step 2 checks them the same way; a curation
// event (add, correct, retract, revert a claim) puts its claim in the state it records,
// and an entity edit puts the entity in its edited state, where it stands. A merge takes
// the merged entity out, puts the survivor and the moved claims in their recorded states
// and adds a redirect; a split (the revert of a merge) does the opposite; a "not the
// same" judgement changes no record.
// An entry that an interrupted compaction already folded into the files (same id, same
// content) is skipped, and a curation event sets a state rather than changing one, which
// makes compaction safe to crash at any point. A torn last journal line is
// a warning, not a problem: it was never acknowledged.
import crypto from 'node:crypto';
import type { Claim, DocumentRecord, Entity } from '../model/records';
import { sameRecord } from '../model/canonicalJson';
import {
  claimChangesOf,
  entityChangesOf,
  isCurationEntry,
  isEntityMerge,
  type EntityMergeEntry,
} from '../model/curationEvents';
import type { EntityRedirect } from '../model/entityRedirects';
import type { ReviewedProposal } from '../model/journalEntries';
import { describeTornTail, JOURNAL_FILE, readJournal, type JournalContents } from './readJournal';
import { ProposalBook, PROPOSALS_FILE, readProposalsFile } from './proposalBook';
import { parseDocument } from './parseDocument';
import type { LoadProblem } from './problems';
import type { Located, RawData } from './readDataFolder';

export interface JournalReplay {
  proposals: ProposalBook;
  /** Reported but not fatal: a torn last line. */
  warnings: LoadProblem[];
  /** Number of journal entries applied. */
  entries: number;
}

export interface ReplayedData extends RawData {
  journal: JournalReplay;
}

/**
 * What the write path recorded on top of the base records: the review queue as last
 * compacted, the journal, and the version of the base (the records' files and the queue).
 * A data folder keeps them in proposals.json and journal.jsonl; PostgreSQL in its
 * proposals and events tables.
 */
export interface RecordedWrites {
  proposals: ReviewedProposal[];
  journal: JournalContents;
  /** The version of the records and the review queue before the journal: the content hash when the journal is empty. */
  baseHash: string;
}

/** The base version: the records' files' hash, and proposals.json's text when there is one. */
export function baseContentHash(filesHash: string, proposalsText: string | undefined): string {
  if (proposalsText === undefined) return filesHash;
  return crypto.createHash('sha256').update(filesHash).update(`${PROPOSALS_FILE}\0${proposalsText}\0`).digest('hex');
}

/** proposals.json and journal.jsonl of a data folder. */
export function readRecordedWrites(raw: RawData, problems: LoadProblem[]): RecordedWrites {
  const proposalsFile = readProposalsFile(raw.dataDir, problems);
  return {
    proposals: proposalsFile.proposals,
    journal: readJournal(raw.dataDir),
    baseHash: baseContentHash(raw.contentHash, proposalsFile.text),
  };
}

export function replayJournal(raw: RawData, recorded?: RecordedWrites): ReplayedData {
  const problems = [...raw.problems];
  const warnings: LoadProblem[] = [];
  const { proposals: base, journal, baseHash } = recorded ?? readRecordedWrites(raw, problems);
  // The version chains from the base's: a store that holds the base elsewhere (PostgreSQL) gives the same one.
  const hash = crypto.createHash('sha256').update(baseHash);
  const proposals = new ProposalBook(base);

  problems.push(...journal.problems);
  if (journal.tornTail) warnings.push(describeTornTail(journal.tornTail));

  // Nothing to replay (so after every compaction, and in imported or generated folders):
  // skip copying and indexing every record, a second or more at a million claims.
  if (journal.lines.length === 0) {
    return {
      ...raw,
      problems,
      contentHash: baseHash,
      journal: { proposals, warnings, entries: 0 },
    };
  }

  // Claims that a curation event of this journal changes: an accept of one may find the
  // files already holding its corrected form (an interrupted compaction), which is no conflict.
  const curated = new Set<string>();
  // Entities an edit of this journal changes: the files may already hold them edited, likewise.
  const edited = new Set<string>();
  for (const { entry } of journal.lines) {
    if (!isCurationEntry(entry)) continue;
    for (const change of claimChangesOf(entry)) curated.add(change.claim);
    for (const change of entityChangesOf(entry)) edited.add(change.entity);
  }

  const records = new ReplayedRecords(raw, problems, edited);
  for (const { line, entry, text } of journal.lines) {
    hash.update(`${JOURNAL_FILE}\0${text}\n`);
    const file = `${JOURNAL_FILE} line ${line}`;
    if (entry.kind === 'ingest') {
      const parsed = parseDocument(`documents/${entry.document.id}.txt`, entry.document.source);
      for (const problem of parsed.problems)
        problems.push({ ...problem, file, message: `document "${entry.document.id}": ${problem.message}` });
      if (parsed.document) records.addDocument(file, parsed.document);
      proposals.applyIngest(entry);
    } else if (entry.kind === 'accept') {
      records.addEntities(file, entry.entities);
      if (curated.has(entry.claim.id)) records.setClaim(entry.claim.id, entry.claim, file);
      else records.addClaim({ file, index: 0, record: entry.claim });
      proposals.applyAccept(entry);
    } else if (entry.kind === 'reject') {
      proposals.applyReject(entry);
    } else if (entry.kind === 'editEntity') {
      records.setEntity(entry.after, file);
    } else if (isEntityMerge(entry)) {
      records.applyMerge(entry, file);
    } else if (entry.kind === 'judgeNotSame') {
      // A judgement changes no record: the history holds it (curationHistory.ts).
    } else {
      records.addEntities(file, entry.entities);
      records.setClaim(entry.claim, entry.after, file);
    }
  }

  return {
    ...raw,
    entities: records.liveEntities(),
    claims: records.liveClaims(),
    redirects: records.redirects,
    documents: records.documents,
    problems,
    contentHash: hash.digest('hex'),
    journal: { proposals, warnings, entries: journal.lines.length },
  };
}

/** The files' records, copied and indexed by id, that the journal's entries join or change. */
class ReplayedRecords {
  private readonly entities: Located<Entity>[];
  readonly redirects: Located<EntityRedirect>[];
  readonly documents: RawData['documents'];
  private readonly claims: Located<Claim>[];
  private readonly entityById: Map<string, Located<Entity>>;
  private readonly claimById: Map<string, Located<Claim>>;
  private readonly documentById: Map<string, { file: string; document: DocumentRecord }>;
  /**
   * Where each claim sits in `claims`; a retracted claim's place is emptied (left out at
   * the end), and a claim brought back joins at the end, as the write path does.
   */
  private readonly claimPosition: Map<string, number>;
  private readonly origin = new Map<string, Located<Claim>>();
  private readonly emptied = new Set<number>();
  /** Entities a merge took out, and where they came from (a split brings one back to its file). */
  private readonly mergedAway = new Map<string, Located<Entity>>();

  constructor(
    raw: RawData,
    private readonly problems: LoadProblem[],
    /** Entities a later edit sets anyway: one the files already hold (in any state) is not added again. */
    private readonly edited: ReadonlySet<string> = new Set(),
  ) {
    this.entities = [...raw.entities];
    this.claims = [...raw.claims];
    this.documents = [...raw.documents];
    this.redirects = [...raw.redirects];
    this.entityById = new Map(this.entities.map((e) => [e.record.id, e]));
    this.claimById = new Map(this.claims.map((c) => [c.record.id, c]));
    this.documentById = new Map(this.documents.map((d) => [d.document.id, d]));
    this.claimPosition = new Map(this.claims.map((c, position) => [c.record.id, position]));
  }

  addEntities(file: string, entities: readonly Entity[]): void {
    entities.forEach((record, index) => {
      if (this.edited.has(record.id) && this.entityById.has(record.id)) return;
      this.addRecord(this.entities, this.entityById, 'entity', { file, index, record });
    });
  }

  /** Puts the entity in its edited state where it stands (an entity unknown here joins at the end). */
  setEntity(after: Entity, file: string): void {
    const located = this.entityById.get(after.id);
    const position = located ? this.entities.indexOf(located) : -1;
    const replaced = { file: located?.file ?? file, index: located?.index ?? 0, record: after };
    if (position === -1) this.entities.push(replaced);
    else this.entities[position] = replaced;
    this.entityById.set(after.id, replaced);
  }

  /**
   * A merge or a split, as recorded: the entities and moved claims in their states after
   * it, and the merged entity's redirect added or taken away. Replaying it again changes nothing.
   */
  applyMerge(entry: EntityMergeEntry, file: string): void {
    for (const change of entityChangesOf(entry)) {
      if (change.after !== null) this.setEntity(change.after, this.mergedAway.get(change.entity)?.file ?? file);
      else this.removeEntity(change.entity);
    }
    for (const moved of entry.claims) this.setClaim(moved.claim, moved.after, file);
    const position = this.redirects.findIndex((r) => r.record.id === entry.entity);
    if (position !== -1) this.redirects.splice(position, 1);
    if (entry.kind === 'mergeEntities')
      this.redirects.push({ file: 'redirects.json', index: 0, record: { id: entry.entity, into: entry.into } });
  }

  /** Takes an entity out (a merge), remembering its file. */
  private removeEntity(id: string): void {
    const located = this.entityById.get(id);
    if (!located) return;
    this.entityById.delete(id);
    this.mergedAway.set(id, located);
  }

  /** The entities in their order, without those merged away. */
  liveEntities(): Located<Entity>[] {
    return this.mergedAway.size === 0
      ? this.entities
      : this.entities.filter((located) => this.entityById.get(located.record.id) === located);
  }

  /** An accepted claim joins the claims, unless the files already hold the same one. */
  addClaim(located: Located<Claim>): void {
    this.addRecord(this.claims, this.claimById, 'claim', located);
    if (!this.claimPosition.has(located.record.id)) this.claimPosition.set(located.record.id, this.claims.length - 1);
  }

  /** Puts the claim in the state `after` (absent when null): what every curation event does. */
  setClaim(id: string, after: Claim | null, file: string): void {
    const position = this.claimPosition.get(id);
    if (position !== undefined) {
      const located = this.claims[position];
      if (after !== null) {
        this.claims[position] = { file: located.file, index: located.index, record: after };
        this.claimById.set(id, this.claims[position]);
        return;
      }
      this.emptied.add(position);
      this.claimPosition.delete(id);
      this.claimById.delete(id);
      this.origin.set(id, located);
      return;
    }
    if (after === null) return;
    const from = this.origin.get(id);
    const located = { file: from?.file ?? file, index: from?.index ?? 0, record: after };
    this.claims.push(located);
    this.claimPosition.set(id, this.claims.length - 1);
    this.claimById.set(id, located);
  }

  /** The claims in their order, without the retracted ones. */
  liveClaims(): Located<Claim>[] {
    return this.emptied.size === 0
      ? this.claims
      : this.claims.filter((_claim, position) => !this.emptied.has(position));
  }

  /** Adds an ingested document unless the files already hold the same one; a different one with that id is a problem. */
  addDocument(file: string, document: DocumentRecord): void {
    const existing = this.documentById.get(document.id);
    if (existing && !sameRecord(existing.document, document)) {
      this.problems.push({
        file,
        id: document.id,
        message: `document id "${document.id}" is already used by a different document in ${existing.file}`,
      });
    } else if (!existing) {
      const located = { file, document };
      this.documents.push(located);
      this.documentById.set(document.id, located);
    }
  }

  /** Adds a record unless the files already hold the same one; a different one with that id is a problem. */
  private addRecord<T extends { id: string }>(
    list: Located<T>[],
    byId: Map<string, Located<T>>,
    noun: string,
    located: Located<T>,
  ): void {
    const existing = byId.get(located.record.id);
    if (existing && sameRecord(existing.record, located.record)) return;
    if (existing) {
      this.problems.push({
        file: located.file,
        index: located.index,
        id: located.record.id,
        message: `${noun} id "${located.record.id}" is already used by a different ${noun} in ${existing.file}`,
      });
      return;
    }
    list.push(located);
    byId.set(located.record.id, located);
  }
}
