// `claimgraph db export --out DIR`: a database back into a data folder, in the layout the
// folder it was imported from had (record_files): the same records files in the same text
// layout, documents and their originals as stored, proposals.json, history.jsonl, users.json,
// and the events as journal.jsonl, each line the event exactly as committed. Written into a
// new or empty folder only, so nothing of another dataset is overwritten.
import fs from 'node:fs';
import path from 'node:path';
import type pg from 'pg';
import { HISTORY_FILE, JOURNAL_FILE, ORIGINALS_FOLDER, USERS_FILE } from '../../load';
import { describeDatabaseUrl } from './connect';
import { copyOut } from './copyOut';
import { SchemaNotReadyError } from './loadDatasetFromDatabase';
import { DEFAULT_RECORD_FILE_FORMAT, formatRecordFile, type RecordFileLayout } from './recordFileLayout';

export class ExportFolderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExportFolderError';
  }
}

export interface ExportSummary {
  files: number;
  documents: number;
  entities: number;
  claims: number;
  events: number;
}

interface FileRow {
  file: string;
  kind: string;
  layout: RecordFileLayout | null;
  final_newline: boolean;
  comment: string | null;
}

function prepareFolder(out: string): void {
  if (fs.existsSync(out) && (!fs.statSync(out).isDirectory() || fs.readdirSync(out).length > 0))
    throw new ExportFolderError(`${out}: exists and is not an empty folder; give a new or empty one`);
  fs.mkdirSync(out, { recursive: true });
}

function write(out: string, relative: string, data: string | Buffer): void {
  const file = path.join(out, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, data);
}

/** Lines of one text column, in order. */
async function lines(client: pg.PoolClient, select: string): Promise<string[]> {
  const out: string[] = [];
  await copyOut(client, select, ([value]) => out.push(value!));
  return out;
}

/** Each records file: its records (JSON text, in order), written in its layout. */
async function writeRecordFiles(client: pg.PoolClient, out: string, files: FileRow[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  const selects: Record<string, string> = {
    entities: 'SELECT file, record::text FROM entities ORDER BY position',
    claims: "SELECT file, record::text FROM claims WHERE status = 'live' ORDER BY position",
    redirects: "SELECT file, json_build_object('id', id, 'into', survivor)::text FROM redirects ORDER BY position",
    proposals: 'SELECT $$proposals.json$$, body::text FROM proposals ORDER BY position',
  };
  for (const kind of ['entities', 'claims', 'redirects', 'proposals']) {
    const byFile = new Map<string, string[]>();
    await copyOut(client, selects[kind], ([file, record]) => {
      if (!byFile.has(file!)) byFile.set(file!, []);
      byFile.get(file!)!.push(record!);
    });
    const known = files.filter((row) => row.kind === kind);
    // Records a write put in a file the folder did not have (a new store's first writes) go in NAME.json.
    for (const file of byFile.keys())
      if (!known.some((row) => row.file === file))
        known.push({ file, kind, layout: null, final_newline: true, comment: null });
    for (const row of known) {
      const texts = byFile.get(row.file) ?? [];
      counts.set(kind, (counts.get(kind) ?? 0) + texts.length);
      const records = texts.map((text) => JSON.parse(text) as unknown);
      const value = kind === 'proposals' ? { $comment: row.comment ?? undefined, proposals: records } : records;
      const format = row.layout ? { layout: row.layout, finalNewline: row.final_newline } : DEFAULT_RECORD_FILE_FORMAT;
      write(out, row.file, formatRecordFile(format, value, kind === 'proposals' ? undefined : texts));
    }
  }
  return counts;
}

async function writeDocuments(client: pg.PoolClient, out: string): Promise<number> {
  let documents = 0;
  await copyOut(client, 'SELECT file_name, source FROM documents ORDER BY position', ([fileName, source]) => {
    write(out, path.join('documents', fileName!), source!);
    documents++;
  });
  const originals = await client.query<{ file_name: string; bytes: Buffer }>(
    'SELECT file_name, bytes FROM document_originals ORDER BY file_name',
  );
  for (const row of originals.rows) write(out, path.join(ORIGINALS_FOLDER, row.file_name), row.bytes);
  return documents;
}

async function writeUsers(client: pg.PoolClient, out: string): Promise<void> {
  const users = await client.query<{
    name: string;
    role: string;
    hash: string;
    created: string;
    revoked: string | null;
  }>(
    'SELECT name, role, token_sha256 AS hash, created_at AS created, revoked_at AS revoked FROM users ORDER BY position',
  );
  if (users.rows.length === 0) return;
  const records = users.rows.map((u) => ({
    name: u.name,
    role: u.role,
    tokenHash: u.hash,
    createdAt: u.created,
    ...(u.revoked !== null ? { revokedAt: u.revoked } : {}),
  }));
  write(out, USERS_FILE, `${JSON.stringify({ users: records }, null, 2)}\n`);
}

export async function exportDatabaseToFolder(pool: pg.Pool, url: string, out: string): Promise<ExportSummary> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const state = await client.query('SELECT 1 FROM dataset_state');
    if (state.rows.length === 0)
      throw new SchemaNotReadyError(`the database at ${describeDatabaseUrl(url)} holds no dataset to export`);
    prepareFolder(out);
    const vocabulary = await client.query<{ body: string }>('SELECT body::text AS body FROM vocabulary');
    if (vocabulary.rows.length > 0) write(out, 'vocabulary.json', vocabulary.rows[0].body);
    const files = (
      await client.query<FileRow>(
        'SELECT file, kind, layout, final_newline, comment FROM record_files ORDER BY position',
      )
    ).rows;
    const counts = await writeRecordFiles(client, out, files);
    const documents = await writeDocuments(client, out);
    const history = await lines(client, 'SELECT body::text FROM history ORDER BY seq');
    if (history.length > 0) write(out, HISTORY_FILE, `${history.join('\n')}\n`);
    const events = await lines(client, 'SELECT body::text FROM events ORDER BY seq');
    if (events.length > 0) write(out, JOURNAL_FILE, `${events.join('\n')}\n`);
    await writeUsers(client, out);
    await client.query('COMMIT');
    return {
      files: files.length,
      documents,
      entities: counts.get('entities') ?? 0,
      claims: counts.get('claims') ?? 0,
      events: events.length,
    };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
