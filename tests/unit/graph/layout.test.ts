// Same data, same picture: the seeded layout does not depend on record order, and it
// is cached by content hash.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildGraph } from '../../../server/graph/buildGraph';
import { computeLayout, layoutCacheDir, layoutGraph } from '../../../server/graph/layout';
import { seededRandom } from '../../../server/model/random';
import { claim, dataset, person } from './fixtures';

const people = ['a', 'b', 'c', 'd', 'e'].map((id) => person(id));
const claims = [
  claim('a', 'requested', 'b', 'asserts'),
  claim('b', 'in_contact_with', 'c', 'asserts'),
  claim('c', 'funded', 'd', 'asserts'),
  claim('a', 'funded', 'd', 'asserts'),
];

describe('layout', () => {
  it('seededRandom repeats for a seed', () => {
    const first = seededRandom(7);
    const second = seededRandom(7);
    expect([first(), first()]).toEqual([second(), second()]);
  });

  it('gives the same positions whatever the order of records', () => {
    const forward = computeLayout(buildGraph(dataset(people, claims)));
    const backward = computeLayout(buildGraph(dataset([...people].reverse(), [...claims].reverse())));
    expect(backward).toEqual(forward);
    expect(Object.keys(forward).sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
    // A real layout, not everything on one spot.
    const xs = new Set(Object.values(forward).map((p) => p.x));
    expect(xs.size).toBe(5);
  });

  it('caches positions by content hash', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-cache-'));
    const previous = process.env.CLAIMGRAPH_CACHE_DIR;
    process.env.CLAIMGRAPH_CACHE_DIR = dir;
    try {
      const first = layoutGraph(buildGraph(dataset(people, claims)), '/a/data/folder', 'hash-1');
      expect(first.cached).toBe(false);
      expect(fs.readdirSync(dir)).toEqual(['layout-v1-hash-1.json']);
      const graph = buildGraph(dataset(people, claims));
      const second = layoutGraph(graph, '/a/data/folder', 'hash-1');
      expect(second.cached).toBe(true);
      expect(graph.getNodeAttributes('a')).toMatchObject(first.positions.a);
    } finally {
      if (previous === undefined) delete process.env.CLAIMGRAPH_CACHE_DIR;
      else process.env.CLAIMGRAPH_CACHE_DIR = previous;
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('caches beside the data by default: in .claimgraph/layouts/, which git ignores, not in node_modules', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-data-'));
    const previous = process.env.CLAIMGRAPH_CACHE_DIR;
    delete process.env.CLAIMGRAPH_CACHE_DIR;
    try {
      expect(layoutCacheDir(dataDir)).toBe(path.join(dataDir, '.claimgraph', 'layouts'));
      expect(layoutGraph(buildGraph(dataset(people, claims)), dataDir, 'hash-2').cached).toBe(false);
      expect(fs.readdirSync(path.join(dataDir, '.claimgraph')).sort()).toEqual(['.gitignore', 'layouts']);
      expect(fs.readdirSync(path.join(dataDir, '.claimgraph', 'layouts'))).toEqual(['layout-v1-hash-2.json']);
      expect(fs.readFileSync(path.join(dataDir, '.claimgraph', '.gitignore'), 'utf8')).toBe(
        "# claimgraph's caches and server marks: never data, never committed\n*\n",
      );
      expect(layoutGraph(buildGraph(dataset(people, claims)), dataDir, 'hash-2').cached).toBe(true);
    } finally {
      if (previous !== undefined) process.env.CLAIMGRAPH_CACHE_DIR = previous;
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('lays out without a cache when the data folder is read-only', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-data-'));
    const previous = process.env.CLAIMGRAPH_CACHE_DIR;
    delete process.env.CLAIMGRAPH_CACHE_DIR;
    // A file where the state folder would go: mkdir fails as it does on a read-only folder, even for root.
    fs.writeFileSync(path.join(dataDir, '.claimgraph'), '');
    try {
      const laidOut = layoutGraph(buildGraph(dataset(people, claims)), dataDir, 'hash-3');
      expect(laidOut.cached).toBe(false);
      expect(Object.keys(laidOut.positions).sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
    } finally {
      if (previous !== undefined) process.env.CLAIMGRAPH_CACHE_DIR = previous;
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
