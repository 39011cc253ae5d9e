// The users of a database-backed claimgraph, in its `users` table: `claimgraph users …
// --database URL` applies the same changes as on a data folder (usersFile.ts: the rules and
// their messages are shared), in one transaction that locks the table so two commands never
// interleave; a running server reads the table again every second (watchDatabaseUsers), so
// a revoked token is refused within a second, without a restart.
import type pg from 'pg';
import type { UserRecord } from '../../model/access';
import { type UsersChange } from '../usersFile';
import { inTransaction } from './connect';

type UserRow = { name: string; role: UserRecord['role']; hash: string; created: string; revoked: string | null };

const SELECT_USERS =
  'SELECT name, role, token_sha256 AS hash, created_at AS created, revoked_at AS revoked FROM users ORDER BY position';

function recordOf(row: UserRow): UserRecord {
  return {
    name: row.name,
    role: row.role,
    tokenHash: row.hash,
    createdAt: row.created,
    ...(row.revoked !== null ? { revokedAt: row.revoked } : {}),
  };
}

/** Every user of the database, in the order they were added, revoked ones included. */
export async function readDatabaseUsers(db: pg.Pool | pg.PoolClient): Promise<UserRecord[]> {
  return (await db.query<UserRow>(SELECT_USERS)).rows.map(recordOf);
}

/** Applies `change` to the users table: new users are appended, changed ones updated, in one transaction. */
export async function changeDatabaseUsers<T>(pool: pg.Pool, change: UsersChange<T>): Promise<T> {
  return inTransaction(pool, async (client) => {
    await client.query('LOCK TABLE users IN EXCLUSIVE MODE');
    const before = await readDatabaseUsers(client);
    const { file, result } = change({ users: before });
    const known = new Map(before.map((user) => [user.name, user]));
    let position = (await client.query<{ next: number }>('SELECT coalesce(max(position), -1) + 1 AS next FROM users'))
      .rows[0].next;
    for (const user of file.users) {
      const old = known.get(user.name);
      if (!old)
        await client.query(
          'INSERT INTO users (name, role, token_sha256, created_at, revoked_at, position) VALUES ($1, $2, $3, $4, $5, $6)',
          [user.name, user.role, user.tokenHash, user.createdAt, user.revokedAt ?? null, position++],
        );
      else if (old.role !== user.role || old.revokedAt !== user.revokedAt)
        await client.query('UPDATE users SET role = $2, revoked_at = $3 WHERE name = $1', [
          user.name,
          user.role,
          user.revokedAt ?? null,
        ]);
    }
    return result;
  });
}

/**
 * Reads the users table every `everyMs` and hands each new list to `apply`; a failed read
 * (the database is away) keeps the users read before. Returns the function that stops it.
 */
export function watchDatabaseUsers(
  pool: pg.Pool,
  apply: (users: readonly UserRecord[]) => void,
  everyMs = 1000,
): () => void {
  let last = '';
  let reading = false;
  const timer = setInterval(() => {
    if (reading) return;
    reading = true;
    readDatabaseUsers(pool)
      .then((users) => {
        const text = JSON.stringify(users);
        if (text !== last) apply(users);
        last = text;
      })
      .catch(() => {})
      .finally(() => (reading = false));
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
