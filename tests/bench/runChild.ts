// Runs one measurement in a fresh Node process (clean heap, its own peak memory) and
// returns the JSON it prints on its last line of output.
import { spawn } from 'node:child_process';
import { childEntry } from './benchPaths';

export async function runChild<T>(task: string, args: string[], timeoutMs = 9 * 60_000): Promise<T> {
  const child = spawn(process.execPath, ['--max-old-space-size=8192', '--expose-gc', childEntry, task, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  clearTimeout(timer);
  const last = out.trim().split('\n').pop() ?? '';
  if (code !== 0 || !last.startsWith('{'))
    throw new Error(
      `bench child "${task} ${args.join(' ')}" failed (exit ${code}): ${err.trim().split('\n').slice(-3).join(' / ') || last}`,
    );
  return JSON.parse(last) as T;
}
