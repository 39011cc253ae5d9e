// The write path: ingest an article as pending proposals, list them, accept (with
// corrections) or reject them, curate claims and entities by hand. Every write is planned
// against the graph in memory, made durable by the event store (eventStore.ts: the data
// folder's fsync'ed journal, or a PostgreSQL transaction), and only then applied to the
// served graph and answered, so an acknowledged write survives a crash. Writes go through
// one queue per process (writeQueue.ts), so two requests never interleave between planning
// and applying; the extraction before an ingest runs outside it (in a worker).
import crypto from 'node:crypto';
import path from 'node:path';
import {
  documentIdFromFileName,
  findOriginal,
  ORIGINAL_CONTENT_TYPES,
  originalFile,
  parseDocument,
  type DocumentOriginal,
  readCurationHistory,
  readProposalBook,
  CurationHistory,
  type LoadProblem,
  type ProposalBook,
} from '../load';
import type { AddClaimBody, CorrectClaimBody, EditEntityBody, MergeEntityBody } from '../model/curationApi';
import {
  isEntityMerge,
  type CurationEntry,
  type EditEntityEntry,
  type EntityMergeEntry,
  type JudgeNotSameEntry,
} from '../model/curationEvents';
import type { ResolvedClaim } from '../model/dataset';
import { extractionResultSchema } from '../model/extraction';
import { liveClaimById } from '../graph/claimIndex';
import { claimSchema, entitySchema, type Claim, type DocumentRecord, type Entity } from '../model/records';
import { edgeTypeAllows } from '../model/vocabulary';
import type { SnapshotHolder } from '../model/evidenceGraph';
import { applyCommitted } from './applyCommitted';
import type { EventStore, PlannedWrite } from './eventStore';
import { FolderEventStore } from './folderEventStore';
import { planAddClaim, planCorrectClaim, planRetractClaim, planRevert, type CurationContext } from './curateClaims';
import { planEditEntity, planRevertEntityEdit } from './curateEntities';
import { planMergeEntities, planRevertMerge } from './curateMerges';
import { planAccept } from './planAccept';
import { articleFileName, proposalId, uniqueId } from './assignIds';
import { planJudgeNotSame, planRevertJudgement, type JudgementPlan } from './judgeEntities';
import { sameRecord } from '../model/canonicalJson';
import { writeFileAtomic } from './atomicFile';
import { lockDataFolder, type DataFolderLock } from './dataFolderLock';
import type { ExtractArticle } from './extraction';
import { WriteQueue } from './writeQueue';
import type {
  AcceptEntry,
  Corrections,
  EntityChoice,
  IngestEntry,
  Proposal,
  RejectEntry,
  ReviewedProposal,
} from '../model/journalEntries';
import {
  CurationNotFoundError,
  NOTHING_AT_OPEN,
  NOTHING_OF_THIS_WRITE,
  onDiskFull,
  ProposalNotFoundError,
  WriteConflictError,
  WriteInputError,
  WritesNotOpenError,
  type WriteFieldError,
} from './writeErrors';

/** A file name an article may be stored under: documents/<stem>.txt, no folders. */
export const ARTICLE_FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,150}\.txt$/;

export interface WriteStoreOptions {
  dataDir: string;
  /** The served graph: read for each write, replaced after it. */
  graphs: SnapshotHolder;
  extract: ExtractArticle;
  /** Told about a torn journal tail cut off at start-up. */
  onWarning?: (problem: LoadProblem) => void;
  now?: () => Date;
}

export interface IngestOptions {
  /** Who sends the article (`token` for the API, `cli` for the command line); journalled with it. */
  author: string;
  /** Stops the extraction when aborted (its request was answered or dropped); nothing is then written. */
  signal?: AbortSignal;
  /** Called once the extraction is done, before anything is written: throwing stops the write. */
  beforeWrite?: () => void;
  /** The file the article was converted from (Markdown, HTML, PDF): kept as documents/originals/<id>.<extension>. */
  original?: { bytes: Uint8Array; extension: string };
}

