// The originals of converted documents (Markdown, HTML, PDF) on a shared database: the
// database is where they are kept (`document_originals`, written in the ingest's own
// transaction), and each server copies them into its own data folder
// (documents/originals/<id>.<ext>) to serve them as a folder's server does: every one at
// start-up that its folder lacks, and each new one before it applies the ingest that
// brought it. So an original is served by every server on the database, not only by the one
// that converted it, and one imported with `db import` is served too.
import fs from 'node:fs';
import path from 'node:path';
import type pg from 'pg';
import { ORIGINALS_FOLDER } from '../../load';
import { writeFileAtomic } from '../atomicFile';
import type { PlannedWrite } from '../eventStore';

type Queryable = Pick<pg.PoolClient, 'query'>;

function localFile(dataDir: string, fileName: string): string {
  return path.join(dataDir, ORIGINALS_FOLDER, fileName);
}

/** Records the original of an ingest in the transaction of its event. */
export async function recordOriginal(
  client: Queryable,
  original: NonNullable<PlannedWrite<unknown>['original']>,
): Promise<void> {
  await client.query(
    'INSERT INTO document_originals (document, file_name, content_type, bytes) VALUES ($1, $2, $3, $4)',
    [original.document, original.fileName, original.contentType, Buffer.from(original.bytes)],
  );
}

/** Copies into `dataDir` the originals of `documents` (every document when undefined) that it lacks; how many it copied. */
export async function copyOriginals(
  client: Queryable,
  dataDir: string,
  documents?: readonly string[],
): Promise<number> {
  const { rows } = await client.query<{ document: string; file_name: string }>(
    documents === undefined
      ? 'SELECT document, file_name FROM document_originals ORDER BY document'
      : 'SELECT document, file_name FROM document_originals WHERE document = ANY($1::text[]) ORDER BY document',
    documents === undefined ? [] : [documents],
  );
  const missing = rows.filter((row) => !fs.existsSync(localFile(dataDir, row.file_name)));
  for (const row of missing) {
    const { rows: found } = await client.query<{ bytes: Buffer }>(
      'SELECT bytes FROM document_originals WHERE document = $1',
      [row.document],
    );
    fs.mkdirSync(path.join(dataDir, ORIGINALS_FOLDER), { recursive: true });
    writeFileAtomic(localFile(dataDir, row.file_name), found[0].bytes);
  }
  return missing.length;
}
