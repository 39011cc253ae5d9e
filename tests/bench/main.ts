// `npm run bench [-- --quick]`: generates data at 1k, 10k and 100k entities (10 claims
// each; --quick: 1k and 10k, shorter load tests) and measures, each beside a baseline
// run on this machine in the same run: (1) load + validate + build vs a bare graphology
// loop, (2) start-up to the first answer and to layout ready, (3) the API under load vs
// bare node:http, (4) exports vs JSON.stringify and graphology-gexf, (5) the client's
// first frame vs a bare sigma page; (6) the extractor at 16 KB to 1 MB of article; and (7)
// writes (add, correct, retract a claim; /api/health while 16 curators write) vs a bare
// append + fsync, on the largest size only. Prints Markdown tables; writes
// tests/bench/results.json. `--only=extractor` runs (6) alone and replaces only its part of
// results.json; `--only=writes` runs (7) alone (on 100k entities unless --sizes= says);
// (8) PostgreSQL: `db import` vs `validate`, start-up from the database vs from the folder,
// on the largest size (`--only=database`: alone, on 100k entities unless --sizes= says).
// (2) also restarts the server on the caches its first start left (layout, start-up cache)
// and times the warm start beside the cold one; `--only=startup` runs (2) alone.
import fs from 'node:fs';
import os from 'node:os';
import type { BareLoadResult, LoadResult } from './childTasks';
import { resultsFile } from './benchPaths';
import { ensureDataset } from './datasets';
import { measureClient, type ClientResult } from './measureClient';
import { measureDatabase, type DatabaseResult } from './measureDatabase';
import { measureExports, type ExportRow } from './measureExports';
import { extractorTable, measureExtractor, type ExtractorResult } from './measureExtractor';
import {
  chooseRoutes,
  measureRoutes,
  startServerUnderTest,
  type RouteResult,
  type StartupResult,
} from './measureServer';
import { measureWrites, type WriteResult } from './measureWrites';
import { runChild } from './runChild';
import { count, markdownTable, mib, ratio, seconds } from './table';

interface SizeResult {
  entities: number;
  claims: number;
  edges: number;
  load: LoadResult & { bareMs: number; overheadRatio: number; bytesPerClaim: number };
  startup?: StartupResult;
  /** The restart on the first start's caches; `startupCacheWrittenMs`: when the first start had written its start-up cache. */
  warmStartup?: StartupResult & { startupCacheWrittenMs?: number };
  api?: RouteResult[];
  exports?: ExportRow[];
  writes?: WriteResult;
  database?: DatabaseResult;
  errors: string[];
}

interface BenchResults {
  startedAt: string;
  finishedAt?: string;
  quick: boolean;
  machine: { cpus: number; cpuModel: string; memoryBytes: number; node: string; loadAverage: number[] };
  sizes: SizeResult[];
  client?: ClientResult | { error: string };
  extractor?: ExtractorResult;
}

const log = (line: string) => process.stderr.write(`${line}\n`);

function parseArgs(argv: string[]) {
  const quick = argv.includes('--quick');
  const only = (name: string) =>
    !argv.some((a) => a.startsWith('--only=')) ||
    argv.some((a) => a.startsWith('--only=') && a.slice(7).split(',').includes(name));
  const sizesArg = argv.find((a) => a.startsWith('--sizes='));
  const sizes = sizesArg
    ? sizesArg
        .slice(8)
        .split(',')
        .map(Number)
        .filter((n) => n > 0)
    : quick
      ? [1000, 10000]
      : [1000, 10000, 100000];
  const onlyList = argv.filter((a) => a.startsWith('--only=')).flatMap((a) => a.slice(7).split(','));
  const extractorOnly = onlyList.length > 0 && onlyList.every((name) => name === 'extractor');
  const writesOnly = onlyList.length > 0 && onlyList.every((name) => name === 'writes');
  const databaseOnly = onlyList.length > 0 && onlyList.every((name) => name === 'database');
  const startupOnly = onlyList.length > 0 && onlyList.every((name) => name === 'startup');
  const largestOnly = (writesOnly || databaseOnly || startupOnly) && !sizesArg;
  return {
    quick,
    sizes: largestOnly ? [100000] : sizes,
    only,
    extractorOnly,
    writesOnly,
    databaseOnly,
    startupOnly,
  };
}