export interface IngestResult {
  /** False when the same article was ingested before: nothing was written. */
  created: boolean;
  document: DocumentRecord;
  proposals: ReviewedProposal[];
  /** Extracted claims that could not become proposals, and why (first those the extractor's own checks dropped). */
  skipped: Array<{ index: number; reason: string }>;
  /** Why the extractor asked for was not the one used (the model server failed: the rules stood in). */
  warnings: string[];
}

export interface DecisionResult {
  /** False when the proposal was already decided this way: nothing was written. */
  created: boolean;
  proposal: ReviewedProposal;
  claim?: ResolvedClaim;
}

export class WriteStore {
  private readonly queue = new WriteQueue();

  private constructor(
    readonly dataDir: string,
    private readonly graphs: SnapshotHolder,
    private readonly extract: ExtractArticle,
    /** Undefined when opened read-only: the queue can be listed, writes are refused. */
    private readonly events: EventStore | undefined,
    private readonly lock: DataFolderLock,
    private readonly book: ProposalBook,
    private readonly history: CurationHistory,
    private readonly now: () => Date,
    /** True for a server that follows a shared store (applies the others' events) but writes none. */
    private readonly followOnly = false,
  ) {}

  /**
   * Takes the data folder's lock and opens the journal (cutting off a torn tail). The
   * snapshot in `graphs` must have been loaded from the same folder (loadDataset replays
   * the journal too).
   */
  static open(options: WriteStoreOptions): WriteStore {
    const lock = onDiskFull(options.dataDir, NOTHING_AT_OPEN, () => lockDataFolder(options.dataDir));
    let journal: FolderEventStore | undefined;
    try {
      journal = onDiskFull(options.dataDir, NOTHING_AT_OPEN, () =>
        FolderEventStore.open(options.dataDir, options.onWarning),
      );
      const book = readProposalBook(options.dataDir);
      return new WriteStore(
        options.dataDir,
        options.graphs,
        options.extract,
        journal,
        lock,
        book,
        readCurationHistory(options.dataDir),
        options.now ?? (() => new Date()),
      );
    } catch (error) {
      void journal?.close();
      lock.release();
      throw error;
    }
  }

  /**
   * Writes through `events` (the PostgreSQL store, shared with other servers): the review
   * queue and history come from the same start-up read as the graph in `graphs`.
   */
  static onEventStore(
    options: Pick<WriteStoreOptions, 'dataDir' | 'graphs' | 'extract' | 'now'> & {
      events: EventStore;
      book: ProposalBook;
      history: CurationHistory;
      /** Apply the events other servers commit, and refuse every write (a server with no writer). */
      followOnly?: boolean;
    },
  ): WriteStore {
    return new WriteStore(
      options.dataDir,
      options.graphs,
      options.extract,
      options.events,
      { release: () => {} },
      options.book,
      options.history,
      options.now ?? (() => new Date()),
      options.followOnly ?? false,
    );
  }

  /**
   * Lists the review queue without taking the lock or touching any file: for a server
   * whose writes are off (no token), which must not write into its data folder.
   */
  static openReadOnly(options: Pick<WriteStoreOptions, 'dataDir' | 'graphs'>): WriteStore {
    return new WriteStore(
      options.dataDir,
      options.graphs,
      () => ({}),
      undefined,
      { release: () => {} },
      readProposalBook(options.dataDir),
      readCurationHistory(options.dataDir),
      () => new Date(),
    );
  }

  /**
   * The same for a store whose queue and history were read elsewhere: lists, never writes,
   * follows nobody.
   */
  static openReadOnlyWith(
    options: Pick<WriteStoreOptions, 'dataDir' | 'graphs'> & { book: ProposalBook; history: CurationHistory },
  ): WriteStore {
    return new WriteStore(
      options.dataDir,
      options.graphs,
      () => ({}),
      undefined,
      { release: () => {} },
      options.book,
      options.history,
      () => new Date(),
    );
  }

