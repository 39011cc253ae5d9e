// The extractor's time at 16, 64, 256 and 1,024 KB of article text (generated: varied
// news sentences, tests/fixtures/longArticle.ts), each size in a fresh process: the
// median of three extractions in the process's own thread, and one through the worker
// pool the server uses (its size and time limits raised for the measurement). The ratio between consecutive sizes
// shows the growth: about 4 for 4 times the text is linear.
import { extractArticle } from '../../server/ingest/extractArticle';
import { DEFAULT_EXTRACTION_LIMITS } from '../../server/ingest/extractionLimits';
import { ExtractionWorkers } from '../../server/ingest/extractionWorkers';
import { longArticle } from '../fixtures/longArticle';
import { runChild } from './runChild';
import { markdownTable, ratio, seconds } from './table';

export const EXTRACTOR_SIZES_KB = [16, 64, 256, 1024];
const RUNS = 3;

/** What one size's child process measures. */
export interface ExtractorTimes {
  kb: number;
  bytes: number;
  entities: number;
  claims: number;
  /** Each in-thread run, and their median. */
  runsMs: number[];
  medianMs: number;
  /** One extraction through a warm worker (the server's path, with its size and time limits raised). */
  workerMs: number;
  peakRssBytes: number;
}

export interface ExtractorRow extends ExtractorTimes {
  /** medianMs ÷ the previous size's medianMs (the sizes grow 4 times each step). */
  ratioToPrevious?: number;
}

export interface ExtractorResult {
  measuredAt: string;
  loadAverage: number[];
  rows: ExtractorRow[];
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Runs in the child process (childTasks.ts, task "extract"). */
export async function extractorTimes(kb: number): Promise<ExtractorTimes> {
  const text = longArticle(kb * 1024);
  // The first extraction of a process loads the vocabulary and compiles the code: not measured.
  extractArticle(longArticle(4 * 1024, 2), 'warm-up.txt');
  const runsMs: number[] = [];
  let found = { entities: 0, claims: 0 };
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    const result = extractArticle(text, 'bench.txt');
    runsMs.push(performance.now() - started);
    found = { entities: result.entities.length, claims: result.claims.length };
  }
  // The server's path, its size and time limits raised so that every size is measured.
  const workers = new ExtractionWorkers({
    ...DEFAULT_EXTRACTION_LIMITS,
    maxArticleBytes: 2 * text.length + 1024,
    timeLimitMs: 10 * 60_000,
  });
  let workerMs: number;
  try {
    await workers.extract(longArticle(4 * 1024, 2), 'warm-up.txt');
    const started = performance.now();
    await workers.extract(text, 'bench.txt');
    workerMs = performance.now() - started;
  } finally {
    await workers.close();
  }
  return {
    kb,
    bytes: Buffer.byteLength(text),
    ...found,
    runsMs,
    medianMs: median(runsMs),
    workerMs,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
  };
}

export async function measureExtractor(log: (line: string) => void, loadAverage: number[]): Promise<ExtractorResult> {
  log('\n== extractor');
  const rows: ExtractorRow[] = [];
  for (const kb of EXTRACTOR_SIZES_KB) {
    const times = await runChild<ExtractorTimes>('extract', [String(kb)], 30 * 60_000);
    const previous = rows[rows.length - 1];
    rows.push({ ...times, ratioToPrevious: previous ? times.medianMs / previous.medianMs : undefined });
    log(
      `  ${kb} KB: ${seconds(times.medianMs)} s (runs ${times.runsMs.map((ms) => seconds(ms)).join(', ')}), in a worker ${seconds(times.workerMs)} s`,
    );
  }
  return { measuredAt: new Date().toISOString(), loadAverage, rows };
}

export function extractorTable(result: ExtractorResult): string {
  return markdownTable(
    [
      'article KB',
      'entities',
      'claims',
      'in-thread s (median of 3)',
      'ms per KB',
      'ratio to previous size (×4 text)',
      'in a worker s (limits raised)',
      'peak RSS MiB',
    ],
    result.rows.map((r) => [
      r.kb,
      r.entities,
      r.claims,
      seconds(r.medianMs),
      (r.medianMs / r.kb).toFixed(1),
      r.ratioToPrevious === undefined ? '—' : ratio(r.ratioToPrevious),
      seconds(r.workerMs),
      (r.peakRssBytes / 2 ** 20).toFixed(0),
    ]),
  );
}
