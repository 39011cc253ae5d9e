// `claimgraph validate [--data DIR | --database URL]`: loads a data folder (or a PostgreSQL
// database) and prints a summary, or every problem and exit code 1.
import { resolveDataDir } from '../../config';
import { buildGraph } from '../../graph/buildGraph';
import { DataIntegrityError, formatProblem } from '../../load/problems';
import { parseFlags, type Command } from '../command';
import { exitCodeFor } from '../exitCodes';
import { openDataset } from '../openDataset';
import { databaseUrlOf } from './db';

export const validateCommand: Command = {
  name: 'validate',
  summary: 'check a data folder and print a summary, or every problem',
  usage: 'claimgraph validate [--data DIR | --database URL]',
  async run(args, io) {
    const { values } = parseFlags(args, { data: { type: 'string' }, database: { type: 'string' } });
    let dataDir = resolveDataDir(values.data);
    try {
      const opened = await openDataset(dataDir, databaseUrlOf(values.database));
      const dataset = opened.dataset;
      dataDir = opened.source;
      const graph = buildGraph(dataset);
      const byStatus = new Map<string, number>(dataset.vocabulary.vocabulary.statuses.map((s) => [s.id, 0]));
      graph.forEachEdge((_edge, attributes) =>
        byStatus.set(attributes.status, (byStatus.get(attributes.status) ?? 0) + 1),
      );
      const statusSummary = [...byStatus].map(([status, count]) => `${status} ${count}`).join(', ');
      io.out(`${dataDir}: valid`);
      io.out(`  documents ${dataset.documents.size}`);
      io.out(`  entities  ${dataset.entities.size}`);
      io.out(`  claims    ${dataset.claims.length}`);
      io.out(`  edges     ${graph.size} (${statusSummary})`);
      return 0;
    } catch (error) {
      if (!(error instanceof DataIntegrityError)) throw error;
      io.err(`${dataDir}: ${error.problems.length} problem${error.problems.length === 1 ? '' : 's'}`);
      for (const problem of error.problems) io.err(`  ${formatProblem(problem)}`);
      return exitCodeFor(error);
    }
  },
};
