// The writers we own produce their text as a sequence of chunks, so the same code can
// build one string (`render`) or stream into a file or HTTP response without ever
// holding the whole export in memory (large exports must stream: see issue 7).
import type { Writable } from 'node:stream';

/** Chunks are gathered into writes of about this many characters. */
const WRITE_SIZE = 64 * 1024;

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

async function writeOne(out: Writable, text: string): Promise<void> {
  if (out.destroyed || out.writableEnded) throw new Error('export: the output closed before the export was written');
  if (out.write(text)) return;
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
