// `claimgraph db import DIR`: a data folder into an empty database (migrated first), in one
// transaction, with COPY: the base tables take what the folder's files hold, `events` the
// journal's lines exactly. A folder the loader refuses is refused with its problems before
// anything is written; a database that holds a dataset already is refused unless `replace`.
import type pg from 'pg';
import { inTransaction, describeDatabaseUrl } from './connect';
import { copyRows, type CopyValue } from './copyRows';
import { migrateDatabase } from './migrate';
import { readFolderForImport, type FolderContents } from './readFolderForImport';

/** The database holds a dataset already and `replace` was not asked for. */
export class DatabaseNotEmptyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatabaseNotEmptyError';
  }
}

export interface ImportSummary {
  documents: number;
  entities: number;
  claims: number;
  redirects: number;
  proposals: number;
  events: number;
  history: number;
  users: number;
  originals: number;
  /** Records files `db export` cannot write back byte for byte (their folder will get a new version). */
  relaidFiles: string[];
  warnings: FolderContents['warnings'];
}

/** Every table that holds data, in an order TRUNCATE takes. */
export const DATA_TABLES = [
  'dataset_state',
  'vocabulary',
  'documents',
  'document_originals',
  'entities',
  'claims',
  'redirects',
  'proposals',
  'events',
  'history',
  'users',
  'judgements',
  'record_files',
];

/** How much the database holds: zero everywhere is empty. */
export async function datasetSize(
  client: pg.PoolClient | pg.Pool,
): Promise<{ entities: number; claims: number; documents: number; events: number; state: number }> {
  const result = await client.query(
    `SELECT (SELECT count(*) FROM entities)::int AS entities, (SELECT count(*) FROM claims)::int AS claims,
            (SELECT count(*) FROM documents)::int AS documents, (SELECT count(*) FROM events)::int AS events,
            (SELECT count(*) FROM dataset_state)::int AS state`,
  );
  return result.rows[0];
}

