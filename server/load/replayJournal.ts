// Step 1b of loading: after the JSON files, apply what the write path recorded since the
// last compaction: proposals.json (the review queue) and then journal.jsonl, line by line.
// Ingested documents, accepted claims and the entities they created join the records
// exactly as if they were in the files, so step 2 checks them the same way; a curation
// event (add, correct, retract, revert a claim) puts its claim in the state it records.
// An entry that an interrupted compaction already folded into the files (same id, same
// content) is skipped, and a curation event sets a state rather than changing one, which
// makes compaction safe to crash at any point. A torn last journal line is
// a warning, not a problem: it was never acknowledged.
import crypto from 'node:crypto';
import type { Claim, DocumentRecord, Entity } from '../model/records';
import { sameRecord } from '../model/canonicalJson';
import { isCurationEntry } from '../model/curationEvents';
import { describeTornTail, JOURNAL_FILE, readJournal } from './readJournal';
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

export function replayJournal(raw: RawData): ReplayedData {
  const problems = [...raw.problems];
  const warnings: LoadProblem[] = [];
  const hash = crypto.createHash('sha256').update(raw.contentHash);

  const proposalsFile = readProposalsFile(raw.dataDir, problems);
  if (proposalsFile.text !== undefined) hash.update(`${PROPOSALS_FILE}\0${proposalsFile.text}\0`);
  const proposals = new ProposalBook(proposalsFile.proposals);

  const journal = readJournal(raw.dataDir);
  problems.push(...journal.problems);
  if (journal.tornTail) warnings.push(describeTornTail(journal.tornTail));

  // Nothing to replay (so after every compaction, and in imported or generated folders):
  // skip copying and indexing every record, a second or more at a million claims.
  if (journal.lines.length === 0) {
    return {
      ...raw,
      problems,
      contentHash: proposalsFile.text !== undefined ? hash.digest('hex') : raw.contentHash,
      journal: { proposals, warnings, entries: 0 },
    };
  }

  const entities = [...raw.entities];
  const claims = [...raw.claims];
  const documents = [...raw.documents];
  const entityById = new Map<string, Located<Entity>>(entities.map((e) => [e.record.id, e]));
  const claimById = new Map<string, Located<Claim>>(claims.map((c) => [c.record.id, c]));
  // Where each claim sits in `claims`; a retracted claim's place is emptied (left out at
  // the end), and a claim brought back joins at the end, as the write path does.
  const claimPosition = new Map<string, number>(claims.map((c, position) => [c.record.id, position]));
  const origin = new Map<string, Located<Claim>>();
  const emptied = new Set<number>();
  // Claims that a curation event of this journal changes: an accept of one may find the
  // files already holding its corrected form (an interrupted compaction), which is no conflict.
  const curated = new Set<string>();
  for (const { entry } of journal.lines) if (isCurationEntry(entry)) curated.add(entry.claim);

  /** Puts the claim in the state `after` (absent when null): what every curation event does. */
  function setClaim(id: string, after: Claim | null, file: string): void {
    const position = claimPosition.get(id);
    if (position !== undefined) {
      const located = claims[position];
      if (after !== null) {
        claims[position] = { file: located.file, index: located.index, record: after };
        claimById.set(id, claims[position]);
        return;
      }
      emptied.add(position);
      claimPosition.delete(id);
      claimById.delete(id);
      origin.set(id, located);
      return;
    }
    if (after === null) return;
    const from = origin.get(id);
    const located = { file: from?.file ?? file, index: from?.index ?? 0, record: after };
    claims.push(located);
    claimPosition.set(id, claims.length - 1);
    claimById.set(id, located);
  }
  const documentById = new Map<string, { file: string; document: DocumentRecord }>(
    documents.map((d) => [d.document.id, d]),
  );

  /** Adds a record unless the files already hold the same one; a different one with that id is a problem. */
  function addRecord<T extends { id: string }>(
    list: Located<T>[],
    byId: Map<string, Located<T>>,
    noun: string,
    located: Located<T>,
  ): void {
    const existing = byId.get(located.record.id);
    if (existing && sameRecord(existing.record, located.record)) return;
    if (existing) {
      problems.push({
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

  for (const { line, entry, text } of journal.lines) {
    hash.update(`${JOURNAL_FILE}\0${text}\n`);
    const file = `${JOURNAL_FILE} line ${line}`;
    if (entry.kind === 'ingest') {
      const parsed = parseDocument(`documents/${entry.document.id}.txt`, entry.document.source);
      for (const problem of parsed.problems)
        problems.push({ ...problem, file, message: `document "${entry.document.id}": ${problem.message}` });
      if (parsed.document) {
        const existing = documentById.get(parsed.document.id);
        if (existing && !sameRecord(existing.document, parsed.document)) {
          problems.push({
            file,
            id: parsed.document.id,
            message: `document id "${parsed.document.id}" is already used by a different document in ${existing.file}`,
          });
        } else if (!existing) {
          const located = { file, document: parsed.document };
          documents.push(located);
          documentById.set(parsed.document.id, located);
        }
      }
      proposals.applyIngest(entry);
    } else if (entry.kind === 'accept') {
      entry.entities.forEach((record, index) => addRecord(entities, entityById, 'entity', { file, index, record }));
      if (curated.has(entry.claim.id)) setClaim(entry.claim.id, entry.claim, file);
      else {
        addRecord(claims, claimById, 'claim', { file, index: 0, record: entry.claim });
        if (!claimPosition.has(entry.claim.id)) claimPosition.set(entry.claim.id, claims.length - 1);
      }
      proposals.applyAccept(entry);
    } else if (entry.kind === 'reject') {
      proposals.applyReject(entry);
    } else {
      entry.entities.forEach((record, index) => addRecord(entities, entityById, 'entity', { file, index, record }));
      setClaim(entry.claim, entry.after, file);
    }
  }
  const liveClaims = emptied.size === 0 ? claims : claims.filter((_claim, position) => !emptied.has(position));

  return {
    ...raw,
    entities,
    claims: liveClaims,
    documents,
    problems,
    contentHash: journal.lines.length > 0 || proposalsFile.text !== undefined ? hash.digest('hex') : raw.contentHash,
    journal: { proposals, warnings, entries: journal.lines.length },
  };
}
