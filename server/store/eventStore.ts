// The one store boundary of the write path: where a planned event becomes durable.
// The write store plans an event against the graph in memory, hands it to an EventStore
// and applies it to memory only once the store says it is committed. Two
// implementations: the data folder's journal (folderEventStore.ts: one fsync'ed line)
// and PostgreSQL (postgres/postgresEventStore.ts: one transaction, shared by several
// servers). Everything above this interface is the same code for both.
import type { JournalEntry } from '../model/journalEntries';

/** What a write plans: the event to make durable (none when the request changes nothing) and its answer. */
export interface PlannedWrite<T> {
  entry?: JournalEntry;
  /**
   * The file an ingested document was converted from. The write store keeps it in its data
   * folder before the event; a shared store (PostgreSQL) records it in the event's own
   * transaction, so every server on it can serve it.
   */
  original?: { document: string; fileName: string; contentType: string; bytes: Uint8Array };
  /** Called after the event was committed and applied to memory: the answer reads the graph as it is then. */
  answer: () => T;
}

/** A committed write: the plan, and the text the store recorded its event as (it versions the snapshot). */
export interface CommittedWrite<T> {
  planned: PlannedWrite<T>;
  /** Undefined when nothing was written. */
  line?: string;
}

/** Applies an event to the in-memory graph, review queue and history: own events after commit, and another server's. */
export type ApplyCommitted = (entry: JournalEntry, line: string) => void;

export interface EventStore {
  /** Where events go, for messages and the start-up line: a folder's journal, or a database. */
  readonly description: string;
  /**
   * Makes one write durable. Inside the store's own serialisation (an fsync'ed append; a
   * transaction under an advisory lock), it first applies through `applyForeign` the events
   * other servers committed since, then calls `plan` against the graph as it is now, then
   * records the planned event. Resolves only once the event is committed. A plan that
   * throws writes nothing.
   */
  commit<T>(plan: () => PlannedWrite<T>, applyForeign: ApplyCommitted): Promise<CommittedWrite<T>>;
  /** Applies the events other servers committed since the last one applied; resolves with how many. */
  catchUp(applyForeign: ApplyCommitted): Promise<number>;
  /** Why the store cannot be reached now (its database is down), or undefined. */
  readonly unreachable: string | undefined;
  close(): Promise<void>;
}
