// One writer per data folder. The server (or a CLI command that writes) holds
// `.claimgraph.lock` holding its process id; `compact` refuses to fold the journal while
// a live process holds it, because that process could append after the fold and lose the
// entry when the journal is emptied. A lock left by a killed process is taken over.
//
// Taking the lock is atomic, so that racing processes get exactly one holder:
// - a lock file appears whole or not at all: its content (pid and a random nonce) is
//   written to a temporary file of this process, which link() publishes under the lock's
//   name; link() fails if the name exists, so of several racers one wins;
// - a stale lock (its process is gone) is replaced only under the takeover lock
//   `.claimgraph.lock.takeover`, itself taken the same way: its holder checks that the
//   lock still holds the stale content it saw, then renames its own file over it. Racers
//   that saw the same stale lock find it replaced by then, and report the new holder. A
//   takeover lock left by a process killed mid-takeover is taken over the same way, one
//   level down.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const LOCK_FILE = '.claimgraph.lock';
const TAKEOVER_SUFFIX = '.takeover';
/** Takeover locks of takeover locks: each level needs a process killed inside the level above. */
const MAX_TAKEOVER_DEPTH = 3;
/** How long to wait for another process's takeover to finish (it takes microseconds). */
const TAKEOVER_WAIT_MS = 2000;

export class DataFolderInUseError extends Error {
  readonly dataDir: string;
  readonly pid: number;

  constructor(dataDir: string, pid: number) {
    super(
      `the data folder ${dataDir} is in use by process ${pid} (a running claimgraph server?); stop it first, or delete ${path.join(dataDir, LOCK_FILE)} if no such process is claimgraph`,
    );
    this.name = 'DataFolderInUseError';
    this.dataDir = dataDir;
    this.pid = pid;
  }
}

export function processIsAlive(pid: number): boolean {
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

/** The process id a lock file names; NaN for an empty or garbled one (a crash while an old version wrote it). */
function holderOf(content: string): number {
  return Number.parseInt(content.split('\n', 1)[0].trim(), 10);
}

function readIfPresent(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

export function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** A file of this process holding `content`, beside `file`; removed by the caller. */
function writeTemporary(file: string, content: string): string {
  const temporary = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    fs.writeFileSync(temporary, content, { flag: 'wx' });
  } catch (error) {
    fs.rmSync(temporary, { force: true }); // a full disk leaves it empty
    throw error;
  }
  return temporary;
}

/** Publishes `content` under `file` if nothing is there: true when it did. */
function publish(file: string, content: string): boolean {
  const temporary = writeTemporary(file, content);
  try {
    fs.linkSync(temporary, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    fs.rmSync(temporary, { force: true });
  }
}

/** Replaces `file` by `content` in one step (rename), whatever it holds. */
function replace(file: string, content: string): void {
  const temporary = writeTemporary(file, content);
  try {
    fs.renameSync(temporary, file);
  } finally {
    fs.rmSync(temporary, { force: true });
  }
}

function releaseIfOurs(file: string, content: string): void {
  // Only a takeover changes a lock that exists, and none takes a live process's lock.
  if (readIfPresent(file) === content) fs.rmSync(file, { force: true });
}

type Attempt = { taken: true } | { taken: false; holder: number };

/** The data folder locks this process published: it may lock a folder again (tests, reloads). */
const publishedHere = new Set<string>();

/**
 * Takes `file` for `content`. A live holder wins (`taken: false`), unless the lock is one
 * this process published and `reentrant` is set; one naming this process's id that it did
 * not publish is a previous process's that had the same id.
 */
function take(file: string, content: string, depth: number, reentrant: boolean): Attempt {
  if (depth > MAX_TAKEOVER_DEPTH)
    throw new Error(`could not take the lock ${file}: too many takeover locks left by killed processes`);
  const deadline = Date.now() + TAKEOVER_WAIT_MS;
  for (;;) {
    if (publish(file, content)) return { taken: true };
    const seen = readIfPresent(file);
    if (seen === undefined) continue; // released meanwhile: try again
    const holder = holderOf(seen);
    if (holder === process.pid && reentrant && publishedHere.has(seen)) return { taken: true };
    if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && processIsAlive(holder))
      return { taken: false, holder };

    // Stale: replace it, under the takeover lock, if it still holds what we saw.
    const takeover = `${file}${TAKEOVER_SUFFIX}`;
    const ours = `${process.pid}\n${randomBytes(8).toString('hex')}\n`;
    const taken = take(takeover, ours, depth + 1, false);
    if (!taken.taken) {
      if (Date.now() > deadline)
        throw new Error(
          `could not take the lock ${file}: process ${taken.holder} holds ${takeover} for longer than ${TAKEOVER_WAIT_MS} ms`,
        );
      sleep(1);
      continue; // another process is taking it over; see who holds it then
    }
    try {
      if (readIfPresent(file) === seen) {
        replace(file, content);
        return { taken: true };
      }
    } finally {
      releaseIfOurs(takeover, ours);
    }
  }
}

/** Temporary files of processes that were killed between writing and removing them. */
function removeLeftTemporaries(dataDir: string): void {
  for (const name of fs.readdirSync(dataDir)) {
    const match = /^\.claimgraph\.lock(?:\.takeover)*\.(\d+)\.[0-9a-f]+\.tmp$/.exec(name);
    if (!match) continue;
    const pid = Number(match[1]);
    if (pid !== process.pid && !processIsAlive(pid)) fs.rmSync(path.join(dataDir, name), { force: true });
  }
}

export function lockDataFolder(dataDir: string): DataFolderLock {
  const file = path.join(dataDir, LOCK_FILE);
  const content = `${process.pid}\n${randomBytes(8).toString('hex')}\n`;
  const attempt = take(file, content, 0, true);
  if (!attempt.taken) throw new DataFolderInUseError(dataDir, attempt.holder);
  // Re-entrant: the first taker's content is there, and only it releases the lock.
  if (readIfPresent(file) !== content) return { release: () => {} };
  publishedHere.add(content);
  removeLeftTemporaries(dataDir);
  return {
    release: () => {
      releaseIfOurs(file, content);
      publishedHere.delete(content);
    },
  };
}
