// Where things are: the package root (for the default data folder and vocabulary) and
// the layout cache, which lives outside git under node_modules/.cache by default.
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

/** The data folder from --data, then CLAIMGRAPH_DATA, then the embedded graph-data/. */
export function resolveDataDir(flag?: string): string {
  return path.resolve(flag ?? process.env.CLAIMGRAPH_DATA ?? defaultDataDir);
}

export function cacheDir(): string {
  return path.resolve(process.env.CLAIMGRAPH_CACHE_DIR ?? path.join(packageRoot, 'node_modules', '.cache', 'claimgraph'));
}
