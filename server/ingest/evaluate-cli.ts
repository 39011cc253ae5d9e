// `npm run eval:extract [-- --dir DIR | --corpus] [--data DIR] [--details]`: scores the extractor
// on the dev set (default ../shared/dev-articles beside the repository), or with --corpus on
// both halves of tests/fixtures/extraction-corpus (dev/ then test/), and prints the tables.
// --details lists the misses of the dev half only. Exit code 1 when a folder is missing or has no gold files.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { resolveDataDir } from '../config';
import { loadDataset } from '../load/loadDataset';
import { packageRoot } from '../paths';
import { DevSetError, evaluateDevSet } from './evaluation/evaluateDevSet';
import { formatScores } from './evaluation/formatScores';

export const defaultDevSetDir = path.resolve(packageRoot, '..', 'shared', 'dev-articles');
export const extractionCorpusDir = path.resolve(packageRoot, 'tests', 'fixtures', 'extraction-corpus');

function main(argv: string[]): number {
  const { values } = parseArgs({
    args: argv,
    options: {
      dir: { type: 'string' },
      corpus: { type: 'boolean' },
      data: { type: 'string' },
      details: { type: 'boolean' },
    },
    strict: true,
  });
  if (values.corpus && values.dir) {
    console.error('eval:extract: give --dir or --corpus, not both');
    return 1;
  }
  const folders = values.corpus
    ? ['dev', 'test'].map((half) => path.join(extractionCorpusDir, half))
    : [path.resolve(values.dir ?? defaultDevSetDir)];
  try {
    const dataset = loadDataset(resolveDataDir(values.data));
    // --details never prints the test half: its misses are not to be read while tuning rules.
    const tables = folders.map((folder) => {
      const details = values.details === true && !(values.corpus && path.basename(folder) === 'test');
      const table = formatScores(evaluateDevSet(folder, dataset), details);
      return folders.length > 1 ? `# ${path.relative(packageRoot, folder)}\n${table}` : table;
    });
    console.log(tables.join('\n\n'));
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
