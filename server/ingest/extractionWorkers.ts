// Runs the extractor in worker threads with their own heap and a wall-clock time limit
// (counted from when the worker has loaded the extractor), so that the server keeps
// answering while an article is extracted and a pathological article costs one refused
// request, not the process. A worker that finished its article
// waits (without keeping the process alive) for the next one, so that an ingest does not
// pay for loading the extractor each time; one stopped for its time or heap, or grown
// past half its heap, is replaced by a fresh one.
//
// The workers run extractionWorker.js next to this file. Under the TypeScript sources
// (tests run them through ts-jest) there is no .js: a worker then compiles each module to
// CommonJS as it is required, with the TypeScript compiler, as ts-jest does.
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Entity } from '../model/records';
import type { VocabularyIndex } from '../model/vocabulary';
import { ArticleFormatError, type ExtractionData } from './extractArticle';
import {
  articleBytes,
  ArticleTooLargeError,
  DEFAULT_EXTRACTION_LIMITS,
  ExtractionLimitError,
  type ExtractionLimits,
} from './extractionLimits';
import type { ExtractionResult } from './extractionResult';
import { WORKER_READY, type ExtractionJob, type ExtractionReply } from './extractionWorker';

/** Thrown when the caller's signal stops an extraction (its request was answered or dropped). */
export class ExtractionAbortedError extends Error {
  constructor() {
    super('the extraction was stopped because its request ended');
    this.name = 'ExtractionAbortedError';
  }
}

/** How long a worker with nothing to do is kept before it is stopped. */
const IDLE_WORKER_MS = 30_000;

const COMPILE_TYPESCRIPT_THEN_RUN = `
const fs = require('node:fs');
const { workerData } = require('node:worker_threads');
const ts = require(workerData.claimgraphTypescript);
require.extensions['.ts'] = (module, filename) => {
  const { outputText } = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
    fileName: filename,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2023, esModuleInterop: true, resolveJsonModule: true, inlineSourceMap: true },
  });
  module._compile(outputText, filename);
};
require(workerData.claimgraphEntry);
`;

function startWorker(heapMb: number): Worker {
  const extension = path.extname(__filename);
  const entry = path.join(__dirname, `extractionWorker${extension}`);
  const resourceLimits = { maxOldGenerationSizeMb: heapMb };
  if (extension !== '.ts') return new Worker(entry, { resourceLimits });
  return new Worker(COMPILE_TYPESCRIPT_THEN_RUN, {
    eval: true,
    workerData: { claimgraphEntry: entry, claimgraphTypescript: require.resolve('typescript') },
    resourceLimits,
  });
}

interface PooledWorker {
  worker: Worker;
  /** True once it has loaded the extractor: its articles' time is counted from then. */
  ready: boolean;
  /** What it was last sent, so that an unchanged dataset is not sent again. */
  entities?: Map<string, Entity>;
  /** The content hash of the dataset the entities were taken from: a write changes the map in place. */
  entitiesAt?: string;
  vocabulary?: VocabularyIndex;
  idleTimer?: NodeJS.Timeout;
}

/**
 * Extractions in worker threads, at most `limits.workers` at once (the others wait in
 * arrival order). `extract` resolves to what extractArticle returns, or rejects with
 * ArticleTooLargeError (before any work), ExtractionLimitError (time or heap ran out),
 * ArticleFormatError, ExtractionAbortedError, or an Error for a failure of the extractor.
 */
export class ExtractionWorkers {
  private readonly idle: PooledWorker[] = [];
  private running = 0;
  private readonly waiting: Array<() => void> = [];
  private closed = false;

  constructor(readonly limits: ExtractionLimits = DEFAULT_EXTRACTION_LIMITS) {}