  get writable(): boolean {
    return this.events !== undefined && !this.followOnly;
  }

  /** Where writes go (a journal file, a database), for the start-up line. */
  get destination(): string | undefined {
    return this.writable ? this.events?.description : undefined;
  }

  /** Why writes cannot reach their store now (the database is down), or undefined: reads then warn. */
  get unreachable(): string | undefined {
    return this.events?.unreachable;
  }

  /** Applies the events other servers committed (PostgreSQL), in the write queue: never inside a write. */
  catchUp(): Promise<number> {
    const events = this.events;
    if (!events) return Promise.resolve(0);
    return this.queue.run(() => events.catchUp(this.applyCommitted));
  }

  private readonly applyCommitted = (entry: Parameters<typeof applyCommitted>[1], line: string): void =>
    applyCommitted({ graphs: this.graphs, book: this.book, history: this.history }, entry, line);

  /** Closes the store once no write is in flight (the server closes it after its requests finished). */
  close(): Promise<void> {
    const closed = this.events?.close() ?? Promise.resolve();
    this.lock.release();
    return closed;
  }

  /**
   * One write: in the queue, the event store calls `plan` against the up-to-date graph and
   * commits its event; only then is the event applied to memory and the answer made.
   */
  private write<T>(plan: () => PlannedWrite<T>): Promise<T> {
    const events = this.events;
    if (!events || this.followOnly) return Promise.reject(new WritesNotOpenError());
    return this.queue.run(async () => {
      const { planned, line } = await events.commit(plan, this.applyCommitted);
      if (planned.entry && line !== undefined) this.applyCommitted(planned.entry, line);
      return planned.answer();
    });
  }

  proposals(filter: { status?: ReviewedProposal['status']; document?: string } = {}): ReviewedProposal[] {
    return this.book
      .list()
      .filter(
        (p) =>
          (filter.status === undefined || p.status === filter.status) &&
          (filter.document === undefined || p.document === filter.document),
      );
  }

  proposal(id: string): ReviewedProposal {
    const proposal = this.book.get(id);
    if (!proposal) throw new ProposalNotFoundError(id);
    return proposal;
  }

  /**
   * Stores an article in the seeds' format and its extracted claims as pending proposals.
   * The extractor may run asynchronously (in a worker thread); everything after it, from
   * the checks against the current graph to the swap, runs in the write queue, so two
   * ingests never interleave inside a write.
   */
  async ingest(source: string, requestedFileName: string | undefined, options: IngestOptions): Promise<IngestResult> {
    const fileName = requestedFileName ?? articleFileName(crypto.createHash('sha256').update(source).digest('hex'));
    if (!ARTICLE_FILE_NAME.test(fileName)) {
      throw new WriteInputError([
        {
          path: 'fileName',
          message:
            'expected a file name such as 107_some-article.txt: letters, digits, ".", "_" or "-", ending in .txt, no folders',
        },
      ]);
    }
    const documentId = documentIdFromFileName(fileName);
    const parsed = parseDocument(`documents/${fileName}`, source);
    if (!parsed.document) {
      throw new WriteInputError(
        parsed.problems.map((p) => ({
          path: p.field ? `text.${p.field}` : 'text',
          message: p.line !== undefined ? `line ${p.line}: ${p.message}` : p.message,
        })),
      );
    }
    const document = parsed.document;
    const storedBefore = this.storedAlready(documentId, document);
    if (storedBefore) return storedBefore;

    const extracted = await this.extract(source, fileName, this.graphs.current.dataset, options.signal);
    const extraction = extractionResultSchema.parse(extracted);
    if (!this.writable) throw new WritesNotOpenError();
    return this.write(() => {
      options.beforeWrite?.();
      // Another write may have landed while the extractor ran: check again, against the graph as it is now.
      const storedMeanwhile = this.storedAlready(documentId, document);
      if (storedMeanwhile) return { answer: () => storedMeanwhile };
      return this.planIngest(source, document, extraction, options);
    });
  }

