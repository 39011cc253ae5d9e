// Where the benchmarks keep their generated data and temporary files: outside git, under
// node_modules/.cache, so they survive between runs (generation is deterministic).
import path from 'node:path';
import { packageRoot } from '../../server/paths';

export const benchCacheDir = path.join(packageRoot, 'node_modules', '.cache', 'claimgraph-bench');
export const dataRoot = path.join(benchCacheDir, 'data');
export const scratchDir = path.join(benchCacheDir, 'scratch');
export const resultsFile = path.join(packageRoot, 'tests', 'bench', 'results.json');
/** The compiled child-process entry, beside this file once compiled. */
export const childEntry = path.join(__dirname, 'childTasks.js');
export const serverEntry = path.join(__dirname, '..', '..', 'server', 'index.js');
