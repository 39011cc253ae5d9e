// `claimgraph extract ARTICLE.txt [--data DIR]`: runs the extractor on one article in the
// seeds' format and prints the proposed entities and claims as JSON on stdout. Entities
// the data folder already has are matched by name and alias and keep their ids.
import fs from 'node:fs';
import path from 'node:path';
import { resolveDataDir } from '../../config';
import { ArticleFormatError, extractArticle } from '../../ingest/extractArticle';
import { loadDataset } from '../../load/loadDataset';
import { parseFlags, UsageError, type Command } from '../command';
import { exitCodeFor } from '../exitCodes';

export const extractCommand: Command = {
  name: 'extract',
  summary: 'propose entities and claims for one article and print them as JSON',
  usage: 'claimgraph extract ARTICLE.txt [--data DIR]',
  async run(args, io) {
    const { values, positionals } = parseFlags(args, { data: { type: 'string' } }, true);
    if (positionals.length !== 1) throw new UsageError(`expected one article file, got ${positionals.length}`);
    const articlePath = positionals[0];
    const text = fs.readFileSync(articlePath, 'utf8');
    const dataset = loadDataset(resolveDataDir(values.data));
    try {
      io.out(JSON.stringify(extractArticle(text, path.basename(articlePath), dataset), null, 2));
      return 0;
    } catch (error) {
      if (!(error instanceof ArticleFormatError)) throw error;
      io.err(`claimgraph extract: ${error.message}`);
      return exitCodeFor(error);
    }
  },
};
