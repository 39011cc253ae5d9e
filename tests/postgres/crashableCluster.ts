// A throw-away cluster of a test's own (throwawayCluster.ts) that the test can crash
// (pg_ctl stop -m immediate: no shutdown checkpoint, every connection cut) and start
// again on the same port, to see what the servers writing to it do meanwhile.
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { findPostgresBin, startThrowawayCluster, type ThrowawayCluster } from './throwawayCluster';

export interface CrashableCluster extends ThrowawayCluster {
  crash(): void;
  start(): void;
}

const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;

function pgCtl(args: string[]): void {
  const binary = path.join(findPostgresBin(), 'pg_ctl');
  const [command, fullArgs] = asRoot ? ['runuser', ['-u', 'postgres', '--', binary, ...args]] : [binary, args];
  execFileSync(command, fullArgs, { stdio: 'pipe', cwd: os.tmpdir() });
}

export async function startCrashableCluster(): Promise<CrashableCluster> {
  const cluster = await startThrowawayCluster();
  const data = path.join(cluster.folder, 'data');
  const options = `-p ${cluster.port} -k ${path.join(cluster.folder, 'socket')} -c listen_addresses=127.0.0.1 -c fsync=on`;
  return {
    ...cluster,
    crash: () => pgCtl(['-D', data, '-m', 'immediate', '-w', 'stop']),
    start: () => pgCtl(['-D', data, '-l', path.join(cluster.folder, 'server.log'), '-w', '-o', options, 'start']),
  };
}
