// `claimgraph extract ARTICLE.txt [--data DIR]`: runs the extractor on one article in the
// seeds' format and prints the proposed entities and claims as JSON on stdout. Entities
// the data folder already has are matched by name and alias and keep their ids. It runs
// in a worker within the server's extraction limits (server/ingest/extractionLimits.ts).
import fs from 'node:fs';
import path from 'node:path';
import { resolveDataDir } from '../../config';
import { ArticleFormatError } from '../../ingest/extractArticle';
import { ArticleTooLargeError, ExtractionLimitError } from '../../ingest/extractionLimits';
import { ExtractionWorkers } from '../../ingest/extractionWorkers';
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
    const workers = new ExtractionWorkers();
    try {
      io.out(JSON.stringify(await workers.extract(text, path.basename(articlePath), dataset), null, 2));
      return 0;
    } catch (error) {
      if (error instanceof ArticleFormatError) io.err(`claimgraph extract: ${error.message}`);
      else if (error instanceof ArticleTooLargeError || error instanceof ExtractionLimitError)
        io.err(`claimgraph extract: ${path.basename(articlePath)}: ${error.message}`);
      else throw error;
      return exitCodeFor(error);
    } finally {
      await workers.close();
    }
  },
};
