// Step 1 of loading for records a store kept elsewhere than in files (PostgreSQL): the
// same checks as readDataFolder.ts, record by record with zod, on the same kind of input
// (the records of each file, the documents' texts, the vocabulary's text), so the raw
// data, its problems and everything built from it are those of the folder they came from.
import type { EntityRedirect } from '../model/entityRedirects';
import { entityRedirectSchema } from '../model/entityRedirects';
import { proposalsFileSchema } from '../model/journalEntries';
import { claimSchema, entitySchema, type Claim, type Entity } from '../model/records';
import { vocabularySchema, type Vocabulary } from '../model/vocabulary';
import { defaultVocabularyFile } from '../paths';
import fs from 'node:fs';
import { isSettledClaim, isSettledEntity } from './fastRecordCheck';
import { parseDocument } from './parseDocument';
import { formatFieldPath, type LoadProblem } from './problems';
import { PROPOSALS_FILE } from './proposalBook';
import { parseJsonFile, parseRecords, type Located, type RawData } from './readDataFolder';
import { parseJournal } from './readJournal';
import type { RecordedWrites } from './replayJournal';

/** The records of one file, in order, as JSON values. */
export interface StoredFile {
  file: string;
  records: unknown[];
}

export interface StoredRecords {
  /** Where the records are, as messages name it (RawData.dataDir). */
  source: string;
  /** vocabulary.json's text; undefined: the embedded default. */
  vocabularyText?: string;
  entities: StoredFile[];
  claims: StoredFile[];
  redirects: StoredFile[];
  /** documents/<fileName> and its text, in file-name order. */
  documents: Array<{ fileName: string; source: string }>;
  /** The version of these records as their folder had it. */
  contentHash: string;
}

function vocabularyOf(text: string | undefined, problems: LoadProblem[]): Vocabulary | undefined {
  const name = text === undefined ? defaultVocabularyFile : 'vocabulary.json';
  const json = parseJsonFile(name, text ?? fs.readFileSync(defaultVocabularyFile, 'utf8'), problems);
  if (json === undefined) return undefined;
  const parsed = vocabularySchema.safeParse(json);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues)
    problems.push({ file: name, field: formatFieldPath(issue.path), message: issue.message });
  return undefined;
}

export function rawDataOf(stored: StoredRecords): RawData {
  const problems: LoadProblem[] = [];
  const rejectedIds = { entities: new Set<string>(), documents: new Set<string>() };
  const entities: Located<Entity>[] = [];
  const claims: Located<Claim>[] = [];
  const redirects: Located<EntityRedirect>[] = [];
  for (const { file, records } of stored.entities)
    for (const located of parseRecords(
      file,
      records,
      entitySchema,
      'entities',
      problems,
      rejectedIds.entities,
      isSettledEntity,
    ))
      entities.push(located);
  for (const { file, records } of stored.claims)
    for (const located of parseRecords(file, records, claimSchema, 'claims', problems, undefined, isSettledClaim))
      claims.push(located);
  for (const { file, records } of stored.redirects)
    for (const located of parseRecords(
      file,
      records,
      entityRedirectSchema,
      'redirects',
      problems,
      undefined,
      () => false,
    ))
      redirects.push(located);
  const documents: RawData['documents'] = [];
  for (const { fileName, source } of stored.documents) {
    const file = `documents/${fileName}`;
    const parsed = parseDocument(file, source);
    problems.push(...parsed.problems);
    if (parsed.document) documents.push({ file, document: parsed.document });
    else rejectedIds.documents.add(fileName.replace(/\.[^.]+$/, ''));
  }
  return {
    dataDir: stored.source,
    vocabulary: vocabularyOf(stored.vocabularyText, problems),
    vocabularyFile: stored.vocabularyText === undefined ? defaultVocabularyFile : 'vocabulary.json',
    entities,
    claims,
    redirects,
    documents,
    rejectedIds,
    problems,
    contentHash: stored.contentHash,
  };
}

/**
 * The review queue and the journal as a store kept them: the proposals as compacted, the
 * journal's lines in commit order (checked as journal.jsonl's are), the base version.
 */
export function recordedWritesOf(
  proposals: unknown[],
  journalLines: readonly string[],
  baseHash: string,
  problems: LoadProblem[],
): RecordedWrites {
  const parsed = proposalsFileSchema.safeParse({ proposals });
  if (!parsed.success)
    for (const issue of parsed.error.issues)
      problems.push({ file: PROPOSALS_FILE, field: formatFieldPath(issue.path) || undefined, message: issue.message });
  const text = journalLines.length === 0 ? '' : `${journalLines.join('\n')}\n`;
  return {
    proposals: parsed.success ? parsed.data.proposals : [],
    journal: parseJournal(Buffer.from(text, 'utf8')),
    baseHash,
  };
}
