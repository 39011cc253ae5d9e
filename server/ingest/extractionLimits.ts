// What the extractor may spend on one article, and what a refusal says. Extraction runs
// in a worker thread (extractionWorkers.ts) so that a long or pathological article cannot
// stop the server: the article's size is checked first, then the worker has a heap of its
// own and a wall-clock time limit. An article refused for either reason is one to split.

import { DEFAULT_CONFIG } from '../config';

/** The largest article (UTF-8 bytes of the whole text, header included) the extractor takes. */
export const DEFAULT_MAX_ARTICLE_BYTES = DEFAULT_CONFIG.maxArticleBytes;
/**
 * The wall-clock time one extraction may take, counted once its worker has loaded the
 * extractor (a fresh worker takes about half a second to). Below the request budget
 * (10 s by default) so that a too-long extraction is answered as such, not as a timeout.
 */
export const DEFAULT_EXTRACTION_TIME_LIMIT_MS = DEFAULT_CONFIG.extractionTimeLimitMs;
/** The extraction worker's heap (V8's old generation), separate from the server's own. */
export const DEFAULT_EXTRACTION_HEAP_MB = DEFAULT_CONFIG.extractionHeapMb;
/** Extractions running at once; more wait for a free worker (within their request's budget). */
export const DEFAULT_EXTRACTION_WORKERS = DEFAULT_CONFIG.extractionWorkers;

export interface ExtractionLimits {
  maxArticleBytes: number;
  timeLimitMs: number;
  heapMb: number;
  workers: number;
}

export const DEFAULT_EXTRACTION_LIMITS: ExtractionLimits = {
  maxArticleBytes: DEFAULT_MAX_ARTICLE_BYTES,
  timeLimitMs: DEFAULT_EXTRACTION_TIME_LIMIT_MS,
  heapMb: DEFAULT_EXTRACTION_HEAP_MB,
  workers: DEFAULT_EXTRACTION_WORKERS,
};

const SPLIT_IT = 'split it into smaller documents (a few sections each) and send each one on its own';

/** The article is larger than the extractor takes; nothing was extracted or written. */
export class ArticleTooLargeError extends Error {
  constructor(
    readonly bytes: number,
    readonly maxBytes: number,
  ) {
    super(
      `the article is ${bytes.toLocaleString('en-US')} bytes; the extractor takes articles of at most ${maxBytes.toLocaleString('en-US')} bytes: ${SPLIT_IT}`,
    );
    this.name = 'ArticleTooLargeError';
  }
}

/** The extraction ran out of its time or its heap and was stopped; nothing was written. */
export class ExtractionLimitError extends Error {
  constructor(
    readonly limit: 'time' | 'heap',
    limits: Pick<ExtractionLimits, 'timeLimitMs' | 'heapMb'>,
  ) {
    const what =
      limit === 'time'
        ? `it took longer than ${limits.timeLimitMs / 1000} s`
        : `it needed more than ${limits.heapMb} MB of memory`;
    super(`the article could not be extracted within the extractor's limits (${what}): ${SPLIT_IT}`);
    this.name = 'ExtractionLimitError';
  }
}

/** The article's size as the limit counts it. */
export function articleBytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}
