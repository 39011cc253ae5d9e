// The one line a user reads for a file or folder problem they can fix: Node's system
// errors (ENOENT, EACCES, EISDIR, ENOTDIR…) carry the path and the call ("open",
// "scandir"), and their own message ("ENOENT: no such file or directory, open 'x'") says
// nothing about what to do. This turns them into "PATH: what is wrong; what to do".
import fs from 'node:fs';
import path from 'node:path';

type SystemError = NodeJS.ErrnoException & { path?: string };

/** The nearest folder above `file` that does not exist, or undefined when its folder exists. */
function missingFolderAbove(file: string): string | undefined {
  let missing: string | undefined;
  for (let dir = path.dirname(path.resolve(file)); !fs.existsSync(dir); dir = path.dirname(dir)) missing = dir;
  return missing;
}

/** What to tell about one system error; undefined when it is not one about a path. */
export function describeSystemError(error: unknown): string | undefined {
  const e = error as SystemError | undefined;
  if (!e || typeof e.code !== 'string' || typeof e.path !== 'string') return undefined;
  const where = e.path;
  const parent = path.dirname(path.resolve(where));
  switch (e.code) {
    case 'ENOENT': {
      const missing = missingFolderAbove(where);
      return missing === undefined
        ? `${where}: no such file or folder; check the path`
        : `${where}: the folder ${missing} does not exist; check the path (or create the folder first)`;
    }
    case 'ENOTDIR':
      return `${where}: a part of this path is a file, not a folder; check the path`;
    case 'EISDIR':
      return `${where}: is a folder, not a file; give a file inside it`;
    case 'EACCES':
    case 'EPERM':
      return `${where}: permission denied; check who owns it and its permissions (ls -l ${parent})`;
    case 'EROFS':
      return `${where}: the file system is read-only; give a path on a writable one`;
    case 'ENOSPC':
    case 'EDQUOT':
      return `${where}: the disk is full; free some space and run the command again`;
    case 'ENAMETOOLONG':
      return `${where}: the path is too long; give a shorter one`;
    case 'ELOOP':
      return `${where}: too many symbolic links; check where the path points`;
    default:
      return undefined;
  }
}

/** The line a user reads for an error the exit code table knows: a path problem told as above, else its own message. */
export function userMessage(error: unknown): string {
  return describeSystemError(error) ?? (error as Error).message;
}
