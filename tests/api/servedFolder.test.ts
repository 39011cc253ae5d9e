// `ingest`, `curate` and `compact` change the files a server has loaded, so they refuse
// while one serves the folder: a server with writes holds the folder's lock, one without
// leaves a mark in .claimgraph/readers/ (server/store/readerMarks.ts). A real server in a
// child process on a temp copy of graph-data/; the commands run here, in another process.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../server/cli/main';
import { LOCK_FILE } from '../../server/store/dataFolderLock';
import { liveReaders, markServedReadOnly } from '../../server/store/readerMarks';
import { assertServerBuilt, startChildServer, type ChildServer } from './childServer';
import { seedDir } from './seedApp';
import { ARTICLE } from './writeApp';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-served-'));
let server: ChildServer | undefined;

function dataCopy(): string {
  const dir = fs.mkdtempSync(path.join(scratch, 'data-'));
  fs.cpSync(seedDir, dir, { recursive: true });
  return dir;
}

const article = path.join(scratch, '205_musk-and-peskov.txt');
beforeAll(() => {
  assertServerBuilt();
  fs.writeFileSync(article, ARTICLE);
});
afterEach(async () => {
  if (server && server.child.exitCode === null) {
    server.child.kill('SIGTERM');
    await server.exited;
  }
  server = undefined;
});
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

describe('while a server without writes serves the folder', () => {
  it('ingest, curate and compact refuse in one line with exit code 1; once it stops, they work', async () => {
    const dir = dataCopy();
    server = await startChildServer(dir, { CLAIMGRAPH_TOKEN: '', CLAIMGRAPH_CACHE_DIR: '' });
    const pid = server.child.pid!;
    const [mark] = fs.readdirSync(path.join(dir, '.claimgraph', 'readers'));
    expect(mark).toMatch(new RegExp(`^${pid}-[0-9a-f]{12}$`));
    const markPath = path.join(dir, '.claimgraph', 'readers', mark);
    const refusal = `the data folder ${dir} is being served by process ${pid} (a claimgraph server without writes), which would not see this change; stop it first and start it again after, or delete ${markPath} if no such process is claimgraph`;

    expect(await run('ingest', article, '--data', dir)).toEqual({
      code: 1,
      out: '',
      err: `claimgraph ingest: ${refusal}`,
    });
    expect(await run('compact', '--data', dir)).toEqual({ code: 1, out: '', err: `claimgraph compact: ${refusal}` });
    expect(await run('curate', 'retract', 'c1', '--reason', 'test', '--data', dir)).toEqual({
      code: 1,
      out: '',
      err: `claimgraph curate: ${refusal}`,
    });
    // Refused before anything was written: no journal, no lock left.
    expect(fs.existsSync(path.join(dir, 'journal.jsonl'))).toBe(false);
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false);

    server.child.kill('SIGTERM');
    await server.exited;
    expect(fs.readdirSync(path.join(dir, '.claimgraph', 'readers'))).toEqual([]);
    const ingested = await run('ingest', article, '--data', dir);
    expect(ingested.code).toBe(0);
    expect(ingested.out.split('\n')[0]).toMatch(
      /^stored document 205_musk-and-peskov \(2024-11-02 "Musk and Peskov talk Starlink"\)/,
    );
    const compacted = await run('compact', '--data', dir);
    expect(compacted.code).toBe(0);
    expect(compacted.out).toMatch(
      new RegExp(`^${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: folded 1 journal entry: 1 document\\(s\\)`),
    );
  });

  it('a mark left by a killed server is removed and does not refuse', async () => {
    const dir = dataCopy();
    server = await startChildServer(dir, { CLAIMGRAPH_TOKEN: '', CLAIMGRAPH_CACHE_DIR: '' });
    server.child.kill('SIGKILL');
    await server.exited;
    expect(fs.readdirSync(path.join(dir, '.claimgraph', 'readers'))).toHaveLength(1);
    expect(liveReaders(dir)).toEqual([]);
    expect(fs.readdirSync(path.join(dir, '.claimgraph', 'readers'))).toEqual([]);
    expect((await run('compact', '--data', dir)).code).toBe(0);
  });
});

describe('while a server with writes serves the folder', () => {
  it('ingest and compact are refused by its lock, pointing at the API', async () => {
    const dir = dataCopy();
    server = await startChildServer(dir, { CLAIMGRAPH_TOKEN: 'served-folder-token', CLAIMGRAPH_CACHE_DIR: '' });
    const pid = server.child.pid!;
    const inUse = `the data folder ${dir} is in use by process ${pid} (a running claimgraph server?); stop it first, or delete ${path.join(dir, LOCK_FILE)} if no such process is claimgraph`;
    expect(await run('ingest', article, '--data', dir)).toEqual({
      code: 1,
      out: '',
      err: `claimgraph ingest: ${inUse}; while the server runs, send the article to it: POST /api/documents`,
    });
    expect(await run('compact', '--data', dir)).toEqual({ code: 1, out: '', err: `claimgraph compact: ${inUse}` });
  });
});

describe('reader marks', () => {
  it('a copied folder does not carry the marks of the one it was copied from', () => {
    const original = dataCopy();
    const mark = markServedReadOnly(original);
    try {
      expect(mark.marked).toBe(true);
      const copy = fs.mkdtempSync(path.join(scratch, 'copy-'));
      fs.cpSync(original, copy, { recursive: true });
      // The mark names this process, which liveReaders never counts; rewrite it as another live process's (the parent's).
      const readers = path.join(copy, '.claimgraph', 'readers');
      const [name] = fs.readdirSync(readers);
      const [, markedPath] = fs.readFileSync(path.join(readers, name), 'utf8').split('\n');
      expect(markedPath).toBe(fs.realpathSync(original));
      fs.writeFileSync(path.join(readers, name), `${process.ppid}\n${markedPath}\n`);
      expect(liveReaders(copy)).toEqual([]);
      fs.writeFileSync(path.join(readers, name), `${process.ppid}\n${fs.realpathSync(copy)}\n`);
      expect(liveReaders(copy)).toEqual([{ pid: process.ppid, mark: path.join(readers, name) }]);
    } finally {
      mark.release();
    }
    expect(fs.readdirSync(path.join(original, '.claimgraph', 'readers'))).toEqual([]);
  });
});
