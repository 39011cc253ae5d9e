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
