// The benchmark datasets: generated once per (entities, claims, seed) and kept, since
// `claimgraph generate` is deterministic. A marker file says a folder is complete.
import fs from 'node:fs';
import path from 'node:path';
import { generateDataFolder } from '../../server/generate/generateDataFolder';
import { dataRoot } from './benchPaths';

export interface BenchDataset {
  entities: number;
  claims: number;
  dir: string;
}

export function ensureDataset(entities: number, claims: number, seed = 1): BenchDataset {
  const name = `e${entities}-c${claims}-s${seed}`;
  const dir = path.join(dataRoot, name);
  const marker = path.join(dataRoot, `${name}.complete`);
  if (!fs.existsSync(marker)) {
    fs.rmSync(dir, { recursive: true, force: true });
    const started = Date.now();
    generateDataFolder({ entities, claims, seed, outDir: dir });
    fs.writeFileSync(marker, `${Date.now() - started} ms\n`);
  }
  return { entities, claims, dir };
}
