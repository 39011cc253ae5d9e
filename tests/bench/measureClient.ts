// Benchmark 5: the explorer in Chromium, time from navigation to the first frame sigma
// draws, beside a bare page that imports the same SerializedGraph into sigma with default
// settings. "First frame" is the first WebGL draw call, seen by an init script that wraps
// the draw functions, so neither page needs a hook of its own. At 100k entities the
// explorer must not freeze: it must draw (a part of the graph) within the time limit.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { chromium, type BrowserContext } from 'playwright-core';
import { packageRoot } from '../../server/paths';
import { scratchDir } from './benchPaths';
import { ensureDataset } from './datasets';
import { startServerUnderTest } from './measureServer';

export interface ClientRow {
  graph: string;
  oursMs?: number;
  bareMs?: number;
  ratio?: number;
  note: string;
}

export interface ClientResult {
  rows: ClientRow[];
}

const CHROMIUM = '/usr/bin/chromium';
const RUNS = 3;

/** Records the time of the first WebGL draw call of the page (ms since navigation start). */
const FIRST_DRAW_PROBE = `(() => {
  for (const proto of [window.WebGLRenderingContext && WebGLRenderingContext.prototype, window.WebGL2RenderingContext && WebGL2RenderingContext.prototype]) {
    if (!proto) continue;
    for (const name of ['drawArrays', 'drawElements', 'drawArraysInstanced', 'drawElementsInstanced']) {
      const original = proto[name];
      if (typeof original !== 'function') continue;
      proto[name] = function (...args) {
        if (window.__firstDrawAt === undefined) window.__firstDrawAt = performance.now();
        return original.apply(this, args);
      };
    }
  }
})();`;

function buildBarePage(): string {
  const outDir = path.join(scratchDir, 'bare-sigma');
  const result = spawnSync(
    path.join(packageRoot, 'node_modules', '.bin', 'vite'),
    [
      'build',
      '--logLevel',
      'error',
      '--outDir',
      outDir,
      '--emptyOutDir',
      path.join(packageRoot, 'tests', 'bench', 'barePage'),
    ],
    { encoding: 'utf8' },
  );
  if (result.status !== 0)
    throw new Error(`vite could not build the bare sigma page: ${result.stderr || result.stdout}`);
  return outDir;
}

function serveStatic(dir: string): Promise<{ url: string; close(): void }> {
  const types: Record<string, string> = {
    '.html': 'text/html',
    '.js': 'text/javascript',
    '.json': 'application/json',
    '.css': 'text/css',
  };
  const server = http.createServer((req, res) => {
    const file = path.join(dir, decodeURIComponent((req.url ?? '/').split('?')[0]).replace(/^\/$/, '/index.html'));
    if (!file.startsWith(dir) || !fs.existsSync(file)) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ url: `http://127.0.0.1:${(server.address() as { port: number }).port}/`, close: () => server.close() }),
    ),
  );
}

/** Median time to the first draw over RUNS fresh pages; undefined if a page draws nothing within the limit. */
async function firstDraw(
  context: BrowserContext,
  url: string,
  timeoutMs: number,
): Promise<{ ms?: number; note: string }> {
  const times: number[] = [];
  let note = '';
  for (let run = 0; run < RUNS; run++) {
    const page = await context.newPage();
    await page.addInitScript(FIRST_DRAW_PROBE);
    try {
      await page.goto(url, { waitUntil: 'commit' });
      await page.waitForFunction(() => (window as { __firstDrawAt?: number }).__firstDrawAt !== undefined, undefined, {
        timeout: timeoutMs,
        polling: 50,
      });
      times.push(await page.evaluate(() => (window as { __firstDrawAt?: number }).__firstDrawAt!));
      note = (
        await page.evaluate(
          () => document.querySelector('[role="status"], .notice, #notice')?.textContent?.trim() ?? '',
        )
      ).slice(0, 120);
    } catch (error) {
      note = `no frame within ${timeoutMs / 1000} s (${(error as Error).message.split('\n')[0].slice(0, 80)})`;
    } finally {
      await page.close();
    }
  }
  if (times.length === 0) return { note };
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)], note };
}

export async function measureClient(
  log: (line: string) => void,
  options: { include100k: boolean } = { include100k: true },
): Promise<ClientResult> {
  if (!fs.existsSync(path.join(packageRoot, 'dist', 'client', 'index.html')))
    throw new Error('the client is not built: run npm run build first');
  const bareDir = buildBarePage();
  const profile = fs.mkdtempSync(path.join(scratchDir, 'chromium-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const rows: ClientRow[] = [];
  try {
    // 10k entities and 75k claims give about 50k relations.
    const medium = ensureDataset(10_000, 75_000);
    const server = await startServerUnderTest(medium.dir, 'Petrova', 300_000);
    try {
      const graphResponse = await fetch(`${server.url}/api/graph`);
      const body = Buffer.from(await graphResponse.arrayBuffer());
      fs.writeFileSync(path.join(bareDir, 'graph.json'), body);
      const counts = JSON.parse(body.toString()) as { nodes: unknown[]; edges: unknown[] };
      const label = `${counts.nodes.length} nodes / ${counts.edges.length} edges`;
      const bare = await serveStatic(bareDir);
      try {
        const ours = await firstDraw(context, `${server.url}/`, 60_000);
        const baseline = await firstDraw(context, bare.url, 60_000);
        log(
          `  client ${label}: ours ${ours.ms?.toFixed(0) ?? '—'} ms, bare sigma ${baseline.ms?.toFixed(0) ?? '—'} ms`,
        );
        rows.push({
          graph: label,
          oursMs: ours.ms,
          bareMs: baseline.ms,
          ratio: ours.ms !== undefined && baseline.ms !== undefined ? ours.ms / baseline.ms : undefined,
          note: [ours.note, baseline.note && `bare: ${baseline.note}`].filter(Boolean).join('; '),
        });
      } finally {
        bare.close();
      }
    } finally {
      await server.stop();
    }
    if (options.include100k) {
      const large = ensureDataset(100_000, 1_000_000);
      const server = await startServerUnderTest(large.dir, 'Petrova', 0);
      try {
        const ours = await firstDraw(context, `${server.url}/`, 60_000);
        log(`  client 100k entities: ${ours.ms !== undefined ? `${ours.ms.toFixed(0)} ms` : 'no frame'} ${ours.note}`);
        rows.push({ graph: '100k entities / 1M claims', oursMs: ours.ms, note: ours.note });
      } finally {
        await server.stop();
      }
    }
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
  return { rows };
}
