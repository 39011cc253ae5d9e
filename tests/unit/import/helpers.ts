// Shared by the importer tests: run an import into a fresh temporary folder, load it back
// with the real loader, and build the graph the explorer would show.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildGraph } from '../../../server/graph/buildGraph';
import type { EvidenceGraph } from '../../../server/model/evidenceGraph';
import type { Dataset } from '../../../server/model/dataset';
import { importData, readInputFiles, type ImportFormat, type ImportOptions } from '../../../server/import/importData';
import type { ImportedData } from '../../../server/import/types';
import { writeDataFolder } from '../../../server/import/writeDataFolder';

export const root = path.join(__dirname, '..', '..', '..');
/** The third-party datasets beside the checkout (see ../shared/datasets/README.md). */
export const dataset = (name: string) => path.join(root, '..', 'shared', 'datasets', name);
export const fixture = (name: string) => path.join(root, 'tests', 'fixtures', 'import', name);

const created: string[] = [];

export function temporaryFolder(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-import-'));
  created.push(folder);
  return folder;
}

// Registered in every test file that imports these helpers: imported folders can be tens of MB.
afterAll(() => {
  for (const folder of created.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

export interface Imported {
  data: ImportedData;
  dataset: Dataset;
  graph: EvidenceGraph;
  outDir: string;
}

export function importInto(format: ImportFormat, files: string[], options: ImportOptions = {}): Imported {
  const inputs = readInputFiles(files);
  const data = importData(format, inputs, options);
  const outDir = path.join(temporaryFolder(), 'out');
  const loaded = writeDataFolder(
    outDir,
    data,
    inputs.map((i) => ({ path: i.path, name: i.name })),
    { format, options: {}, notes: data.notes },
  );
  return { data, dataset: loaded, graph: buildGraph(loaded), outDir };
}

/** How many records have each value of `key` ("person", "organization/company"…), sorted by value. */
export function tally<T>(items: Iterable<T>, key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
}

export const typeAndKind = (entity: { type: string; kind?: string }) =>
  entity.kind ? `${entity.type}/${entity.kind}` : entity.type;
