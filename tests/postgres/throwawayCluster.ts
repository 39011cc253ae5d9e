// A throw-away PostgreSQL cluster for the tests and the bench: initdb into a fresh
// temporary folder, start it on a free port of 127.0.0.1 (trust auth there only, its
// socket in the folder, fsync on as in production), and stop it and remove the folder
// afterwards. As root, initdb and the server refuse to run, so both run as the
// `postgres` user, who owns the folder. A machine without PostgreSQL is a failure with
// the message below, never a skip.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const POSTGRES_MISSING =
  'PostgreSQL is not installed: the store tests need it (Debian: apt-get install -y postgresql)';

/** Where Debian puts each major version's binaries (newest first), then PATH. */
export function findPostgresBin(
  roots: readonly string[] = ['/usr/lib/postgresql'],
  searchPath: string = process.env.PATH ?? '',
): string {
  for (const root of roots) {
    const versions = fs.existsSync(root) ? fs.readdirSync(root) : [];
    versions.sort((a, b) => Number(b) - Number(a) || b.localeCompare(a));
    for (const version of versions) {
      const bin = path.join(root, version, 'bin');
      if (fs.existsSync(path.join(bin, 'initdb')) && fs.existsSync(path.join(bin, 'pg_ctl'))) return bin;
    }
  }
  for (const dir of searchPath.split(path.delimiter).filter(Boolean))
    if (fs.existsSync(path.join(dir, 'initdb')) && fs.existsSync(path.join(dir, 'pg_ctl'))) return dir;
  throw new Error(POSTGRES_MISSING);
}

export interface ThrowawayCluster {
  /** postgres://postgres@127.0.0.1:PORT/postgres: the cluster's superuser and default database. */
  url: string;
  port: number;
  folder: string;
  stop(): void;
}

/** A port nobody listens on right now (the cluster takes it a moment later). */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** Runs a PostgreSQL binary, as the `postgres` user when we are root; its output is kept for the error. */
function runAsOwner(binary: string, args: string[]): void {
  const [command, fullArgs] = asRoot ? ['runuser', ['-u', 'postgres', '--', binary, ...args]] : [binary, args];
  try {
    execFileSync(command, fullArgs, { stdio: 'pipe', encoding: 'utf8', cwd: os.tmpdir() });
  } catch (error) {
    const failed = error as { stderr?: string; stdout?: string; message: string };
    throw new Error(`${path.basename(binary)} failed: ${(failed.stderr || failed.stdout || failed.message).trim()}`, {
      cause: error,
    });
  }
}

function ownFolder(folder: string): void {
  if (!asRoot) return;
  execFileSync('chown', ['-R', 'postgres:postgres', folder]);
}

export async function startThrowawayCluster(): Promise<ThrowawayCluster> {
  const bin = findPostgresBin();
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-pg-'));
  const data = path.join(folder, 'data');
  const socketDir = path.join(folder, 'socket');
  fs.mkdirSync(socketDir);
  ownFolder(folder);
  const pgCtl = path.join(bin, 'pg_ctl');
  let started = false;
  const stop = () => {
    try {
      if (started) runAsOwner(pgCtl, ['-D', data, '-m', 'fast', '-w', 'stop']);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  };
  try {
    // --no-sync: initdb's own files need not reach the disk; the server runs with fsync on.
    runAsOwner(path.join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-sync']);
    fs.writeFileSync(path.join(data, 'pg_hba.conf'), 'host all all 127.0.0.1/32 trust\n');
    ownFolder(folder);
    // The port is free when chosen; another process may take it before the server does, so try a few.
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      const options = `-p ${port} -k ${socketDir} -c listen_addresses=127.0.0.1 -c fsync=on`;
      try {
        runAsOwner(pgCtl, [
          '-D',
          data,
          '-l',
          path.join(folder, 'server.log'),
          '-w',
          '-t',
          '60',
          '-o',
          options,
          'start',
        ]);
      } catch (error) {
        if (attempt < 3) continue;
        const log = fs.existsSync(path.join(folder, 'server.log'))
          ? fs.readFileSync(path.join(folder, 'server.log'), 'utf8').trim()
          : '';
        throw new Error(`${(error as Error).message}${log ? `\n${log}` : ''}`, { cause: error });
      }
      started = true;
      return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, port, folder, stop };
    }
  } catch (error) {
    stop();
    throw error;
  }
}
