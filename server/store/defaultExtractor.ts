// The extractor the write path uses outside tests: the rule extractor
// (server/ingest/extractArticle.ts) in worker threads, within the limits of
// server/ingest/extractionLimits.ts (article size, time, heap, extractions at once), so
// that the server keeps answering meanwhile; or, with a model server configured
// (CLAIMGRAPH_LLM_URL and CLAIMGRAPH_LLM_MODEL), the model extractor, whose every claim
// is checked (server/ingest/modelServer/), with the rule extractor standing in, and a
// warning saying why, whenever the model server fails to give a usable answer.
import type { ModelServerSettings } from '../config';
import { DEFAULT_EXTRACTION_LIMITS, type ExtractionLimits } from '../ingest/extractionLimits';
import { ExtractionWorkers } from '../ingest/extractionWorkers';
import { extractWithModel, ModelServerError } from '../ingest/modelServer/extractWithModel';
import type { ExtractionResult } from '../model/extraction';
import type { ExtractArticle } from './extraction';

/** The rule extractor of a pool of workers, its proposals marked as the rules'. */
export function rulesExtractor(workers: ExtractionWorkers): ExtractArticle {
  return async (text, fileName, dataset, signal) => ({
    ...(await workers.extract(text, fileName, dataset, signal)),
    extractor: 'rules',
  });
}

/** An extractor that refuses an article over the size limit at once and runs the others in workers, `limits.workers` at a time. */
export function boundedExtractor(limits: ExtractionLimits = DEFAULT_EXTRACTION_LIMITS): ExtractArticle {
  return rulesExtractor(new ExtractionWorkers(limits));
}

export const defaultExtractor: ExtractArticle = boundedExtractor();

export interface ModelExtractorOptions {
  /** The extractor that stands in when the model server fails; default the rules in workers. */
  rules?: ExtractArticle;
  /** The article size limit; default the rule extractor's. */
  maxArticleBytes?: number;
  /** Told why the rule extractor stood in (the server logs it). */
  onWarning?: (warning: string) => void;
}

/** The model extractor, falling back on the rules with a warning in the extraction when the model server fails. */
export function modelExtractor(server: ModelServerSettings, options: ModelExtractorOptions = {}): ExtractArticle {
  const rules = options.rules ?? defaultExtractor;
  const maxArticleBytes = options.maxArticleBytes ?? DEFAULT_EXTRACTION_LIMITS.maxArticleBytes;
  return async (text, fileName, dataset, signal) => {
    try {
      return await extractWithModel(server, maxArticleBytes, text, fileName, dataset, signal);
    } catch (error) {
      if (!(error instanceof ModelServerError)) throw error;
      const warning = `${error.message}; the rule extractor was used instead`;
      options.onWarning?.(warning);
      const fallback = (await rules(text, fileName, dataset, signal)) as ExtractionResult;
      return { ...fallback, warnings: [...(fallback.warnings ?? []), warning] };
    }
  };
}

/** The extractor a configuration asks for: the model's when a model server is set, else the rules. */
export function configuredExtractor(
  server: ModelServerSettings | undefined,
  options: ModelExtractorOptions = {},
): ExtractArticle {
  return server ? modelExtractor(server, options) : (options.rules ?? defaultExtractor);
}
