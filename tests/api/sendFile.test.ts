// How a streamed download (server/http/sendFile.ts) meets its client, through the app's
// real middleware (compression included) on a real socket, with test routes whose files
// never end: a client that stops reading stops the generating, plain or gzipped, with
// the server holding a few megabytes at most; a client that leaves closes the writer;
// the time budget does not cut a download; a failure before the first byte is a 500
// problem, one after it closes the connection before the end of the body.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import { createApp } from '../../server/http/app';
import { FileResult } from '../../server/http/route';
import { sendFile } from '../../server/http/sendFile';
import { createRandom } from '../../server/model/random';
import { noClientDir, seedApp } from './seedApp';

/** 64 different 16 KiB pieces of hex: a megabyte before they repeat, so gzip only halves them. */
const PIECES = (() => {
  const random = createRandom(7);
  return Array.from({ length: 64 }, () =>
    Array.from({ length: 16 * 1024 }, () => random.below(16).toString(16)).join(''),
  );
})();

/** A file without end, and what became of its writer. */
class EndlessFile {
  generated = 0;
  closed = false;

  *chunks(): Generator<string> {
    try {
      for (let i = 0; ; i++) {
        const piece = PIECES[i % PIECES.length];
        this.generated += piece.length;
        yield piece;
      }
    } finally {
      this.closed = true;
    }
  }
}

interface Served {
  port: number;
  close(): Promise<void>;
}

function serve(app: Express): Promise<Served> {
  return new Promise((resolve) => {
    const server = http.createServer(app).listen(0, '127.0.0.1', () =>
      resolve({
        port: (server.address() as AddressInfo).port,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      }),
    );
  });
}

/** The app over the seed data, with one more route: GET /test/file streams what `file()` gives. */
function appWith(
  file: () => FileResult,
  options: { requestTimeoutMs?: number; log?: (message: string) => void } = {},
): Express {
  return createApp({
    store: seedApp().store,
    clientDir: noClientDir,
    log: options.log ?? (() => {}),
    hardening: options.requestTimeoutMs === undefined ? undefined : { requestTimeoutMs: options.requestTimeoutMs },
    extraRoutes: (app) => app.get('/test/file', (req, res, next) => sendFile(req, res, file(), next).catch(next)),
  });
}

const endless = (file: EndlessFile) => () =>
  new FileResult(() => file.chunks(), 'text/plain; charset=utf-8', 'endless.txt', Number.MAX_SAFE_INTEGER);

/** The response to GET /test/file, paused after its first bytes. */
function pausedAfterFirstBytes(
  port: number,
  encoding: string,
): Promise<{ res: http.IncomingMessage; req: http.ClientRequest }> {
  return new Promise((resolve, reject) => {
    const req = http.get(
      { host: '127.0.0.1', port, path: '/test/file', headers: { 'Accept-Encoding': encoding } },
      (res) => {
        res.once('data', () => {
          res.pause();
          resolve({ res, req });
        });
      },
    );
    req.on('error', reject);
  });
}

