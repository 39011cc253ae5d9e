// The real server as a child process (`node bin/claimgraph.js serve`), for tests that
// must kill it: started on a free port with a data folder and environment, ready when
// /api/health answers. The build must be current, or the test would run other code.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export const repoRoot = path.resolve(__dirname, '..', '..');

/** The newest modification time of any file below `dir`: a build older than it is stale. */
export function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

export function assertServerBuilt(): void {
  const built = path.join(repoRoot, 'dist', 'server', 'cli', 'main.js');
  if (!fs.existsSync(built)) throw new Error('dist/server is missing: run `npm run build` before this test');
  if (newestMtime(path.join(repoRoot, 'server')) > fs.statSync(built).mtimeMs)
    throw new Error('server/ changed since the last build: run `npm run build` before this test');
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export interface ChildServer {
  url: string;
  child: ChildProcess;
  /** Everything it printed so far. */
  output(): string;
  exited: Promise<void>;
}

/** `readyWithinMs`: how long it may take to load its data folder and answer (a large generated one takes longer). */
export async function startChildServer(
  dataDir: string,
  env: NodeJS.ProcessEnv,
  readyWithinMs = 15_000,
  /** More flags for `claimgraph serve` (--host, --private, …). */
  args: string[] = [],
): Promise<ChildServer> {
  const port = await freePort();
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  delete childEnv.PORT;
  const child = spawn(
    path.join(repoRoot, 'node_modules', '.bin', 'node'),
    ['bin/claimgraph.js', 'serve', '--port', String(port), '--data', dataDir, ...args],
    {
      cwd: repoRoot,
      env: childEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + readyWithinMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`claimgraph serve exited with ${child.exitCode}:\n${output}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`claimgraph serve did not answer on ${url} within ${readyWithinMs / 1000} s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { url, child, output: () => output, exited };
}
