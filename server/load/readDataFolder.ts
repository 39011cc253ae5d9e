// Step 1 of loading: read every file of a data folder and check each record's shape with
// zod. Nothing here looks across records; that is step 2 (resolveDataset.ts). Every
// problem is collected, and the records that passed are kept.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { MAX_DATA_FILE_BYTES } from '../model/inputLimits';
import { entityRedirectSchema, type EntityRedirect } from '../model/entityRedirects';
import { LAYOUT_FILE, layoutFileSchema, type GivenPositions } from '../model/layoutFile';
import { claimSchema, entitySchema, type Claim, type DocumentRecord, type Entity } from '../model/records';
import { vocabularySchema, type Vocabulary } from '../model/vocabulary';
import { defaultVocabularyFile } from '../paths';
import { locateJsonError } from './locateJsonError';
import { isSettledClaim, isSettledEntity } from './fastRecordCheck';
import { documentIdFromFileName, parseDocument } from './parseDocument';
import { formatFieldPath, type LoadProblem } from './problems';

/**
 * The largest file the loader reads. Each file is decoded into one string, and V8 cannot
 * make a string of more than 2^29 - 24 characters (about 536.9 million): past that,
 * reading would fail with an error that names no file. 512 MB (decimal) stays under it.
 */
export { MAX_DATA_FILE_BYTES };

/** "587 MB", or the exact byte count where rounding would hide that it is over the limit. */
export function describeFileSize(bytes: number): string {
  const megabytes = Math.round(bytes / 1_000_000);
  return megabytes * 1_000_000 > MAX_DATA_FILE_BYTES ? `${megabytes} MB` : `${bytes} bytes`;
}

const maxMegabytes = MAX_DATA_FILE_BYTES / 1_000_000;

/** What to do about a file over MAX_DATA_FILE_BYTES: records can be split into a folder of files. */
function oversizeMessage(relative: string, bytes: number): string {
  const size = describeFileSize(bytes);
  const records = /^(entities|claims)(\.json$|\/)/.exec(relative);
  if (records)
    return `the file is ${size}; files over ${maxMegabytes} MB must be split into several files in ${records[1]}/ (${records[1]}/*.json, read in name order)`;
  if (relative.startsWith('documents/'))
    return `the document is ${size}; documents over ${maxMegabytes} MB are refused`;
  return `the file is ${size}; files over ${maxMegabytes} MB are refused`;
}

export interface Located<T> {
  file: string;
  index: number;
  record: T;
}

export interface RawData {
  dataDir: string;
  vocabulary?: Vocabulary;
  vocabularyFile: string;
  entities: Located<Entity>[];
  claims: Located<Claim>[];
  /** redirects.json: the ids of entities merged away and where each went. */
  redirects: Located<EntityRedirect>[];
  documents: Array<{ file: string; document: DocumentRecord }>;
  /** layout.json: positions the folder brings (model/layoutFile.ts); absent, the server lays the graph out. */
  layout?: { file: string; positions: GivenPositions };
  /** Ids of records already rejected here, so step 2 does not report references to them again. */
  rejectedIds: { entities: Set<string>; documents: Set<string> };
  problems: LoadProblem[];
  /** sha256 over every file read, in a stable order: the dataset's version. */
  contentHash: string;
}

/** Files holding records of one kind: `NAME.json` and any `NAME/*.json` shards. */
export function recordFiles(dataDir: string, name: string): string[] {
  const files: string[] = [];
  if (fs.existsSync(path.join(dataDir, `${name}.json`))) files.push(`${name}.json`);
  const shardDir = path.join(dataDir, name);
  if (fs.existsSync(shardDir) && fs.statSync(shardDir).isDirectory()) {
    for (const entry of fs.readdirSync(shardDir).sort()) if (entry.endsWith('.json')) files.push(`${name}/${entry}`);
  }
  return files;
}

export function parseJsonFile(file: string, text: string, problems: LoadProblem[]): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const located = locateJsonError(text);
    problems.push(
      located
        ? { file, line: located.line, column: located.column, message: located.message }
        : { file, message: `malformed JSON: ${(error as Error).message}` },
    );
    return undefined;
  }
}

