// Writes one planned event inside the PostgreSQL store's transaction: first the version
// of every claim and entity row it changes moves one step, checked against the version
// the event was planned on (a row already past it is a 412, whatever this process held
// in memory), then the event row itself, whose body (json, kept as written) is the
// journal line exactly, so a snapshot's version chains the same text on every server.
import type pg from 'pg';
import { claimChangesOf, entityChangesOf, isCurationEntry, type CurationEntry } from '../../model/curationEvents';
import type { JournalEntry } from '../../model/journalEntries';
import { StaleVersionError } from '../writeErrors';

/** The events table's id of an entry: a curation event's own id; ingest, accept and reject have none (null). */
function eventIdOf(entry: JournalEntry): string | null {
  return isCurationEntry(entry) ? entry.id : null;
}

/** The events table's `at`: the entry's time when it is one, else null (the body keeps it as written). */
function eventTimeOf(entry: JournalEntry): string | null {
  return Number.isNaN(Date.parse(entry.at)) ? null : entry.at;
}

export async function recordEvent(client: pg.ClientBase, entry: JournalEntry): Promise<{ seq: string; line: string }> {
  if (isCurationEntry(entry)) await moveRowVersions(client, entry);
  const { rows } = await client.query<{ seq: string; line: string }>(
    'INSERT INTO events (id, at, author, kind, body) VALUES ($1, $2, $3, $4, $5::json) RETURNING seq::text AS seq, body::text AS line',
    [eventIdOf(entry), eventTimeOf(entry), entry.author ?? null, entry.kind, JSON.stringify(entry)],
  );
  return rows[0];
}

async function moveRowVersions(client: pg.ClientBase, entry: CurationEntry): Promise<void> {
  for (const change of claimChangesOf(entry)) await moveRowVersion(client, 'claims', change.claim, change.version);
  for (const change of entityChangesOf(entry)) await moveRowVersion(client, 'entities', change.entity, change.version);
}

/**
 * Moves the row from `version - 1` to `version` (the version the event gives it). No row
 * at all is a claim or entity an event created (it lives in the events only); a row at
 * another version was changed by a write this server had not seen: a stale If-Match.
 */
async function moveRowVersion(
  client: pg.ClientBase,
  table: 'claims' | 'entities',
  id: string,
  version: number,
): Promise<void> {
  const moved = await client.query(`UPDATE ${table} SET version = version + 1 WHERE id = $1 AND version = $2`, [
    id,
    version - 1,
  ]);
  if (moved.rowCount === 1) return;
  const { rows } = await client.query<{ version: number }>(`SELECT version FROM ${table} WHERE id = $1`, [id]);
  if (rows.length === 0) return;
  throw new StaleVersionError(id, rows[0].version, version - 1, table === 'claims' ? 'claim' : 'entity');
}
