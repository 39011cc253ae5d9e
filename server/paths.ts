// Where things are: the package root, the embedded data folder and its vocabulary. The
// data folder and the layout cache a process uses are settings (server/config.ts).
import fs from 'node:fs';
import path from 'node:path';

function findPackageRoot(start: string): string {
  let dir = start;
  for (;;) {
    const candidate = path.join(dir, 'package.json');
    if (fs.existsSync(candidate)) {
      try {
        if (JSON.parse(fs.readFileSync(candidate, 'utf8')).name === 'claimgraph') return dir;
      } catch {
        // not ours; keep walking up
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`cannot find the claimgraph package root above ${start}`);
    dir = parent;
  }
}

export const packageRoot = findPackageRoot(__dirname);
export const defaultDataDir = path.join(packageRoot, 'graph-data');
export const defaultVocabularyFile = path.join(defaultDataDir, 'vocabulary.json');

/**
 * claimgraph's own files about a data folder, inside it: the layout cache (unless
 * CLAIMGRAPH_CACHE_DIR says otherwise) and the marks of the servers reading it. Never
 * data: safe to delete, and ignored by git through the .gitignore written into it.
 */
export const STATE_FOLDER = '.claimgraph';

export function stateFolder(dataDir: string): string {
  return path.join(dataDir, STATE_FOLDER);
}

/** Creates `dataDir/.claimgraph/<sub>` with the folder's .gitignore; throws what mkdir throws (a read-only folder). */
export function ensureStateFolder(dataDir: string, sub: string): string {
  const folder = stateFolder(dataDir);
  const dir = path.join(folder, sub);
  fs.mkdirSync(dir, { recursive: true });
  const gitignore = path.join(folder, '.gitignore');
  if (!fs.existsSync(gitignore))
    fs.writeFileSync(gitignore, "# claimgraph's caches and server marks: never data, never committed\n*\n");
  return dir;
}
