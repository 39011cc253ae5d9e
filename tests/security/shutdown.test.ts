// SIGTERM shuts the server down gracefully. A write in flight when the
// signal arrives (its body still uploading) is finished and answered 2xx, new connections
// are refused meanwhile, the process exits 0 soon after, and the write is in the data
// folder (the journal was flushed and closed). Idle keep-alive connections do not hold
// the shutdown open.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { loadDataset } from '../../server/load/loadDataset';
import { assertServerBuilt, startChildServer, type ChildServer } from '../api/childServer';
import { seedDir, seedDocument } from './hardeningApp';

const TOKEN = 'shutdown-token';
const env = (cacheDir: string) => ({
  CLAIMGRAPH_TOKEN: TOKEN,
  CLAIMGRAPH_WRITE_RATE_LIMIT: '0',
  CLAIMGRAPH_CACHE_DIR: cacheDir,
});

let dataDir: string;
let cacheDir: string;
let server: ChildServer | undefined;

beforeAll(() => assertServerBuilt());
beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-shutdown-'));
  cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-shutdown-cache-'));
  fs.cpSync(seedDir, dataDir, { recursive: true });
});
afterEach(async () => {
  if (server && server.child.exitCode === null && server.child.signalCode === null) {
    server.child.kill('SIGKILL');
    await server.exited;
  }
  server = undefined;
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  if (cacheDir) fs.rmSync(cacheDir, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves with the exit code, or rejects if the process is still running after `ms`. */
async function exitWithin(child: ChildServer, ms: number): Promise<number | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`still running ${ms} ms after SIGTERM`)), ms);
  });
  try {
    await Promise.race([child.exited, late]);
  } finally {
    clearTimeout(timer);
  }
  return child.child.exitCode;
}

describe('SIGTERM', () => {
  it('finishes a write in flight, refuses new connections, flushes the journal and exits 0', async () => {
    server = await startChildServer(dataDir, env(cacheDir));
    const { port } = new URL(server.url);
    const article = fs
      .readFileSync(path.join(seedDir, 'documents', `${seedDocument}.txt`), 'utf8')
      .replace(/^( date \S+ )(.*)$/m, '$1$2 (during shutdown)');
    const body = Buffer.from(article);
    const agent = new http.Agent({ keepAlive: false });
    const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/api/documents?fileName=in-flight.txt',
          agent,
          headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'text/plain', 'Content-Length': body.length },
        },
        (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.write(body.subarray(0, 40));
      // The server has the headers and part of the body when the signal arrives; the rest follows.
      setTimeout(() => {
        server!.child.kill('SIGTERM');
        setTimeout(async () => {
          // Meanwhile the server takes no new connection.
          await expect(fetch(`${server!.url}/api/health`)).rejects.toThrow();
          req.end(body.subarray(40));
        }, 300);
      }, 300);
    });
    const { status, text } = await answer;
    expect(status).toBe(201);
    expect(JSON.parse(text).document.id).toBe('in-flight');
    expect(await exitWithin(server, 5000)).toBe(0);
    expect(server.output()).not.toMatch(/error/i);
    // The acknowledged write is on disk, and the folder loads without a torn journal line.
    const warnings: string[] = [];
    const dataset = loadDataset(dataDir, { onWarning: (problem) => warnings.push(problem.message) });
    expect(dataset.documents.has('in-flight')).toBe(true);
    expect(warnings).toEqual([]);
  }, 30_000);

  it('is not held open by idle keep-alive connections', async () => {
    server = await startChildServer(dataDir, env(cacheDir));
    const agent = new http.Agent({ keepAlive: true });
    const { port } = new URL(server.url);
    await new Promise<void>((resolve, reject) => {
      http
        .get({ host: '127.0.0.1', port, path: '/api/health', agent }, (res) => {
          res.resume();
          res.on('end', () => resolve());
        })
        .on('error', reject);
    });
    server.child.kill('SIGTERM');
    expect(await exitWithin(server, 3000)).toBe(0);
    agent.destroy();
  }, 30_000);

  it('a write acknowledged just before SIGTERM is there after the restart', async () => {
    server = await startChildServer(dataDir, env(cacheDir));
    const article = fs
      .readFileSync(path.join(seedDir, 'documents', `${seedDocument}.txt`), 'utf8')
      .replace(/^( date \S+ )(.*)$/m, '$1$2 (before shutdown)');
    const ingested = await fetch(`${server.url}/api/documents?fileName=before-term.txt`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'text/plain' },
      body: article,
    });
    expect(ingested.status).toBe(201);
    const proposals = ((await ingested.json()) as { proposals: Array<{ id: string }> }).proposals;
    const accepted = await fetch(`${server.url}/api/proposals/${encodeURIComponent(proposals[0].id)}/accept`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TOKEN}` },
    });
    expect([200, 201]).toContain(accepted.status);
    const claimId = ((await accepted.json()) as { claim: { id: string } }).claim.id;
    server.child.kill('SIGTERM');
    expect(await exitWithin(server, 5000)).toBe(0);
    server = await startChildServer(dataDir, env(cacheDir));
    const proposal = (await (
      await fetch(`${server.url}/api/proposals/${encodeURIComponent(proposals[0].id)}`, {
        headers: { Authorization: `Bearer ${TOKEN}` },
      })
    ).json()) as { status: string; claimId: string };
    expect(proposal).toMatchObject({ status: 'accepted', claimId });
    expect((await fetch(`${server.url}/api/documents/before-term`)).status).toBe(200);
  }, 30_000);
});
