// Applies the schema's migrations (migrations.ts) that a database does not have yet, in
// order, in one transaction, recording each in schema_migrations. A transaction-scoped
// advisory lock makes two servers migrating the same database at once take turns: the
// second sees what the first applied and applies nothing.
import type pg from 'pg';
import { inTransaction } from './connect';
import { MIGRATIONS, type Migration } from './migrations';

/** The advisory lock's key: any constant of our own; two claimgraph processes agree on it. */
const MIGRATION_LOCK = 0x636c6169; // "clai"

/** A database migrated by a newer claimgraph: this one does not know its schema. */
export class SchemaTooNewError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SchemaTooNewError';
  }
}

export interface MigrationResult {
  applied: Array<Pick<Migration, 'version' | 'name'>>;
  /** The schema version after migrating. */
  version: number;
}

export async function migrateDatabase(
  pool: pg.Pool,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<MigrationResult> {
  return inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(
      `CREATE TABLE IF NOT EXISTS schema_migrations (
         version integer PRIMARY KEY,
         name text NOT NULL,
         applied_at timestamptz NOT NULL DEFAULT now()
       )`,
    );
    const done = new Set(
      (await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version),
    );
    const known = new Set(migrations.map((m) => m.version));
    const unknown = [...done].filter((version) => !known.has(version)).sort((a, b) => a - b);
    if (unknown.length > 0)
      throw new SchemaTooNewError(
        `the database has schema migration ${unknown.join(', ')}, which this claimgraph does not know: it was migrated by a newer claimgraph; upgrade this one`,
      );
    const applied: MigrationResult['applied'] = [];
    for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
      if (done.has(migration.version)) continue;
      await client.query(migration.sql);
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
      applied.push({ version: migration.version, name: migration.name });
    }
    return { applied, version: Math.max(0, ...done, ...applied.map((m) => m.version)) };
  });
}

/** Whether the schema is there and current: what a command that only reads needs. */
export async function pendingMigrations(
  pool: pg.Pool,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<Migration[]> {
  const exists = await pool.query<{ table: string | null }>("SELECT to_regclass('schema_migrations')::text AS table");
  if (exists.rows[0].table === null) return [...migrations];
  const done = new Set(
    (await pool.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version),
  );
  return migrations.filter((m) => !done.has(m.version));
}
