// Benchmarks 2 and 3: the real server started as a user starts it (its own process),
// timed to its first answered request, its first answered search, and its layout (and,
// restarted on the same caches, the same from the start-up cache the first start wrote); then
// the API under load with autocannon, each route beside a bare node:http server that
// answers the very same precomputed bodies in the same run (the ratio is what counts).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { childEntry, scratchDir, serverEntry, serverNodeFlags } from './benchPaths';

export interface StartupResult {
  firstAnswerMs: number;
  firstSearchMs: number;
  layoutReadyMs?: number;
  layoutTimedOut: boolean;
  peakRssBytes: number;
}

export interface RouteResult {
  route: string;
  url: string;
  bodyBytes: number;
  ours: LoadFigures;
  bare: LoadFigures;
  /** ours.rps / bare.rps */
  throughputRatio: number;
}

export interface LoadFigures {
  p50Ms: number;
  p99Ms: number;
  rps: number;
  errors: number;
}

interface Started {
  child: ChildProcess;
  url: string;
}

/** Spawns a process and waits for a line matching `ready` on its standard output. */
function spawnUntil(
  args: string[],
  env: NodeJS.ProcessEnv,
  ready: RegExp,
  timeoutMs: number,
): Promise<Started & { match: RegExpMatchArray }> {
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`timed out waiting for ${ready} from ${args.join(' ')}: ${err.slice(-500)}`));
    }, timeoutMs);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = out.match(ready);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: '', match });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${args.join(' ')} exited (${code}) before it was ready: ${err.slice(-800)}`));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function getOk(url: string): Promise<boolean> {
  try {
    const response = await fetch(url);
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false;
  }
}

function peakRssOf(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /VmHWM:\s+(\d+) kB/.exec(status);
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

export interface RunningServerUnderTest {
  url: string;
  startup: StartupResult;
  /** Its layout and start-up caches (CLAIMGRAPH_CACHE_DIR). */
  cacheDir: string;
  /** Waits (up to `timeoutMs`) until the server has written its start-up cache; its time since spawn, or undefined. */
  startupCacheWritten(timeoutMs: number): Promise<number | undefined>;
  /** Stops the server; its caches are removed unless `keepCaches`. */
  stop(keepCaches?: boolean): Promise<void>;
}

/**
 * Starts `node server/index.js` with npm start's flags on a free port with an empty layout
 * cache (or `cacheDir`'s: a restart), so the layout is computed as on a first start. Times: spawn → first 200 from /api/health; → first
 * 200 from a search (the search index is built on first use); → layout cache written.
 */
export async function startServerUnderTest(
  dataDir: string,
  searchQuery: string,
  layoutTimeoutMs: number,
  /** More environment for the server (the write bench gives it a token). */
  extraEnv: NodeJS.ProcessEnv = {},
  cacheDir = path.join(scratchDir, `layout-cache-${process.pid}-${Date.now()}`),
): Promise<RunningServerUnderTest> {
  fs.mkdirSync(cacheDir, { recursive: true });
  const started = performance.now();
  const child = spawn(process.execPath, [...serverNodeFlags(), serverEntry], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      CLAIMGRAPH_DATA: dataDir,
      CLAIMGRAPH_CACHE_DIR: cacheDir,
      CLAIMGRAPH_TOKEN: '',
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
  let exited = false;
  child.once('exit', () => (exited = true));
  let base: string | undefined;
  while (!base) {
    if (exited) throw new Error(`the server exited before listening: ${err.slice(-800)}`);
    if (performance.now() - started > 5 * 60_000) throw new Error('the server did not listen within 5 minutes');
    base = /listening on (http:\/\/\S+?)\/?\s/.exec(out)?.[1];
    if (!base) await sleep(10);
  }
  while (!(await getOk(`${base}/api/health`))) await sleep(10);
  const firstAnswerMs = performance.now() - started;
  while (!(await getOk(`${base}/api/entities?q=${encodeURIComponent(searchQuery)}`))) await sleep(10);
  const firstSearchMs = performance.now() - started;
  let layoutReadyMs: number | undefined;
  while (performance.now() - started < layoutTimeoutMs) {
    if (fs.readdirSync(cacheDir).some((file) => file.startsWith('layout-') && file.endsWith('.json'))) {
      layoutReadyMs = performance.now() - started;
      break;
    }
    await sleep(50);
  }
  const startupCacheDir = path.join(cacheDir, 'startup');
  return {
    url: base,
    startup: {
      firstAnswerMs,
      firstSearchMs,
      layoutReadyMs,
      layoutTimedOut: layoutReadyMs === undefined,
      peakRssBytes: peakRssOf(child.pid!),
    },
    cacheDir,
    startupCacheWritten: async (timeoutMs) => {
      const until = performance.now() + timeoutMs;
      while (performance.now() < until) {
        if (fs.existsSync(startupCacheDir) && fs.readdirSync(startupCacheDir).some((file) => file.endsWith('.cache')))
          return performance.now() - started;
        await sleep(100);
      }
      return undefined;
    },
    stop: async (keepCaches = false) => {
      const gone = new Promise((resolve) => child.once('exit', resolve));
      if (!exited) child.kill('SIGTERM');
      await Promise.race([gone, sleep(5000)]);
      if (!exited) child.kill('SIGKILL');
      if (!keepCaches) fs.rmSync(cacheDir, { recursive: true, force: true });
    },
  };
}

/** Waits (up to a minute) until the server answers /api/health within 100 ms again. */
async function settle(base: string): Promise<void> {
  const until = performance.now() + 60_000;
  while (performance.now() < until) {
    const started = performance.now();
    if ((await getOk(`${base}/api/health`)) && performance.now() - started < 100) return;
    await sleep(200);
  }
}

/** Seconds of unmeasured load on each server before a route is measured. */
const WARM_UP_S = 2;

async function hammer(url: string, durationS: number): Promise<LoadFigures> {
  const result = await autocannon({ url, connections: 64, duration: durationS, pipelining: 1 });
  return {
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    rps: result.requests.average,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

/** Fetches each route's body from our server once, serves the bodies from a bare server, and loads both in turn. */
export async function measureRoutes(
  base: string,
  routes: Array<{ route: string; path: string }>,
  durationS: number,
): Promise<RouteResult[]> {
  const bodies: Record<string, { status: number; type: string; body: string }> = {};
  for (const { path: url } of routes) {
    const response = await fetch(`${base}${url}`);
    const body = Buffer.from(await response.arrayBuffer());
    if (!response.ok) throw new Error(`GET ${url} answered ${response.status}: ${body.toString().slice(0, 300)}`);
    bodies[url] = {
      status: response.status,
      type: response.headers.get('content-type') ?? 'application/json',
      body: body.toString('base64'),
    };
  }
  fs.mkdirSync(scratchDir, { recursive: true });
  const bodiesFile = path.join(scratchDir, `bodies-${process.pid}.json`);
  fs.writeFileSync(bodiesFile, JSON.stringify(bodies));
  const bare = await spawnUntil([childEntry, 'bare-http', bodiesFile], {}, /\{"port":(\d+)\}/, 30_000);
  const bareBase = `http://127.0.0.1:${bare.match[1]}`;
  const results: RouteResult[] = [];
  try {
    for (const { route, path: url } of routes) {
      // Requests still queued from the previous route would be charged to this one.
      await settle(base);
      // A short unmeasured load on each server first: JIT warm-up, and on our side the
      // collection of what the start left behind (the graph replaced when the layout
      // finished), which would otherwise fall on whichever route is measured first.
      await hammer(`${base}${url}`, WARM_UP_S);
      const ours = await hammer(`${base}${url}`, durationS);
      await hammer(`${bareBase}${url}`, WARM_UP_S);
      const baseline = await hammer(`${bareBase}${url}`, durationS);
      results.push({
        route,
        url,
        bodyBytes: Buffer.from(bodies[url].body, 'base64').length,
        ours,
        bare: baseline,
        throughputRatio: ours.rps / baseline.rps,
      });
    }
  } finally {
    bare.child.kill('SIGTERM');
    fs.rmSync(bodiesFile, { force: true });
  }
  return results;
}

