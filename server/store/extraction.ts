// The extractor as the write path calls it. What it returns is checked against the
// extractor's one output schema (model/extraction.ts) before it becomes durable proposals:
// the extractor is our code, but a shape slip must fail there and not in a later replay.
import type { Dataset } from '../model/dataset';

/**
 * `extractArticle(text, fileName, dataset?)` from server/ingest/extractArticle.ts, or the
 * same in a worker thread (defaultExtractor.ts): the extraction, or a promise of it. The
 * signal, when given, is aborted once the write is abandoned, so the work can stop.
 */
export type ExtractArticle = (text: string, fileName: string, dataset?: Dataset, signal?: AbortSignal) => unknown;
