// A server without writes holds no lock (several may read one folder), but `ingest`,
// `curate` and `compact` must know it is there: they change files it has loaded, and it
// would not see the change, or would serve half of a compaction after a restart. Each such
// server leaves a mark, `.claimgraph/readers/<pid>-<nonce>`, naming its process and the
// folder's real path (a copied folder carries the marks of the original, which are then
// not its own). Writers from the command line refuse while a live process has a mark.
// Best effort: a read-only folder takes no mark, and then nothing can write into it either.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ensureStateFolder, stateFolder } from '../paths';
import { DataFolderInUseError, type DataFolderLock } from './dataFolderLock';

const READERS = 'readers';

/** The folder is served by a server without writes; the CLI's writers wait until it stops. */
export class DataFolderServedError extends DataFolderInUseError {
  readonly mark: string;

  constructor(dataDir: string, pid: number, mark: string) {
    super(dataDir, pid);
    this.name = 'DataFolderServedError';
    this.mark = mark;
    this.message = `the data folder ${dataDir} is being served by process ${pid} (a claimgraph server without writes), which would not see this change; stop it first and start it again after, or delete ${mark} if no such process is claimgraph`;
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

function realPath(dataDir: string): string {
  try {
    return fs.realpathSync(dataDir);
  } catch {
    return path.resolve(dataDir);
  }
}

/** Marks `dataDir` as served by this process until release(); a folder that cannot take the mark is served unmarked. */
export function markServedReadOnly(dataDir: string): DataFolderLock & { marked: boolean } {
  let file: string;
  const content = `${process.pid}\n${realPath(dataDir)}\n`;
  try {
    file = path.join(ensureStateFolder(dataDir, READERS), `${process.pid}-${randomBytes(6).toString('hex')}`);
    fs.writeFileSync(file, content, { flag: 'wx' });
  } catch {
    return { release: () => {}, marked: false };
  }
  return {
    marked: true,
    release: () => {
      try {
        if (fs.readFileSync(file, 'utf8') === content) fs.rmSync(file, { force: true });
      } catch {
        // already gone
      }
    },
  };
}

/** The live processes other than this one that mark `dataDir` as served; marks of dead ones are removed. */
export function liveReaders(dataDir: string): Array<{ pid: number; mark: string }> {
  const dir = path.join(stateFolder(dataDir), READERS);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const here = realPath(dataDir);
  const live: Array<{ pid: number; mark: string }> = [];
  for (const name of names.sort()) {
    const mark = path.join(dir, name);
    let lines: string[];
    try {
      lines = fs.readFileSync(mark, 'utf8').split('\n');
    } catch {
      continue;
    }
    const pid = Number.parseInt(lines[0], 10);
    if (lines[1] !== here || pid === process.pid) continue;
    if (Number.isInteger(pid) && pid > 0 && processIsAlive(pid)) live.push({ pid, mark });
    else fs.rmSync(mark, { force: true });
  }
  return live;
}

/** Throws DataFolderServedError when a live server without writes serves `dataDir`. */
export function refuseWhileServed(dataDir: string): void {
  const [reader] = liveReaders(dataDir);
  if (reader) throw new DataFolderServedError(dataDir, reader.pid, reader.mark);
}
