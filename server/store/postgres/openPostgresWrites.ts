// Opens the write path on PostgreSQL for a server: a pool for the write transactions, the
// event store on it, the write store over the graph the server loaded, and the follower
// that applies what other servers commit (the same for a server that writes nothing, with
// its writes refused, so a read-only server stays current too). Events already in the database past `lastSeq`
// (all of them, from 0) are applied before this resolves, so the server starts current.
import pg from 'pg';
import type { CurationHistory, ProposalBook } from '../../load';
import type { SnapshotHolder } from '../../model/evidenceGraph';
import type { ExtractArticle } from '../extraction';
import { WriteStore } from '../writeStore';
import { describeDatabaseUrl } from './connect';
import { copyOriginals } from './databaseOriginals';
import { EventFollower } from './eventFollower';
import { PostgresEventStore } from './postgresEventStore';

/** How long a write waits for a connection before it is told the database is unreachable. */
const CONNECT_TIMEOUT_MS = 5_000;

export interface PostgresWritesOptions {
  connectionString: string;
  graphs: SnapshotHolder;
  book: ProposalBook;
  history: CurationHistory;
  extract: ExtractArticle;
  /** Where originals of converted documents are kept (this server's data folder). */
  dataDir: string;
  /** The seq of the last event already in `graphs`; default 0 (none). */
  lastSeq?: string;
  /** Told when a catch-up fails (the database is down): the server keeps answering reads. */
  onError?: (error: unknown) => void;
  followIntervalMs?: number;
  /** Follow the other servers but write nothing (a server on the database with no writer). */
  followOnly?: boolean;
}

export interface PostgresWrites {
  writes: WriteStore;
  follower: EventFollower;
  close(): Promise<void>;
}

export async function openPostgresWrites(options: PostgresWritesOptions): Promise<PostgresWrites> {
  const connection: pg.ClientConfig = {
    connectionString: options.connectionString,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
  };
  const pool = new pg.Pool({ ...connection, max: 4 });
  // An idle client whose server went away: the next write finds out, and reports it.
  pool.on('error', () => undefined);
  const events = new PostgresEventStore(
    pool,
    options.lastSeq ?? '0',
    `PostgreSQL at ${describeDatabaseUrl(options.connectionString)}`,
    options.dataDir,
  );
  const writes = WriteStore.onEventStore({
    dataDir: options.dataDir,
    graphs: options.graphs,
    extract: options.extract,
    events,
    book: options.book,
    history: options.history,
    followOnly: options.followOnly,
  });
  try {
    // The originals this server's folder lacks (imported, or converted on another server), before it serves.
    await copyOriginals(pool, options.dataDir);
    await writes.catchUp();
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }
  const follower = new EventFollower({
    connection,
    catchUp: () => writes.catchUp(),
    intervalMs: options.followIntervalMs,
    onError: options.onError,
  });
  follower.start();
  return {
    writes,
    follower,
    close: async () => {
      await follower.stop();
      await writes.close();
    },
  };
}
