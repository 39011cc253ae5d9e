// `npm run eval:extract [-- --dir DIR] [--data DIR] [--details]`: scores the extractor on
// the dev set (default ../shared/dev-articles beside the repository) and prints the table.
// Exit code 1 when the folder is missing or has no gold files.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { resolveDataDir } from '../config';
import { loadDataset } from '../load/loadDataset';
import { packageRoot } from '../paths';
import { DevSetError, evaluateDevSet } from './evaluation/evaluateDevSet';
import { formatScores } from './evaluation/formatScores';

export const defaultDevSetDir = path.resolve(packageRoot, '..', 'shared', 'dev-articles');

function main(argv: string[]): number {
  const { values } = parseArgs({
    args: argv,
    options: { dir: { type: 'string' }, data: { type: 'string' }, details: { type: 'boolean' } },
    strict: true,
  });
  const folder = path.resolve(values.dir ?? defaultDevSetDir);
  try {
    const dataset = loadDataset(resolveDataDir(values.data));
    const score = evaluateDevSet(folder, dataset);
    console.log(formatScores(score, values.details === true));
    return 0;
  } catch (error) {
    if (error instanceof DevSetError) {
      console.error(`eval:extract: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

process.exitCode = main(process.argv.slice(2));
