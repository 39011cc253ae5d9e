// The start-up cache may only ever stand for the folder as it is: a start from it gives
// the very graph and dataset a load from the files gives (the seed data and a generated
// folder), any change to a file or a new document makes the next start load the files,
// and a damaged cache is said in one exact line and ignored.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateDataFolder } from '../../../server/generate/generateDataFolder';
import { openGraph, type OpenedGraph } from '../../../server/graph/openGraph';
import { HEADER_BYTES } from '../../../server/graph/startup/cacheFile';
import { startupCacheFile, writeStartupCache } from '../../../server/graph/startup/startupCache';
import { startupKey, startupKeyBetweenRequests } from '../../../server/graph/startup/startupKey';
import { defaultDataDir } from '../../../server/paths';

const previousCacheDir = process.env.CLAIMGRAPH_CACHE_DIR;
let root: string;
let warnings: string[];

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-startup-'));
  delete process.env.CLAIMGRAPH_CACHE_DIR; // the cache in the data folder's .claimgraph/
  warnings = [];
});

afterEach(() => {
  if (previousCacheDir === undefined) delete process.env.CLAIMGRAPH_CACHE_DIR;
  else process.env.CLAIMGRAPH_CACHE_DIR = previousCacheDir;
  fs.rmSync(root, { recursive: true, force: true });
});

const open = (dataDir: string): OpenedGraph =>
  openGraph(dataDir, { startupCache: { onCorrupt: (message) => warnings.push(message) } });

/** Opens the folder from its files and writes its start-up cache. */
async function openCold(dataDir: string): Promise<OpenedGraph> {
  const opened = open(dataDir);
  expect(opened.startup!.fromCache).toBe(false);
  expect(await writeStartupCache(opened.startup!, opened.dataset, opened.graph)).toBe(true);
  return opened;
}

/** What a start serves and looks things up in, as plain data. */
function served(opened: OpenedGraph) {
  const { dataset } = opened;
  return {
    graph: opened.graph.export(),
    entities: [...dataset.entities],
    documents: [...dataset.documents],
    claims: dataset.claims,
    redirects: [...dataset.redirects],
    vocabulary: dataset.vocabulary.vocabulary,
    contentHash: dataset.contentHash,
    dataDir: dataset.dataDir,
  };
}

function copySeed(): string {
  const dataDir = path.join(root, 'seed');
  fs.cpSync(defaultDataDir, dataDir, { recursive: true });
  fs.rmSync(path.join(dataDir, '.claimgraph'), { recursive: true, force: true });
  return dataDir;
}

