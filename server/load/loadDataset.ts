// Loads a data folder (or records read from PostgreSQL, datasetOf) in two steps: read every file with zod and replay the journal of
// writes on top, then resolve references. Throws DataIntegrityError with every problem
// when the folder is broken.
import type { Dataset } from '../model/dataset';
import { DataIntegrityError, formatProblem, type LoadProblem } from './problems';
import { readDataFolder, type RawData } from './readDataFolder';
import { replayJournal, type RecordedWrites } from './replayJournal';
import { resolveDataset } from './resolveDataset';

export interface LoadOptions {
  /** Told about what is skipped but not fatal (a torn last journal line); default: printed on stderr. */
  onWarning?: (problem: LoadProblem) => void;
}

export function loadDataset(dataDir: string, options: LoadOptions = {}): Dataset {
  return datasetOf(readDataFolder(dataDir), undefined, options);
}

/**
 * Step 1b and step 2 on records read from anywhere (a data folder, PostgreSQL): replay the
 * writes recorded on top of them (the folder's proposals.json and journal.jsonl unless
 * `recorded` gives them), then resolve references.
 */
export function datasetOf(files: RawData, recorded?: RecordedWrites, options: LoadOptions = {}): Dataset {
  // The journal of writes since the last compaction applies after the records (replayJournal.ts).
  const raw = replayJournal(files, recorded);
  const onWarning =
    options.onWarning ?? ((problem: LoadProblem) => console.warn(`claimgraph: warning: ${formatProblem(problem)}`));
  raw.journal.warnings.forEach((warning) => onWarning(warning));
  const { dataset, problems } = resolveDataset(raw);
  if (!dataset || problems.length > 0) throw new DataIntegrityError(problems);
  return dataset;
}
