// The writers we own produce their text as a sequence of chunks, so the same code can
// build one string (`render`), stream into a file (`write`) or into an HTTP response
// (exportBody.ts) without ever holding the whole export in memory.
import type { Writable } from 'node:stream';

/** Chunks are gathered into writes of about this many characters. */
export const WRITE_SIZE = 64 * 1024;

export function joinChunks(chunks: Iterable<string>): string {
  const parts: string[] = [];
  for (const chunk of chunks) parts.push(chunk);
  return parts.join('');
}

/**
 * Writes the chunks to `out`, waiting for 'drain' when it is full. Does not end `out`
 * (the caller may append or set trailers). Rejects if `out` fails or closes first.
 */
export async function writeChunks(chunks: Iterable<string>, out: Writable): Promise<void> {
  let buffer = '';
  for (const chunk of chunks) {
    buffer += chunk;
    if (buffer.length >= WRITE_SIZE) {
      await writeOne(out, buffer);
      buffer = '';
    }
  }
  if (buffer) await writeOne(out, buffer);
}

/**
 * How many of `out`'s high-water marks may wait in its buffer before the writer waits for
 * 'drain'. Streams say "full" at 16 KiB; waiting then stopped the writer at each of its
 * writes until the disk or socket had taken the last one, so computing and writing never
 * overlapped. 64 × 16 KiB = 1 MiB keeps both busy and the memory bounded.
 */
const BUFFERED_HIGH_WATER_MARKS = 64;

async function writeOne(out: Writable, text: string): Promise<void> {
  if (out.destroyed || out.writableEnded) throw new Error('export: the output closed before the export was written');
  const accepted = out.write(text) || out.writableLength < out.writableHighWaterMark * BUFFERED_HIGH_WATER_MARKS;
  // A write that failed at once has marked `out` errored; its 'error' comes on a later tick, so wait for it below.
  if (accepted && !out.destroyed && !out.errored) return;
  await new Promise<void>((resolve, reject) => {
    const cleanup = () => {
      out.off('drain', onDrain);
      out.off('error', onError);
      out.off('close', onClose);
    };
    const onDrain = () => {
      cleanup();
      resolve();
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const onClose = () => {
      cleanup();
      reject(new Error('export: the output closed before the export was written'));
    };
    out.on('drain', onDrain);
    out.on('error', onError);
    out.on('close', onClose);
  });
}
