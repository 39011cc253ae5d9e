// `claimgraph users …`: who may read and write the data folder. `add` makes a user with a
// role and prints their token once (on standard output alone, so `TOKEN=$(claimgraph users
// add …)` keeps it; the folder keeps only its SHA-256); `list`, `set-role` and `revoke`
// change nothing else. They work while a server serves the folder: it re-reads the users
// file when it changes, so a revoked token is refused from its next request.
import { resolveDataDir } from '../../config';
import { readUsersFile } from '../../load';
import { ROLES, type Role } from '../../model/access';
import { addUser, revokeUser, setRole } from '../../store/usersFile';
import { parseFlags, UsageError, type CliIo, type Command } from '../command';

const USAGE = [
  'claimgraph users add NAME --role reader|editor|admin [--data DIR]',
  '       claimgraph users list [--data DIR]',
  '       claimgraph users set-role NAME --role reader|editor|admin [--data DIR]',
  '       claimgraph users revoke NAME [--data DIR]',
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

function listUsers(dataDir: string, io: CliIo): void {
  const { users } = readUsersFile(dataDir);
  if (users.length === 0) io.out('no users; `claimgraph users add NAME --role editor` makes one');
  for (const user of users) {
    const revoked = user.revokedAt !== undefined ? `  revoked ${user.revokedAt}` : '';
    io.out(`${user.name}  ${user.role}  added ${user.createdAt}${revoked}`);
  }
}

function runAction(dataDir: string, action: string, rest: string[], role: string | undefined, io: CliIo): void {
  if (action === 'list') {
    if (rest.length !== 0) throw new UsageError('users list: takes no arguments');
    listUsers(dataDir, io);
  } else if (action === 'add') {
    const { user, token } = addUser(dataDir, one(action, rest), parseRole(role));
    io.err(`claimgraph users: added ${user.name} (${user.role}); their token, shown this once:`);
    io.out(token);
  } else if (action === 'set-role') {
    const user = setRole(dataDir, one(action, rest), parseRole(role));
    io.out(`${user.name} is now ${user.role === 'admin' ? 'an' : 'a'} ${user.role}`);
  } else if (action === 'revoke') {
    const user = revokeUser(dataDir, one(action, rest));
    io.out(`${user.name}'s token is revoked (${user.revokedAt}); a running server refuses it from its next request`);
  } else throw new UsageError(`unknown users action "${action}"; expected add, list, set-role or revoke`);
}

export const usersCommand: Command = {
  name: 'users',
  summary: 'add users with a role (their token is printed once), list them, change a role, revoke a token',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseFlags(args, { data: { type: 'string' }, role: { type: 'string' } }, true);
    const [action, ...rest] = positionals;
    if (action === undefined) throw new UsageError('the action is missing: add, list, set-role or revoke');
    runAction(resolveDataDir(values.data), action, rest, values.role, io);
    return 0;
  },
};
