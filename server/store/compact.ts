// `claimgraph compact`: folds the journal into the data files and empties it. Each file
// is replaced atomically (atomicFile.ts) in the order history.jsonl (the curation events,
// kept for the history API), documents, the entities files (edited entities in their
// final state, new ones in entities.json, merged ones left out), the claims files (corrected,
// moved and retracted claims in their final state), redirects.json (where each merged
// entity went, so its old id keeps answering), proposals.json; the journal is emptied last, and only after the files
// alone were checked to load to the same dataset. A crash at any point is safe: replay
// skips entries the files already hold (load/replayJournal.ts). So is a full disk: the
// write that fails leaves no temporary file, and the journal stays.
import fs from 'node:fs';
import path from 'node:path';
import {
  DataIntegrityError,
  HISTORY_FILE,
  JOURNAL_FILE,
  PROPOSALS_FILE,
  readDataFolder,
  readHistoryFile,
  readJournal,
  replayJournal,
  resolveDataset,
  type Located,
  type LoadProblem,
} from '../load';
import { isCurationEntry, type CurationEntry } from '../model/curationEvents';
import { writeFileAtomic } from './atomicFile';
import { lockDataFolder } from './dataFolderLock';
import { refuseWhileServed } from './readerMarks';
import { JournalWriter } from './journal';
import { onDiskFull } from './writeErrors';

export interface CompactResult {
  /** Journal entries folded. */
  entries: number;
  documents: number;
  entities: number;
  claims: number;
  /** Proposals kept in proposals.json (pending and decided). */
  proposals: number;
}

const PROPOSALS_COMMENT =
  'The review queue of claimgraph: proposals extracted from ingested articles, pending or decided. Written by `claimgraph compact`; the server adds to it through journal.jsonl. Accepted proposals are claims in claims.json.';

function fromJournal(file: string): boolean {
  return file.startsWith(JOURNAL_FILE);
}

/**
 * Writes each records file whose records the journal changed (a correction or an edit
 * replaces a record where it stands, a retraction leaves a claim out) and `newFile`
 * (claims.json, entities.json) with the journal's new records after its own, in the
 * order the loader reads them.
 */
function writeRecordFiles<T>(
  dataDir: string,
  newFile: string,
  before: readonly Located<T>[],
  after: readonly Located<T>[],
): void {
  const target = (file: string) => (fromJournal(file) ? newFile : file);
  const unchanged = new Set(before);
  const counts = new Map<string, number>();
  for (const located of before) counts.set(located.file, (counts.get(located.file) ?? 0) + 1);
  const byFile = new Map<string, T[]>([...counts.keys()].map((file) => [file, []]));
  const changed = new Set<string>();
  for (const located of after) {
    const file = target(located.file);
    if (!byFile.has(file)) byFile.set(file, []);
    byFile.get(file)!.push(located.record);
    if (!unchanged.has(located)) changed.add(file);
  }
  for (const [file, records] of byFile) {
    if (records.length !== (counts.get(file) ?? 0)) changed.add(file);
    if (changed.has(file)) writeFileAtomic(path.join(dataDir, file), `${JSON.stringify(records, null, 2)}\n`);
  }
}

/** Appends the events history.jsonl does not hold yet (by id), atomically. */
function appendToHistory(dataDir: string, events: readonly CurationEntry[]): void {
  if (events.length === 0) return;
  const file = path.join(dataDir, HISTORY_FILE);
  const problems: LoadProblem[] = [];
  const known = new Set(readHistoryFile(dataDir, problems).map((event) => event.id));
  if (problems.length > 0) throw new DataIntegrityError(problems);
  const existing = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const added = events.filter((event) => !known.has(event.id)).map((event) => `${JSON.stringify(event)}\n`);
  if (added.length === 0) return;
  const prefix = existing === '' || existing.endsWith('\n') ? existing : `${existing}\n`;
  writeFileAtomic(file, prefix + added.join(''));
}

/** What a compaction stopped by a full disk leaves behind. */
export const COMPACTION_UNDONE =
  'the journal was not folded, and the folder holds the same data as before; free some space and run compact again';

export function compactDataFolder(
  dataDir: string,
  onWarning: (problem: LoadProblem) => void = () => {},
): CompactResult {
  return onDiskFull(dataDir, COMPACTION_UNDONE, () => compactLocked(dataDir, onWarning));
}

function compactLocked(dataDir: string, onWarning: (problem: LoadProblem) => void): CompactResult {
  const lock = lockDataFolder(dataDir);
  try {
    refuseWhileServed(dataDir);
  } catch (error) {
    lock.release();
    throw error;
  }
  const writer = JournalWriter.open(dataDir, onWarning);
  try {
    const files = readDataFolder(dataDir);
    const replayed = replayJournal(files);
    const full = resolveDataset(replayed);
    if (!full.dataset || full.problems.length > 0) throw new DataIntegrityError(full.problems);
    const proposals = replayed.journal.proposals.list();
    const entries = replayed.journal.entries;
    if (entries === 0) return { entries: 0, documents: 0, entities: 0, claims: 0, proposals: proposals.length };

    const sources = new Map<string, string>();
    const journalLines = readJournal(dataDir).lines;
    for (const { entry } of journalLines)
      if (entry.kind === 'ingest') sources.set(entry.document.id, entry.document.source);
    // The history first: once a curation event is in history.jsonl it is kept there, even if
    // the journal is folded again after a crash (events are kept once, by id).
    appendToHistory(dataDir, journalLines.map((line) => line.entry).filter(isCurationEntry));
    const documents = replayed.documents.filter((d) => fromJournal(d.file));
    for (const { document } of documents)
      writeFileAtomic(path.join(dataDir, 'documents', `${document.id}.txt`), sources.get(document.id)!);
    const entities = replayed.entities.filter((e) => fromJournal(e.file)).map((e) => e.record);
    writeRecordFiles(dataDir, 'entities.json', files.entities, replayed.entities);
    const claims = replayed.claims.filter((c) => fromJournal(c.file)).map((c) => c.record);
    writeRecordFiles(dataDir, 'claims.json', files.claims, replayed.claims);
    writeRecordFiles(dataDir, 'redirects.json', files.redirects, replayed.redirects);
    writeFileAtomic(
      path.join(dataDir, PROPOSALS_FILE),
      `${JSON.stringify({ $comment: PROPOSALS_COMMENT, proposals }, null, 2)}\n`,
    );

    // The files alone must now hold everything; only then may the journal go.
    const filesOnly = resolveDataset(readDataFolder(dataDir));
    const same =
      filesOnly.dataset !== undefined &&
      filesOnly.problems.length === 0 &&
      filesOnly.dataset.entities.size === full.dataset.entities.size &&
      filesOnly.dataset.claims.length === full.dataset.claims.length &&
      filesOnly.dataset.redirects.size === full.dataset.redirects.size &&
      filesOnly.dataset.documents.size === full.dataset.documents.size;
    if (!same) {
      throw new Error(
        `compaction check failed: the data files do not hold everything the journal did; ${JOURNAL_FILE} was kept, so nothing is lost (the files hold the entries twice, which replay tolerates)`,
      );
    }
    writer.truncate();
    return {
      entries,
      documents: documents.length,
      entities: entities.length,
      claims: claims.length,
      proposals: proposals.length,
    };
  } finally {
    writer.close();
    lock.release();
  }
}
