// Start-up from PostgreSQL: the base tables streamed (copyOut.ts) into the shape a data
// folder's files give the loader (load/storedRecords.ts), then the events replayed and the
// references resolved by the loader's own code, so the dataset, its version and the graph
// built from it are those of the folder the database was imported from.
import type pg from 'pg';
import {
  CurationHistory,
  DataIntegrityError,
  formatProblem,
  rawDataOf,
  recordedWritesOf,
  replayJournal,
  resolveDataset,
  type LoadOptions,
  type LoadProblem,
  type ProposalBook,
  type StoredFile,
} from '../../load';
import { curationEntrySchema, isCurationEntry } from '../../model/curationEvents';
import type { UserRecord } from '../../model/access';
import type { Dataset } from '../../model/dataset';
import { describeDatabaseUrl } from './connect';
import { copyOut } from './copyOut';
import { pendingMigrations } from './migrate';

export interface DatabaseDataset {
  dataset: Dataset;
  /** The review queue after the events. */
  proposals: ProposalBook;
  /** The curation history: the history table, then the events'. */
  history: CurationHistory;
  /** Who may read and write (the users table, as users.json has them). */
  users: UserRecord[];
  /** The seq of the last event read ('0' for none): a write path catches up from there. */
  lastSeq: string;
}

/** A database without the schema, or with an older one: `db migrate` first. */
export class SchemaNotReadyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SchemaNotReadyError';
  }
}

/** The records of `table` grouped by file, in position order. */
async function recordsByFile(client: pg.PoolClient, table: string): Promise<StoredFile[]> {
  const files: StoredFile[] = [];
  let current: StoredFile | undefined;
  await copyOut(client, `SELECT file, record FROM ${table} ORDER BY position`, ([file, record]) => {
    if (current?.file !== file) files.push((current = { file: file!, records: [] }));
    current.records.push(JSON.parse(record!));
  });
  return files;
}

async function textColumn(client: pg.PoolClient, select: string): Promise<string[]> {
  const out: string[] = [];
  await copyOut(client, select, ([value]) => out.push(value!));
  return out;
}

async function readBase(client: pg.PoolClient, source: string) {
  const state = await client.query<{ hash: string }>('SELECT base_content_hash AS hash FROM dataset_state');
  if (state.rows.length === 0)
    throw new SchemaNotReadyError(`the database at ${source} holds no dataset: \`claimgraph db import DIR\` first`);
  const vocabulary = await client.query<{ body: string }>('SELECT body::text AS body FROM vocabulary');
  const documents: Array<{ fileName: string; source: string }> = [];
  await copyOut(client, 'SELECT file_name, source FROM documents ORDER BY position', ([fileName, text]) =>
    documents.push({ fileName: fileName!, source: text! }),
  );
  return {
    source,
    vocabularyText: vocabulary.rows[0]?.body,
    entities: await recordsByFile(client, 'entities'),
    // Retracted claims stay in the table (with their last state); the graph has the live ones.
    claims: await recordsByFile(client, "claims WHERE status = 'live'"),
    redirects: await recordsByFile(
      client,
      "(SELECT file, json_build_object('id', id, 'into', survivor) AS record, position FROM redirects) AS r",
    ),
    documents,
    contentHash: state.rows[0].hash,
  };
}

async function usersOf(client: pg.PoolClient): Promise<UserRecord[]> {
  const result = await client.query<{
    name: string;
    role: UserRecord['role'];
    hash: string;
    created: string;
    revoked: string | null;
  }>(
    'SELECT name, role, token_sha256 AS hash, created_at AS created, revoked_at AS revoked FROM users ORDER BY position',
  );
  return result.rows.map((u) => ({
    name: u.name,
    role: u.role,
    tokenHash: u.hash,
    createdAt: u.created,
    ...(u.revoked !== null ? { revokedAt: u.revoked } : {}),
  }));
}

function historyOf(lines: readonly string[], problems: LoadProblem[]): CurationHistory {
  const history = new CurationHistory();
  lines.forEach((text, index) => {
    const parsed = curationEntrySchema.safeParse(JSON.parse(text));
    if (parsed.success) history.apply(parsed.data);
    else
      problems.push({
        file: 'history',
        line: index + 1,
        message: `invalid history event: ${parsed.error.issues[0].message}`,
      });
  });
  return history;
}

export async function loadDatasetFromDatabase(
  pool: pg.Pool,
  url: string,
  options: LoadOptions = {},
): Promise<DatabaseDataset> {
  const source = describeDatabaseUrl(url);
  const pending = await pendingMigrations(pool);
  if (pending.length > 0)
    throw new SchemaNotReadyError(
      `the database at ${source} lacks schema migration ${pending.map((m) => m.name).join(', ')}: run \`claimgraph db migrate\` first`,
    );
  const client = await pool.connect();
  try {
    // One snapshot of every table: a write committed meanwhile is wholly in it or wholly not.
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const raw = rawDataOf(await readBase(client, `PostgreSQL ${source}`));
    const proposals = await textColumn(client, 'SELECT body::text FROM proposals ORDER BY position');
    const events = await textColumn(client, 'SELECT body::text FROM events ORDER BY seq');
    const [lastSeq] = await textColumn(client, 'SELECT coalesce(max(seq), 0)::text FROM events');
    const historyLines = await textColumn(client, 'SELECT body::text FROM history ORDER BY seq');
    const users = await usersOf(client);
    await client.query('COMMIT');
    const recorded = recordedWritesOf(
      proposals.map((text) => JSON.parse(text)),
      events,
      raw.contentHash,
      raw.problems,
    );
    const replayed = replayJournal(raw, recorded);
    const onWarning =
      options.onWarning ?? ((problem: LoadProblem) => console.warn(`claimgraph: warning: ${formatProblem(problem)}`));
    replayed.journal.warnings.forEach((warning) => onWarning(warning));
    const history = historyOf(historyLines, replayed.problems);
    for (const { entry } of recorded.journal.lines) if (isCurationEntry(entry)) history.apply(entry);
    const { dataset, problems } = resolveDataset(replayed);
    if (!dataset || problems.length > 0) throw new DataIntegrityError(problems);
    return { dataset, proposals: replayed.journal.proposals, history, users, lastSeq };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
