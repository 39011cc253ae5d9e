// The extraction worker's side: it takes one article at a time as a message and answers
// with the extraction (or why the article is not one). The dataset's entities and
// vocabulary come with a job only when they changed since the worker's last one.
// extractionWorkers.ts runs these workers with their own heap and a time limit, so that a
// long article is extracted off the server's event loop and cannot exhaust its memory.
import { getHeapStatistics } from 'node:v8';
import { isMainThread, parentPort } from 'node:worker_threads';
import type { Entity } from '../model/records';
import type { VocabularyIndex } from '../model/vocabulary';
import { ArticleFormatError, extractArticle, type ExtractionData } from './extractArticle';
import type { ExtractionResult } from './extractionResult';

/** One article to extract. `entities` (in the dataset's order) and `vocabulary` are sent when they changed. */
export interface ExtractionJob {
  claimgraphExtraction: true;
  text: string;
  fileName: string;
  /** False: extract without a dataset (only the embedded vocabulary). */
  withData: boolean;
  entities?: Entity[];
  vocabulary?: VocabularyIndex;
}

/** The answer to a job, with the worker's heap in use afterwards (so a grown worker can be retired). */
export type ExtractionReply = ({ result: ExtractionResult } | { formatError: string }) & { heapUsedBytes: number };

let entities = new Map<string, Entity>();
let vocabulary: VocabularyIndex | undefined;

export function runExtractionJob(job: ExtractionJob): ExtractionReply {
  if (job.entities) entities = new Map(job.entities.map((e) => [e.id, e]));
  if (job.vocabulary) vocabulary = job.vocabulary;
  const data: ExtractionData | undefined = job.withData && vocabulary ? { entities, vocabulary } : undefined;
  let answer: { result: ExtractionResult } | { formatError: string };
  try {
    answer = { result: extractArticle(job.text, job.fileName, data) };
  } catch (error) {
    if (!(error instanceof ArticleFormatError)) throw error;
    answer = { formatError: error.message };
  }
  return { ...answer, heapUsedBytes: getHeapStatistics().used_heap_size };
}

/** What a worker says once it has loaded the extractor, before its first article. */
export const WORKER_READY = 'claimgraph extraction worker ready';

if (!isMainThread && parentPort) {
  const port = parentPort;
  port.on('message', (job: Partial<ExtractionJob>) => {
    if (job.claimgraphExtraction) port.postMessage(runExtractionJob(job as ExtractionJob));
  });
  port.postMessage(WORKER_READY);
}
