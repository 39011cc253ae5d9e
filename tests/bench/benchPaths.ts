// Where the benchmarks keep their generated data and temporary files: outside git, under
// node_modules/.cache, so they survive between runs (generation is deterministic).
import fs from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../../server/paths';

export const benchCacheDir = path.join(packageRoot, 'node_modules', '.cache', 'claimgraph-bench');
export const dataRoot = path.join(benchCacheDir, 'data');
export const scratchDir = path.join(benchCacheDir, 'scratch');
export const resultsFile = path.join(packageRoot, 'tests', 'bench', 'results.json');
/** The compiled child-process entry, beside this file once compiled. */
export const childEntry = path.join(__dirname, 'childTasks.js');
export const serverEntry = path.join(__dirname, '..', '..', 'server', 'index.js');

/**
 * The Node flags `npm start` gives the server (package.json's start script), so the
 * benchmark measures the server as users run it.
 */
export function serverNodeFlags(): string[] {
  const start = (
    JSON.parse(fs.readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as { scripts: { start: string } }
  ).scripts.start;
  const match = /\bnode((?:\s+--\S+)*)\s+dist\/server\/index\.js/.exec(start);
  if (!match) throw new Error(`package.json's start script does not run "node [flags] dist/server/index.js": ${start}`);
  return match[1]
    .trim()
    .split(/\s+/)
    .filter((flag) => flag !== '');
}
