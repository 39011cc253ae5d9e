// The PostgreSQL event store: several servers write one database. Each write is one
// transaction under an advisory lock: catch up with the events other servers committed
// (applied in seq order, which is commit order because every writer holds the lock),
// plan against the graph as it is then, insert the event row, move the version of each
// claim and entity row it changes (a row at another version is a 412, whatever this
// process believed), notify the other servers, commit, and only then apply to memory. An
// ingest's original file goes in the same transaction (databaseOriginals.ts).
import type pg from 'pg';
import { journalEntrySchema, type JournalEntry } from '../../model/journalEntries';
import type { ApplyCommitted, CommittedWrite, EventStore, PlannedWrite } from '../eventStore';
import { copyOriginals, recordOriginal } from './databaseOriginals';
import { DatabaseHealth } from './databaseHealth';
import { recordEvent } from './recordEvent';

/** The advisory lock every claimgraph writer takes for its transaction: "claimgra" in ASCII, as a bigint. */
export const CLAIMGRAPH_LOCK_KEY = '7164208212674572897';
export const EVENTS_CHANNEL = 'claimgraph_events';
/** Pool clients given an 'error' listener (once each: the pool hands the same client out again). */
const guarded = new WeakSet<pg.PoolClient>();
/** How many events one catch-up query reads at a time. */
const CATCH_UP_BATCH = 500;

export class PostgresEventStore implements EventStore {
  readonly health = new DatabaseHealth();

  constructor(
    private readonly pool: pg.Pool,
    /** The seq of the last event this server applied (from the start-up read). */
    private lastApplied: string,
    readonly description: string,
    /** This server's data folder, where the originals other servers recorded are copied to be served. */
    private readonly dataDir?: string,
  ) {}

  get unreachable(): string | undefined {
    return this.health.unreachable;
  }

  get lastAppliedSeq(): string {
    return this.lastApplied;
  }

  async commit<T>(plan: () => PlannedWrite<T>, applyForeign: ApplyCommitted): Promise<CommittedWrite<T>> {
    const client = await this.connect();
    let open = false;
    try {
      await client.query('BEGIN');
      open = true;
      await client.query('SELECT pg_advisory_xact_lock($1::bigint)', [CLAIMGRAPH_LOCK_KEY]);
      await this.applyNewer(client, applyForeign);
      const planned = plan();
      if (!planned.entry) {
        await client.query('COMMIT');
        open = false;
        // A write that records nothing reached the database all the same: reads stop warning now.
        this.health.reached();
        return { planned };
      }
      const { seq, line } = await recordEvent(client, planned.entry);
      if (planned.original) await recordOriginal(client, planned.original);
      await client.query('SELECT pg_notify($1, $2)', [EVENTS_CHANNEL, seq]);
      await client.query('COMMIT');
      open = false;
      this.lastApplied = seq;
      this.health.reached();
      return { planned, line };
    } catch (error) {
      if (open) await client.query('ROLLBACK').catch(() => undefined);
      throw this.health.failed(error);
    } finally {
      client.release();
    }
  }

  /** Applies the events other servers committed since the last one applied, oldest first. */
  async catchUp(applyForeign: ApplyCommitted): Promise<number> {
    const client = await this.connect();
    try {
      const applied = await this.applyNewer(client, applyForeign);
      this.health.reached();
      return applied;
    } catch (error) {
      throw this.health.failed(error);
    } finally {
      client.release();
    }
  }

  private async applyNewer(client: pg.PoolClient, apply: ApplyCommitted): Promise<number> {
    let applied = 0;
    for (;;) {
      const { rows } = await client.query<{ seq: string; line: string }>(
        'SELECT seq::text AS seq, body::text AS line FROM events WHERE seq > $1::bigint ORDER BY seq LIMIT $2',
        [this.lastApplied, CATCH_UP_BATCH],
      );
      for (const row of rows) {
        const entry: JournalEntry = journalEntrySchema.parse(JSON.parse(row.line));
        // The original first, as on the server that wrote it: an ingest applied is one whose original can be served.
        if (entry.kind === 'ingest' && this.dataDir !== undefined)
          await copyOriginals(client, this.dataDir, [entry.document.id]);
        apply(entry, row.line);
        this.lastApplied = row.seq;
        applied += 1;
      }
      if (rows.length < CATCH_UP_BATCH) return applied;
    }
  }

  private async connect(): Promise<pg.PoolClient> {
    try {
      const client = await this.pool.connect();
      // A connection that dies while checked out also emits 'error' (the query rejects as well, and says so).
      if (!guarded.has(client)) {
        guarded.add(client);
        client.on('error', () => undefined);
      }
      return client;
    } catch (error) {
      throw this.health.failed(error);
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