  private planIngest(
    source: string,
    document: DocumentRecord,
    extraction: ReturnType<typeof extractionResultSchema.parse>,
    { original, author }: IngestOptions,
  ): PlannedWrite<IngestResult> {
    const documentId = document.id;
    const snapshot = this.graphs.current;
    const { entities, redirects } = snapshot.dataset;
    // New entities get ids that are free in the dataset (a merged entity's id stays its
    // redirect's), so accepting one never captures a stranger's id.
    const newEntities = new Map<string, Entity>();
    const renamed = new Map<string, string>();
    for (const found of extraction.entities) {
      if (found.existing && entities.has(found.id)) continue;
      const taken = (candidate: string) =>
        entities.has(candidate) || redirects.has(candidate) || newEntities.has(candidate);
      const id = taken(found.id) ? uniqueId(found.id, taken) : found.id;
      renamed.set(found.id, id);
      const aliases = [
        ...new Set(found.aliases.map((a) => a.trim()).filter((a) => a !== '' && a.length <= 500 && a !== found.name)),
      ];
      newEntities.set(
        id,
        entitySchema.parse({
          id,
          type: found.type,
          name: found.name,
          aliases,
          ...(found.kind ? { kind: found.kind } : {}),
          ...(found.countryCode ? { countryCode: found.countryCode } : {}),
        }),
      );
    }

    const proposals: Proposal[] = [];
    const skipped: IngestResult['skipped'] = [...(extraction.dropped ?? [])];
    extraction.claims.forEach((claim, index) => {
      const subject = renamed.get(claim.subject) ?? claim.subject;
      const object = renamed.get(claim.object) ?? claim.object;
      const unknown = [subject, object].find((id) => !entities.has(id) && !newEntities.has(id));
      if (unknown !== undefined)
        skipped.push({ index, reason: `refers to entity "${unknown}", which the extraction does not list` });
      else if (!document.text.includes(claim.quote))
        skipped.push({ index, reason: 'its quote is not a verbatim passage of the article body' });
      else {
        const uses = [...new Set([subject, object])]
          .filter((id) => newEntities.has(id))
          .map((id) => newEntities.get(id)!);
        proposals.push({
          id: proposalId(documentId, index),
          document: documentId,
          claim: { ...claim, subject, object },
          newEntities: uses,
          ...(extraction.extractor !== undefined ? { extractor: extraction.extractor } : {}),
        });
      }
    });

    // The original before the event: an ingest recorded is one whose original is on disk.
    if (original) this.keepOriginal(documentId, original);
    const entry: IngestEntry = {
      kind: 'ingest',
      at: this.now().toISOString(),
      author,
      document: { id: documentId, source },
      proposals,
    };
    const warnings = extraction.warnings ?? [];
    return {
      entry,
      ...(original
        ? {
            original: {
              document: documentId,
              fileName: `${documentId}.${original.extension}`,
              contentType: ORIGINAL_CONTENT_TYPES[original.extension]!,
              bytes: original.bytes,
            },
          }
        : {}),
      answer: () => ({ created: true, document, proposals: this.book.forDocument(documentId), skipped, warnings }),
    };
  }

  private keepOriginal(documentId: string, original: { bytes: Uint8Array; extension: string }): void {
    if (!(original.extension in ORIGINAL_CONTENT_TYPES))
      throw new WriteInputError([
        { path: 'original', message: `an original cannot be kept as .${original.extension}` },
      ]);
    if (!this.writable) throw new WritesNotOpenError();
    const file = path.join(this.dataDir, originalFile(documentId, original.extension));
    onDiskFull(this.dataDir, NOTHING_OF_THIS_WRITE, () => writeFileAtomic(file, original.bytes));
  }

  /** The original file a document was converted from, when it came as Markdown, HTML or PDF. */
  original(documentId: string): DocumentOriginal | undefined {
    if (!this.graphs.current.dataset.documents.has(documentId)) return undefined;
    return findOriginal(this.dataDir, documentId);
  }

