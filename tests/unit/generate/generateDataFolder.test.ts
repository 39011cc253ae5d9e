// The synthetic data generator: same seed, same bytes; the asked-for counts;
// every node type, edge type, stance and status; edge types' allowed ends respected;
// heavy-tailed degrees; sharded output; and a folder the loader accepts as it is.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../../server/cli/main';
import { entityCountsByType, generateDataFolder } from '../../../server/generate/generateDataFolder';
import { buildGraph } from '../../../server/graph/buildGraph';
import { loadDataset } from '../../../server/load/loadDataset';
import type { Claim, Entity } from '../../../server/model/records';
import { vocabularySchema } from '../../../server/model/vocabulary';

const root = path.join(__dirname, '..', '..', '..');
const vocabulary = vocabularySchema.parse(
  JSON.parse(fs.readFileSync(path.join(root, 'graph-data', 'vocabulary.json'), 'utf8')),
);
const temporaryDirs: string[] = [];
const freshDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-generate-'));
  temporaryDirs.push(dir);
  return path.join(dir, 'out');
};
afterAll(() => temporaryDirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

/** Every file under `dir` with the sha256 of its bytes, by relative path. */
function fingerprint(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (relative: string) => {
    for (const entry of fs.readdirSync(path.join(dir, relative), { withFileTypes: true })) {
      const child = path.join(relative, entry.name);
      if (entry.isDirectory()) walk(child);
      else
        out[child] = crypto
          .createHash('sha256')
          .update(fs.readFileSync(path.join(dir, child)))
          .digest('hex');
    }
  };
  walk('');
  return out;
}

const readRecords = <T>(dir: string, name: string): T[] => {
  const files = fs.existsSync(path.join(dir, `${name}.json`))
    ? [`${name}.json`]
    : fs
        .readdirSync(path.join(dir, name))
        .sort()
        .map((f) => `${name}/${f}`);
  return files.flatMap((file) => JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as T[]);
};

describe('generateDataFolder', () => {
  const outDir = freshDir();
  const summary = generateDataFolder({ entities: 200, claims: 2000, seed: 7, outDir });
  const entities = readRecords<Entity>(outDir, 'entities');
  const claims = readRecords<Claim>(outDir, 'claims');

  it('writes the same bytes for the same seed, and other data for another seed', () => {
    const again = freshDir();
    generateDataFolder({ entities: 200, claims: 2000, seed: 7, outDir: again });
    expect(fingerprint(again)).toEqual(fingerprint(outDir));
    const other = freshDir();
    generateDataFolder({ entities: 200, claims: 2000, seed: 8, outDir: other });
    expect(fs.readFileSync(path.join(other, 'claims.json'), 'utf8')).not.toBe(
      fs.readFileSync(path.join(outDir, 'claims.json'), 'utf8'),
    );
  });

  it('writes the asked-for counts and says how many of each', () => {
    expect(entities).toHaveLength(200);
    expect(claims).toHaveLength(2000);
    expect(summary).toMatchObject({ entities: 200, claims: 2000 });
    expect(fs.readdirSync(path.join(outDir, 'documents'))).toHaveLength(summary.documents);
    expect(Object.values(summary.byStance).reduce((a, b) => a + b, 0)).toBe(2000);
    expect(Object.values(summary.byEdgeType).reduce((a, b) => a + b, 0)).toBe(2000);
    // Shares 0.5 : 0.3 : 0.01 : 0.12, rounded down; persons take the rest.
    expect(summary.byNodeType).toEqual({ person: 109, organization: 64, country: 2, service: 25 });
    expect(new Set(entities.map((e) => e.id)).size).toBe(200);
    expect(new Set(claims.map((c) => c.id)).size).toBe(2000);
  });

  it('uses every node type, edge type and stance of the vocabulary', () => {
    expect(new Set(entities.map((e) => e.type))).toEqual(new Set(vocabulary.nodeTypes.map((t) => t.id)));
    expect(new Set(claims.map((c) => c.type))).toEqual(new Set(vocabulary.edgeTypes.map((t) => t.id)));
    expect(new Set(claims.map((c) => c.stance))).toEqual(new Set(vocabulary.stances.map((s) => s.id)));
  });

  it('puts subjects and objects of the types each edge type allows', () => {
    const typeOf = new Map(entities.map((e) => [e.id, e.type]));
    const wrong = claims.filter((claim) => {
      const edgeType = vocabulary.edgeTypes.find((t) => t.id === claim.type)!;
      const allowed = (list: string[], id: string) => list.length === 0 || list.includes(typeOf.get(id)!);
      return !allowed(edgeType.subjectTypes, claim.subject) || !allowed(edgeType.objectTypes, claim.object);
    });
    expect(wrong).toEqual([]);
  });

  it('writes a folder the loader accepts, every quote in its document, every status on some edge', () => {
    const dataset = loadDataset(outDir);
    expect(dataset.claims).toHaveLength(2000);
    for (const claim of dataset.claims.slice(0, 50)) {
      expect(dataset.documents.get(claim.document!)!.text.slice(claim.quoteStart, claim.quoteEnd)).toBe(claim.quote);
    }
    const graph = buildGraph(dataset);
    const statuses = new Set(graph.mapEdges((_edge, attributes) => attributes.status));
    expect(statuses).toEqual(new Set(vocabulary.statuses.map((s) => s.id)));
  });

  it('gives heavy-tailed degrees: a few hubs, most entities with few relations', () => {
    const graph = buildGraph(loadDataset(outDir));
    const degrees = graph.mapNodes((node) => graph.degree(node)).sort((a, b) => a - b);
    const median = degrees[Math.floor(degrees.length / 2)];
    expect(degrees[degrees.length - 1]).toBeGreaterThanOrEqual(10 * Math.max(1, median));
    expect(median).toBeLessThanOrEqual(10);
  });

  it('shards large outputs into NAME/00000.json… and the loader reads them', () => {
    const sharded = freshDir();
    generateDataFolder({ entities: 40, claims: 250, seed: 1, outDir: sharded, shardSize: 100 });
    expect(fs.readdirSync(sharded).sort()).toEqual(['claims', 'documents', 'entities.json', 'vocabulary.json']);
    expect(fs.readdirSync(path.join(sharded, 'claims'))).toEqual(['00000.json', '00001.json', '00002.json']);
    expect(loadDataset(sharded).claims).toHaveLength(250);
  });

  it('refuses counts too small to hold every type', () => {
    expect(() => generateDataFolder({ entities: 7, claims: 100, seed: 1, outDir: freshDir() })).toThrow(
      '--entities must be at least 8 (two per node type)',
    );
    expect(() => generateDataFolder({ entities: 100, claims: 17, seed: 1, outDir: freshDir() })).toThrow(
      '--claims must be at least 18 (one per edge type)',
    );
  });
});

describe('entityCountsByType', () => {
  it('splits by share, keeps two of each and caps countries at the real ones', () => {
    expect(entityCountsByType(vocabulary.nodeTypes, 8)).toEqual([2, 2, 2, 2]);
    expect(entityCountsByType(vocabulary.nodeTypes, 1_000_000)).toEqual([548_138, 322_580, 250, 129_032]);
  });
});

describe('claimgraph generate', () => {
  async function run(...argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  it('writes the folder and prints a summary', async () => {
    const outDir = freshDir();
    const result = await run('generate', '--entities', '20', '--seed', '3', '--out', outDir);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(
      new RegExp(
        `^${outDir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: 20 entities, 200 claims, \\d+ documents \\(seed 3, [\\d.]+ s\\)\n  node types  person 10, organization 6, country 2, service 2\n  stances     asserts \\d+, alleges \\d+, denies \\d+, confirms \\d+$`,
      ),
    );
    expect(loadDataset(outDir).claims).toHaveLength(200);
  });

  it('needs --entities and --out, and an empty folder', async () => {
    expect(await run('generate', '--out', freshDir())).toMatchObject({
      code: 2,
      err: expect.stringContaining('claimgraph generate: --entities N is required'),
    });
    expect(await run('generate', '--entities', '20')).toMatchObject({
      code: 2,
      err: expect.stringContaining('claimgraph generate: --out DIR is required'),
    });
    expect(await run('generate', '--entities', 'many', '--out', freshDir())).toMatchObject({
      code: 2,
      err: expect.stringContaining('--entities expects a whole number'),
    });
    expect(await run('generate', '--entities', '4', '--out', freshDir())).toMatchObject({
      code: 2,
      err: expect.stringContaining('--entities must be at least 8 (two per node type)'),
    });
    const full = freshDir();
    fs.mkdirSync(full);
    fs.writeFileSync(path.join(full, 'keep.txt'), 'x');
    expect(await run('generate', '--entities', '20', '--out', full)).toMatchObject({
      code: 2,
      err: expect.stringContaining(`${full} is not empty; give a new or empty folder`),
    });
  });
});