/** journal `at` as a time PostgreSQL stores, or null when it is not one (the body keeps it as written). */
function timeOf(at: string | undefined): string | null {
  if (at === undefined) return null;
  const time = Date.parse(at);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

function eventRow(text: string): CopyValue[] {
  const entry = JSON.parse(text) as { id?: string; at?: string; author?: string; kind: string };
  return [entry.id ?? null, timeOf(entry.at), entry.author ?? null, entry.kind, text];
}

/** Each record's JSON text as its file has it, in the loader's order (the same as `files`'s records). */
function recordTexts(folder: FolderContents, kind: 'entities' | 'claims' | 'redirects'): string[] {
  const texts: string[] = [];
  for (const file of folder.recordFiles) if (file.kind === kind) for (const text of file.records) texts.push(text);
  return texts;
}

async function copyRecords(client: pg.PoolClient, folder: FolderContents): Promise<void> {
  const { files, history } = folder;
  const entityTexts = recordTexts(folder, 'entities');
  const claimTexts = recordTexts(folder, 'claims');
  await copyRows(
    client,
    'entities',
    ['id', 'type', 'name', 'record', 'version', 'file', 'position'],
    files.entities.map(({ file, record }, position) => [
      record.id,
      record.type,
      record.name,
      entityTexts[position],
      history.entityVersionOf(record.id),
      file,
      position,
    ]),
  );
  await copyRows(
    client,
    'claims',
    ['id', 'subject', 'type', 'object', 'stance', 'document', 'record', 'version', 'file', 'position'],
    files.claims.map(({ file, record }, position) => [
      record.id,
      record.subject,
      record.type,
      record.object,
      record.stance,
      record.document ?? null,
      claimTexts[position],
      history.versionOf(record.id),
      file,
      position,
    ]),
  );
  await copyRows(
    client,
    'redirects',
    ['id', 'survivor', 'file', 'position'],
    files.redirects.map(({ file, record }, position) => [record.id, record.into, file, position]),
  );
}

async function copyDocuments(client: pg.PoolClient, folder: FolderContents): Promise<void> {
  await copyRows(
    client,
    'documents',
    ['id', 'file_name', 'title', 'published', 'url', 'source', 'position'],
    folder.files.documents.map(({ file, document }, position) => [
      document.id,
      file.replace(/^documents\//, ''),
      document.title,
      document.date,
      document.url ?? null,
      folder.sources.get(document.id)!,
      position,
    ]),
  );
  await copyRows(
    client,
    'document_originals',
    ['document', 'file_name', 'content_type', 'bytes'],
    folder.originals.map((original) => [original.document, original.fileName, original.contentType, original.bytes]),
  );
}

async function copyWrites(client: pg.PoolClient, folder: FolderContents): Promise<void> {
  await copyRows(
    client,
    'proposals',
    ['id', 'document', 'status', 'body', 'position'],
    folder.recorded.proposals.map((proposal, position) => [
      proposal.id,
      proposal.document,
      proposal.status,
      JSON.stringify(proposal),
      position,
    ]),
  );
  await copyRows(
    client,
    'events',
    ['id', 'at', 'author', 'kind', 'body'],
    folder.recorded.journal.lines.map(({ text }) => eventRow(text)),
  );
  await copyRows(client, 'history', ['id', 'at', 'author', 'kind', 'body'], folder.historyLines.map(eventRow));
  await copyRows(
    client,
    'users',
    ['name', 'role', 'token_sha256', 'created_at', 'revoked_at', 'position'],
    folder.users.map((user, position) => [
      user.name,
      user.role,
      user.tokenHash,
      user.createdAt,
      user.revokedAt ?? null,
      position,
    ]),
  );
}

async function copyFolderState(client: pg.PoolClient, folder: FolderContents): Promise<void> {
  await client.query('INSERT INTO dataset_state (base_content_hash) VALUES ($1)', [folder.recorded.baseHash]);
  if (folder.vocabularyText !== undefined)
    await client.query('INSERT INTO vocabulary (body) VALUES ($1)', [folder.vocabularyText]);
  await copyRows(
    client,
    'record_files',
    ['file', 'kind', 'layout', 'final_newline', 'comment', 'position'],
    folder.recordFiles.map((file, position) => [
      file.file,
      file.kind,
      file.format?.layout ?? null,
      file.format?.finalNewline ?? true,
      file.comment ?? null,
      position,
    ]),
  );
}

/** Refuses a database holding a dataset, or empties it when `replace`. */
async function makeRoom(client: pg.PoolClient, url: string, replace: boolean): Promise<void> {
  const size = await datasetSize(client);
  if (replace) {
    await client.query(`TRUNCATE ${DATA_TABLES.join(', ')} RESTART IDENTITY`);
    return;
  }
  if (size.state + size.entities + size.claims + size.documents + size.events > 0)
    throw new DatabaseNotEmptyError(
      `the database at ${describeDatabaseUrl(url)} already holds a dataset (${size.entities} entities, ${size.claims} claims, ${size.documents} documents, ${size.events} events): import into an empty database, or give --replace to replace it`,
    );
}

/** Imports the folder; `url` only names the database in messages. */
export async function importDataFolder(
  pool: pg.Pool,
  url: string,
  dataDir: string,
  options: { replace?: boolean } = {},
): Promise<ImportSummary> {
  const folder = readFolderForImport(dataDir);
  await migrateDatabase(pool);
  await inTransaction(pool, async (client) => {
    // Two imports at once take turns; the second then finds the database full.
    await client.query('SELECT pg_advisory_xact_lock($1)', [0x636c6169 + 1]);
    await makeRoom(client, url, options.replace ?? false);
    await copyFolderState(client, folder);
    await copyDocuments(client, folder);
    await copyRecords(client, folder);
    await copyWrites(client, folder);
  });
  return {
    documents: folder.files.documents.length,
    entities: folder.files.entities.length,
    claims: folder.files.claims.length,
    redirects: folder.files.redirects.length,
    proposals: folder.recorded.proposals.length,
    events: folder.recorded.journal.lines.length,
    history: folder.historyLines.length,
    users: folder.users.length,
    originals: folder.originals.length,
    relaidFiles: folder.recordFiles.filter((file) => file.format === undefined).map((file) => file.file),
    warnings: folder.warnings,
  };
}
