// Sends a download (FileResult) as a stream: the export is generated in time slices as the
// client reads it (server/export/exportBody.ts), through the compression middleware,
// never held whole. The time budget stops applying once it starts; its byte cap applies:
// - a HEAD gets the headers alone: the export is checked (filters, caps), not written;
// - an export that fits one buffer is sent whole, with Content-Length;
// - an export that fails or passes the cap before its first bytes leave answers a
//   problem (400 for the cap, 500 for a failure), as any other request would;
// - past its first bytes, the cap or a failure closes the connection before the end of
//   the chunked body, so the client sees an incomplete transfer, never a short file
//   taken for whole;
// - a client that goes away stops the generating.
import { Readable, pipeline } from 'node:stream';
import type { NextFunction, Request, Response } from 'express';
import { ExportTooLargeError, exportBody } from '../export/exportBody';
import { TooLargeResultError } from './errors';
import type { FileResult } from './route';
import { releaseBudget } from './timeBudget';

/** 400 for an export past the byte cap; `size` says how long it is, or would be, before "this server's limit". */
export function tooLargeExport(maxBytes: number, size: string): TooLargeResultError {
  return new TooLargeResultError(
    `this export ${size} this server's limit of ${maxBytes} bytes per export; narrow it with filters (nodeTypes, edgeTypes, status, from, to, knownAt, documents, minClaims) or run \`claimgraph export\` on the server`,
  );
}

/** How a write fails when the client has closed the connection. */
const CLIENT_GONE = new Set(['ERR_STREAM_PREMATURE_CLOSE', 'ECONNRESET', 'EPIPE']);

export async function sendFile(req: Request, res: Response, file: FileResult, next: NextFunction): Promise<void> {
  res.attachment(file.filename).type(file.contentType);
  releaseBudget(res);
  const gone = new AbortController();
  res.once('close', () => gone.abort());
  const checksOnly = req.method === 'HEAD';
  const body = exportBody(file.chunks(checksOnly), { maxBytes: file.maxBytes, signal: gone.signal });
  let first: IteratorResult<Buffer>;
  let second: IteratorResult<Buffer>;
  try {
    first = await body.next();
    second = first.done ? first : await body.next();
  } catch (error) {
    next(error instanceof ExportTooLargeError ? tooLargeExport(error.maxBytes, 'is longer than') : error);
    return;
  }
  if (gone.signal.aborted) {
    // The client left while the first bytes were being made: close the writer.
    await body.return(undefined);
    return;
  }
  if (checksOnly) {
    // The headers of the GET, whose length is not known without writing it.
    res.end();
    return;
  }
  if (second.done) {
    const whole = first.done ? Buffer.alloc(0) : first.value;
    res.set('Content-Length', String(whole.length));
    res.end(whole);
    return;
  }
  const rest = async function* () {
    yield first.value as Buffer;
    yield second.value as Buffer;
    yield* body;
  };
  pipeline(Readable.from(rest(), { objectMode: false }), res, (error) => {
    // A client that left or an export cut at its cap: the connection is closed, nothing to tell.
    if (!error || error instanceof ExportTooLargeError || CLIENT_GONE.has((error as NodeJS.ErrnoException).code ?? ''))
      return;
    next(error);
  });
}
