// `npm run load` (not part of npm test): drives the server on loopback
// with autocannon, 64 connections for 30 s, over a mix of search, entity, neighbours,
// path and graph requests on a generated dataset, and checks that nothing failed: no
// errors, no timeouts, no non-2xx answers, and the server's heap after a forced GC within
// 10% of what it was before the run (after a warm-up that fills the per-version caches).
// Options: --entities N (default 2000), --claims M (default 10×N), --data DIR (use a data
// folder instead of generating one), --duration S (30), --connections C (64).
// Diagnosis: LOAD_SLOW_MS=N makes the server name requests slower than N ms;
// LOAD_PROFILE=DIR writes the server's CPU profile there.
import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { bidirectional } from 'graphology-shortest-path/unweighted';
import { generateDataFolder } from '../../server/generate/generateDataFolder';
import { buildGraph } from '../../server/graph/buildGraph';
import type { EvidenceGraph } from '../../server/model/evidenceGraph';
import { seededRandom } from '../../server/model/random';
import { loadDataset } from '../../server/load/loadDataset';

interface HeapReport {
  heapUsed: number;
  rss: number;
}

const { values } = parseArgs({
  options: {
    entities: { type: 'string', default: '2000' },
    claims: { type: 'string' },
    data: { type: 'string' },
    duration: { type: 'string', default: '30' },
    connections: { type: 'string', default: '64' },
  },
});

const entities = Number(values.entities);
const claims = values.claims === undefined ? entities * 10 : Number(values.claims);
const duration = Number(values.duration);
const connections = Number(values.connections);

function dataFolder(): { dir: string; temporary: boolean } {
  if (values.data) return { dir: path.resolve(values.data), temporary: false };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-load-'));
  generateDataFolder({ entities, claims, seed: 8, outDir: dir });
  return { dir, temporary: true };
}

/** A fixed, seeded mix of the five kinds of request, with ids and names from the data. */
function requestMix(graph: EvidenceGraph): Array<{ kind: string; path: string }> {
  const random = seededRandom(42);
  const nodes = graph.nodes();
  const pick = () => nodes[Math.floor(random() * nodes.length)];
  const byDegree = [...nodes].sort((a, b) => graph.degree(b) - graph.degree(a));
  const mix: Array<{ kind: string; path: string }> = [];
  const id = (node: string) => encodeURIComponent(node);
  for (let i = 0; i < 40; i++) {
    const name = graph.getNodeAttribute(pick(), 'label') as string;
    const prefix = name.slice(0, 3 + Math.floor(random() * 4));
    mix.push({ kind: 'search', path: `/api/entities?q=${encodeURIComponent(prefix)}&limit=10` });
    const node = i % 4 === 0 ? byDegree[i % 10] : pick();
    mix.push({ kind: 'entity', path: `/api/entities/${id(node)}` });
    mix.push({ kind: 'neighbours', path: `/api/entities/${id(node)}/neighbors?depth=${1 + (i % 2)}&limit=200` });
    // A connected pair, so that every path request finds its chain.
    for (;;) {
      const from = pick();
      const to = pick();
      const found = from !== to ? bidirectional(graph, from, to) : null;
      if (found && found.length - 1 <= 6) {
        mix.push({ kind: 'path', path: `/api/path?from=${id(from)}&to=${id(to)}` });
        break;
      }
    }
    const graphs = [
      '/api/graph?status=confirmed',
      '/api/graph?nodeTypes=country,organization&minClaims=2',
      '/api/graph?edgeTypes=owns,operates',
      '/api/graph?status=denied&knownAt=2024',
    ];
    mix.push({ kind: 'graph', path: graphs[i % graphs.length] });
  }
  // One full graph in each round: what every client loads first.
  mix.push({ kind: 'graph', path: '/api/graph' });
  return mix;
}

function startServerProcess(dir: string): Promise<{ url: string; heap: () => Promise<HeapReport>; stop: () => void }> {
  const entry = path.join(__dirname, 'loadServer.js');
  const child = fork(entry, [dir], {
    execArgv: [
      '--expose-gc',
      '--max-old-space-size=4096',
      ...(process.env.LOAD_PROFILE ? ['--cpu-prof', '--cpu-prof-dir=' + process.env.LOAD_PROFILE] : []),
    ],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the load server exited with ${code}`)));
    child.once('message', (message: { type: string; url: string }) => {
      if (message.type !== 'ready') return reject(new Error(`unexpected message ${JSON.stringify(message)}`));
      resolve({
        url: message.url.replace('localhost', '127.0.0.1').replace(/\/$/, ''),
        heap: () =>
          new Promise((done) => {
            child.once('message', (report: HeapReport & { type: string }) => done(report));
            child.send({ type: 'heap' });
          }),
        stop: () => child.disconnect(),
      });
    });
  });
}

function run(url: string, requests: Array<{ path: string }>, seconds: number): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url,
        connections,
        duration: seconds,
        timeout: 10,
        requests: requests.map((r) => ({ method: 'GET', path: r.path })),
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function main(): Promise<number> {
  const started = Date.now();
  const { dir, temporary } = dataFolder();
  const dataset = loadDataset(dir, { onWarning: () => {} });
  const graph = buildGraph(dataset);
  const mix = requestMix(graph);
  console.log(
    `dataset: ${graph.order} entities, ${graph.size} relations, ${dataset.claims.length} claims (${dir}); ready in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  const server = await startServerProcess(dir);
  try {
    // Every URL of the mix must answer 2xx, or the load figures would count errors as speed.
    for (const { path: url } of mix) {
      const res = await fetch(`${server.url}${url}`);
      if (!res.ok) throw new Error(`${url} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
    }
    // Warm-up: the per-version caches (search index, serialised graph) fill, the JIT settles.
    await run(server.url, mix, 5);
    const before = await server.heap();
    const result = await run(server.url, mix, duration);
    const after = await server.heap();
    const growth = (after.heapUsed - before.heapUsed) / before.heapUsed;
    const kinds = [...new Set(mix.map((r) => r.kind))]
      .map((kind) => `${kind} ${mix.filter((r) => r.kind === kind).length}`)
      .join(', ');
    console.log(`mix: ${kinds} requests per round, GET only, no If-None-Match`);
    console.log(`autocannon: ${connections} connections for ${duration} s on ${server.url}`);
    console.log(
      `  requests   ${result.requests.total} (${result.requests.average.toFixed(0)}/s average), ${mb(result.throughput.total)} read`,
    );
    console.log(
      `  latency    p50 ${result.latency.p50} ms, p97.5 ${result.latency.p97_5} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`,
    );
    console.log(`  errors     ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx}`);
    console.log(
      `  heap after forced GC: ${mb(before.heapUsed)} before, ${mb(after.heapUsed)} after (${(growth * 100).toFixed(1)}%); rss ${mb(after.rss)}`,
    );
    const failures: string[] = [];
    if (result.errors > 0) failures.push(`${result.errors} errors`);
    if (result.timeouts > 0) failures.push(`${result.timeouts} timeouts`);
    if (result.non2xx > 0) failures.push(`${result.non2xx} non-2xx answers`);
    if (result.requests.total === 0) failures.push('no request completed');
    if (Math.abs(growth) > 0.1) failures.push(`heap changed by ${(growth * 100).toFixed(1)}%, more than 10%`);
    console.log(failures.length === 0 ? 'load: OK' : `load: FAILED: ${failures.join('; ')}`);
    return failures.length === 0 ? 0 : 1;
  } finally {
    server.stop();
    if (temporary) fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`load: ${(error as Error).message}`);
    process.exitCode = 1;
  },
);
