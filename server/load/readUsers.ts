// Reads the data folder's users file (users.json), written by `claimgraph users`. An
// absent file is no users; a broken one is an error naming the file and the field, so a
// server never starts with fewer users (or other roles) than the file says.
import fs from 'node:fs';
import path from 'node:path';
import { usersFileSchema, type UsersFile } from '../model/access';

export const USERS_FILE = 'users.json';

export function usersPath(dataDir: string): string {
  return path.join(dataDir, USERS_FILE);
}

export class UsersFileError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
    this.name = 'UsersFileError';
  }
}

/** The users file's contents, or no users when it does not exist. */
export function readUsersFile(dataDir: string): UsersFile {
  const file = usersPath(dataDir);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { users: [] };
    throw error;
  }
  return parseUsersFile(file, text);
}

export function parseUsersFile(file: string, text: string): UsersFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UsersFileError(file, `not valid JSON: ${(error as Error).message}`);
  }
  const parsed = usersFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsersFileError(file, `${issue.path.join('.') || '(file)'}: ${issue.message}`);
  }
  const seen = new Set<string>();
  for (const [index, user] of parsed.data.users.entries()) {
    if (seen.has(user.name)) throw new UsersFileError(file, `users.${index}.name: "${user.name}" is listed twice`);
    seen.add(user.name);
  }
  return parsed.data;
}
