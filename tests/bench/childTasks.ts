// The measurements that need a process of their own, run by runChild: our load + build,
// the bare graphology baseline, one export format, the bare node:http baseline server,
// and the extractor at one article size. Each prints one JSON line as its last output.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { Writable } from 'node:stream';
import Graph from 'graphology';
import { write as writeGexf } from 'graphology-gexf';
import { findExportFormat } from '../../server/export';
import { formatGexfEdge, formatGexfNode, type GexfAttributes } from '../../server/export/gexf';
import type { EdgeAttributes, NodeAttributes } from '../../server/model/graph';
import { buildGraph } from '../../server/graph/buildGraph';
import type { EvidenceGraph } from '../../server/model/evidenceGraph';
import { loadDataset } from '../../server/load/loadDataset';
import { connectDatabase } from '../../server/store/postgres/connect';
import { importDataFolder } from '../../server/store/postgres/importFolder';
import { loadDatasetFromDatabase } from '../../server/store/postgres/loadDatasetFromDatabase';
import type { Dataset } from '../../server/model/dataset';
import { scratchDir } from './benchPaths';
import { extractorTimes } from './measureExtractor';
import { startMemorySampler } from './memorySampler';

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const print = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`);

export interface LoadResult {
  entities: number;
  claims: number;
  edges: number;
  readValidateMs: number;
  buildMs: number;
  totalMs: number;
  peakRssBytes: number;
  /** Heap still in use after a full GC: the dataset and the graph. */
  retainedHeapBytes: number;
}

function load(dir: string): LoadResult {
  return loadFrom(() => loadDataset(dir, { onWarning: () => {} }));
}

/** `db import DIR` into an empty database, from reading the folder to the commit. */
async function databaseImport(dir: string, url: string): Promise<{ importMs: number }> {
  const started = performance.now();
  const pool = await connectDatabase(url, { max: 2 });
  try {
    await importDataFolder(pool, url, dir);
  } finally {
    await pool.end();
  }
  return { importMs: performance.now() - started };
}

/** Start-up from PostgreSQL: connect, stream the tables, replay, check, build. */
async function databaseLoad(url: string): Promise<LoadResult> {
  const started = performance.now();
  const pool = await connectDatabase(url, { max: 1 });
  let dataset: Dataset;
  try {
    dataset = (await loadDatasetFromDatabase(pool, url, { onWarning: () => {} })).dataset;
  } finally {
    await pool.end();
  }
  return loadFrom(() => dataset, started);
}

function loadFrom(read: () => Dataset, started = performance.now()): LoadResult {
  const sampler = startMemorySampler();
  sampler.reset();
  const dataset = read();
  const loaded = performance.now();
  const graph = buildGraph(dataset);
  const built = performance.now();
  const peakRssBytes = Math.max(sampler.peak(), process.resourceUsage().maxRSS * 1024);
  gc();
  return {
    entities: graph.order,
    claims: dataset.claims.length,
    edges: graph.size,
    readValidateMs: loaded - started,
    buildMs: built - loaded,
    totalMs: built - started,
    peakRssBytes,
    retainedHeapBytes: process.memoryUsage().heapUsed,
  };
}

function readArray(dir: string, name: string): Array<Record<string, string>> {
  const out: Array<Record<string, string>> = [];
  const files = fs.existsSync(path.join(dir, `${name}.json`)) ? [path.join(dir, `${name}.json`)] : [];
  if (fs.existsSync(path.join(dir, name)))
    for (const file of fs.readdirSync(path.join(dir, name)).sort()) files.push(path.join(dir, name, file));
  for (const file of files)
    for (const record of JSON.parse(fs.readFileSync(file, 'utf8')) as Array<Record<string, string>>) out.push(record);
  return out;
}

export interface BareLoadResult {
  bareMs: number;
  edges: number;
}

/** The floor: the same multigraph built by a plain graphology loop from arrays already parsed. */
function bareLoad(dir: string): BareLoadResult {
  const entities = readArray(dir, 'entities');
  const claims = readArray(dir, 'claims');
  gc();
  const started = performance.now();
  const graph = new Graph({ type: 'mixed', multi: true, allowSelfLoops: true });
  for (const entity of entities) graph.addNode(entity.id, { label: entity.name, type: entity.type });
  for (const claim of claims) {
    const key = `${claim.subject}|${claim.type}|${claim.object}`;
    if (graph.hasEdge(key)) (graph.getEdgeAttributes(key).claims as unknown[]).push(claim);
    else graph.addDirectedEdgeWithKey(key, claim.subject, claim.object, { type: claim.type, claims: [claim] });
  }
  return { bareMs: performance.now() - started, edges: graph.size };
}

export interface ExportResult {
  format: string;
  mode: 'stream' | 'string';
  ms: number;
  bytes: number;
  peakExtraRssBytes: number;
  longestStringChars: number;
  error?: string;
}

/** Counts what passes through and keeps the longest single write. */
function measuringFileStream(file: string): { out: Writable; longest: () => number } {
  const out = fs.createWriteStream(file);
  let longest = 0;
  const write = out.write.bind(out) as (chunk: unknown, ...rest: unknown[]) => boolean;
  out.write = ((chunk: unknown, ...rest: unknown[]) => {
    longest = Math.max(longest, typeof chunk === 'string' ? chunk.length : (chunk as Buffer).length);
    return write(chunk, ...rest);
  }) as typeof out.write;
  return { out, longest: () => longest };
}

/** `name` is a format of the registry, or a baseline: `json-stringify` (of graph.export()) or `gexf-graphology`. */
async function exportOne(dir: string, name: string, mode: 'stream' | 'string'): Promise<ExportResult> {
  const graph: EvidenceGraph = buildGraph(loadDataset(dir, { onWarning: () => {} }));
  fs.mkdirSync(scratchDir, { recursive: true });
  const file = path.join(scratchDir, `export-${process.pid}.out`);
  const sampler = startMemorySampler();
  gc();
  const before = process.memoryUsage.rss();
  sampler.reset();
  const started = performance.now();
  let longestStringChars = 0;
  let error: string | undefined;
  try {
    if (name === 'json-stringify') {
      const text = JSON.stringify(graph.export());
      longestStringChars = text.length;
      fs.writeFileSync(file, text);
    } else if (name === 'gexf-graphology') {
      // graphology-gexf's own writer on the same graph, with the GEXF export's formatters.
      const text = writeGexf<NodeAttributes, EdgeAttributes, GexfAttributes, GexfAttributes>(graph, {
        version: '1.3',
        pedantic: true,
        formatNode: formatGexfNode,
        formatEdge: formatGexfEdge,
      });
      longestStringChars = text.length;
      fs.writeFileSync(file, text);
    } else {
      const format = findExportFormat(name);
      if (!format) throw new Error(`unknown format ${name}`);
      if (mode === 'stream' && format.write) {
        const { out, longest } = measuringFileStream(file);
        await format.write(graph, out);
        await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
        longestStringChars = longest();
      } else {
        const text = format.render(graph);
        longestStringChars = text.length;
        fs.writeFileSync(file, text);
      }
    }
  } catch (caught) {
    error = (caught as Error).message;
  }
  const ms = performance.now() - started;
  const peakExtraRssBytes = Math.max(0, sampler.peak() - before);
  const bytes = fs.existsSync(file) ? fs.statSync(file).size : 0;
  fs.rmSync(file, { force: true });
  await sampler.stop();
  return { format: name, mode, ms, bytes, peakExtraRssBytes, longestStringChars, error };
}

/** The baseline server: node:http answering precomputed bodies by URL, nothing else. */
function bareHttp(bodiesFile: string): void {
  const bodies = new Map<string, { status: number; type: string; body: Buffer }>();
  for (const [url, entry] of Object.entries(
    JSON.parse(fs.readFileSync(bodiesFile, 'utf8')) as Record<string, { status: number; type: string; body: string }>,
  )) {
    bodies.set(url, { status: entry.status, type: entry.type, body: Buffer.from(entry.body, 'base64') });
  }
  const server = http.createServer((req, res) => {
    const entry = bodies.get(req.url ?? '');
    if (!entry) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(entry.status, { 'content-type': entry.type, 'content-length': entry.body.length });
    res.end(entry.body);
  });
  server.listen(0, '127.0.0.1', () => print({ port: (server.address() as { port: number }).port }));
}

async function run(): Promise<void> {
  const [task, ...args] = process.argv.slice(2);
  if (task === 'load') print(load(args[0]));
  else if (task === 'bare-load') print(bareLoad(args[0]));
  else if (task === 'db-import') print(await databaseImport(args[0], args[1]));
  else if (task === 'db-load') print(await databaseLoad(args[0]));
  else if (task === 'export') print(await exportOne(args[0], args[1], args[2] === 'string' ? 'string' : 'stream'));
  else if (task === 'bare-http') bareHttp(args[0]);
  else if (task === 'extract') print(await extractorTimes(Number(args[0])));
  else throw new Error(`unknown bench task "${task}"`);
}

if (require.main === module) {
  run().then(
    () => {
      if (process.argv[2] !== 'bare-http') process.exit(0);
    },
    (error: unknown) => {
      console.error((error as Error).stack ?? String(error));
      process.exit(1);
    },
  );
}
