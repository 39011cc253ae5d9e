// `claimgraph ingest ARTICLE|- [--data DIR]`: stores an article (in the seeds' format, or
// Markdown, a saved web page, a PDF converted to it, the original kept beside it; `-`
// reads it from standard input) and its extracted claims as pending proposals in the data
// folder's journal, for review in the client's review panel or through the API. The
// extractor runs within the same limits as the server's (server/ingest/extractionLimits.ts);
// with CLAIMGRAPH_LLM_URL and CLAIMGRAPH_LLM_MODEL set it is the model extractor, every
// claim checked, the rules standing in (with a warning on stderr) when the model server fails.
import path from 'node:path';
import { ConfigError, modelServerFromEnv, type ModelServerSettings } from '../../config';
import { ArticleTooLargeError, ExtractionLimitError } from '../../ingest/extractionLimits';
import { formatProblem } from '../../load/problems';
import { DataFolderInUseError } from '../../store/dataFolderLock';
import { DataFolderServedError } from '../../store/readerMarks';
import { configuredExtractor } from '../../store/defaultExtractor';
import { openWriteStore } from '../../store/openWriteStore';
import { WriteConflictError, WriteInputError } from '../../store/writeErrors';
import { DocumentFormatError } from '../../ingest/formats';
import { CLI_AUTHOR, existingDataDir, parseFlags, UsageError, type Command } from '../command';
import { exitCodeFor } from '../exitCodes';
import { DOCUMENT_FLAGS, DOCUMENT_USAGE, readDocumentFile, type DocumentFile } from '../readDocumentFile';

export const ingestCommand: Command = {
  name: 'ingest',
  summary: 'store an article and its extracted claims as proposals pending review',
  usage: `claimgraph ingest ${DOCUMENT_USAGE} [--data DIR]`,
  async run(args, io) {
    const { values, positionals } = parseFlags(args, { data: { type: 'string' }, ...DOCUMENT_FLAGS }, true);
    if (positionals.length !== 1)
      throw new UsageError(positionals.length === 0 ? 'the article file is missing' : 'expected one article file');
    const articleFile = positionals[0];
    const dataDir = existingDataDir(values.data);
    let articleDocument: DocumentFile;
    try {
      articleDocument = await readDocumentFile(articleFile, values);
    } catch (error) {
      if (!(error instanceof DocumentFormatError)) throw error;
      io.err(`claimgraph ingest: ${error.message}`);
      return exitCodeFor(error);
    }
    let modelServer: ModelServerSettings | undefined;
    try {
      modelServer = modelServerFromEnv();
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      io.err(`claimgraph ingest: ${error.message}`);
      return exitCodeFor(error);
    }
    let opened: ReturnType<typeof openWriteStore>;
    try {
      opened = openWriteStore(dataDir, configuredExtractor(modelServer), (problem) =>
        io.err(`claimgraph ingest: warning: ${formatProblem(problem)}`),
      );
    } catch (error) {
      if (!(error instanceof DataFolderInUseError)) throw error;
      io.err(
        error instanceof DataFolderServedError
          ? `claimgraph ingest: ${error.message}`
          : `claimgraph ingest: ${error.message}; while the server runs, send the article to it: POST /api/documents`,
      );
      return exitCodeFor(error);
    }
    const { store } = opened;
    try {
      const result = await store.ingest(articleDocument.text, articleDocument.fileName, {
        author: CLI_AUTHOR,
        original: articleDocument.original,
      });
      const { document, proposals, skipped, warnings } = result;
      for (const warning of warnings) io.err(`claimgraph ingest: warning: ${warning}`);
      if (!result.created) {
        io.out(`document ${document.id} is already stored (${proposals.length} proposals); nothing was written`);
        return 0;
      }
      io.out(
        `stored document ${document.id} (${document.date} "${document.title}") with ${proposals.length} proposal${proposals.length === 1 ? '' : 's'} pending review:`,
      );
      for (const proposal of proposals) {
        const { subject, type, object, stance, confidence, quote } = proposal.claim;
        const by = proposal.extractor ?? 'rules';
        io.out(`  ${proposal.id}  ${subject} ${type} ${object} (${stance}, confidence ${confidence}, by ${by})`);
        io.out(`    "${quote}"`);
      }
      for (const skip of skipped) io.out(`  skipped extracted claim [${skip.index}]: ${skip.reason}`);
      io.out(
        `Review them in the client's review panel or with POST /api/proposals/<id>/accept or /reject; \`claimgraph compact\` folds ${path.join(dataDir, 'journal.jsonl')} into the data files.`,
      );
      return 0;
    } catch (error) {
      if (
        error instanceof WriteInputError ||
        error instanceof WriteConflictError ||
        error instanceof ArticleTooLargeError ||
        error instanceof ExtractionLimitError
      ) {
        io.err(`claimgraph ingest: ${articleFile}: ${error.message}`);
        return exitCodeFor(error);
      }
      throw error;
    } finally {
      await store.close();
    }
  },
};
