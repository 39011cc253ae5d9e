// `claimgraph xref`: the duplicate candidates of the whole data folder, best pair first,
// each with its score and reasons (server/queries/duplicates.ts, as the duplicates route
// scores them), leaving out pairs judged "not the same". It is the read flow: no lock,
// nothing written, and it works while a server is writing to the folder.
import { resolveDataDir } from '../../config';
import { buildGraph } from '../../graph/buildGraph';
import { formatProblem, loadDataset, readCurationHistory } from '../../load';
import { buildDuplicateIndex } from '../../queries/duplicateIndex';
import { crossReference, DEFAULT_MIN_SCORE, type DuplicatePair } from '../../queries/duplicates';
import { parseFlags, UsageError, type Command } from '../command';

const DEFAULT_LIMIT = 50;
const USAGE = 'claimgraph xref [--limit N] [--min-score S] [--json] [--data DIR]';

function parseLimit(text: string | undefined): number {
  if (text === undefined) return DEFAULT_LIMIT;
  if (!/^\d{1,7}$/.test(text) || Number(text) < 1)
    throw new UsageError(`--limit: expected a whole number from 1 to 9999999, not "${text}"`);
  return Number(text);
}

function parseMinScore(text: string | undefined): number {
  if (text === undefined) return DEFAULT_MIN_SCORE;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < 0 || value > 1)
    throw new UsageError(`--min-score: expected a number from 0 to 1, not "${text}"`);
  return value;
}

/** One pair on one line: the score, both entities, the reasons. */
export function describePair(pair: DuplicatePair): string {
  const entity = ({ id, name, type }: DuplicatePair['a']) => `${id} "${name}" (${type})`;
  return `${pair.score.toFixed(3)}  ${entity(pair.a)} ~ ${entity(pair.b)}  ${pair.reasons.join('; ')}`;
}

export const xrefCommand: Command = {
  name: 'xref',
  summary: 'list the pairs of entities that may be duplicates, best first, with the reasons',
  usage: USAGE,
  async run(args, io) {
    const { values } = parseFlags(args, {
      data: { type: 'string' },
      limit: { type: 'string' },
      'min-score': { type: 'string' },
      json: { type: 'boolean' },
    });
    const limit = parseLimit(values.limit);
    const minScore = parseMinScore(values['min-score']);
    const dataDir = resolveDataDir(values.data);
    const dataset = loadDataset(dataDir, {
      onWarning: (problem) => io.err(`claimgraph xref: warning: ${formatProblem(problem)}`),
    });
    const history = readCurationHistory(dataDir);
    const graph = buildGraph(dataset);
    const { total, pairs } = crossReference(graph, buildDuplicateIndex(graph), {
      limit,
      minScore,
      notSame: (a, b) => history.judgedNotSame(a, b),
    });
    if (values.json) {
      io.out(JSON.stringify({ total, limit, minScore, pairs }, null, 2));
      return 0;
    }
    for (const pair of pairs) io.out(describePair(pair));
    const shown = total > pairs.length ? `; the first ${pairs.length} shown (--limit)` : '';
    io.out(
      total === 0
        ? `no pairs score ${minScore} or more`
        : `${total} ${total === 1 ? 'pair scores' : 'pairs score'} ${minScore} or more${shown}`,
    );
    return 0;
  },
};
