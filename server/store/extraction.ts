// The extractor as the write path calls it. What it returns is checked against the
// extractor's one output schema (model/extraction.ts) before it becomes durable proposals:
// the extractor is our code, but a shape slip must fail there and not in a later replay.
import type { Dataset } from '../model/dataset';

/** `extractArticle(text, fileName, dataset?)` from server/ingest/extractArticle.ts. */
export type ExtractArticle = (text: string, fileName: string, dataset?: Dataset) => unknown;
