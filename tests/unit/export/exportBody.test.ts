// The body of a streamed export (server/export/exportBody.ts): the bytes of the export,
// made in time slices with a turn of the event loop between them, never more than its
// cap, and closed as soon as its reader stops or its signal is aborted.
import { ExportTooLargeError, exportBody, type ExportBodyOptions } from '../../../server/export/exportBody';
import { exportFormats } from '../../../server/export';
import { nastyGraph } from '../../fixtures/export/nastyGraph';
import { largeGraph } from './largeGraph';

async function collect(chunks: Iterable<string>, options: ExportBodyOptions): Promise<Buffer[]> {
  const buffers: Buffer[] = [];
  for await (const buffer of exportBody(chunks, options)) buffers.push(buffer);
  return buffers;
}

/** Chunks that say when each is made, into `log`; `finally` says when the writer was closed. */
function* logged(chunks: string[], log: string[]): Generator<string> {
  try {
    for (let i = 0; i < chunks.length; i++) {
      log.push(`chunk ${i}`);
      yield chunks[i];
    }
  } finally {
    log.push('closed');
  }
}

describe('exportBody', () => {
  it.each(exportFormats.map((format) => [format.name, format]))(
    'gives the bytes of render(), in buffers of about 64 KiB: %s',
    async (_name, format) => {
      const graph = largeGraph();
      const expected = Buffer.from(format.render(graph));
      const buffers = await collect(format.chunks(graph), { maxBytes: Infinity });
      expect(Buffer.concat(buffers).equals(expected)).toBe(true);
      // Every buffer but the last holds at least 64 Ki characters, so at least 64 KiB.
      expect(buffers.slice(0, -1).filter((buffer) => buffer.length < 64 * 1024)).toEqual([]);
    },
  );

  it('lets other work run between its time slices', async () => {
    const log: string[] = [];
    setImmediate(() => log.push('other work'));
    await collect(logged(['a', 'b', 'c'], log), { maxBytes: Infinity, sliceMs: 0, writeSize: 1 });
    expect(log).toEqual(['chunk 0', 'other work', 'chunk 1', 'chunk 2', 'closed']);
  });

  it('makes chunks one after another within a slice', async () => {
    const log: string[] = [];
    setImmediate(() => log.push('other work'));
    await collect(logged(['a', 'b', 'c'], log), { maxBytes: Infinity, sliceMs: 60_000, writeSize: 1 });
    expect(log).toEqual(['chunk 0', 'chunk 1', 'chunk 2', 'closed']);
    await new Promise((resolve) => setImmediate(resolve));
    expect(log.at(-1)).toBe('other work');
  });

  it('gathers chunks into buffers of at least writeSize characters', async () => {
    const buffers = await collect(['ab', 'c', 'de', 'fgh', 'i'], { maxBytes: Infinity, writeSize: 3 });
    expect(buffers.map((buffer) => buffer.toString())).toEqual(['abc', 'defgh', 'i']);
  });

  it('encodes a surrogate pair whole when chunks part it', async () => {
    const buffers = await collect(['aaa\ud83d', '\ude00b'], { maxBytes: Infinity, writeSize: 4 });
    expect(buffers.map((buffer) => buffer.toString('hex'))).toEqual([
      Buffer.from('aaa').toString('hex'),
      Buffer.from('😀b').toString('hex'),
    ]);
  });

  it('counts UTF-8 bytes against the cap: the bytes up to it, then ExportTooLargeError', async () => {
    const log: string[] = [];
    const buffers: Buffer[] = [];
    const body = exportBody(logged(['éé', 'éé', 'éé'], log), { maxBytes: 9, writeSize: 2 });
    await expect(
      (async () => {
        for await (const buffer of body) buffers.push(buffer);
      })(),
    ).rejects.toThrow(new ExportTooLargeError(9));
    expect(new ExportTooLargeError(9).message).toBe(
      "the export is longer than this server's limit of 9 bytes per export",
    );
    expect(buffers.map((buffer) => buffer.length)).toEqual([4, 4]);
    expect(log).toEqual(['chunk 0', 'chunk 1', 'chunk 2', 'closed']);
  });

  it('an export exactly as long as the cap is whole', async () => {
    const buffers = await collect(['éé', 'éé'], { maxBytes: 8, writeSize: 2 });
    expect(Buffer.concat(buffers).toString()).toBe('éééé');
  });

  it('closes the writer when its reader stops', async () => {
    const log: string[] = [];
    for await (const _buffer of exportBody(logged(['a', 'b', 'c'], log), { maxBytes: Infinity, writeSize: 1 })) break;
    expect(log).toEqual(['chunk 0', 'closed']);
  });

  it('stops at the end of a slice once its signal is aborted, and closes the writer', async () => {
    const log: string[] = [];
    const gone = new AbortController();
    const buffers: string[] = [];
    for await (const buffer of exportBody(logged(['a', 'b', 'c', 'd'], log), {
      maxBytes: Infinity,
      writeSize: 1,
      sliceMs: 0,
      signal: gone.signal,
    })) {
      buffers.push(buffer.toString());
      gone.abort();
    }
    expect(buffers).toEqual(['a']);
    expect(log).toEqual(['chunk 0', 'closed']);
  });

  // edges.csv writes no positions.
  it.each(exportFormats.filter((format) => format.name !== 'edges.csv').map((format) => [format.name, format]))(
    'writes the positions the nodes had when it started, though the layout moves them meanwhile: %s',
    async (_name, format) => {
      const graph = nastyGraph();
      const expected = format.render(graph);
      const buffers: Buffer[] = [];
      for await (const buffer of exportBody(format.chunks(graph), { maxBytes: Infinity, writeSize: 1 })) {
        if (buffers.length === 0)
          graph.forEachNode((node) => graph.mergeNodeAttributes(node, { x: 1234.5, y: -1234.5 }));
        buffers.push(buffer);
      }
      expect(Buffer.concat(buffers).toString()).toBe(expected);
      expect(format.render(graph)).not.toBe(expected);
    },
  );
});
