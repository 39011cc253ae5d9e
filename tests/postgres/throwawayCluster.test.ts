// The tests' PostgreSQL: the cluster globalSetup.ts started (or the one
// CLAIMGRAPH_TEST_DATABASE_URL names) answers, with fsync on, and freshDatabase gives each
// caller its own empty database and drops it. A machine without PostgreSQL fails with
// the message that says how to install it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { freshDatabase } from './freshDatabase';
import { findPostgresBin, POSTGRES_MISSING } from './throwawayCluster';

async function query<T>(url: string, sql: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

describe('the test cluster', () => {
  it('finds PostgreSQL where Debian puts it, and fails with the install command where there is none', () => {
    expect(fs.existsSync(path.join(findPostgresBin(), 'initdb'))).toBe(true);
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-no-pg-'));
    try {
      expect(() => findPostgresBin([empty, path.join(empty, 'absent')], empty)).toThrow(new Error(POSTGRES_MISSING));
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
    expect(POSTGRES_MISSING).toBe(
      'PostgreSQL is not installed: the store tests need it (Debian: apt-get install -y postgresql)',
    );
  });

  it('gives each caller a new empty database with fsync on, and drops it', async () => {
    const first = await freshDatabase('cluster test');
    const second = await freshDatabase('cluster test');
    try {
      expect(first.name).not.toBe(second.name);
      expect(first.name).toMatch(/^claimgraph_cluster_test_\d+_\d+_[0-9a-f]{6}$/);
      expect(await query(first.url, 'SHOW fsync')).toEqual([{ fsync: 'on' }]);
      expect(await query(first.url, 'SELECT current_database() AS name')).toEqual([{ name: first.name }]);
      expect(
        await query(first.url, "SELECT count(*)::int AS tables FROM pg_tables WHERE schemaname = 'public'"),
      ).toEqual([{ tables: 0 }]);
    } finally {
      await first.drop();
      await second.drop();
    }
    const left = await query<{ datname: string }>(
      process.env.CLAIMGRAPH_TEST_DATABASE_URL!,
      `SELECT datname FROM pg_database WHERE datname IN ('${first.name}', '${second.name}')`,
    );
    expect(left).toEqual([]);
  });
});
