// One writer per data folder. The server (or a CLI command that writes) holds
// `.claimgraph.lock` holding its process id; `compact` refuses to fold the journal while
// a live process holds it, because that process could append after the fold and lose the
// entry when the journal is emptied. A lock left by a killed process is taken over.
import fs from 'node:fs';
import path from 'node:path';

export const LOCK_FILE = '.claimgraph.lock';

export class DataFolderInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `the data folder ${dataDir} is in use by process ${pid} (a running claimgraph server?); stop it first, or delete ${path.join(dataDir, LOCK_FILE)} if no such process is claimgraph`,
    );
    this.name = 'DataFolderInUseError';
  }
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface DataFolderLock {
  release(): void;
}

export function lockDataFolder(dataDir: string): DataFolderLock {
  const file = path.join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(file, `${process.pid}\n`, { flag: 'wx' });
      return { release: () => releaseIfOurs(file) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = Number.parseInt(fs.readFileSync(file, 'utf8').trim(), 10);
    if (holder === process.pid) return { release: () => {} }; // re-entrant within one process (tests, reloads)
    if (Number.isInteger(holder) && holder > 0 && processIsAlive(holder)) throw new DataFolderInUseError(dataDir, holder);
    fs.rmSync(file, { force: true }); // stale: its process is gone
  }
  throw new Error(`could not take the lock ${file}`);
}

function releaseIfOurs(file: string): void {
  try {
    if (Number.parseInt(fs.readFileSync(file, 'utf8').trim(), 10) === process.pid) fs.rmSync(file, { force: true });
  } catch {
    // already gone
  }
}