  async extract(
    text: string,
    fileName: string,
    dataset?: ExtractionData,
    signal?: AbortSignal,
  ): Promise<ExtractionResult> {
    const bytes = articleBytes(text);
    if (bytes > this.limits.maxArticleBytes) throw new ArticleTooLargeError(bytes, this.limits.maxArticleBytes);
    await this.takeTurn(signal);
    try {
      return await this.run(text, fileName, dataset, signal);
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }

  /** Stops the waiting workers; extractions already running finish. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.idle.splice(0).map((pooled) => this.stop(pooled)));
  }

  private takeTurn(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(new ExtractionAbortedError());
    if (this.running < Math.max(1, this.limits.workers)) {
      this.running++;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const turn = () => {
        signal?.removeEventListener('abort', onAbort);
        this.running++;
        resolve();
      };
      const onAbort = () => {
        this.waiting.splice(this.waiting.indexOf(turn), 1);
        reject(new ExtractionAbortedError());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiting.push(turn);
    });
  }

  private run(
    text: string,
    fileName: string,
    dataset: ExtractionData | undefined,
    signal?: AbortSignal,
  ): Promise<ExtractionResult> {
    if (signal?.aborted) return Promise.reject(new ExtractionAbortedError());
    const pooled = this.idle.pop() ?? this.spawn();
    clearTimeout(pooled.idleTimer);
    pooled.worker.ref();
    const job: ExtractionJob = { claimgraphExtraction: true, text, fileName, withData: dataset !== undefined };
    const entitiesAt = dataset?.contentHash;
    if (dataset && (pooled.entities !== dataset.entities || pooled.entitiesAt !== entitiesAt))
      job.entities = [...dataset.entities.values()];
    if (dataset && pooled.vocabulary !== dataset.vocabulary) job.vocabulary = dataset.vocabulary;
    return new Promise<ExtractionResult>((resolve, reject) => {
      const { worker } = pooled;
      let settled = false;
      const settle = (keep: boolean, outcome: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (keep) this.park(pooled);
        else void this.stop(pooled);
        outcome();
      };
      const onMessage = (reply: ExtractionReply | typeof WORKER_READY) => {
        if (reply === WORKER_READY) return startClock();
        if (dataset) Object.assign(pooled, { entities: dataset.entities, entitiesAt, vocabulary: dataset.vocabulary });
        const keep = reply.heapUsedBytes < (this.limits.heapMb * 2 ** 20) / 2;
        settle(keep, () =>
          'result' in reply ? resolve(reply.result) : reject(new ArticleFormatError(reply.formatError)),
        );
      };
      const onError = (error: Error & { code?: string }) => {
        settle(false, () =>
          reject(
            error.code === 'ERR_WORKER_OUT_OF_MEMORY'
              ? new ExtractionLimitError('heap', this.limits)
              : new Error(`the extractor failed: ${error.message}`, { cause: error }),
          ),
        );
      };
      const onExit = (code: number) =>
        settle(false, () => reject(new Error(`the extraction worker stopped (exit code ${code}) before it answered`)));
      const onAbort = () => settle(false, () => reject(new ExtractionAbortedError()));
      let timer: NodeJS.Timeout | undefined;
      const startClock = () => {
        pooled.ready = true;
        timer = setTimeout(
          () => settle(false, () => reject(new ExtractionLimitError('time', this.limits))),
          this.limits.timeLimitMs,
        );
      };
      if (pooled.ready) startClock();
      worker.on('message', onMessage);
      worker.once('error', onError);
      worker.once('exit', onExit);
      signal?.addEventListener('abort', onAbort, { once: true });
      worker.postMessage(job);
    });
  }

  private spawn(): PooledWorker {
    const pooled: PooledWorker = { worker: startWorker(this.limits.heapMb), ready: false };
    // While it waits for an article, a worker that fails or stops just leaves the pool.
    pooled.worker.on('error', () => {});
    pooled.worker.on('exit', () => {
      const at = this.idle.indexOf(pooled);
      if (at !== -1) this.idle.splice(at, 1);
      clearTimeout(pooled.idleTimer);
    });
    return pooled;
  }

  /** Keeps a worker for the next article, without keeping the process alive, for a while. */
  private park(pooled: PooledWorker): void {
    if (this.closed) {
      void this.stop(pooled);
      return;
    }
    pooled.worker.unref();
    pooled.idleTimer = setTimeout(() => {
      const at = this.idle.indexOf(pooled);
      if (at !== -1) this.idle.splice(at, 1);
      void this.stop(pooled);
    }, IDLE_WORKER_MS);
    pooled.idleTimer.unref();
    this.idle.push(pooled);
  }

  private async stop(pooled: PooledWorker): Promise<void> {
    clearTimeout(pooled.idleTimer);
    pooled.worker.removeAllListeners();
    // A worker stopped mid-article has nothing more to say; an 'error' it still emits is not ours to throw.
    pooled.worker.on('error', () => {});
    await pooled.worker.terminate();
  }
}
