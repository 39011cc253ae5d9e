// The review queue's state: every proposal and its decision, in ingest order. Read from
// proposals.json (what compaction kept) and then the journal's entries, in that order;
// the write store applies each decision to it once the decision is journalled.
import fs from 'node:fs';
import path from 'node:path';
import { describeFileSize, MAX_DATA_FILE_BYTES, parseJsonFile } from './readDataFolder';
import { DataIntegrityError, formatFieldPath, type LoadProblem } from './problems';
import { readJournal } from './readJournal';
import type { AcceptEntry, IngestEntry, RejectEntry, ReviewedProposal } from '../model/journalEntries';
import type { Entity } from '../model/records';
import { proposalsFileSchema } from '../model/journalEntries';

export const PROPOSALS_FILE = 'proposals.json';

export class ProposalBook {
  private readonly byId = new Map<string, ReviewedProposal>();

  constructor(initial: readonly ReviewedProposal[] = []) {
    for (const proposal of initial) this.byId.set(proposal.id, proposal);
  }

  get(id: string): ReviewedProposal | undefined {
    return this.byId.get(id);
  }

  list(): ReviewedProposal[] {
    return [...this.byId.values()];
  }

  forDocument(documentId: string): ReviewedProposal[] {
    return this.list().filter((p) => p.document === documentId);
  }

  /** A new entity that one of the document's proposals names, whichever its status; created when a claim using it is accepted. */
  proposedEntity(documentId: string, id: string): Entity | undefined {
    for (const proposal of this.byId.values())
      if (proposal.document === documentId) {
        const found = proposal.newEntities.find((e) => e.id === id);
        if (found) return found;
      }
    return undefined;
  }

  /** Adds an ingest's proposals; ones already known (folded by an interrupted compaction) are kept as they are. */
  applyIngest(entry: IngestEntry): void {
    for (const proposal of entry.proposals)
      if (!this.byId.has(proposal.id)) this.byId.set(proposal.id, { ...proposal, status: 'pending' });
  }

  applyAccept(entry: AcceptEntry): void {
    const proposal = this.byId.get(entry.proposal);
    if (!proposal) return;
    this.byId.set(proposal.id, {
      ...proposal,
      status: 'accepted',
      decidedAt: entry.at,
      claimId: entry.claim.id,
      corrections: entry.corrections,
      ...(entry.author !== undefined ? { decidedBy: entry.author } : {}),
    });
  }

  applyReject(entry: RejectEntry): void {
    const proposal = this.byId.get(entry.proposal);
    if (!proposal) return;
    this.byId.set(proposal.id, {
      ...proposal,
      status: 'rejected',
      decidedAt: entry.at,
      ...(entry.author !== undefined ? { decidedBy: entry.author } : {}),
    });
  }
}

/** Reads proposals.json (absent: no proposals). Problems name the file and field. */
export function readProposalsFile(
  dataDir: string,
  problems: LoadProblem[],
): { proposals: ReviewedProposal[]; text?: string } {
  const file = path.join(dataDir, PROPOSALS_FILE);
  if (!fs.existsSync(file)) return { proposals: [] };
  const size = fs.statSync(file).size;
  if (size > MAX_DATA_FILE_BYTES) {
    problems.push({
      file: PROPOSALS_FILE,
      message: `the file is ${describeFileSize(size)}; files over ${MAX_DATA_FILE_BYTES / 1_000_000} MB are refused`,
    });
    return { proposals: [] };
  }
  const text = fs.readFileSync(file, 'utf8');
  const json = parseJsonFile(PROPOSALS_FILE, text, problems);
  if (json === undefined) return { proposals: [], text };
  const parsed = proposalsFileSchema.safeParse(json);
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      problems.push({ file: PROPOSALS_FILE, field: formatFieldPath(issue.path) || undefined, message: issue.message });
    return { proposals: [], text };
  }
  return { proposals: parsed.data.proposals, text };
}

/** Reads proposals.json and the journal into the review queue's state. */
export function readProposalBook(dataDir: string): ProposalBook {
  const problems: LoadProblem[] = [];
  const book = new ProposalBook(readProposalsFile(dataDir, problems).proposals);
  const journal = readJournal(dataDir);
  problems.push(...journal.problems);
  if (problems.length > 0) throw new DataIntegrityError(problems);
  for (const { entry } of journal.lines) {
    if (entry.kind === 'ingest') book.applyIngest(entry);
    else if (entry.kind === 'accept') book.applyAccept(entry);
    else if (entry.kind === 'reject') book.applyReject(entry);
  }
  return book;
}