describe('a start from the start-up cache', () => {
  it('gives the seed data exactly as a load from its files does', async () => {
    const dataDir = copySeed();
    const cold = await openCold(dataDir);
    const file = path.join(dataDir, '.claimgraph', 'startup', 'dataset.cache');
    expect(cold.startup!.file).toBe(file);
    expect(fs.existsSync(file)).toBe(true);
    // .claimgraph/ keeps itself out of git.
    expect(fs.readFileSync(path.join(dataDir, '.claimgraph', '.gitignore'), 'utf8')).toBe(
      "# claimgraph's caches and server marks: never data, never committed\n*\n",
    );
    const warm = open(dataDir);
    expect(warm.startup!.fromCache).toBe(true);
    expect(served(warm)).toEqual(served(cold));
    expect(JSON.stringify(warm.graph.export())).toBe(JSON.stringify(cold.graph.export()));
    expect(warnings).toEqual([]);
  });

  it("gives claims of every shape back with their keys in their order, and their edges' copies as toEdgeClaim makes them", async () => {
    const dataDir = copySeed();
    const claimsFile = path.join(dataDir, 'claims.json');
    const claims = JSON.parse(fs.readFileSync(claimsFile, 'utf8')) as Array<Record<string, unknown>>;
    const [first, second, third] = claims;
    // Keys in another order than the loader's, a record instead of a document, attributes, a curator's add.
    claims[0] = {
      stance: first.stance,
      object: first.object,
      id: first.id,
      type: first.type,
      subject: first.subject,
      document: first.document,
      quote: first.quote,
    };
    delete second.document;
    delete second.quote;
    second.record = { file: 'sanctions.csv', id: 'row-7', url: 'https://example.org/row-7' };
    second.attributes = { amount: 1200, currency: 'EUR', nested: { shares: [1, 2] } };
    third.addedBy = 'alice';
    third.addedAt = '2026-12-04T20:00:00.000Z';
    fs.writeFileSync(claimsFile, JSON.stringify(claims, null, 2));
    const cold = await openCold(dataDir);
    const warm = open(dataDir);
    expect(warm.startup!.fromCache).toBe(true);
    // The loader's key order, whatever the file's.
    expect(Object.keys(warm.dataset.claims[0])).toEqual(Object.keys(cold.dataset.claims[0]));
    expect(Object.keys(warm.dataset.claims[1])).toEqual([
      'id',
      'subject',
      'type',
      'object',
      'stance',
      'record',
      'attributedTo',
      'endDate',
      'attributes',
    ]);
    expect(
      Object.keys(
        warm.graph
          .getEdgeAttribute(
            warm.graph
              .edges()
              .find((edge) => warm.graph.getEdgeAttribute(edge, 'claims').some((c) => c.id === claims[1].id))!,
            'claims',
          )
          .find((c) => c.id === claims[1].id)!,
      ),
    ).toEqual(['id', 'subject', 'object', 'stance', 'record', 'attributedTo', 'endDate', 'attributes']);
    expect(warm.dataset.claims[1].record).toEqual({
      file: 'sanctions.csv',
      id: 'row-7',
      url: 'https://example.org/row-7',
    });
    expect(JSON.stringify(warm.dataset.claims)).toBe(JSON.stringify(cold.dataset.claims));
    expect(JSON.stringify(warm.graph.export())).toBe(JSON.stringify(cold.graph.export()));
    // A quote that is its document's text at its offsets is not in the cache: it is sliced from that text.
    const cache = fs.readFileSync(cold.startup!.file, 'utf8');
    expect(cache).toContain(JSON.stringify(cold.dataset.documents.get(first.document as string)!.text));
    expect(cache).not.toContain(JSON.stringify(first.quote));
    expect(warm.dataset.claims[0].quote).toBe(first.quote);
    // Ids are the entities' and the vocabulary's own strings, one each, as from the files.
    const claim = warm.dataset.claims[2];
    expect(claim.subject).toBe(warm.dataset.entities.get(claim.subject)!.id);
    expect(warnings).toEqual([]);
  });

  it('gives a generated folder exactly as a load from its files does, relation order included', async () => {
    const dataDir = path.join(root, 'generated');
    generateDataFolder({ entities: 150, claims: 1200, seed: 11, outDir: dataDir, shardSize: 500 });
    const cold = await openCold(dataDir);
    const warm = open(dataDir);
    expect(warm.startup!.fromCache).toBe(true);
    expect(warm.graph.edges()).toEqual(cold.graph.edges());
    expect(served(warm)).toEqual(served(cold));
    expect(JSON.stringify(warm.dataset.claims)).toBe(JSON.stringify(cold.dataset.claims));
    expect(JSON.stringify(warm.graph.export())).toBe(JSON.stringify(cold.graph.export()));
    expect(warm.graph.size).toBe(cold.graph.size);
    expect(warnings).toEqual([]);
  }, 120_000);

  it('lives in CLAIMGRAPH_CACHE_DIR/startup/ when that is set, one file per data folder', async () => {
    const dataDir = copySeed();
    process.env.CLAIMGRAPH_CACHE_DIR = path.join(root, 'cache');
    const cold = await openCold(dataDir);
    expect(path.dirname(cold.startup!.file)).toBe(path.join(root, 'cache', 'startup'));
    expect(path.basename(cold.startup!.file)).toMatch(/^[0-9a-f]{32}\.cache$/);
    expect(fs.existsSync(path.join(dataDir, '.claimgraph', 'startup'))).toBe(false);
    expect(open(dataDir).startup!.fromCache).toBe(true);
  });
});

