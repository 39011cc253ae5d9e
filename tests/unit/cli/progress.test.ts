// The progress line (server/cli/progress.ts): on a terminal it rewrites one line with the
// text and the elapsed time, at most every interval unless forced, and clears it when
// done; on anything else (a pipe, a file, --quiet) it writes nothing. The terminal is
// the one thing it reads of its stream (isTTY, columns), so a stream that records what is
// written stands for it here; tests/unit/cli/commandLine.test.ts runs it on a real pseudo-terminal.
import { formatCount, formatElapsed, startProgress, type ProgressStream } from '../../../server/cli/progress';

function recording(isTTY: boolean, columns?: number): ProgressStream & { written: string[] } {
  const written: string[] = [];
  return { isTTY, columns, written, write: (text: string) => written.push(text) };
}

describe('startProgress', () => {
  it('rewrites one line on a terminal, at most every interval unless forced, and clears it when done', () => {
    let now = 1_000;
    const stream = recording(true, 80);
    const progress = startProgress(stream, 'import', { now: () => now, intervalMs: 100 });
    progress.update('reading a.csv');
    now += 50;
    progress.update('skipped: within the interval');
    progress.update('mapping 1,200 characters', true);
    now += 12_345;
    progress.update('writing 2 entities');
    progress.done();
    progress.done();
    expect(stream.written).toEqual([
      '\r\x1b[2Kimport: reading a.csv · 0.0 s',
      '\r\x1b[2Kimport: mapping 1,200 characters · 0.1 s',
      '\r\x1b[2Kimport: writing 2 entities · 12 s',
      '\r\x1b[2K',
    ]);
  });

  it('cuts a line to the terminal width (80 when the terminal says 0)', () => {
    const stream = recording(true, 0);
    startProgress(stream, 'generate', { now: () => 0 }).update('x'.repeat(200));
    expect(stream.written[0]).toBe(`\r\x1b[2Kgenerate: ${'x'.repeat(68)}…`);
    expect(stream.written[0].length - '\r\x1b[2K'.length).toBe(79);
  });

  it.each([
    ['a pipe or a file (no terminal)', recording(false), {}],
    ['--quiet on a terminal', recording(true), { quiet: true }],
  ])('writes nothing to %s', (_what, stream, options) => {
    const progress = startProgress(stream, 'validate', options);
    progress.update('loading', true);
    progress.done();
    expect(stream.written).toEqual([]);
  });

  it('writes nothing without a stream (in-process runs)', () => {
    expect(() => startProgress(undefined, 'x').update('y', true)).not.toThrow();
  });
});

describe('formatting', () => {
  it.each([
    [0, '0.0 s'],
    [9_949, '9.9 s'],
    [10_000, '10 s'],
    [59_999, '59 s'],
    [65_000, '1 min 05 s'],
    [3_725_000, '62 min 05 s'],
  ])('%d ms is %s', (ms, text) => {
    expect(formatElapsed(ms)).toBe(text);
  });

  it.each([
    [0, '0'],
    [999, '999'],
    [1000, '1,000'],
    [1234567, '1,234,567'],
  ])('%d is %s', (n, text) => {
    expect(formatCount(n)).toBe(text);
  });
});
