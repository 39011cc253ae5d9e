// Peak memory of one phase of a process: a worker thread samples the process's resident
// set every few milliseconds, so even a long synchronous call on the main thread is seen.
import { Worker } from 'node:worker_threads';

const SAMPLER = `
const { workerData } = require('node:worker_threads');
const peak = new Float64Array(workerData);
setInterval(() => { const rss = process.memoryUsage.rss(); if (rss > peak[0]) peak[0] = rss; }, 5);
`;

export interface MemorySampler {
  /** Forget the peak so far. */
  reset(): void;
  /** Highest resident set seen since the last reset, in bytes. */
  peak(): number;
  stop(): Promise<void>;
}

export function startMemorySampler(): MemorySampler {
  const shared = new SharedArrayBuffer(8);
  const peak = new Float64Array(shared);
  const worker = new Worker(SAMPLER, { eval: true, workerData: shared });
  worker.unref();
  return {
    reset: () => {
      peak[0] = process.memoryUsage.rss();
    },
    peak: () => Math.max(peak[0], process.memoryUsage.rss()),
    stop: async () => {
      await worker.terminate();
    },
  };
}
