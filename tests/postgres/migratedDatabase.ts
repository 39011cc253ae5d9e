// A fresh database (freshDatabase.ts) with claimgraph's schema migrated in: what a server
// writing to PostgreSQL opens. Dropped after the test file.
import { connectDatabase } from '../../server/store/postgres/connect';
import { migrateDatabase } from '../../server/store/postgres/migrate';
import { freshDatabase, type FreshDatabase } from './freshDatabase';

const made: FreshDatabase[] = [];
afterAll(async () => {
  for (const database of made.splice(0)) await database.drop();
});

/** Migrates the schema into the database at `url`. */
export async function migrate(url: string): Promise<void> {
  const pool = await connectDatabase(url);
  try {
    await migrateDatabase(pool);
  } finally {
    await pool.end();
  }
}

export async function migratedDatabase(label: string): Promise<string> {
  const database = await freshDatabase(label);
  made.push(database);
  await migrate(database.url);
  return database.url;
}
