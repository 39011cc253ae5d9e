// `npm run bench:xref -- [SIZES]` (default 20000,100000): the cross-reference of duplicate
// candidates over a generated folder (`claimgraph generate`, kept like the main bench's
// datasets), step by step: load, build the graph, build the blocking index, score the
// candidate pairs. Prints wall and CPU time of each step (the machine may be loaded: CPU
// time is the steadier figure) and how many pairs were scored and kept.
import { buildGraph } from '../../server/graph/buildGraph';
import { loadDataset } from '../../server/load';
import { buildDuplicateIndex, candidatesOf } from '../../server/queries/duplicateIndex';
import { crossReference } from '../../server/queries/duplicates';
import { ensureDataset } from './datasets';

function step<T>(name: string, run: () => T): T {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  const value = run();
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  process.stdout.write(`  ${name}: ${(performance.now() - wall).toFixed(0)} ms wall, ${cpuMs.toFixed(0)} ms CPU\n`);
  return value;
}

const sizes = (process.argv[2] ?? '20000,100000').split(',').map(Number);
for (const entities of sizes) {
  const dataset = ensureDataset(entities, entities * 10);
  process.stdout.write(`${entities} entities (${dataset.dir})\n`);
  const loaded = step('load', () => loadDataset(dataset.dir, { onWarning: () => {} }));
  const graph = step('build graph', () => buildGraph(loaded));
  const index = step('blocking index', () => buildDuplicateIndex(graph));
  let compared = 0;
  index.entries.forEach((_entry, at) => (compared += candidatesOf(index, at, at).size));
  const result = step('cross-reference', () => crossReference(graph, index, { limit: 50 }));
  process.stdout.write(`  ${compared} pairs compared, ${result.total} kept (score 0.5 or more)\n`);
}
