// Nothing acknowledged is lost. A crash loop of 20 cycles: a real server
// process (bin/claimgraph.js serve) takes concurrent writes (ingests, accepts, rejects)
// and is killed with SIGKILL at a random moment; the data folder must then load, with
// every write that was answered 2xx in it, and the restarted server must serve them all.
// Every fifth cycle the journal is also compacted (`claimgraph compact`) between runs.
// The kill moments come from a seed, printed on failure: rerun with CRASH_LOOP_SEED.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seededRandom } from '../../server/model/random';
import { loadDataset } from '../../server/load/loadDataset';
import { assertServerBuilt, repoRoot, startChildServer, type ChildServer } from '../api/childServer';
import { seedDir, seedDocument } from './hardeningApp';
import { noneAcknowledged, type Acknowledged } from '../api/acknowledgedWrites';

const CYCLES = Number(process.env.CRASH_LOOP_CYCLES ?? 20);
const WORKERS = 4;
const TOKEN = 'crash-loop-token';
const seed = Number(process.env.CRASH_LOOP_SEED ?? Date.now() % 100_000);

/** Writes from WORKERS clients until the server dies; records each write answered 2xx. */
async function writeUntilKilled(
  server: ChildServer,
  cycle: number,
  acked: Acknowledged,
  article: string,
  onAcknowledged: () => void,
): Promise<number> {
  let next = 0;
  let answered = 0;
  const post = async (url: string, init: RequestInit): Promise<Response | undefined> => {
    try {
      return await fetch(`${server.url}${url}`, {
        ...init,
        method: 'POST',
        headers: { Authorization: `Bearer ${TOKEN}`, ...(init.headers as Record<string, string>) },
      });
    } catch {
      return undefined; // the server is gone: this write was not acknowledged
    }
  };
  const json = async <T>(res: Response): Promise<T | undefined> => {
    try {
      return (await res.json()) as T;
    } catch {
      return undefined; // killed mid-body: the 2xx status line arrived, the rest of the answer did not
    }
  };
  const worker = async () => {
    for (;;) {
      const n = next++;
      const text = article.replace(/^( date \S+ )(.*)$/m, `$1$2 (loop ${cycle}.${n})`);
      const ingested = await post(`/api/documents?fileName=loop-${cycle}-${n}.txt`, {
        headers: { 'Content-Type': 'text/plain' },
        body: text,
      });
      if (!ingested) return;
      if (ingested.status !== 201) throw new Error(`ingest answered ${ingested.status}: ${await ingested.text()}`);
      // The 2xx status line is the acknowledgement, even if the kill cuts the body short.
      acked.documents.add(`loop-${cycle}-${n}`);
      answered++;
      onAcknowledged();
      const body = await json<{ document: { id: string }; proposals: Array<{ id: string }> }>(ingested);
      if (!body) return;
      if (body.document.id !== `loop-${cycle}-${n}`)
        throw new Error(`ingest stored ${body.document.id}, not loop-${cycle}-${n}`);
      for (const [index, proposal] of body.proposals.entries()) {
        const decision = index % 3 === 2 ? 'reject' : 'accept';
        const res = await post(`/api/proposals/${encodeURIComponent(proposal.id)}/${decision}`, {});
        if (!res) return;
        if (res.status === 400) continue; // a proposal the vocabulary refuses as extracted: nothing written
        if (res.status !== 201 && res.status !== 200)
          throw new Error(`${decision} answered ${res.status}: ${await res.text()}`);
        if (decision === 'reject') acked.rejected.add(proposal.id);
        else acked.acceptedUnread.add(proposal.id);
        const decided = await json<{ claim?: { id: string }; edge?: string }>(res);
        if (!decided) return;
        if (decision === 'accept') {
          acked.acceptedUnread.delete(proposal.id);
          acked.accepted.set(proposal.id, { claimId: decided.claim!.id, edge: decided.edge! });
        }
        answered++;
        onAcknowledged();
      }
    }
  };
  await Promise.all(Array.from({ length: WORKERS }, worker));
  return answered;
}

/** What of the acknowledged writes the folder, loaded on its own, lacks. */
function missingOnDisk(dataDir: string, acked: Acknowledged, warnings: string[]): string[] {
  const dataset = loadDataset(dataDir, { onWarning: (problem) => warnings.push(problem.message) });
  const missing: string[] = [];
  for (const id of acked.documents) if (!dataset.documents.has(id)) missing.push(`document ${id}`);
  const claims = new Set(dataset.claims.map((c) => c.id));
  for (const { claimId } of acked.accepted.values()) if (!claims.has(claimId)) missing.push(`claim ${claimId}`);
  return missing;
}