async function until(what: string, condition: () => boolean, withinMs = 60_000): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${withinMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Until `value()` has not changed for a second. */
async function settled(value: () => number): Promise<number> {
  let last = value();
  let since = Date.now();
  await until('settling', () => {
    const now = value();
    if (now !== last) {
      last = now;
      since = Date.now();
    }
    return Date.now() - since >= 1000;
  });
  return last;
}

describe('a streamed download', () => {
  it.each([['identity'], ['gzip']])(
    'stops being generated while its client does not read (%s), and its writer is closed when the client leaves',
    async (encoding) => {
      const file = new EndlessFile();
      const logged: string[] = [];
      const served = await serve(appWith(endless(file), { log: (message) => logged.push(message) }));
      try {
        const { res, req } = await pausedAfterFirstBytes(served.port, encoding);
        expect(res.headers['content-encoding']).toBe(encoding === 'gzip' ? 'gzip' : undefined);
        const generated = await settled(() => file.generated);
        // A few MB fill the socket's and the kernel's buffers, then nothing more is made.
        expect(generated).toBeLessThan(32 * 2 ** 20);
        expect(file.closed).toBe(false);
        req.destroy();
        await until('the writer closing', () => file.closed);
        // A client that leaves is no error of the server's.
        expect(logged).toEqual([]);
      } finally {
        await served.close();
      }
    },
    120_000,
  );

  it('closes its writer when a reading client leaves midway', async () => {
    const file = new EndlessFile();
    const logged: string[] = [];
    const served = await serve(appWith(endless(file), { log: (message) => logged.push(message) }));
    try {
      await new Promise<void>((resolve, reject) => {
        const req = http.get({ host: '127.0.0.1', port: served.port, path: '/test/file' }, (res) => {
          let received = 0;
          res.on('data', (chunk: Buffer) => {
            received += chunk.length;
            if (received > 4 * 2 ** 20) {
              req.destroy();
              resolve();
            }
          });
        });
        req.on('error', (error) => (file.closed ? undefined : reject(error)));
      });
      await until('the writer closing', () => file.closed);
      expect(logged).toEqual([]);
    } finally {
      await served.close();
    }
  }, 120_000);

  it('is not cut by the time budget: a client may take longer than it to read', async () => {
    const pieces = PIECES.slice(0, 40);
    const served = await serve(
      appWith(() => new FileResult(() => pieces, 'text/plain; charset=utf-8', 'slow.txt', Number.MAX_SAFE_INTEGER), {
        requestTimeoutMs: 50,
      }),
    );
    try {
      const { res } = await pausedAfterFirstBytes(served.port, 'identity');
      // Four times the budget before reading on.
      await new Promise((resolve) => setTimeout(resolve, 200));
      const body = await new Promise<string>((resolve, reject) => {
        let text = '';
        res.setEncoding('latin1');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => (res.complete ? resolve(text) : reject(new Error('incomplete'))));
        res.resume();
      });
      expect(res.statusCode).toBe(200);
      // The first bytes were read before the pause.
      expect(pieces.join('').endsWith(body)).toBe(true);
      expect(body.length).toBeGreaterThan(pieces.join('').length - 2 * 64 * 1024);
    } finally {
      await served.close();
    }
  });

  it('that fails before its first byte answers a 500 problem, and the log has the error', async () => {
    const logged: string[] = [];
    const failing = function* (): Generator<string> {
      throw new Error('secret failure before any byte');
    };
    const served = await serve(
      appWith(() => new FileResult(failing, 'text/plain; charset=utf-8', 'failing.txt', 1000), {
        log: (message) => logged.push(message),
      }),
    );
    try {
      const res = await fetch(`http://127.0.0.1:${served.port}/test/file`);
      expect(res.status).toBe(500);
      expect(res.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
      expect(res.headers.get('content-disposition')).toBeNull();
      expect(await res.json()).toEqual({
        type: 'urn:claimgraph:problem:internal',
        title: 'Internal server error',
        status: 500,
        detail: 'the server failed to answer; the error was logged',
      });
      expect(logged).toHaveLength(1);
      expect(logged[0]).toContain('secret failure before any byte');
    } finally {
      await served.close();
    }
  });

  it('that fails after its first bytes closes the connection before the end of the body, and the log has the error', async () => {
    const logged: string[] = [];
    const failing = function* (): Generator<string> {
      for (const piece of PIECES.slice(0, 20)) yield piece;
      throw new Error('secret failure midway');
    };
    const served = await serve(
      appWith(() => new FileResult(failing, 'text/plain; charset=utf-8', 'failing.txt', Number.MAX_SAFE_INTEGER), {
        log: (message) => logged.push(message),
      }),
    );
    try {
      const res = await fetch(`http://127.0.0.1:${served.port}/test/file`, {
        headers: { 'Accept-Encoding': 'identity' },
      });
      expect(res.status).toBe(200);
      await expect(res.arrayBuffer()).rejects.toThrow('terminated');
      await until('the log', () => logged.length > 0);
      expect(logged).toHaveLength(1);
      expect(logged[0]).toMatch(
        /^claimgraph: internal error on GET \/test\/file after its answer began: Error: secret failure midway/,
      );
    } finally {
      await served.close();
    }
  });
});
