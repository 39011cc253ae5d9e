// What the PostgreSQL fault tests check in the database itself, after a SIGKILL of the
// server (crashPostgres.test.ts) or of the database (crashPostgresStop.test.ts): no event
// recorded twice, and the database loads on its own with every acknowledged write.
import type pg from 'pg';
import { connectDatabase } from '../../server/store/postgres/connect';
import { loadDatasetFromDatabase } from '../../server/store/postgres/loadDatasetFromDatabase';
import type { Acknowledged } from './acknowledgedWrites';

/** No event twice: curation events by their id, an ingest by its document, a decision by its proposal. */
export async function expectNoEventTwice(pool: pg.Pool): Promise<void> {
  const twice = await pool.query(
    'SELECT id, count(*) FROM events WHERE id IS NOT NULL GROUP BY id HAVING count(*) > 1',
  );
  expect(twice.rows).toEqual([]);
  const decidedTwice = await pool.query(
    `SELECT kind, coalesce(body->'document'->>'id', body->>'proposal') AS key, count(*) FROM events
     WHERE id IS NULL GROUP BY 1, 2 HAVING count(*) > 1`,
  );
  expect(decidedTwice.rows).toEqual([]);
}

/** How many curation events (those with an id) the database holds: what GET /api/history must count. */
export async function curationEventCount(pool: pg.Pool): Promise<number> {
  return (await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM events WHERE id IS NOT NULL')).rows[0].n;
}

/** The database on its own: no event twice, and it loads with every acknowledged document and claim. */
export async function expectDatabaseHolds(url: string, acked: Acknowledged): Promise<void> {
  const pool = await connectDatabase(url, { max: 1 });
  try {
    await expectNoEventTwice(pool);
    const { rows } = await pool.query<{ kind: string }>('SELECT DISTINCT kind FROM events ORDER BY kind');
    expect(rows.map((r) => r.kind)).toEqual(
      expect.arrayContaining(['accept', 'addClaim', 'correctClaim', 'ingest', 'mergeEntities', 'reject']),
    );
    const { dataset } = await loadDatasetFromDatabase(pool, url, { onWarning: () => {} });
    for (const id of acked.documents) expect([id, dataset.documents.has(id)]).toEqual([id, true]);
    const claimIds = new Set(dataset.claims.map((c) => c.id));
    for (const { claimId } of acked.accepted.values())
      expect([claimId, claimIds.has(claimId)]).toEqual([claimId, true]);
    for (const [twin, allowed] of acked.merged)
      expect([twin, allowed.includes(dataset.redirects.has(twin) && !dataset.entities.has(twin))]).toEqual([
        twin,
        true,
      ]);
  } finally {
    await pool.end();
  }
}
