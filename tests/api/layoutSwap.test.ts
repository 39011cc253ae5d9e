// A graph above the worker threshold is served at once with its seeded start positions,
// under a version marked "-start-positions", and under the data's own version once the
// background layout is done. Only what carries positions is rebuilt then: the search
// index built before the swap serves on (rebuilding it at 100k entities cost a
// second and a burst of garbage just as the server settled).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateDataFolder } from '../../server/generate/generateDataFolder';
import { LAYOUT_IN_WORKER_ABOVE } from '../../server/graph/layout';
import { startServer, type RunningServer } from '../../server/index';
import * as searchIndexModule from '../../server/queries/searchIndex';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the background layout finishing', () => {
  let dataDir: string;
  let cacheDir: string;
  let running: RunningServer;
  const previousCacheDir = process.env.CLAIMGRAPH_CACHE_DIR;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-swap-data-'));
    cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-swap-cache-'));
    generateDataFolder({ entities: LAYOUT_IN_WORKER_ABOVE + 500, claims: 8000, seed: 5, outDir: dataDir });
    process.env.CLAIMGRAPH_CACHE_DIR = cacheDir; // an empty layout cache: the worker must run
    running = await startServer({ dataDir, port: 0, host: '127.0.0.1', writes: { rateLimit: false } });
  }, 60_000);

  afterAll(async () => {
    await running?.close();
    if (previousCacheDir === undefined) delete process.env.CLAIMGRAPH_CACHE_DIR;
    else process.env.CLAIMGRAPH_CACHE_DIR = previousCacheDir;
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(cacheDir, { recursive: true, force: true });
  });

  const getJson = async <T>(url: string): Promise<T> => {
    const res = await fetch(`${running.url}${url.slice(1)}`);
    expect(res.status).toBe(200);
    return (await res.json()) as T;
  };
  const version = async () => (await getJson<{ version: string }>('/api/health')).version;
  const positionsOf = async () => {
    const graph = await getJson<{ nodes: Array<{ key: string; attributes: { x: number; y: number } }> }>('/api/graph');
    return new Map(graph.nodes.map((node) => [node.key, [node.attributes.x, node.attributes.y]]));
  };

  it('keeps the search index and rebuilds the graph with its final positions under the new version', async () => {
    const build = jest.spyOn(searchIndexModule, 'buildSearchIndex');
    const before = await version();
    expect(before).toMatch(/^[0-9a-f]{64}-start-positions$/);
    const startPositions = await positionsOf();
    const firstSearch = await getJson<{ total: number }>('/api/entities?q=nguyen');
    expect(firstSearch.total).toBeGreaterThan(0);
    expect(build).toHaveBeenCalledTimes(1);

    const until = Date.now() + 110_000;
    while ((await version()) === before && Date.now() < until) await sleep(200);
    expect(await version()).toBe(before.slice(0, -'-start-positions'.length));

    // Another URL (not an answer cached for the old version), the same index.
    const again = await getJson<{ total: number }>('/api/entities?q=nguyen&limit=5');
    expect(again.total).toBe(firstSearch.total);
    expect(build).toHaveBeenCalledTimes(1);
    const finalPositions = await positionsOf();
    expect([...finalPositions.keys()]).toEqual([...startPositions.keys()]);
    const moved = [...finalPositions].filter(
      ([key, xy]) => xy[0] !== startPositions.get(key)![0] || xy[1] !== startPositions.get(key)![1],
    );
    expect(moved.length).toBeGreaterThan(finalPositions.size / 2);
    build.mockRestore();
  }, 120_000);
});
