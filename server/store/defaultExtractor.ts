// The extractor the write path uses outside tests: server/ingest/extractArticle.ts.
import { extractArticle } from '../ingest/extractArticle';
import type { ExtractArticle } from './extraction';

export const defaultExtractor: ExtractArticle = extractArticle;