/** Picks the routes' parameters from the data through the API itself: a mid-degree entity and another to find a path to. */
export async function chooseRoutes(base: string, searchQuery: string): Promise<Array<{ route: string; path: string }>> {
  const response = await fetch(`${base}/api/entities?q=${encodeURIComponent(searchQuery)}&limit=50`);
  const { hits } = (await response.json()) as { hits: Array<{ id: string; degree: number }> };
  const connected = hits.filter((hit) => hit.degree >= 2).sort((a, b) => a.degree - b.degree);
  if (connected.length < 2)
    throw new Error(`the search "${searchQuery}" found too few connected entities to benchmark`);
  const entity = connected[Math.floor(connected.length / 2)];
  const other = connected.find((hit) => hit.id !== entity.id)!;
  const id = encodeURIComponent(entity.id);
  return [
    { route: 'search', path: `/api/entities?q=${encodeURIComponent(searchQuery)}` },
    { route: 'entity', path: `/api/entities/${id}` },
    { route: 'neighbours d1', path: `/api/entities/${id}/neighbors?depth=1` },
    { route: 'neighbours d2', path: `/api/entities/${id}/neighbors?depth=2&limit=100` },
    { route: 'path', path: `/api/path?from=${id}&to=${encodeURIComponent(other.id)}` },
    { route: 'edges by type', path: '/api/edges?type=funded&limit=100' },
  ];
}
