// `claimgraph compact [--data DIR]`: folds the journal of writes into the data folder's
// JSON and document files, atomically, and empties it (server/store/compact.ts).
import { formatProblem } from '../../load/problems';
import { compactDataFolder } from '../../store/compact';
import { DataFolderInUseError } from '../../store/dataFolderLock';
import { existingDataDir, parseFlags, type Command } from '../command';
import { exitCodeFor } from '../exitCodes';

export const compactCommand: Command = {
  name: 'compact',
  summary: 'fold the journal of accepted writes into the data files',
  usage: 'claimgraph compact [--data DIR]',
  async run(args, io) {
    const { values } = parseFlags(args, { data: { type: 'string' } });
    const dataDir = existingDataDir(values.data);
    try {
      const result = compactDataFolder(dataDir, (problem) =>
        io.err(`claimgraph compact: warning: ${formatProblem(problem)}`),
      );
      if (result.entries === 0) {
        io.out(`${dataDir}: the journal is empty; nothing to compact`);
        return 0;
      }
      io.out(
        `${dataDir}: folded ${result.entries} journal entr${result.entries === 1 ? 'y' : 'ies'}: ${result.documents} document(s), ${result.entities} entit${result.entities === 1 ? 'y' : 'ies'}, ${result.claims} claim(s); ${result.proposals} proposal(s) kept in proposals.json`,
      );
      return 0;
    } catch (error) {
      if (!(error instanceof DataFolderInUseError)) throw error;
      io.err(`claimgraph compact: ${error.message}`);
      return exitCodeFor(error);
    }
  },
};
