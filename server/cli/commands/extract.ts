// `claimgraph extract ARTICLE.txt|- [--name FILE.txt] [--data DIR]`: runs the extractor on
// one article in the seeds' format (`-` reads it from standard input) and prints the proposed entities and claims as JSON on stdout. Entities
// the data folder already has are matched by name and alias and keep their ids. It runs
// in a worker within the server's extraction limits (server/ingest/extractionLimits.ts).
import path from 'node:path';
import crypto from 'node:crypto';
import { ArticleFormatError } from '../../ingest/extractArticle';
import { ArticleTooLargeError, ExtractionLimitError } from '../../ingest/extractionLimits';
import { ExtractionWorkers } from '../../ingest/extractionWorkers';
import { loadDataset } from '../../load/loadDataset';
import { articleFileName } from '../../store/assignIds';
import { existingDataDir, parseFlags, readTextInput, STANDARD_STREAM, UsageError, type Command } from '../command';
import { exitCodeFor } from '../exitCodes';

export const extractCommand: Command = {
  name: 'extract',
  summary: 'propose entities and claims for one article and print them as JSON',
  usage: 'claimgraph extract ARTICLE.txt|- [--name FILE.txt] [--data DIR]',
  async run(args, io) {
    const { values, positionals } = parseFlags(args, { data: { type: 'string' }, name: { type: 'string' } }, true);
    if (positionals.length !== 1) throw new UsageError(`expected one article file, got ${positionals.length}`);
    const articlePath = positionals[0];
    const dataDir = existingDataDir(values.data);
    const text = readTextInput(articlePath);
    // The document id comes from the file name: from standard input, --name or the name ingest would give it.
    const fileName =
      values.name ??
      (articlePath === STANDARD_STREAM
        ? articleFileName(crypto.createHash('sha256').update(text).digest('hex'))
        : path.basename(articlePath));
    const dataset = loadDataset(dataDir);
    const workers = new ExtractionWorkers();
    try {
      io.out(JSON.stringify(await workers.extract(text, fileName, dataset), null, 2));
      return 0;
    } catch (error) {
      if (error instanceof ArticleFormatError) io.err(`claimgraph extract: ${error.message}`);
      else if (error instanceof ArticleTooLargeError || error instanceof ExtractionLimitError)
        io.err(`claimgraph extract: ${fileName}: ${error.message}`);
      else throw error;
      return exitCodeFor(error);
    } finally {
      await workers.close();
    }
  },
};
