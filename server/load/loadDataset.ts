// Loads a data folder in the two steps of DESIGN.md: read + zod, then resolve references.
// Throws DataIntegrityError with every problem when the folder is broken.
import type { Dataset } from '../model/dataset';
import { DataIntegrityError } from './problems';
import { readDataFolder } from './readDataFolder';
import { resolveDataset } from './resolveDataset';

export function loadDataset(dataDir: string): Dataset {
  const { dataset, problems } = resolveDataset(readDataFolder(dataDir));
  if (!dataset || problems.length > 0) throw new DataIntegrityError(problems);
  return dataset;
}