async function benchSize(
  entities: number,
  quick: boolean,
  only: (name: string) => boolean,
  largest: boolean,
): Promise<SizeResult> {
  const claims = entities * 10;
  log(`\n== ${count(entities)} entities / ${count(claims)} claims`);
  const dataset = ensureDataset(entities, claims);
  const errors: string[] = [];
  if (only('writes') && !only('load')) return writesOnlySize(dataset.dir, entities, claims, errors);
  if (only('database') && !only('load'))
    return { ...noLoad(entities, claims), database: await databaseOf(dataset.dir, errors), errors };
  if (only('startup') && !only('load') && !only('api'))
    return { ...noLoad(entities, claims), ...(await startupsOf(dataset.dir, quick, false, errors)), errors };
  const ours = await runChild<LoadResult>('load', [dataset.dir]);
  const bare = await runChild<BareLoadResult>('bare-load', [dataset.dir]);
  log(
    `  load: ${seconds(ours.totalMs)} s (bare graphology ${seconds(bare.bareMs)} s), peak ${mib(ours.peakRssBytes)} MiB`,
  );
  const result: SizeResult = {
    entities: ours.entities,
    claims: ours.claims,
    edges: ours.edges,
    load: {
      ...ours,
      bareMs: bare.bareMs,
      overheadRatio: ours.totalMs / bare.bareMs,
      bytesPerClaim: ours.retainedHeapBytes / ours.claims,
    },
    errors,
  };

  if (only('api')) Object.assign(result, await startupsOf(dataset.dir, quick, true, errors));
  if (only('export')) result.exports = await measureExports(dataset.dir, log);
  if (only('writes') && largest) result.writes = await writesOf(dataset.dir, errors);
  if (only('database') && largest) result.database = await databaseOf(dataset.dir, errors);
  return result;
}

/**
 * Start-up cold (empty caches), the API under load on that server when `routes`, then a
 * restart on the caches the first start wrote (a warm start): what a user sees on the
 * second `npm start` of an unchanged folder.
 */
async function startupsOf(
  dir: string,
  quick: boolean,
  routes: boolean,
  errors: string[],
): Promise<Pick<SizeResult, 'startup' | 'warmStartup' | 'api'>> {
  // A family name of the generated data (the first person's): many hits, as a user's first search has.
  const searchQuery = (JSON.parse(fs.readFileSync(firstEntitiesFile(dir), 'utf8'))[0].name as string).split(' ').pop()!;
  const out: Pick<SizeResult, 'startup' | 'warmStartup' | 'api'> = {};
  let cacheDir: string | undefined;
  let writtenMs: number | undefined;
  try {
    const server = await startServerUnderTest(dir, searchQuery, quick ? 120_000 : 400_000);
    cacheDir = server.cacheDir;
    out.startup = server.startup;
    log(
      `  start-up: first answer ${seconds(server.startup.firstAnswerMs)} s, first search ${seconds(server.startup.firstSearchMs)} s, layout ${server.startup.layoutTimedOut ? 'not ready' : `${seconds(server.startup.layoutReadyMs)} s`}, peak ${mib(server.startup.peakRssBytes)} MiB`,
    );
    try {
      if (routes) {
        const chosen = await chooseRoutes(server.url, searchQuery);
        out.api = await measureRoutes(server.url, chosen, quick ? 3 : 15);
        for (const row of out.api)
          log(
            `  ${row.route}: ${row.ours.rps.toFixed(0)} req/s (bare ${row.bare.rps.toFixed(0)}), p99 ${row.ours.p99Ms} ms`,
          );
      }
      writtenMs = await server.startupCacheWritten(300_000);
    } finally {
      await server.stop(true);
    }
  } catch (error) {
    errors.push(`api: ${(error as Error).message}`);
    log(`  api failed: ${(error as Error).message}`);
  }
  if (cacheDir === undefined) return out;
  try {
    if (writtenMs === undefined) throw new Error('the first start wrote no start-up cache');
    const warm = await startServerUnderTest(dir, searchQuery, 1, {}, cacheDir);
    await warm.stop();
    out.warmStartup = { ...warm.startup, startupCacheWrittenMs: writtenMs };
    log(
      `  warm start-up: first answer ${seconds(warm.startup.firstAnswerMs)} s, first search ${seconds(warm.startup.firstSearchMs)} s, peak ${mib(warm.startup.peakRssBytes)} MiB (start-up cache written ${seconds(writtenMs)} s after the first start)`,
    );
  } catch (error) {
    errors.push(`warm start-up: ${(error as Error).message}`);
    log(`  warm start-up failed: ${(error as Error).message}`);
  } finally {
    fs.rmSync(cacheDir, { recursive: true, force: true });
  }
  return out;
}

