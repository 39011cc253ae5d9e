// `claimgraph extract ARTICLE|- [--data DIR]`: runs the extractor on one article (in the
// seeds' format, or Markdown, a saved web page, a PDF converted to it; `-` reads it from
// standard input) and prints the proposed entities and claims as JSON on stdout. Entities
// the data folder already has are matched by name and alias and keep their ids. It runs
// in a worker within the server's extraction limits (server/ingest/extractionLimits.ts);
// with CLAIMGRAPH_LLM_URL and CLAIMGRAPH_LLM_MODEL set, the model extractor runs instead:
// the JSON then lists the claims its checks dropped, and why, and a warning (also on
// stderr) says why the rules stood in when the model server failed.
import path from 'node:path';
import crypto from 'node:crypto';
import { ConfigError, modelServerFromEnv } from '../../config';
import { ArticleFormatError } from '../../ingest/extractArticle';
import { ArticleTooLargeError, ExtractionLimitError } from '../../ingest/extractionLimits';
import { ExtractionWorkers } from '../../ingest/extractionWorkers';
import { configuredExtractor, rulesExtractor } from '../../store/defaultExtractor';
import { loadDataset } from '../../load/loadDataset';
import { DocumentFormatError } from '../../ingest/formats';
import { existingDataDir, parseFlags, UsageError, type Command } from '../command';
import { exitCodeFor } from '../exitCodes';
import { DOCUMENT_FLAGS, DOCUMENT_USAGE, readDocumentFile } from '../readDocumentFile';

export const extractCommand: Command = {
  name: 'extract',
  summary: 'propose entities and claims for one article and print them as JSON',
  usage: `claimgraph extract ${DOCUMENT_USAGE} [--data DIR]`,
  async run(args, io) {
    const { values, positionals } = parseFlags(args, { data: { type: 'string' }, ...DOCUMENT_FLAGS }, true);
    if (positionals.length !== 1) throw new UsageError(`expected one article file, got ${positionals.length}`);
    const articlePath = positionals[0];
    const dataDir = existingDataDir(values.data);
    let text: string;
    let fileName: string;
    try {
      ({ text, fileName } = await readDocumentFile(articlePath, values));
    } catch (error) {
      if (!(error instanceof DocumentFormatError)) throw error;
      io.err(`claimgraph extract: ${error.message}`);
      return exitCodeFor(error);
    }
    const dataset = loadDataset(dataDir);
    const workers = new ExtractionWorkers();
    try {
      const extract = configuredExtractor(modelServerFromEnv(), {
        rules: rulesExtractor(workers),
        onWarning: (warning) => io.err(`claimgraph extract: warning: ${warning}`),
      });
      io.out(JSON.stringify(await extract(text, fileName, dataset), null, 2));
      return 0;
    } catch (error) {
      if (error instanceof ArticleFormatError || error instanceof ConfigError)
        io.err(`claimgraph extract: ${error.message}`);
      else if (error instanceof ArticleTooLargeError || error instanceof ExtractionLimitError)
        io.err(`claimgraph extract: ${fileName}: ${error.message}`);
      else throw error;
      return exitCodeFor(error);
    } finally {
      await workers.close();
    }
  },
};
