// Changes the data folder's users file for `claimgraph users`: add a user (a new random
// token, printed once; only its SHA-256 is kept), change a role, revoke a token. These run
// while a server serves the same folder: they never take the data folder's lock (the
// server holds it) and never touch the journal; the file is replaced atomically, so the
// server, which re-reads it when it changes, sees the old file or the new one. Two
// commands at once are kept apart by a short lock of their own (users.json.lock).
import crypto from 'node:crypto';
import fs from 'node:fs';
import { readUsersFile, usersPath } from '../load';
import { userNameSchema, type Role, type UserRecord, type UsersFile } from '../model/access';
import { writeFileAtomic } from './atomicFile';
import { processIsAlive, sleep } from './dataFolderLock';

/** How long a command waits for another one's change of the users file (they take milliseconds). */
const LOCK_WAIT_MS = 5000;

export class UsersChangeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsersChangeError';
  }
}

/** The SHA-256 a token is kept as. */
export function tokenHash(token: string): string {
  return crypto.createHash('sha256').update(token, 'utf8').digest('hex');
}

/** 256 random bits, as text that survives copying from a terminal: `cg_` and base64url. */
export function newToken(): string {
  return `cg_${crypto.randomBytes(32).toString('base64url')}`;
}

/** Runs `change` on the users file under users.json.lock, and writes what it returns. */
export function changeUsersFile<T>(dataDir: string, change: UsersChange<T>): T {
  if (!fs.existsSync(dataDir)) throw new UsersChangeError(`${dataDir}: no such data folder`);
  const lock = `${usersPath(dataDir)}.lock`;
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      fs.writeFileSync(lock, `${process.pid}\n`, { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number.parseInt(fs.readFileSync(lock, 'utf8'), 10);
      if (Number.isFinite(holder) && !processIsAlive(holder)) fs.rmSync(lock, { force: true });
      else if (Date.now() > deadline)
        throw new UsersChangeError(`${lock}: another claimgraph users command (process ${holder}) holds it; retry`);
      else sleep(20);
    }
  }
  try {
    const { file, result } = change(readUsersFile(dataDir));
    writeFileAtomic(usersPath(dataDir), `${JSON.stringify(file, null, 2)}\n`);
    return result;
  } finally {
    fs.rmSync(lock, { force: true });
  }
}

function checkName(name: string): void {
  const parsed = userNameSchema.safeParse(name);
  if (!parsed.success) throw new UsersChangeError(`user name "${name}": ${parsed.error.issues[0].message}`);
}

function find(file: UsersFile, name: string): UserRecord {
  const user = file.users.find((u) => u.name === name);
  if (!user) throw new UsersChangeError(`no user "${name}"; \`claimgraph users list\` shows who exists`);
  return user;
}

/** A change to the users, as a pure function of them: the data folder and the database apply the same ones. */
export type UsersChange<T> = (file: UsersFile) => { file: UsersFile; result: T };

/** Adding a user: the token it returns is the only time it is ever seen. */
export function adding(name: string, role: Role, now = new Date()): UsersChange<{ user: UserRecord; token: string }> {
  checkName(name);
  return (file) => {
    if (file.users.some((u) => u.name === name))
      throw new UsersChangeError(`user "${name}" exists already; revoke them or choose another name`);
    const token = newToken();
    const user: UserRecord = { name, role, tokenHash: tokenHash(token), createdAt: now.toISOString() };
    return { file: { users: [...file.users, user] }, result: { user, token } };
  };
}

export function settingRole(name: string, role: Role): UsersChange<UserRecord> {
  return (file) => {
    const user = find(file, name);
    if (user.revokedAt !== undefined) throw new UsersChangeError(`user "${name}" was revoked; add a new user instead`);
    const changed = { ...user, role };
    return { file: { users: file.users.map((u) => (u === user ? changed : u)) }, result: changed };
  };
}

/** Revoking a user's token: the server refuses it from its next request on. Revoking again is harmless. */
export function revoking(name: string, now = new Date()): UsersChange<UserRecord> {
  return (file) => {
    const user = find(file, name);
    if (user.revokedAt !== undefined) return { file, result: user };
    const changed = { ...user, revokedAt: now.toISOString() };
    return { file: { users: file.users.map((u) => (u === user ? changed : u)) }, result: changed };
  };
}

/** Adds a user to the data folder and returns their token: the only time it is ever seen. */
export function addUser(
  dataDir: string,
  name: string,
  role: Role,
  now = new Date(),
): { user: UserRecord; token: string } {
  return changeUsersFile(dataDir, adding(name, role, now));
}

export function setRole(dataDir: string, name: string, role: Role): UserRecord {
  return changeUsersFile(dataDir, settingRole(name, role));
}

export function revokeUser(dataDir: string, name: string, now = new Date()): UserRecord {
  return changeUsersFile(dataDir, revoking(name, now));
}