async function databaseOf(dir: string, errors: string[]): Promise<DatabaseResult | undefined> {
  try {
    return await measureDatabase(dir, log);
  } catch (error) {
    errors.push(`database: ${(error as Error).message}`);
    log(`  database failed: ${(error as Error).message}`);
    return undefined;
  }
}

/** A size measured without the load figures (a run of one part alone). */
function noLoad(entities: number, claims: number): Omit<SizeResult, 'errors'> {
  const none: LoadResult = {
    entities,
    claims,
    edges: 0,
    readValidateMs: 0,
    buildMs: 0,
    totalMs: 0,
    peakRssBytes: 0,
    retainedHeapBytes: 0,
  };
  return { entities, claims, edges: 0, load: { ...none, bareMs: 0, overheadRatio: 0, bytesPerClaim: 0 } };
}

function databaseWritesTable(sizes: SizeResult[]): string {
  const measured = sizes.filter((s) => s.database?.bareInsert && s.database.writes);
  if (measured.length === 0) return '';
  return [
    '',
    '**Writes on PostgreSQL** (a server on the imported database, one request at a time; ratio = p99 ÷ the p99 of a bare `BEGIN; INSERT …; COMMIT` of one event row on the same cluster, in the same run)',
    '',
    markdownTable(
      ['entities', 'write', 'n', 'p50 ms', 'p99 ms', 'max ms', 'bare p50 ms', 'bare p99 ms', 'p99 ratio'],
      measured.flatMap((s) =>
        s.database!.writes!.map((r) => [
          count(s.entities),
          r.write,
          r.ours?.count ?? '—',
          r.ours?.p50Ms ?? '—',
          r.ours?.p99Ms ?? '—',
          r.ours?.maxMs ?? '—',
          s.database!.bareInsert!.p50Ms,
          s.database!.bareInsert!.p99Ms,
          r.p99Ratio === undefined ? '—' : ratio(r.p99Ratio),
        ]),
      ),
    ),
  ].join('\n');
}

function databaseTable(sizes: SizeResult[]): string {
  return [
    '**PostgreSQL** (db import vs validate on the same folder; load + build from the database vs from the folder)',
    '',
    markdownTable(
      [
        'entities',
        'claims',
        'validate s',
        'db import s',
        'import ÷ validate',
        'load folder s',
        'load PostgreSQL s',
        'ratio',
        'database MiB',
      ],
      sizes
        .filter((s) => s.database)
        .map((s) => [
          count(s.entities),
          count(s.claims),
          seconds(s.database!.validateMs),
          seconds(s.database!.importMs),
          ratio(s.database!.importRatio),
          seconds(s.database!.folderLoadMs),
          seconds(s.database!.databaseLoadMs),
          ratio(s.database!.loadRatio),
          mib(s.database!.databaseBytes),
        ]),
    ),
    databaseWritesTable(sizes),
  ].join('\n');
}

async function writesOf(dir: string, errors: string[]): Promise<WriteResult | undefined> {
  try {
    return await measureWrites(dir, log);
  } catch (error) {
    errors.push(`writes: ${(error as Error).message}`);
    log(`  writes failed: ${(error as Error).message}`);
    return undefined;
  }
}

/** `--only=writes`: the write bench alone, without the load figures. */
async function writesOnlySize(dir: string, entities: number, claims: number, errors: string[]): Promise<SizeResult> {
  const writes = await writesOf(dir, errors);
  const none: LoadResult = {
    entities,
    claims,
    edges: 0,
    readValidateMs: 0,
    buildMs: 0,
    totalMs: 0,
    peakRssBytes: 0,
    retainedHeapBytes: 0,
  };
  return {
    entities,
    claims,
    edges: 0,
    load: { ...none, bareMs: 0, overheadRatio: 0, bytesPerClaim: 0 },
    writes,
    errors,
  };
}

function firstEntitiesFile(dir: string): string {
  return fs.existsSync(`${dir}/entities.json`) ? `${dir}/entities.json` : `${dir}/entities/00000.json`;
}

