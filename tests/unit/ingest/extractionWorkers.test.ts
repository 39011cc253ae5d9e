// The extractor in worker threads: the same result as in this thread, this thread free
// meanwhile, one article at a time per worker, and each limit refusing with the message a
// user reads: the article's size (before any work), its time and its heap (the worker is
// stopped and replaced, this thread goes on).
import fs from 'node:fs';
import path from 'node:path';
import { ArticleFormatError, extractArticle } from '../../../server/ingest/extractArticle';
import {
  ArticleTooLargeError,
  DEFAULT_EXTRACTION_LIMITS,
  DEFAULT_MAX_ARTICLE_BYTES,
  ExtractionLimitError,
  type ExtractionLimits,
} from '../../../server/ingest/extractionLimits';
import { ExtractionAbortedError, ExtractionWorkers } from '../../../server/ingest/extractionWorkers';
import { loadDataset } from '../../../server/load';
import { longArticle } from '../../fixtures/longArticle';

const seedDir = path.join(__dirname, '../../../graph-data');
const seedArticle = fs.readFileSync(path.join(seedDir, 'documents', '000_57d8c84b7f0fe012.txt'), 'utf8');
/** Abbreviations compromise's sentence splitter joins one at a time: minutes of work for this 200 KB, and gigabytes. */
const misters = ` date 2024-10-09 Misters\n${'Mr. '.repeat(50_000)}\n`;
const SPLIT_IT = 'split it into smaller documents (a few sections each) and send each one on its own';

const pools: ExtractionWorkers[] = [];
function workers(change: Partial<ExtractionLimits> = {}): ExtractionWorkers {
  const pool = new ExtractionWorkers({ ...DEFAULT_EXTRACTION_LIMITS, ...change });
  pools.push(pool);
  return pool;
}
afterAll(() => Promise.all(pools.map((pool) => pool.close())));

async function refusal(run: Promise<unknown>): Promise<Error> {
  try {
    await run;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the extraction to be refused');
}

describe('ExtractionWorkers', () => {
  it('gives what extractArticle gives in this thread, with the dataset matched the same way, article after article', async () => {
    const pool = workers();
    const dataset = loadDataset(seedDir);
    const text = longArticle(8 * 1024);
    expect(await pool.extract(seedArticle, '000_57d8c84b7f0fe012.txt', dataset)).toEqual(
      extractArticle(seedArticle, '000_57d8c84b7f0fe012.txt', dataset),
    );
    expect(await pool.extract(text, 'long.txt')).toEqual(extractArticle(text, 'long.txt'));
    expect(await pool.extract(text, 'long.txt', dataset)).toEqual(extractArticle(text, 'long.txt', dataset));
  });

  it('leaves this thread free while it works', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 20);
    try {
      await workers().extract(longArticle(64 * 1024), 'long.txt');
    } finally {
      clearInterval(timer);
    }
    // A blocked thread would not have ticked at all; a loaded machine may skip many ticks, so a few suffice.
    expect(ticks).toBeGreaterThanOrEqual(3);
  });

  it('refuses an article over the size limit before any work, saying to split it', async () => {
    const text = ` date 2024-10-09 Too long\n${'x'.repeat(DEFAULT_MAX_ARTICLE_BYTES)}\n`;
    const error = await refusal(workers().extract(text, 'long.txt'));
    expect(error).toBeInstanceOf(ArticleTooLargeError);
    expect(error.message).toBe(
      `the article is 262,171 bytes; the extractor takes articles of at most 262,144 bytes: ${SPLIT_IT}`,
    );
  });

  it('stops an extraction that runs out of time, says so, and extracts the next article with a fresh worker', async () => {
    const pool = workers({ timeLimitMs: 3000 });
    const started = Date.now();
    const error = await refusal(pool.extract(misters, 'misters.txt'));
    expect(error).toBeInstanceOf(ExtractionLimitError);
    expect(error.message).toBe(
      `the article could not be extracted within the extractor's limits (it took longer than 3 s): ${SPLIT_IT}`,
    );
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(await pool.extract(seedArticle, '000_57d8c84b7f0fe012.txt')).toEqual(
      extractArticle(seedArticle, '000_57d8c84b7f0fe012.txt'),
    );
  });

  it('stops an extraction that runs out of heap, and says so', async () => {
    const error = await refusal(workers({ heapMb: 64, timeLimitMs: 120_000 }).extract(misters, 'misters.txt'));
    expect(error).toBeInstanceOf(ExtractionLimitError);
    expect(error.message).toBe(
      `the article could not be extracted within the extractor's limits (it needed more than 64 MB of memory): ${SPLIT_IT}`,
    );
  }, 150_000);

  it('runs one article at a time per worker: the next waits, or gives up when its signal aborts while it waits', async () => {
    const pool = workers({ workers: 1, timeLimitMs: 3000 });
    const settled: string[] = [];
    const first = refusal(pool.extract(misters, 'misters.txt')).then((error) => settled.push(`first: ${error.name}`));
    const abort = new AbortController();
    const dropped = refusal(pool.extract(seedArticle, 'dropped.txt', undefined, abort.signal)).then((error) =>
      settled.push(`dropped: ${error.name}`),
    );
    const second = pool.extract(seedArticle, 'second.txt').then(() => settled.push('second: extracted'));
    abort.abort();
    await Promise.all([first, dropped, second]);
    expect(settled).toEqual(['dropped: ExtractionAbortedError', 'first: ExtractionLimitError', 'second: extracted']);
  });

  it('stops the worker when its signal aborts', async () => {
    const abort = new AbortController();
    setTimeout(() => abort.abort(), 200);
    expect(await refusal(workers().extract(misters, 'misters.txt', undefined, abort.signal))).toBeInstanceOf(
      ExtractionAbortedError,
    );
  });

  it('passes on what is wrong with an article that is not in the seeds format', async () => {
    const error = await refusal(workers().extract('no header\nbody\n', 'bad.txt'));
    expect(error).toBeInstanceOf(ArticleFormatError);
    expect(error.message).toBe('bad.txt: the first line must be " date YYYY-MM-DD Title", found "no header"');
  });
});
