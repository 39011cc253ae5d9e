// `claimgraph validate [--data DIR | --database URL]`: loads a data folder (or a PostgreSQL
// database) and prints a summary, or every problem and exit code 1.
import { buildGraph } from '../../graph/buildGraph';
import { DataIntegrityError, formatProblem } from '../../load/problems';
import { resolveDataDir } from '../../config';
import { existingDataDir, parseFlags, type Command } from '../command';
import { exitCodeFor } from '../exitCodes';
import { openDataset } from '../openDataset';
import { databaseUrlOf } from './db';
import { formatCount, startProgress } from '../progress';

export const validateCommand: Command = {
  name: 'validate',
  summary: 'check a data folder and print a summary, or every problem',
  usage: 'claimgraph validate [--data DIR | --database URL]',
  async run(args, io) {
    const { values } = parseFlags(args, { data: { type: 'string' }, database: { type: 'string' } });
    const databaseUrl = databaseUrlOf(values.database);
    let dataDir = databaseUrl === undefined ? existingDataDir(values.data) : resolveDataDir(values.data);
    const progress = startProgress(io.progress, 'validate');
    try {
      progress.update(`loading and checking ${databaseUrl === undefined ? dataDir : 'the database'}`, true);
      const opened = await openDataset(dataDir, databaseUrl);
      const dataset = opened.dataset;
      dataDir = opened.source;
      progress.update(
        `building the graph of ${formatCount(dataset.entities.size)} entities and ${formatCount(dataset.claims.length)} claims`,
        true,
      );
      const graph = buildGraph(dataset);
      progress.done();
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
      progress.done();
      if (!(error instanceof DataIntegrityError)) throw error;
      io.err(`${dataDir}: ${error.problems.length} problem${error.problems.length === 1 ? '' : 's'}`);
      for (const problem of error.problems) io.err(`  ${formatProblem(problem)}`);
      return exitCodeFor(error);
    }
  },
};