/**
 * Parses an array file record by record so one bad record does not hide the others.
 * `isSettled` (fastRecordCheck.ts) lets records that zod would return unchanged skip zod.
 */
export function parseRecords<T>(
  file: string,
  value: unknown,
  schema: z.ZodType<T>,
  noun: string,
  problems: LoadProblem[],
  rejectedIds?: Set<string>,
  isSettled?: (item: unknown) => boolean,
): Located<T>[] {
  if (!Array.isArray(value)) {
    problems.push({ file, message: `expected a JSON array of ${noun}` });
    return [];
  }
  const out: Located<T>[] = [];
  for (let index = 0; index < value.length; index++) {
    const item: unknown = value[index];
    if (isSettled?.(item)) {
      out.push({ file, index, record: item as T });
      continue;
    }
    const parsed = schema.safeParse(item);
    if (parsed.success) {
      out.push({ file, index, record: parsed.data });
      continue;
    }
    const id =
      item && typeof item === 'object' && typeof (item as { id?: unknown }).id === 'string'
        ? (item as { id: string }).id
        : undefined;
    if (id !== undefined) rejectedIds?.add(id);
    for (const issue of parsed.error.issues) {
      let field = formatFieldPath(issue.path);
      let message = issue.message;
      if (issue.code === 'unrecognized_keys') {
        const keys = issue.keys;
        field = formatFieldPath([...issue.path, keys[0]]);
        const allowed =
          'shape' in schema && schema.shape && typeof schema.shape === 'object' ? Object.keys(schema.shape) : [];
        message = `unknown field${keys.length > 1 ? `s ${keys.map((k) => `"${k}"`).join(', ')}` : ''}${allowed.length ? `; expected only ${allowed.join(', ')}` : ''}`;
      }
      problems.push({ file, index, id, field: field || undefined, message });
    }
  }
  return out;
}

/**
 * Reads a data folder's files, hashing the bytes as read: hashing the decoded text would
 * encode it to UTF-8 again. Too large a file is a problem naming it, found from its size
 * before anything is read.
 */
class HashingReader {
  private readonly hash = crypto.createHash('sha256');

  constructor(
    private readonly dataDir: string,
    private readonly problems: LoadProblem[],
  ) {}

  read(relative: string, absolute = path.join(this.dataDir, relative)): string | undefined {
    const size = fs.statSync(absolute).size;
    if (size > MAX_DATA_FILE_BYTES) {
      this.problems.push({ file: relative, message: oversizeMessage(relative, size) });
      return undefined;
    }
    const bytes = fs.readFileSync(absolute);
    this.hash.update(`${relative}\0`).update(bytes).update('\0');
    return bytes.toString('utf8');
  }

  digest(): string {
    return this.hash.digest('hex');
  }
}

export function readDataFolder(dataDir: string): RawData {
  const problems: LoadProblem[] = [];
  const reader = new HashingReader(dataDir, problems);
  if (!fs.existsSync(dataDir) || !fs.statSync(dataDir).isDirectory()) {
    problems.push({ file: dataDir, message: 'the data folder does not exist or is not a folder' });
    return {
      dataDir,
      vocabularyFile: '',
      entities: [],
      claims: [],
      redirects: [],
      documents: [],
      rejectedIds: { entities: new Set(), documents: new Set() },
      problems,
      contentHash: '',
    };
  }
  const { vocabulary, vocabularyFile } = readVocabulary(dataDir, reader, problems);
  const rejectedIds = { entities: new Set<string>(), documents: new Set<string>() };
  const entities = readRecordFiles(dataDir, 'entities', entitySchema, reader, problems, {
    rejectedIds: rejectedIds.entities,
    isSettled: isSettledEntity,
  });
  const claims = readRecordFiles(dataDir, 'claims', claimSchema, reader, problems, { isSettled: isSettledClaim });
  const redirects = readRecordFiles(dataDir, 'redirects', entityRedirectSchema, reader, problems, {
    isSettled: () => false,
  });
  const documents = readDocuments(dataDir, reader, problems, rejectedIds.documents);
  const layout = readLayoutFile(dataDir, reader, problems);
  return {
    dataDir,
    vocabulary,
    vocabularyFile,
    entities,
    claims,
    redirects,
    documents,
    ...(layout && { layout }),
    rejectedIds,
    problems,
    contentHash: reader.digest(),
  };
}

