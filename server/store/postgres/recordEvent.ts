// Writes one planned event inside the PostgreSQL store's transaction: first the version
// of every claim and entity row it changes moves one step, checked against the version
// the event was planned on (a row already past it is a 412, whatever this process held
// in memory), then the event row itself, whose body is the journal entry.
import type pg from 'pg';
import { claimChangesOf, entityChangesOf, isCurationEntry, type CurationEntry } from '../../model/curationEvents';
import type { JournalEntry } from '../../model/journalEntries';
import { StaleVersionError } from '../writeErrors';

/** The events table's id of an entry: a curation event's own id; a review decision's kind and proposal (or document). */
export function eventIdOf(entry: JournalEntry): string {
  if (isCurationEntry(entry)) return entry.id;
  if (entry.kind === 'ingest') return `ingest:${entry.document.id}`;
  return `${entry.kind}:${entry.proposal}`;
}

export async function recordEvent(client: pg.ClientBase, entry: JournalEntry): Promise<{ seq: string; line: string }> {
  if (isCurationEntry(entry)) await moveRowVersions(client, entry);
  const { rows } = await client.query<{ seq: string; line: string }>(
    'INSERT INTO events (id, at, author, kind, body) VALUES ($1, $2, $3, $4, $5::jsonb) RETURNING seq::text AS seq, body::text AS line',
    [eventIdOf(entry), entry.at, entry.author ?? null, entry.kind, JSON.stringify(entry)],
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