  /** The answer to an article stored before (nothing is written), or a conflict for another document under its id. */
  private storedAlready(documentId: string, document: DocumentRecord): IngestResult | undefined {
    const known = this.graphs.current.dataset.documents.get(documentId);
    if (!known) return undefined;
    if (sameRecord(known, document))
      return {
        created: false,
        document: known,
        proposals: this.book.forDocument(documentId),
        skipped: [],
        warnings: [],
      };
    throw new WriteConflictError(
      `a different document with id "${documentId}" is already stored; send the article under another fileName`,
    );
  }

  /**
   * Turns a proposal into a claim, with the reviewer's corrections (planAccept.ts checks
   * them). Accepting again returns the same claim. `author`: who decides (`token`, `cli`).
   */
  accept(id: string, corrections: Corrections, author: string): Promise<DecisionResult> {
    return this.write((): PlannedWrite<DecisionResult> => {
      const proposal = this.proposal(id);
      const snapshot = this.graphs.current;
      if (proposal.status === 'rejected')
        throw new WriteConflictError(`proposal "${id}" was rejected; it cannot be accepted`);
      if (proposal.status === 'accepted') {
        const isRepeat = Object.keys(corrections).length === 0 || sameRecord(corrections, proposal.corrections ?? {});
        if (!isRepeat)
          throw new WriteConflictError(
            `proposal "${id}" was already accepted as claim "${proposal.claimId}" with other corrections; correct that claim instead`,
          );
        const claim = proposal.claimId !== undefined ? liveClaimById(snapshot.dataset, proposal.claimId) : undefined;
        return { answer: () => ({ created: false, proposal, claim }) };
      }
      const entry = planAccept(
        {
          dataset: snapshot.dataset,
          proposedEntity: (documentId, entityId) => this.book.proposedEntity(documentId, entityId),
          at: this.now().toISOString(),
          author,
        },
        proposal,
        corrections,
      );
      return {
        entry,
        answer: () => ({
          created: true,
          proposal: this.book.get(id)!,
          claim: liveClaimById(this.graphs.current.dataset, entry.claim.id),
        }),
      };
    });
  }

  /** Rejects a pending proposal. Rejecting again is harmless. */
  reject(id: string, author: string): Promise<DecisionResult> {
    return this.write((): PlannedWrite<DecisionResult> => {
      const proposal = this.proposal(id);
      if (proposal.status === 'accepted')
        throw new WriteConflictError(
          `proposal "${id}" was accepted as claim "${proposal.claimId}"; it cannot be rejected`,
        );
      if (proposal.status === 'rejected') return { answer: () => ({ created: false, proposal }) };
      const entry: RejectEntry = { kind: 'reject', at: this.now().toISOString(), author, proposal: id };
      return { entry, answer: () => ({ created: true, proposal: this.book.get(id)! }) };
    });
  }

  // Hand curation: each method plans one event (curateClaims.ts, curateEntities.ts) against
  // the up-to-date graph, commits it, and puts it on the graph.

  private curationContext(author: string): CurationContext {
    const { dataset, graph } = this.graphs.current;
    return { dataset, graph, history: this.history, at: this.now().toISOString(), author };
  }

  private record<T extends CurationEntry>(plan: (context: CurationContext) => T, author: string): Promise<T> {
    return this.write(() => {
      const entry = plan(this.curationContext(author));
      return { entry, answer: () => entry };
    });
  }

  /** Adds a claim quoting a document, with new entities for its ends if asked. */
  addClaim(body: AddClaimBody, author: string): Promise<CurationEntry> {
    return this.record((context) => planAddClaim(context, body), author);
  }

  /** A new version of a claim. `ifMatch`: the version the curator read (412 when it moved). */
  correctClaim(
    id: string,
    body: CorrectClaimBody,
    ifMatch: number | undefined,
    author: string,
  ): Promise<CurationEntry> {
    return this.record((context) => planCorrectClaim(context, id, body, ifMatch), author);
  }

