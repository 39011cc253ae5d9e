// Wraps literal sentences as an article in the seeds' format for the extractor's tests.
import { extractArticle } from '../../../server/ingest/extractArticle';
import type { ExtractionResult } from '../../../server/ingest/extractionResult';

export function article(body: string, date = '2024-10-25'): string {
  return ` date ${date} A test article\n${body}\n`;
}

export function extract(body: string, date?: string): ExtractionResult {
  return extractArticle(article(body, date), 'test-article.txt');
}

/** Claims as "subject type object stance" lines, in the extractor's order. */
export function claimLines(result: ExtractionResult): string[] {
  return result.claims.map((c) => `${c.subject} ${c.type} ${c.object} ${c.stance}`);
}