function report(results: BenchResults): string {
  const out: string[] = [];
  const m = results.machine;
  out.push(
    `Machine: ${m.cpus} × ${m.cpuModel}, ${(m.memoryBytes / 2 ** 30).toFixed(0)} GiB, Node ${m.node}; load average at start ${m.loadAverage.map((l) => l.toFixed(1)).join(' ')}. ${results.quick ? 'Quick run.' : 'Full run.'}`,
  );
  out.push('', '**1. Load + validate + build** (ratio = ours / bare graphology loop from pre-parsed arrays)', '');
  out.push(
    markdownTable(
      [
        'entities',
        'claims',
        'edges',
        'read+validate s',
        'build s',
        'total s',
        'bare s',
        'ratio',
        'peak RSS MiB',
        'bytes/claim',
      ],
      results.sizes.map((s) => [
        count(s.entities),
        count(s.claims),
        count(s.edges),
        seconds(s.load.readValidateMs),
        seconds(s.load.buildMs),
        seconds(s.load.totalMs),
        seconds(s.load.bareMs),
        ratio(s.load.overheadRatio),
        mib(s.load.peakRssBytes),
        s.load.bytesPerClaim.toFixed(0),
      ]),
    ),
  );
  out.push('', startupTable(results.sizes));
  out.push(
    '',
    '**3. API under load** (autocannon, 64 connections; bare = node:http answering the same bodies; ratio = our req/s ÷ bare req/s)',
    '',
  );
  out.push(
    markdownTable(
      ['entities', 'route', 'body KiB', 'p50 ms', 'p99 ms', 'req/s', 'bare p99 ms', 'bare req/s', 'ratio', 'errors'],
      results.sizes.flatMap((s) =>
        (s.api ?? []).map((r) => [
          count(s.entities),
          r.route,
          (r.bodyBytes / 1024).toFixed(1),
          r.ours.p50Ms,
          r.ours.p99Ms,
          r.ours.rps.toFixed(0),
          r.bare.p99Ms,
          r.bare.rps.toFixed(0),
          ratio(r.throughputRatio),
          r.ours.errors,
        ]),
      ),
    ),
  );
  out.push(
    '',
    '**4. Exports of the whole graph** (stream = written in chunks to a file; peak = extra RSS during the export; longest = largest single string)',
    '',
  );
  out.push(
    markdownTable(
      ['entities', 'format', 'mode', 's', 'MiB', 'MB/s', 'peak MiB', 'longest string MiB', 'note'],
      results.sizes.flatMap((s) =>
        (s.exports ?? []).map((e) => [
          count(s.entities),
          e.format,
          e.mode,
          seconds(e.ms),
          mib(e.bytes),
          e.mbPerS.toFixed(1),
          mib(e.peakExtraRssBytes),
          (e.longestStringChars / 2 ** 20).toFixed(1),
          e.error ? `failed: ${e.error.slice(0, 60)}` : '',
        ]),
      ),
    ),
  );
  if (results.client) {
    out.push('', '**5. Client first frame in Chromium** (navigation → first frame drawn by sigma)', '');
    if ('error' in results.client) out.push(`failed: ${results.client.error}`);
    else {
      const c = results.client;
      out.push(
        markdownTable(
          ['graph', 'ours ms', 'bare sigma ms', 'ratio', 'note'],
          c.rows.map((r) => [
            r.graph,
            r.oursMs === undefined ? '—' : r.oursMs.toFixed(0),
            r.bareMs === undefined ? '—' : r.bareMs.toFixed(0),
            r.ratio === undefined ? '—' : ratio(r.ratio),
            r.note,
          ]),
        ),
      );
    }
  }
  if (results.extractor) {
    out.push(
      '',
      '**6. Extractor** (generated articles of varied news sentences; each size in a fresh process; ratio ≈ 4 for 4× the text is linear)',
      '',
    );
    out.push(extractorTable(results.extractor));
  }
  if (results.sizes.some((s) => s.writes)) {
    out.push(
      '',
      '**7. Writes** (one at a time, request to answer; ratio = p99 ÷ the p99 of a bare append of one line + fsync on the same disk; /api/health polled every 20 ms)',
      '',
    );
    out.push(writesTable(results.sizes));
  }
  for (const s of results.sizes) for (const error of s.errors) out.push('', `${count(s.entities)}: ${error}`);
  return out.join('\n');
}