  /** Takes a claim off the graph; it stays in the history. */
  retractClaim(id: string, reason: string, ifMatch: number | undefined, author: string): Promise<CurationEntry> {
    return this.record((context) => planRetractClaim(context, id, reason, ifMatch), author);
  }

  /** A new event that undoes `eventId`: an entity edit is undone by another edit. */
  revert(
    eventId: string,
    reason: string | undefined,
    ifMatch: number | undefined,
    author: string,
  ): Promise<CurationEntry> {
    return this.record((context): CurationEntry => {
      const event = this.history.get(eventId);
      if (event?.kind === 'editEntity') return planRevertEntityEdit(context, event, reason, ifMatch);
      if (event?.kind === 'judgeNotSame') return planRevertJudgement(context, event, reason);
      if (event && isEntityMerge(event)) return planRevertMerge(context, event, reason, ifMatch);
      return planRevert(context, eventId, reason, ifMatch);
    }, author);
  }

  /** Changes an entity's name, aliases, description, type, kind or country. `ifMatch`: its version as read. */
  editEntity(id: string, body: EditEntityBody, ifMatch: number | undefined, author: string): Promise<EditEntityEntry> {
    return this.record((context) => planEditEntity(context, id, body, ifMatch), author);
  }

  /** Merges entity `id` into `body.into`: its claims move there, it leaves the graph. `ifMatch`: the version of `id` as read. */
  mergeEntities(
    id: string,
    body: MergeEntityBody,
    ifMatch: number | undefined,
    author: string,
  ): Promise<EntityMergeEntry> {
    return this.record((context) => planMergeEntities(context, id, body, ifMatch), author);
  }

  /**
   * Judges two entities not the same ("Not the same"); judging a pair that stands judged
   * writes nothing. A judgement changes no record, so the graph and its version stay: the
   * duplicate candidates, which read the history, leave the pair out from now on.
   */
  judgeNotSame(id: string, other: string, reason: string | undefined, author: string): Promise<JudgementPlan> {
    return this.write((): PlannedWrite<JudgementPlan> => {
      const plan = planJudgeNotSame(this.curationContext(author), id, other, reason);
      return plan.created ? { entry: plan.event, answer: () => plan } : { answer: () => plan };
    });
  }

  /** Whether the pair stands judged not the same, in either order. */
  judgedNotSame(a: string, b: string): boolean {
    return this.history.judgedNotSame(a, b);
  }

  /** An entity on the graph with its version and last edit (or merge). */
  entityState(id: string): { entity: Entity; version: number; lastEvent?: CurationEntry } {
    const entity = this.graphs.current.dataset.entities.get(id);
    if (!entity) throw new CurationNotFoundError('entity', id);
    const lastEvent = this.history.lastEditOf(id);
    const version = this.history.entityVersionOf(id);
    return lastEvent ? { entity, version, lastEvent } : { entity, version };
  }

  /** A claim live on the graph or retracted, with its version and last event. */
  claimState(id: string): {
    claim: ResolvedClaim;
    status: 'live' | 'retracted';
    version: number;
    lastEvent?: CurationEntry;
  } {
    const live = liveClaimById(this.graphs.current.dataset, id);
    const lastEvent = this.history.lastEventOf(id);
    const version = this.history.versionOf(id);
    const state = (claim: ResolvedClaim, status: 'live' | 'retracted') =>
      lastEvent ? { claim, status, version, lastEvent } : { claim, status, version };
    if (live) return state(live, 'live');
    const retracted = this.history.retracted(id);
    if (retracted) return state(retracted.claim, 'retracted');
    throw new CurationNotFoundError('claim', id);
  }

  /** Every curation event, oldest first (queries/curationHistory.ts filters them). */
  curationEvents(): readonly CurationEntry[] {
    return this.history.all();
  }
}
