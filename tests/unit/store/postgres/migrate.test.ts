// The schema's migrations on a real PostgreSQL: applied once, in order, recorded in
// schema_migrations; run again, nothing; two at once take turns on the advisory lock; a
// database from a newer claimgraph is refused; a wrong URL names host, port and database.
import type pg from 'pg';
import {
  connectDatabase,
  DatabaseUnavailableError,
  describeDatabaseUrl,
} from '../../../../server/store/postgres/connect';
import { migrateDatabase, pendingMigrations, SchemaTooNewError } from '../../../../server/store/postgres/migrate';
import { MIGRATIONS } from '../../../../server/store/postgres/migrations';
import { freshDatabase, type FreshDatabase } from '../../../postgres/freshDatabase';

let database: FreshDatabase;
let pool: pg.Pool;
beforeEach(async () => {
  database = await freshDatabase('migrate');
  pool = await connectDatabase(database.url);
});
afterEach(async () => {
  await pool.end();
  await database.drop();
});

const TABLES = [
  'claims',
  'dataset_state',
  'document_originals',
  'documents',
  'entities',
  'events',
  'history',
  'judgements',
  'proposals',
  'record_files',
  'redirects',
  'schema_migrations',
  'users',
  'vocabulary',
];

async function tables(): Promise<string[]> {
  const result = await pool.query<{ name: string }>(
    "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
  );
  return result.rows.map((row) => row.name);
}

describe('migrateDatabase', () => {
  it('applies 001_initial and 002_record_files once and records them; a second run applies none', async () => {
    expect(await pendingMigrations(pool)).toEqual(MIGRATIONS);
    expect(await migrateDatabase(pool)).toEqual({
      applied: [
        { version: 1, name: '001_initial' },
        { version: 2, name: '002_record_files' },
      ],
      version: 2,
    });
    expect(await tables()).toEqual(TABLES);
    const recorded = await pool.query(
      'SELECT version, name, applied_at <= now() AS past FROM schema_migrations ORDER BY version',
    );
    expect(recorded.rows).toEqual([
      { version: 1, name: '001_initial', past: true },
      { version: 2, name: '002_record_files', past: true },
    ]);
    expect(await migrateDatabase(pool)).toEqual({ applied: [], version: 2 });
    expect(await pendingMigrations(pool)).toEqual([]);
  });

  it('applies later migrations in order after the ones already there', async () => {
    await migrateDatabase(pool);
    const later = [
      ...MIGRATIONS,
      { version: 11, name: '011_eleventh', sql: 'ALTER TABLE tenth ADD COLUMN b integer' },
      { version: 10, name: '010_tenth', sql: 'CREATE TABLE tenth (a integer)' },
    ];
    expect(await migrateDatabase(pool, later)).toEqual({
      applied: [
        { version: 10, name: '010_tenth' },
        { version: 11, name: '011_eleventh' },
      ],
      version: 11,
    });
    const columns = await pool.query(
      "SELECT column_name FROM information_schema.columns WHERE table_name = 'tenth' ORDER BY ordinal_position",
    );
    expect(columns.rows).toEqual([{ column_name: 'a' }, { column_name: 'b' }]);
  });

  it('leaves nothing of a migration that fails, the earlier ones of the same run included', async () => {
    const broken = [...MIGRATIONS, { version: 10, name: '010_broken', sql: 'CREATE TABLE claims (id text)' }];
    await expect(migrateDatabase(pool, broken)).rejects.toThrow('relation "claims" already exists');
    expect(await tables()).toEqual([]);
  });

  it('lets two servers migrating at once take turns: one applies, the other finds nothing to do', async () => {
    const other = await connectDatabase(database.url);
    try {
      const results = await Promise.all([migrateDatabase(pool), migrateDatabase(other)]);
      expect(results.map((r) => r.applied.length).sort()).toEqual([0, 2]);
      expect(results.map((r) => r.version)).toEqual([2, 2]);
    } finally {
      await other.end();
    }
  });

  it('refuses a database migrated by a newer claimgraph', async () => {
    await migrateDatabase(pool);
    await pool.query("INSERT INTO schema_migrations (version, name) VALUES (7, '007_future')");
    await expect(migrateDatabase(pool)).rejects.toThrow(
      new SchemaTooNewError(
        'the database has schema migration 7, which this claimgraph does not know: it was migrated by a newer claimgraph; upgrade this one',
      ),
    );
  });
});

describe('connectDatabase', () => {
  it('names the host, port and database it could not reach, never the password', async () => {
    const url = new URL(database.url);
    url.password = 's3cret';
    url.pathname = '/no_such_database';
    const error = await connectDatabase(url.toString()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseUnavailableError);
    expect((error as Error).message).toBe(
      `cannot connect to PostgreSQL at 127.0.0.1:${url.port}, database "no_such_database": database "no_such_database" does not exist`,
    );
  });

  it('describes socket URLs and default ports', () => {
    expect(describeDatabaseUrl('postgres://me@db.example.org/graph')).toBe('db.example.org:5432, database "graph"');
    expect(describeDatabaseUrl('postgresql:///graph?host=/var/run/postgresql')).toBe(
      '/var/run/postgresql:5432, database "graph"',
    );
  });
});