/** The vocabulary: the folder's own, or the embedded default; undefined when it does not parse. */
function readVocabulary(
  dataDir: string,
  reader: HashingReader,
  problems: LoadProblem[],
): { vocabulary?: Vocabulary; vocabularyFile: string } {
  const ownVocabulary = path.join(dataDir, 'vocabulary.json');
  const vocabularyFile = fs.existsSync(ownVocabulary) ? ownVocabulary : defaultVocabularyFile;
  const vocabularyName = vocabularyFile === ownVocabulary ? 'vocabulary.json' : path.relative(dataDir, vocabularyFile);
  let vocabulary: Vocabulary | undefined;
  const vocabularyText = reader.read('vocabulary.json', vocabularyFile);
  const vocabularyJson =
    vocabularyText === undefined ? undefined : parseJsonFile(vocabularyName, vocabularyText, problems);
  if (vocabularyJson !== undefined) {
    const parsed = vocabularySchema.safeParse(vocabularyJson);
    if (parsed.success) vocabulary = parsed.data;
    else
      for (const issue of parsed.error.issues)
        problems.push({ file: vocabularyName, field: formatFieldPath(issue.path), message: issue.message });
  }
  return { vocabulary, vocabularyFile };
}

/** layout.json, when the folder has one; undefined also when it does not parse (a problem then says why). */
function readLayoutFile(dataDir: string, reader: HashingReader, problems: LoadProblem[]): RawData['layout'] {
  if (!fs.existsSync(path.join(dataDir, LAYOUT_FILE))) return undefined;
  const text = reader.read(LAYOUT_FILE);
  const json = text === undefined ? undefined : parseJsonFile(LAYOUT_FILE, text, problems);
  if (json === undefined) return undefined;
  const parsed = layoutFileSchema.safeParse(json);
  if (parsed.success) return { file: LAYOUT_FILE, positions: parsed.data.positions };
  for (const issue of parsed.error.issues)
    problems.push({ file: LAYOUT_FILE, field: formatFieldPath(issue.path) || undefined, message: issue.message });
  return undefined;
}

/** The records of every `NAME.json` and `NAME/*.json` file, in file order. */
function readRecordFiles<T>(
  dataDir: string,
  name: 'entities' | 'claims' | 'redirects',
  schema: z.ZodType<T>,
  reader: HashingReader,
  problems: LoadProblem[],
  options: { rejectedIds?: Set<string>; isSettled: (item: unknown) => boolean },
): Located<T>[] {
  const records: Located<T>[] = [];
  for (const file of recordFiles(dataDir, name)) {
    const text = reader.read(file);
    const json = text === undefined ? undefined : parseJsonFile(file, text, problems);
    if (json !== undefined)
      for (const located of parseRecords(file, json, schema, name, problems, options.rejectedIds, options.isSettled))
        records.push(located); // no push(...): 100k+ records overflow the stack
  }
  return records;
}

/** The documents of `documents/*.txt`; the id of one that is too large or does not parse is noted as rejected. */
function readDocuments(
  dataDir: string,
  reader: HashingReader,
  problems: LoadProblem[],
  rejectedDocuments: Set<string>,
): RawData['documents'] {
  const documents: RawData['documents'] = [];
  const documentDir = path.join(dataDir, 'documents');
  if (!fs.existsSync(documentDir)) return documents;
  for (const entry of fs.readdirSync(documentDir).sort()) {
    if (!entry.endsWith('.txt')) continue;
    const file = `documents/${entry}`;
    const text = reader.read(file);
    if (text === undefined) {
      rejectedDocuments.add(documentIdFromFileName(file));
      continue;
    }
    const parsed = parseDocument(file, text);
    problems.push(...parsed.problems);
    if (parsed.document) documents.push({ file, document: parsed.document });
    else rejectedDocuments.add(documentIdFromFileName(file));
  }
  return documents;
}