/** What of the acknowledged writes the running server does not serve; `thorough` also fetches each edge and document. */
async function missingOnServer(server: ChildServer, acked: Acknowledged, thorough: boolean): Promise<string[]> {
  const get = async (url: string) => {
    const res = await fetch(`${server.url}${url}`, { headers: { Authorization: `Bearer ${TOKEN}` } });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const missing: string[] = [];
  const statuses = new Map<string, { status: string; claimId?: string }>();
  for (let offset = 0; ; offset += 500) {
    const page = (await get(`/api/proposals?status=all&limit=500&offset=${offset}`)).body as {
      total: number;
      proposals: Array<{ id: string; status: string; claimId?: string }>;
    };
    for (const p of page.proposals) statuses.set(p.id, p);
    if (offset + 500 >= page.total) break;
  }
  for (const [id, { claimId, edge }] of acked.accepted) {
    if (statuses.get(id)?.status !== 'accepted' || statuses.get(id)?.claimId !== claimId)
      missing.push(`acceptance of ${id}`);
    if (!thorough) continue;
    const found = await get(`/api/edges/${encodeURIComponent(edge)}`);
    if (found.status !== 200 || !(found.body.claims as Array<{ id: string }>).some((c) => c.id === claimId))
      missing.push(`claim ${claimId} on ${edge}`);
  }
  for (const id of acked.rejected) if (statuses.get(id)?.status !== 'rejected') missing.push(`rejection of ${id}`);
  for (const id of acked.acceptedUnread)
    if (statuses.get(id)?.status !== 'accepted') missing.push(`acceptance of ${id} (answer unread)`);
  if (thorough)
    for (const id of acked.documents)
      if ((await fetch(`${server.url}/api/documents/${encodeURIComponent(id)}`)).status !== 200)
        missing.push(`document ${id}`);
  const documents = (await get('/api/health')).body as { counts: { documents: number } };
  if (documents.counts.documents < acked.documents.size + 1)
    missing.push(`documents: ${documents.counts.documents} served, ${acked.documents.size + 1} expected at least`);
  return missing;
}

describe('crash loop', () => {
  it(`keeps every acknowledged write through ${CYCLES} SIGKILLs at random moments (seed ${seed})`, async () => {
    assertServerBuilt();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-crash-loop-'));
    const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-crash-loop-cache-'));
    fs.cpSync(seedDir, dataDir, { recursive: true });
    const article = fs.readFileSync(path.join(seedDir, 'documents', `${seedDocument}.txt`), 'utf8');
    const env = { CLAIMGRAPH_TOKEN: TOKEN, CLAIMGRAPH_WRITE_RATE_LIMIT: '0', CLAIMGRAPH_CACHE_DIR: cacheDir };
    const random = seededRandom(seed);
    const acked = noneAcknowledged();
    const warnings: string[] = [];
    const killDelays: number[] = [];
    let server: ChildServer | undefined;
    try {
      for (let cycle = 0; cycle < CYCLES; cycle++) {
        server = await startChildServer(dataDir, env);
        expect(await missingOnServer(server, acked, cycle % 5 === 0)).toEqual([]);
        const running = server;
        // A random moment during the writes: 0 to 300 ms after the first one was acknowledged.
        // The first cycle waits until every kind of write (ingest, accept, reject) has been
        // acknowledged, so a slow machine still exercises them all.
        const delay = Math.floor(random() * 300);
        killDelays.push(delay);
        let timer: NodeJS.Timeout | undefined;
        const armed = () =>
          cycle > 0 || (acked.accepted.size > 0 && acked.rejected.size > 0 && acked.documents.size > 1);
        await writeUntilKilled(running, cycle, acked, article, () => {
          if (timer === undefined && armed()) timer = setTimeout(() => running.child.kill('SIGKILL'), delay);
        });
        clearTimeout(timer);
        await running.exited;
        expect(running.child.signalCode).toBe('SIGKILL');
        server = undefined;
        // The folder loads on its own after every crash, with every acknowledged write.
        expect(missingOnDisk(dataDir, acked, warnings)).toEqual([]);
        if (cycle % 5 === 4) {
          execFileSync(
            path.join(repoRoot, 'node_modules', '.bin', 'node'),
            ['bin/claimgraph.js', 'compact', '--data', dataDir],
            { cwd: repoRoot, env: { ...process.env, ...env }, stdio: 'pipe' },
          );
          expect(missingOnDisk(dataDir, acked, warnings)).toEqual([]);
        }
      }
      server = await startChildServer(dataDir, env);
      expect(await missingOnServer(server, acked, true)).toEqual([]);
      // The loop did write and decide, in every kind.
      expect(acked.documents.size).toBeGreaterThan(CYCLES);
      expect(acked.accepted.size).toBeGreaterThan(0);
      expect(acked.rejected.size).toBeGreaterThan(0);
      // Torn journal lines may be reported (a kill mid-append), but only as the skipped last line.
      for (const warning of warnings) expect(warning).toMatch(/journal/i);
    } catch (error) {
      throw new Error(
        `crash loop failed with seed ${seed} (rerun with CRASH_LOOP_SEED=${seed}); kill delays ${killDelays.join(', ')} ms:\n${(error as Error).message}\n${server?.output() ?? ''}`,
      );
    } finally {
      if (server && server.child.exitCode === null && server.child.signalCode === null) {
        server.child.kill('SIGKILL');
        await server.exited;
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
      fs.rmSync(cacheDir, { recursive: true, force: true });
    }
  }, 120_000);
});