function startupTable(sizes: SizeResult[]): string {
  return [
    '**2. Start-up** (spawn → first 200 from /api/health, → first search answered, → layout cached; server peak RSS; warm = restarted on the caches the first start wrote; ratio = warm first search ÷ cold)',
    '',
    markdownTable(
      [
        'entities',
        'first answer s',
        'first search s',
        'layout ready s',
        'server peak RSS MiB',
        'warm first answer s',
        'warm first search s',
        'warm peak RSS MiB',
        'warm ÷ cold',
      ],
      sizes
        .filter((s) => s.startup)
        .map((s) => {
          const warm = s.warmStartup;
          return [
            count(s.entities),
            seconds(s.startup!.firstAnswerMs),
            seconds(s.startup!.firstSearchMs),
            s.startup!.layoutTimedOut ? 'not within limit' : seconds(s.startup!.layoutReadyMs),
            mib(s.startup!.peakRssBytes),
            warm ? seconds(warm.firstAnswerMs) : '—',
            warm ? seconds(warm.firstSearchMs) : '—',
            warm ? mib(warm.peakRssBytes) : '—',
            warm ? ratio(warm.firstSearchMs / s.startup!.firstSearchMs) : '—',
          ];
        }),
    ),
  ].join('\n');
}

function writesTable(sizes: SizeResult[]): string {
  return markdownTable(
    ['entities', 'write', 'n', 'p50 ms', 'p99 ms', 'max ms', 'bare p50 ms', 'bare p99 ms', 'p99 ratio', 'note'],
    sizes.flatMap((s) => {
      if (!s.writes) return [];
      const w = s.writes;
      const bare = [w.bareAppend.p50Ms, w.bareAppend.p99Ms];
      const rows = w.rows.map((r) => [
        count(s.entities),
        r.write,
        r.ours?.count ?? '—',
        r.ours?.p50Ms ?? '—',
        r.ours?.p99Ms ?? '—',
        r.ours?.maxMs ?? '—',
        ...bare,
        r.p99Ratio === undefined ? '—' : ratio(r.p99Ratio),
        r.note ?? '',
      ]);
      const health = (name: string, f: typeof w.health.quiet, note: string) => [
        count(s.entities),
        name,
        f.count,
        f.p50Ms,
        f.p99Ms,
        f.maxMs,
        '—',
        '—',
        '—',
        note,
      ];
      return [
        ...rows,
        health('/api/health, no writes', w.health.quiet, ''),
        health(
          '/api/health, 16 curators writing',
          w.health.while16Write,
          `${w.health.writesDone} corrections, ${w.health.writeErrors} errors`,
        ),
      ];
    }),
  );
}

async function main(): Promise<void> {
  const { quick, sizes, only, extractorOnly, writesOnly, databaseOnly, startupOnly } = parseArgs(process.argv.slice(2));
  if (extractorOnly) {
    // The other parts of results.json stay as their last full run wrote them.
    const previous = fs.existsSync(resultsFile)
      ? (JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as BenchResults)
      : undefined;
    const extractor = await measureExtractor(log, os.loadavg());
    fs.writeFileSync(resultsFile, `${JSON.stringify({ ...previous, extractor }, null, 2)}\n`);
    process.stdout.write(`${extractorTable(extractor)}\n`);
    return;
  }
  const results: BenchResults = {
    startedAt: new Date().toISOString(),
    quick,
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      memoryBytes: os.totalmem(),
      node: process.version,
      loadAverage: os.loadavg(),
    },
    sizes: [],
  };
  for (const entities of sizes) {
    results.sizes.push(await benchSize(entities, quick, only, entities === Math.max(...sizes)));
    // A run of the writes alone prints its table and leaves results.json as the last full run wrote it.
    if (!writesOnly && !databaseOnly && !startupOnly)
      fs.writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
  }
  if (only('extractor')) results.extractor = await measureExtractor(log, os.loadavg());
  if (only('client')) {
    try {
      results.client = await measureClient(log);
    } catch (error) {
      results.client = { error: (error as Error).message };
      log(`  client failed: ${(error as Error).message}`);
    }
  }
  results.finishedAt = new Date().toISOString();
  if (writesOnly) {
    process.stdout.write(`${writesTable(results.sizes)}\n`);
    return;
  }
  if (databaseOnly) {
    process.stdout.write(`${databaseTable(results.sizes)}\n`);
    return;
  }
  if (startupOnly) {
    process.stdout.write(`${startupTable(results.sizes)}\n`);
    return;
  }
  fs.writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`${report(results)}\n\n${databaseTable(results.sizes)}\n`);
}

main().catch((error: unknown) => {
  console.error((error as Error).stack ?? String(error));
  process.exit(1);
});
