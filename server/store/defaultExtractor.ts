// The extractor the write path uses outside tests: server/ingest/extractArticle.ts in
// worker threads, within the limits of server/ingest/extractionLimits.ts (article size,
// time, heap, extractions at once), so that the server keeps answering meanwhile.
import { DEFAULT_EXTRACTION_LIMITS, type ExtractionLimits } from '../ingest/extractionLimits';
import { ExtractionWorkers } from '../ingest/extractionWorkers';
import type { ExtractArticle } from './extraction';

/** An extractor that refuses an article over the size limit at once and runs the others in workers, `limits.workers` at a time. */
export function boundedExtractor(limits: ExtractionLimits = DEFAULT_EXTRACTION_LIMITS): ExtractArticle {
  const workers = new ExtractionWorkers(limits);
  return (text, fileName, dataset, signal) => workers.extract(text, fileName, dataset, signal);
}

export const defaultExtractor: ExtractArticle = boundedExtractor();
