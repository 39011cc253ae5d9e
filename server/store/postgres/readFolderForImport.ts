// What `db import` takes from a data folder: everything the loader reads (checked the way
// `validate` checks it: a broken folder is refused with the loader's problems) and the rest
// a folder holds beside it: the files' texts and layouts, proposals.json's comment,
// history.jsonl's lines, users.json, document originals, the journal's lines.
import fs from 'node:fs';
import path from 'node:path';
import {
  CurationHistory,
  DataIntegrityError,
  describeTornTail,
  HISTORY_FILE,
  ORIGINAL_CONTENT_TYPES,
  ORIGINALS_FOLDER,
  PROPOSALS_FILE,
  readDataFolder,
  readHistoryFile,
  readRecordedWrites,
  readUsersFile,
  replayJournal,
  resolveDataset,
  type LoadProblem,
  type RawData,
  type RecordedWrites,
} from '../../load';
import type { UserRecord } from '../../model/access';
import { detectRecordFileFormat, type RecordFileFormat } from './recordFileLayout';

export interface RecordFile {
  file: string;
  kind: 'entities' | 'claims' | 'redirects' | 'proposals';
  /** Each record's JSON text, as parsed from the file (proposals.json: none, the queue is in `recorded`). */
  records: string[];
  /** undefined: in no format db export reproduces. */
  format: RecordFileFormat | undefined;
  comment?: string;
}

export interface FolderContents {
  files: RawData;
  recorded: RecordedWrites;
  recordFiles: RecordFile[];
  /** vocabulary.json as written; undefined: the folder uses the embedded default. */
  vocabularyText?: string;
  /** Each document's file text, by document id. */
  sources: Map<string, string>;
  originals: Array<{ document: string; fileName: string; contentType: string; bytes: Buffer }>;
  /** history.jsonl's events as written, and the versions they give entities and claims. */
  historyLines: string[];
  history: CurationHistory;
  users: UserRecord[];
  warnings: LoadProblem[];
}

/**
 * The folder's records files, in the loader's order: each record as the file has it (JSON
 * text of the parsed value, before zod fills defaults or orders keys, so a load from the
 * database parses what a load from the folder parses), and the format the file is in.
 */
function recordFilesOf(dataDir: string): RecordFile[] {
  const out: RecordFile[] = [];
  for (const kind of ['entities', 'claims', 'redirects'] as const)
    for (const file of listRecordFiles(dataDir, kind)) {
      const text = fs.readFileSync(path.join(dataDir, file), 'utf8');
      const parsed = JSON.parse(text) as Array<{ id: unknown; into: unknown }>;
      // The database keeps a redirect as its two columns, and gives it back in this order.
      const values = kind === 'redirects' ? parsed.map(({ id, into }) => ({ id, into })) : parsed;
      const records = values.map((value) => JSON.stringify(value));
      out.push({ file, kind, records, format: detectRecordFileFormat(text, values, records) });
    }
  return out;
}

function listRecordFiles(dataDir: string, name: string): string[] {
  const found: string[] = [];
  if (fs.existsSync(path.join(dataDir, `${name}.json`))) found.push(`${name}.json`);
  const shards = path.join(dataDir, name);
  if (fs.existsSync(shards) && fs.statSync(shards).isDirectory())
    for (const entry of fs.readdirSync(shards).sort()) if (entry.endsWith('.json')) found.push(`${name}/${entry}`);
  return found;
}

function proposalsFileOf(dataDir: string, recorded: RecordedWrites): RecordFile | undefined {
  const file = path.join(dataDir, PROPOSALS_FILE);
  if (!fs.existsSync(file)) return undefined;
  const text = fs.readFileSync(file, 'utf8');
  const comment = (JSON.parse(text) as { $comment?: string }).$comment;
  const value = { $comment: comment, proposals: recorded.proposals };
  return { file: PROPOSALS_FILE, kind: 'proposals', records: [], format: detectRecordFileFormat(text, value), comment };
}

function originalsOf(dataDir: string): FolderContents['originals'] {
  const folder = path.join(dataDir, ORIGINALS_FOLDER);
  if (!fs.existsSync(folder)) return [];
  const out: FolderContents['originals'] = [];
  for (const fileName of fs.readdirSync(folder).sort()) {
    const extension = path.extname(fileName).slice(1);
    const contentType = ORIGINAL_CONTENT_TYPES[extension];
    if (contentType === undefined) continue;
    const document = fileName.slice(0, -extension.length - 1);
    out.push({ document, fileName, contentType, bytes: fs.readFileSync(path.join(folder, fileName)) });
  }
  return out;
}

function historyLinesOf(dataDir: string): string[] {
  const file = path.join(dataDir, HISTORY_FILE);
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '');
}

/** Reads and checks the folder; throws DataIntegrityError with every problem when it would not load. */
export function readFolderForImport(dataDir: string): FolderContents {
  const files = readDataFolder(dataDir);
  const problems: LoadProblem[] = [];
  const recorded = readRecordedWrites(files, problems);
  const historyEvents = readHistoryFile(dataDir, problems);
  const checked = resolveDataset(replayJournal({ ...files, problems: [...files.problems, ...problems] }, recorded));
  if (!checked.dataset || checked.problems.length > 0) throw new DataIntegrityError(checked.problems);
  const proposalsFile = proposalsFileOf(dataDir, recorded);
  const ownVocabulary = path.join(dataDir, 'vocabulary.json');
  return {
    files,
    recorded,
    recordFiles: [...recordFilesOf(dataDir), ...(proposalsFile ? [proposalsFile] : [])],
    vocabularyText: fs.existsSync(ownVocabulary) ? fs.readFileSync(ownVocabulary, 'utf8') : undefined,
    sources: new Map(
      files.documents.map(({ file, document }) => [document.id, fs.readFileSync(path.join(dataDir, file), 'utf8')]),
    ),
    originals: originalsOf(dataDir),
    historyLines: historyLinesOf(dataDir),
    history: new CurationHistory(historyEvents),
    users: readUsersFile(dataDir).users,
    warnings: recorded.journal.tornTail ? [describeTornTail(recorded.journal.tornTail)] : [],
  };
}
