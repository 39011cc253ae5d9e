// What a start-up cache is keyed by, so that it can never stand for other data than the
// folder holds now. The key is made of (relative path, size, mtime in ns, ctime in ns,
// inode) of every file and folder of the data folder, not of a hash of their contents:
// hashing the 480 MB of a 100k-entity folder would cost a second of the few a warm start
// may take, and the stats of its 50,000 files cost a fraction of that. ctime is what
// makes this safe: the system sets it on every change to a file's content or metadata
// and nobody can set it back (a restored mtime, `touch -d`, a copy that keeps times
// still move it; a copied or restored folder has new inodes too). A write through the
// server appends to journal.jsonl, so it changes the key. Left out: claimgraph's own
// state (`.claimgraph/`, the lock `.claimgraph.lock`), users.json (who may write, read
// apart from the data) and `.git`. The code that turns files into the dataset is part of
// the key by content (the package version alone would not change between two builds
// of a working copy), with the package version and the cache's format version.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { defaultVocabularyFile, packageRoot, STATE_FOLDER } from '../../paths';

/** Bump when what the cache holds, or how, changes. */
export const STARTUP_CACHE_FORMAT = 2;

/** Entries of the data folder that are not data: claimgraph's own state, who may write, and git's. */
function isLeftOut(relative: string): boolean {
  return (
    relative === STATE_FOLDER ||
    relative.startsWith(`${STATE_FOLDER}.lock`) ||
    relative === 'users.json' ||
    relative === '.git'
  );
}

function statLine(relative: string, absolute: string): string {
  const stat = fs.statSync(absolute, { bigint: true });
  return `${relative}\0${stat.isDirectory() ? 'd' : 'f'}\0${stat.size}\0${stat.mtimeNs}\0${stat.ctimeNs}\0${stat.ino}\0${stat.dev}\n`;
}

/** Every file and folder under `relative`, in name order, as stat lines. */
function* treeLines(root: string, relative: string): Generator<string> {
  const absolute = relative === '' ? root : path.join(root, relative);
  const entries = fs.readdirSync(absolute, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const entry of entries) {
    const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
    if (relative === '' && isLeftOut(entry.name)) continue;
    const childPath = path.join(absolute, entry.name);
    yield statLine(child, childPath);
    const isFolder = entry.isDirectory() || (entry.isSymbolicLink() && fs.statSync(childPath).isDirectory());
    if (isFolder) yield* treeLines(root, child);
  }
}

/** The code that reads, checks and resolves the data, and builds the graph, by content. */
function codeHash(): string {
  const hash = crypto.createHash('sha256');
  const server = path.join(__dirname, '..', '..');
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (/\.(js|ts)$/.test(entry.name))
        hash.update(`${path.relative(server, file)}\0`).update(fs.readFileSync(file));
    }
  };
  for (const part of ['load', 'graph', 'model']) walk(path.join(server, part));
  return hash.digest('hex');
}

let code: string | undefined;

/** The hash, fed with everything but the data folder's own stat lines. */
function keyHash(dataDir: string): crypto.Hash {
  const hash = crypto.createHash('sha256');
  const version = (JSON.parse(fs.readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as { version: string })
    .version;
  code ??= codeHash();
  hash.update(`claimgraph ${version}\0format ${STARTUP_CACHE_FORMAT}\0code ${code}\0${path.resolve(dataDir)}\n`);
  hash.update(statLine('(default vocabulary)', defaultVocabularyFile));
  return hash;
}

/**
 * The key of the data folder `dataDir` as it is now; take it before reading the data,
 * so a file changed while it is read makes a key that the next start does not find.
 */
export function startupKey(dataDir: string): string {
  const hash = keyHash(dataDir);
  for (const line of treeLines(dataDir, '')) hash.update(line);
  return hash.digest('hex');
}

/** Stat lines between two turns of the event loop when the key is taken while the server answers. */
const LINES_PER_TURN = 256;

/**
 * The same key, taken while a server answers requests (the cache writer): the event loop
 * turns every LINES_PER_TURN files, so 50,000 stats never hold a request for their whole run.
 */
export async function startupKeyBetweenRequests(dataDir: string): Promise<string> {
  const hash = keyHash(dataDir);
  let lines = 0;
  for (const line of treeLines(dataDir, '')) {
    hash.update(line);
    if (++lines % LINES_PER_TURN === 0) await nextTurn();
  }
  return hash.digest('hex');
}
