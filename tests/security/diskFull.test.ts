// A full disk under the data folder, for real: the test mounts its own 2 MiB tmpfs (and
// unmounts it afterwards), puts data folders on it and fills it with filler files. Then a
// write answers 507 problem+json ("the data folder's disk is full; nothing of this
// request was written") and leaves no part of itself in the journal, every write
// acknowledged before is there after a restart, `claimgraph compact` and `claimgraph
// serve` say so in one line and exit 1, and no lock or temporary file stays behind.
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { loadDataset } from '../../server/load/loadDataset';
import { journalPath, parseJournal } from '../../server/load';
import { LOCK_FILE } from '../../server/store/dataFolderLock';
import { assertServerBuilt, repoRoot, startChildServer } from '../api/childServer';
import { seedDir } from '../api/seedApp';
import { auth, writeApp, type WriteApp } from '../api/writeApp';

const DISK_BYTES = 2 * 1024 * 1024;
const mountPoint = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-full-disk-'));
const node = path.join(repoRoot, 'node_modules', '.bin', 'node');
const DISK_FULL_PROBLEM = {
  type: 'urn:claimgraph:problem:disk-full',
  title: 'Insufficient storage',
  status: 507,
  detail: "the data folder's disk is full; nothing of this request was written",
};

beforeAll(() => {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${DISK_BYTES},mode=0755`, 'tmpfs', mountPoint], {
      stdio: 'pipe',
    });
  } catch (error) {
    fs.rmdirSync(mountPoint);
    const said = (error as { stderr?: Buffer }).stderr?.toString().trim() || (error as Error).message;
    throw new Error(
      `this test makes its own full disk, a 2 MiB tmpfs at ${mountPoint}, and must be allowed to mount one (root, or CAP_SYS_ADMIN): mount said: ${said}`,
    );
  }
});

afterAll(() => {
  execFileSync('umount', [mountPoint]);
  fs.rmdirSync(mountPoint);
});

const open: WriteApp[] = [];
afterEach(() => {
  for (const made of open.splice(0)) made.close();
  for (const name of fs.readdirSync(mountPoint))
    fs.rmSync(path.join(mountPoint, name), { recursive: true, force: true });
});

function app(dataDir: string): WriteApp {
  const made = writeApp({ dataDir });
  open.push(made);
  return made;
}

/** A copy of graph-data/ on the small disk. */
function folderOnSmallDisk(name: string): string {
  const dir = path.join(mountPoint, name);
  fs.cpSync(seedDir, dir, { recursive: true });
  return dir;
}

const freeBytes = () => {
  const stats = fs.statfsSync(mountPoint);
  return stats.bavail * stats.bsize;
};

/** Takes all the disk's free space but `leave` bytes (in whole pages). */
function fillLeaving(leave: number): void {
  const size = freeBytes() - leave;
  if (size > 0) fs.writeFileSync(path.join(mountPoint, `filler-${Date.now()}`), Buffer.alloc(size));
}

/** Takes every free page, until the disk says it is full. */
function fillCompletely(): void {
  const fd = fs.openSync(path.join(mountPoint, `filler-${Date.now()}-all`), 'w');
  const page = Buffer.alloc(4096);
  try {
    for (;;) fs.writeSync(fd, page);
  } catch (error) {
    expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
  } finally {
    fs.closeSync(fd);
  }
}

function emptyFillers(): void {
  for (const name of fs.readdirSync(mountPoint)) if (name.startsWith('filler-')) fs.rmSync(path.join(mountPoint, name));
}

/** An article in the seeds' format with the quotes the test extractor (writeApp.ts) expects, padded to about 2 KB. */
function article(n: number): string {
  return [
    ` date 2024-11-02 Musk and Peskov talk Starlink, part ${n}`,
    'Elon Musk spoke with Kremlin spokesperson Dmitry Peskov about Starlink in October 2024, according to people familiar with the call.',
    'Orbital Relay Ltd, a new reseller, sells Starlink terminals in Kazakhstan.',
    `${'Background paragraph. '.repeat(90)}${n}`,
    '',
  ].join('\n');
}

const ingest = (made: WriteApp, n: number) =>
  request(made.app).post(`/api/documents?fileName=part-${n}.txt`).set(auth).type('text/plain').send(article(n));

/** Every file below `dir` whose name says it is a temporary or lock file. */
function leftovers(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((name) => /\.tmp$/.test(name) || path.basename(name).startsWith(LOCK_FILE))
    .sort();
}

function journalState(dir: string) {
  const bytes = fs.readFileSync(journalPath(dir));
  const parsed = parseJournal(bytes);
  return {
    endsWithNewline: bytes.length === 0 || bytes[bytes.length - 1] === 0x0a,
    entries: parsed.lines.length,
    tornTail: parsed.tornTail,
    problems: parsed.problems,
  };
}

describe('a full disk under the data folder', () => {
  it('answers writes 507, keeps no part of them, and every acknowledged write survives a restart', async () => {
    const dir = folderOnSmallDisk('http');
    const first = app(dir);
    fillLeaving(48 * 1024);

    const acknowledged: number[] = [];
    let refused: request.Response | undefined;
    for (let n = 1; n <= 200 && !refused; n++) {
      const res = await ingest(first, n);
      if (res.status === 201) acknowledged.push(n);
      else refused = res;
    }
    expect(acknowledged.length).toBeGreaterThanOrEqual(5);
    expect([refused!.status, refused!.headers['content-type'], refused!.body]).toEqual([
      507,
      'application/problem+json; charset=utf-8',
      DISK_FULL_PROBLEM,
    ]);
    // Refused again, for as long as the disk is full; nothing of them is in the journal.
    for (let n = 500; n < 503; n++) expect((await ingest(first, n)).body).toEqual(DISK_FULL_PROBLEM);
    expect(journalState(dir)).toEqual({
      endsWithNewline: true,
      entries: acknowledged.length,
      tornTail: undefined,
      problems: [],
    });
    // Reads go on.
    const queue = await request(first.app).get('/api/proposals?status=all&limit=1000').set(auth);
    expect([queue.status, queue.body.total]).toEqual([200, 2 * acknowledged.length]);
    expect(leftovers(dir)).toEqual([LOCK_FILE]);
    first.close();
    expect(leftovers(dir)).toEqual([]);

    emptyFillers();
    const restarted = app(dir);
    const all = await request(restarted.app).get('/api/proposals?status=all&limit=1000').set(auth);
    expect(all.body.proposals.map((p: { id: string }) => p.id).sort()).toEqual(
      acknowledged.flatMap((n) => [`part-${n}.p1`, `part-${n}.p2`]).sort(),
    );
    for (const n of acknowledged)
      expect((await request(restarted.app).get(`/api/documents/part-${n}`)).status).toBe(200);
    expect((await request(restarted.app).get('/api/documents/part-500')).status).toBe(404);
    // With room again, the next write lands after the last acknowledged one and the folder loads.
    expect((await ingest(restarted, 600)).status).toBe(201);
    restarted.close();
    expect(journalState(dir)).toEqual({
      endsWithNewline: true,
      entries: acknowledged.length + 1,
      tornTail: undefined,
      problems: [],
    });
    const warnings: string[] = [];
    expect(loadDataset(dir, { onWarning: (problem) => warnings.push(problem.message) }).documents.size).toBe(
      1 + acknowledged.length + 1,
    );
    expect(warnings).toEqual([]);
  });

  it('answers an accept 507 and leaves the proposal pending', async () => {
    const dir = folderOnSmallDisk('accept');
    const made = app(dir);
    expect((await ingest(made, 1)).status).toBe(201);
    fillCompletely();
    // Larger than what is left of the journal's last page, so it needs a page the disk has not got.
    const accept = await request(made.app)
      .post('/api/proposals/part-1.p2/accept')
      .set(auth)
      .send({
        subject: {
          name: 'Orbital Relay',
          type: 'organization',
          kind: 'company',
          description: 'A reseller. '.repeat(400),
        },
      });
    expect([accept.status, accept.body]).toEqual([507, DISK_FULL_PROBLEM]);
    expect(journalState(dir)).toEqual({ endsWithNewline: true, entries: 1, tornTail: undefined, problems: [] });
    const proposal = await request(made.app).get('/api/proposals/part-1.p2').set(auth);
    expect(proposal.body.status).toBe('pending');
    expect((await request(made.app).get('/api/entities/orbital-relay')).status).toBe(404);
  });

  it('makes `claimgraph compact` say so in one line and exit 1, leaving the folder as it was', async () => {
    assertServerBuilt();
    const dir = folderOnSmallDisk('compact');
    const writer = app(dir);
    for (const n of [1, 2, 3]) expect((await ingest(writer, n)).status).toBe(201);
    expect((await request(writer.app).post('/api/proposals/part-1.p1/accept').set(auth)).status).toBe(201);
    writer.close();
    const journal = fs.readFileSync(journalPath(dir));
    const summary = () => {
      const dataset = loadDataset(dir);
      return {
        entities: dataset.entities.size,
        claims: dataset.claims.length,
        documents: [...dataset.documents.keys()].sort(),
      };
    };
    const before = summary();
    // Room for the lock and a document or two, not for the whole compaction.
    fillLeaving(12 * 1024);

    const run = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      execFile(
        node,
        ['bin/claimgraph.js', 'compact', '--data', dir],
        { cwd: repoRoot, timeout: 60_000 },
        (error, stdout, stderr) => {
          resolve({ code: error ? ((error as { code?: number }).code ?? null) : 0, stdout, stderr });
        },
      );
    });
    expect(run).toEqual({
      code: 1,
      stdout: '',
      stderr: `claimgraph compact: the data folder's disk is full (${dir}: no space left on device); the journal was not folded, and the folder holds the same data as before; free some space and run compact again\n`,
    });
    expect(leftovers(dir)).toEqual([]);
    expect(fs.readFileSync(journalPath(dir)).equals(journal)).toBe(true);
    expect(summary()).toEqual(before);
    // Each file it wrote before the disk filled up was written whole; the journal still holds them too.
    const written = fs.readdirSync(path.join(dir, 'documents')).filter((name) => name.startsWith('part-'));
    for (const name of written)
      expect(fs.readFileSync(path.join(dir, 'documents', name), 'utf8')).toBe(article(Number(name.slice(5, -4))));

    emptyFillers();
    const again = execFileSync(node, ['bin/claimgraph.js', 'compact', '--data', dir], {
      cwd: repoRoot,
      encoding: 'utf8',
    });
    expect(again).toBe(
      `${dir}: folded 4 journal entries: ${3 - written.length} document(s), 0 entities, 1 claim(s); 6 proposal(s) kept in proposals.json\n`,
    );
    expect(summary()).toEqual(before);
    expect(fs.readFileSync(journalPath(dir), 'utf8')).toBe('');
  });

  it('makes `claimgraph serve` with writes on say so in one line and exit 1, leaving no lock; read-only it serves', async () => {
    assertServerBuilt();
    const dir = folderOnSmallDisk('serve');
    fillCompletely();
    const run = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      execFile(
        node,
        ['bin/claimgraph.js', 'serve', '--port', '0', '--data', dir],
        { cwd: repoRoot, timeout: 60_000, env: { ...process.env, CLAIMGRAPH_TOKEN: 'full-disk-token' } },
        (error, stdout, stderr) => {
          resolve({ code: error ? ((error as { code?: number }).code ?? null) : 0, stdout, stderr });
        },
      );
    });
    expect(run).toEqual({
      code: 1,
      stdout: '',
      stderr: `claimgraph: cannot serve: the data folder's disk is full (${dir}: no space left on device); nothing was written; free some space, or open the folder read-only (a server without CLAIMGRAPH_TOKEN)\n`,
    });
    expect(leftovers(dir)).toEqual([]);
    expect(fs.existsSync(journalPath(dir))).toBe(false);

    const env = { ...process.env };
    delete env.CLAIMGRAPH_TOKEN;
    const readOnly = await startChildServer(dir, env);
    try {
      const health = await (await fetch(`${readOnly.url}/api/health`)).json();
      expect(health.counts).toEqual({ entities: 15, edges: 19, claims: 23, documents: 1 });
    } finally {
      readOnly.child.kill('SIGTERM');
      await readOnly.exited;
    }
  });
});
