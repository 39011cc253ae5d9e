// An export as the body of an HTTP response: its chunks gathered into UTF-8 buffers of
// about 64 KiB and generated in time slices, with a turn of the event loop after each
// slice, so a large export never keeps the server's other requests waiting. Its reader
// asks for each buffer when the client has taken the last ones (backpressure: a client
// that stops reading stops the generating, and nothing piles up in memory); it stops
// after `maxBytes` bytes with ExportTooLargeError, and when its signal is aborted (the
// client has gone).
import { setImmediate as nextTurn } from 'node:timers/promises';
import { WRITE_SIZE } from './chunks';

/** How long an export generates before it lets other work run. */
export const EXPORT_SLICE_MS = 10;

export class ExportTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`the export is longer than this server's limit of ${maxBytes} bytes per export`);
  }
}

export interface ExportBodyOptions {
  /** The most bytes the body may have; past them it throws ExportTooLargeError. */
  maxBytes: number;
  /** Stops the generating (quietly: the body ends early). */
  signal?: AbortSignal;
  sliceMs?: number;
  /** Characters gathered per buffer. */
  writeSize?: number;
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

export async function* exportBody(
  chunks: Iterable<string>,
  { maxBytes, signal, sliceMs = EXPORT_SLICE_MS, writeSize = WRITE_SIZE }: ExportBodyOptions,
): AsyncGenerator<Buffer> {
  let bytes = 0;
  let text = '';
  const encode = (part: string): Buffer => {
    const buffer = Buffer.from(part, 'utf8');
    bytes += buffer.length;
    if (bytes > maxBytes) throw new ExportTooLargeError(maxBytes);
    return buffer;
  };
  let sliceEnd = performance.now() + sliceMs;
  for (const chunk of chunks) {
    text += chunk;
    if (text.length >= writeSize) {
      // Chunks may part a surrogate pair: its first half waits for the second, to be encoded with it.
      const keep = isHighSurrogate(text.charCodeAt(text.length - 1)) ? 1 : 0;
      const part = keep ? text.slice(0, -1) : text;
      text = keep ? text.slice(-1) : '';
      yield encode(part);
    }
    if (performance.now() >= sliceEnd) {
      await nextTurn();
      if (signal?.aborted) return;
      sliceEnd = performance.now() + sliceMs;
    }
  }
  if (text) yield encode(text);
}
