// A restart of the server on an unchanged folder starts from the start-up cache that the
// first start wrote once it was settled, and answers exactly as the first start did: the
// whole graph, a search and an entity, byte for byte, under the same version.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, type RunningServer } from '../../server/index';
import { defaultDataDir } from '../../server/paths';

const previousCacheDir = process.env.CLAIMGRAPH_CACHE_DIR;
let dataDir: string;
let running: RunningServer | undefined;

beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-restart-'));
  fs.cpSync(defaultDataDir, dataDir, { recursive: true });
  fs.rmSync(path.join(dataDir, '.claimgraph'), { recursive: true, force: true });
  delete process.env.CLAIMGRAPH_CACHE_DIR;
});

afterAll(async () => {
  await running?.close();
  if (previousCacheDir === undefined) delete process.env.CLAIMGRAPH_CACHE_DIR;
  else process.env.CLAIMGRAPH_CACHE_DIR = previousCacheDir;
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const start = () => startServer({ dataDir, port: 0, host: '127.0.0.1', writes: { rateLimit: false } });

async function answers(server: RunningServer): Promise<string[]> {
  const bodies: string[] = [];
  for (const url of ['api/health', 'api/graph', 'api/entities?q=musk', 'api/entities/elon-musk', 'api/stats']) {
    const response = await fetch(`${server.url}${url}`);
    expect(response.status).toBe(200);
    bodies.push(`${url}: ${await response.text()}`);
  }
  return bodies;
}

it('starts the second time from the start-up cache and answers as the first start did', async () => {
  running = await start();
  expect(running.startupCache!.fromCache).toBe(false);
  expect(await running.startupCache!.written).toBe(true);
  expect(fs.existsSync(path.join(dataDir, '.claimgraph', 'startup', 'dataset.cache'))).toBe(true);
  const first = await answers(running);
  await running.close();

  running = await start();
  expect(running.startupCache!.fromCache).toBe(true);
  expect(await running.startupCache!.written).toBe(false);
  expect(await answers(running)).toEqual(first);
  await running.close();
  running = undefined;
}, 60_000);
