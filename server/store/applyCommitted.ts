// Puts one committed event on what this process serves: the review queue, the curation
// history and the graph snapshot. The write store calls it after its own commit, and for
// the events another server committed to the same database (catch-up and LISTEN), so an
// event is applied the same way whoever wrote it.
import { parseDocument, type CurationHistory, type ProposalBook } from '../load';
import { isCurationEntry, isEntityMerge, type CurationEntry, type JudgeNotSameEntry } from '../model/curationEvents';
import type { SnapshotHolder } from '../model/evidenceGraph';
import type { JournalEntry } from '../model/journalEntries';
import {
  nextVersion,
  snapshotWithClaim,
  snapshotWithClaimState,
  snapshotWithDocument,
  snapshotWithEntity,
  snapshotWithMergedEntity,
} from './applyToSnapshot';

export interface ServedState {
  graphs: SnapshotHolder;
  book: ProposalBook;
  history: CurationHistory;
}

export function applyCommitted(state: ServedState, entry: JournalEntry, line: string): void {
  const snapshot = state.graphs.current;
  const version = nextVersion(snapshot.version, line);
  if (entry.kind === 'ingest') {
    const parsed = parseDocument(`documents/${entry.document.id}.txt`, entry.document.source);
    if (!parsed.document)
      throw new Error(`applyCommitted: the ingested document "${entry.document.id}" does not parse`);
    state.book.applyIngest(entry);
    state.graphs.replace(snapshotWithDocument(snapshot, parsed.document, version));
  } else if (entry.kind === 'accept') {
    state.book.applyAccept(entry);
    state.graphs.replace(snapshotWithClaim(snapshot, entry.claim, entry.entities, version));
  } else if (entry.kind === 'reject') {
    // The graph is unchanged (proposals are not on it), so the snapshot and its version stay.
    state.book.applyReject(entry);
  } else if (entry.kind === 'judgeNotSame') {
    // A judgement changes no record: the graph and its version stay; the duplicate candidates read the history.
    state.history.apply(entry);
  } else if (isCurationEntry(entry)) {
    state.history.apply(entry);
    state.graphs.replace(curatedSnapshot(state, entry, version));
  }
}

function curatedSnapshot(state: ServedState, entry: Exclude<CurationEntry, JudgeNotSameEntry>, version: string) {
  const snapshot = state.graphs.current;
  if (entry.kind === 'editEntity') return snapshotWithEntity(snapshot, entry.after, version);
  if (isEntityMerge(entry)) return snapshotWithMergedEntity(snapshot, entry, version);
  return snapshotWithClaimState(snapshot, entry.claim, entry.after, entry.entities, version);
}
