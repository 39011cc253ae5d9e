// `claimgraph users …`: who may read and write the data folder. `add` makes a user with a
// role and prints their token once (on standard output alone, so `TOKEN=$(claimgraph users
// add …)` keeps it; the folder keeps only its SHA-256); `list`, `set-role` and `revoke`
// change nothing else. They work while a server serves the folder: it re-reads the users
// file when it changes, so a revoked token is refused from its next request. With
// --database (or CLAIMGRAPH_DATABASE_URL) they change the database's users table the same
// way, and every server on it reads the table again within a second.
import { resolveDataDir } from '../../config';
import { readUsersFile } from '../../load';
import { ROLES, type Role, type UserRecord } from '../../model/access';
import { connectDatabase } from '../../store/postgres/connect';
import { changeDatabaseUsers, readDatabaseUsers } from '../../store/postgres/usersTable';
import { adding, changeUsersFile, revoking, settingRole, type UsersChange } from '../../store/usersFile';
import { parseFlags, UsageError, type CliIo, type Command } from '../command';
import { databaseUrlOf } from './db';

/** Where the users are: the data folder's users.json, or the database's users table. */
interface UsersPlace {
  list(): Promise<readonly UserRecord[]>;
  change<T>(change: UsersChange<T>): Promise<T>;
  close(): Promise<void>;
}

async function usersPlace(dataDir: string, databaseUrl: string | undefined): Promise<UsersPlace> {
  if (databaseUrl === undefined)
    return {
      list: async () => readUsersFile(dataDir).users,
      change: async (change) => changeUsersFile(dataDir, change),
      close: async () => {},
    };
  const pool = await connectDatabase(databaseUrl, { max: 1 });
  return {
    list: () => readDatabaseUsers(pool),
    change: (change) => changeDatabaseUsers(pool, change),
    close: () => pool.end(),
  };
}

const USAGE = [
  'claimgraph users add NAME --role reader|editor|admin [--data DIR | --database URL]',
  '       claimgraph users list [--data DIR | --database URL]',
  '       claimgraph users set-role NAME --role reader|editor|admin [--data DIR | --database URL]',
  '       claimgraph users revoke NAME [--data DIR | --database URL]',
].join('\n');

function parseRole(text: string | undefined): Role {
  if (text === undefined) throw new UsageError(`--role is required: one of ${ROLES.join(', ')}`);
  if (!(ROLES as readonly string[]).includes(text))
    throw new UsageError(`--role: expected one of ${ROLES.join(', ')}, not "${text}"`);
  return text as Role;
}

function one(action: string, rest: string[]): string {
  if (rest.length !== 1) throw new UsageError(`users ${action}: expected one user name`);
  return rest[0];
}

async function listUsers(place: UsersPlace, io: CliIo): Promise<void> {
  const users = await place.list();
  if (users.length === 0) io.out('no users; `claimgraph users add NAME --role editor` makes one');
  for (const user of users) {
    const revoked = user.revokedAt !== undefined ? `  revoked ${user.revokedAt}` : '';
    io.out(`${user.name}  ${user.role}  added ${user.createdAt}${revoked}`);
  }
}

async function runAction(
  place: UsersPlace,
  action: string,
  rest: string[],
  role: string | undefined,
  io: CliIo,
): Promise<void> {
  if (action === 'list') {
    if (rest.length !== 0) throw new UsageError('users list: takes no arguments');
    await listUsers(place, io);
  } else if (action === 'add') {
    const { user, token } = await place.change(adding(one(action, rest), parseRole(role)));
    io.err(`claimgraph users: added ${user.name} (${user.role}); their token, shown this once:`);
    io.out(token);
  } else if (action === 'set-role') {
    const user = await place.change(settingRole(one(action, rest), parseRole(role)));
    io.out(`${user.name} is now ${/^[aeiou]/.test(user.role) ? 'an' : 'a'} ${user.role}`);
  } else if (action === 'revoke') {
    const user = await place.change(revoking(one(action, rest)));
    io.out(`${user.name}'s token is revoked (${user.revokedAt}); a running server refuses it from its next request`);
  } else throw new UsageError(`unknown users action "${action}"; expected add, list, set-role or revoke`);
}

export const usersCommand: Command = {
  name: 'users',
  summary: 'add users with a role (their token is printed once), list them, change a role, revoke a token',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseFlags(
      args,
      { data: { type: 'string' }, database: { type: 'string' }, role: { type: 'string' } },
      true,
    );
    const [action, ...rest] = positionals;
    if (action === undefined) throw new UsageError('the action is missing: add, list, set-role or revoke');
    const databaseUrl = databaseUrlOf(values.database);
    if (databaseUrl !== undefined && values.data !== undefined)
      throw new UsageError('give --data DIR or --database URL, not both');
    const place = await usersPlace(resolveDataDir(values.data), databaseUrl);
    try {
      await runAction(place, action, rest, values.role, io);
    } finally {
      await place.close();
    }
    return 0;
  },
};