describe('the key taken between requests', () => {
  it('is the key of a start, for a folder of more files than one turn takes, and moves with a file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-key-'));
    fs.cpSync(defaultDataDir, dir, { recursive: true });
    fs.mkdirSync(path.join(dir, 'documents', 'many'), { recursive: true });
    for (let i = 0; i < 600; i++) fs.writeFileSync(path.join(dir, 'documents', 'many', `n${i}.txt`), `${i}`);
    const before = startupKey(dir);
    expect(await startupKeyBetweenRequests(dir)).toBe(before);
    fs.appendFileSync(path.join(dir, 'documents', 'many', 'n599.txt'), '!');
    expect(await startupKeyBetweenRequests(dir)).not.toBe(before);
    expect(await startupKeyBetweenRequests(dir)).toBe(startupKey(dir));
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('a changed folder', () => {
  it('is loaded from its files after one byte of claims.json changed, even with its size and mtime as before', async () => {
    const dataDir = copySeed();
    const claimsFile = path.join(dataDir, 'claims.json');
    // A whole second, which utimes sets back exactly.
    fs.utimesSync(claimsFile, 1_700_000_000, 1_700_000_000);
    await openCold(dataDir);
    const before = fs.statSync(claimsFile);
    const text = fs.readFileSync(claimsFile, 'utf8');
    const changed = text.replace('"regular contact since late 2022"', '"regular contact since late 2023"');
    expect(changed).not.toBe(text);
    fs.writeFileSync(claimsFile, changed);
    fs.utimesSync(claimsFile, 1_700_000_000, 1_700_000_000);
    expect(fs.statSync(claimsFile).size).toBe(before.size);
    // The mtime is as before; the ctime moved, and nobody can set it back.
    expect(fs.statSync(claimsFile).mtimeMs).toBe(before.mtimeMs);
    expect(fs.statSync(claimsFile).ctimeMs).not.toBe(before.ctimeMs);

    const next = open(dataDir);
    expect(next.startup!.fromCache).toBe(false);
    expect(next.dataset.claims.find((claim) => claim.id === 'seed-01')!.summary).toBe(
      'regular contact since late 2023',
    );
    expect(warnings).toEqual([]);
  });

  it('is loaded from its files after a document was added', async () => {
    const dataDir = copySeed();
    await openCold(dataDir);
    const documents = path.join(dataDir, 'documents');
    const first = fs.readdirSync(documents).sort()[0];
    fs.copyFileSync(path.join(documents, first), path.join(documents, 'zzz_added.txt'));
    const next = open(dataDir);
    expect(next.startup!.fromCache).toBe(false);
    expect(next.dataset.documents.has('zzz_added')).toBe(true);
  });

  it('is loaded from its files after a journal line was written, and the cache then follows the new key', async () => {
    const dataDir = copySeed();
    await openCold(dataDir);
    fs.writeFileSync(path.join(dataDir, 'journal.jsonl'), '');
    const next = await openCold(dataDir);
    expect(next.startup!.fromCache).toBe(false);
    expect(open(dataDir).startup!.fromCache).toBe(true);
  });

  it('is not written when the folder changes while the cache is written', async () => {
    const dataDir = copySeed();
    const opened = open(dataDir);
    let turns = 0;
    const written = await writeStartupCache(opened.startup!, opened.dataset, opened.graph, () => {
      if (++turns === 2) fs.writeFileSync(path.join(dataDir, 'journal.jsonl'), '');
      return true;
    });
    expect(written).toBe(false);
    expect(fs.readdirSync(path.dirname(opened.startup!.file))).toEqual([]);
    expect(open(dataDir).startup!.fromCache).toBe(false);
  });
});

describe('a damaged start-up cache', () => {
  it('is ignored with one line when truncated, and the folder is loaded from its files', async () => {
    const dataDir = copySeed();
    const cold = await openCold(dataDir);
    const file = startupCacheFile(dataDir);
    const size = fs.statSync(file).size;
    fs.truncateSync(file, size - 10);
    const next = open(dataDir);
    expect(next.startup!.fromCache).toBe(false);
    expect(warnings).toEqual([
      `claimgraph: warning: ignoring the start-up cache ${file}: it is truncated (${size - 10} of ${size} bytes); loading the data folder`,
    ]);
    expect(served(next)).toEqual(served(cold));
  });

  it('is ignored with one line when a byte of it changed', async () => {
    const dataDir = copySeed();
    await openCold(dataDir);
    const file = startupCacheFile(dataDir);
    const bytes = fs.readFileSync(file);
    bytes[HEADER_BYTES + 100] ^= 1;
    fs.writeFileSync(file, bytes);
    expect(open(dataDir).startup!.fromCache).toBe(false);
    expect(warnings).toEqual([
      `claimgraph: warning: ignoring the start-up cache ${file}: its checksum does not match its contents; loading the data folder`,
    ]);
  });

  it('is ignored with one line when it is not a start-up cache at all', async () => {
    const dataDir = copySeed();
    await openCold(dataDir);
    const file = startupCacheFile(dataDir);
    fs.writeFileSync(file, 'x'.repeat(HEADER_BYTES + 10));
    expect(open(dataDir).startup!.fromCache).toBe(false);
    expect(warnings).toEqual([
      `claimgraph: warning: ignoring the start-up cache ${file}: its header is not readable; loading the data folder`,
    ]);
  });

  it('is ignored silently when it holds another key (the data changed) or is missing', async () => {
    const dataDir = copySeed();
    await openCold(dataDir);
    fs.appendFileSync(path.join(dataDir, 'entities.json'), '\n');
    expect(open(dataDir).startup!.fromCache).toBe(false);
    fs.rmSync(startupCacheFile(dataDir));
    expect(open(dataDir).startup!.fromCache).toBe(false);
    expect(warnings).toEqual([]);
  });
});
