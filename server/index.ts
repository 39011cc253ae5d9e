// The server's entry point: configuration (PORT, HOST, CLAIMGRAPH_DATA) → load the data
// folder → build the graph and its layout → listen, and print the URL. A broken data
// folder never starts a half-built server: every problem is printed and the exit code is 1.
// `npm start` runs this file; `claimgraph serve` calls startServer.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LayoutTask } from './graph/layout';
import { openGraph } from './graph/openGraph';
import { createApp, DEFAULT_RESPONSE_CACHE_BYTES } from './http/app';
import { cachedAnswerFastPath, createRequestHandler } from './http/cachedAnswerFastPath';
import { answerClientErrors } from './http/clientErrors';
import { ConfigError, hardeningFromEnv, type HardeningConfig } from './http/hardeningConfig';
import { GraphStore, snapshotOf } from './http/graphStore';
import { ResponseBodyCache } from './http/responseBodyCache';
import { DataIntegrityError, formatProblem } from './load/problems';
import { resolveDataDir } from './paths';
import { writeConfigFromEnv, type WriteConfig } from './http/routes/writeConfig';
import { DataFolderInUseError } from './store/dataFolderLock';
import { DiskFullError } from './store/writeErrors';
import { defaultExtractor } from './store/defaultExtractor';
import { openServedDataFolder } from './store/openWriteStore';

export const DEFAULT_PORT = 3000;

export interface ServerOptions {
  dataDir: string;
  port: number;
  /** Interface to listen on; default every interface. */
  host?: string;
  clientDir?: string;
  /** The write API's token and rate limit; default from CLAIMGRAPH_TOKEN and CLAIMGRAPH_WRITE_RATE_LIMIT. */
  writes?: WriteConfig;
  /** CORS allow-list, trust proxy and request time budget; default from CLAIMGRAPH_CORS_ORIGINS, CLAIMGRAPH_TRUST_PROXY, CLAIMGRAPH_REQUEST_TIMEOUT_MS. */
  hardening?: HardeningConfig;
  /** How long SIGTERM/SIGINT waits for in-flight requests before closing their connections; default 10 s. */
  shutdownGraceMs?: number;
}

export interface RunningServer {
  url: string;
  store: GraphStore;
  server: http.Server;
  close(): Promise<void>;
}

/** A TCP port from text (PORT, --port): a whole number from 0 (any free port) to 65535. */
export function parsePort(text: string | undefined, source: string): number {
  if (text === undefined || text === '') return DEFAULT_PORT;
  if (!/^\d+$/.test(text) || Number(text) > 65535) throw new Error(`${source} must be a port number from 0 to 65535, not "${text}"`);
  return Number(text);
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  // Writes (issue 5) are on when CLAIMGRAPH_TOKEN is set: the folder is then locked and its journal opened.
  const writeConfig = options.writes ?? writeConfigFromEnv(process.env);
  const hardening = options.hardening ?? hardeningFromEnv(process.env);
  // Large graphs lay out in a worker thread (issue 7): served at once with their start
  // positions, then under a new version (fresh ETags and caches) once the layout is ready.
  let layout: LayoutTask | undefined;
  const { graphs: store, writes } = openServedDataFolder(
    options.dataDir,
    writeConfig.token !== undefined,
    () => {
      const opened = openGraph(options.dataDir, { backgroundLayout: true });
      layout = opened.layout;
      const snapshot = snapshotOf(opened);
      return new GraphStore(opened.layout.preliminary ? { ...snapshot, version: `${snapshot.version}-start-positions` } : snapshot);
    },
    defaultExtractor,
  );
  layout?.ready.then(
    () => {
      const current = store.current;
      if (current.version.endsWith('-start-positions')) store.replacePositions(current.version.slice(0, -'-start-positions'.length));
    },
    () => {},
  );
  // Cached answers are sent before Express runs (cachedAnswerFastPath.ts); everything else goes through the app.
  const responseBodies = new ResponseBodyCache(DEFAULT_RESPONSE_CACHE_BYTES);
  const app = createApp({ store, clientDir: options.clientDir, writes: { ...writeConfig, writes }, hardening, responseBodies });
  const server = http.createServer(createRequestHandler(app, cachedAnswerFastPath({ store, bodies: responseBodies, corsOrigins: hardening.corsOrigins })));
  answerClientErrors(server);
  // A client that trickles its headers or body cannot hold a connection much past the request's own budget.
  server.headersTimeout = Math.min(60_000, hardening.requestTimeoutMs + 5_000);
  server.requestTimeout = hardening.requestTimeoutMs + 10_000;
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, options.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    layout?.cancel();
    writes.close();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  const host = options.host === undefined || options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}/`,
    store,
    server,
    // In-flight requests finish first; every acknowledged write is already fsync'ed; then the journal closes.
    close: () =>
      new Promise<void>((resolve, reject) =>
        server.close((error) => {
          layout?.cancel();
          writes.close();
          if (error) reject(error);
          else resolve();
        }),
      ),
  };
}

/** Starts the server and prints where; resolves when it stops (SIGINT/SIGTERM) with the exit code. */
export async function serveUntilStopped(options: ServerOptions, io: { out: (text: string) => void; err: (text: string) => void }): Promise<number> {
  let running: RunningServer;
  try {
    running = await startServer(options);
  } catch (error) {
    if (error instanceof DataIntegrityError) {
      io.err(`claimgraph: ${options.dataDir}: the data folder has ${error.problems.length} problem(s):`);
      for (const problem of error.problems) io.err(`  ${formatProblem(problem)}`);
      return 1;
    }
    if (error instanceof DataFolderInUseError || error instanceof DiskFullError) {
      io.err(`claimgraph: cannot serve: ${error.message}`);
      return 1;
    }
    if (error instanceof ConfigError) {
      io.err(`claimgraph: cannot serve: ${error.message}`);
      return 2;
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'ENOENT') {
      io.err(`claimgraph: cannot serve: ${(error as Error).message}`);
      return 1;
    }
    throw error;
  }
  const { graph } = running.store.current;
  io.out(`claimgraph: serving ${graph.order} entities and ${graph.size} relations from ${options.dataDir}`);
  io.out(`claimgraph: listening on ${running.url}`);
  return new Promise<number>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      // In-flight requests finish: close() waits for them. Keep-alive connections are closed as soon as they
      // are idle (now, and each time one finishes its request), and all of them after the grace period.
      const grace = setTimeout(() => running.server.closeAllConnections(), options.shutdownGraceMs ?? 10_000);
      const sweep = setInterval(() => running.server.closeIdleConnections(), 50);
      grace.unref();
      sweep.unref();
      const done = () => {
        clearTimeout(grace);
        clearInterval(sweep);
        resolve(0);
      };
      running.close().then(done, done);
      running.server.closeIdleConnections();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

if (require.main === module) {
  const io = { out: (text: string) => console.log(text), err: (text: string) => console.error(text) };
  let port: number;
  try {
    port = parsePort(process.env.PORT, 'PORT');
  } catch (error) {
    io.err(`claimgraph: ${(error as Error).message}`);
    process.exit(2);
  }
  serveUntilStopped({ dataDir: resolveDataDir(), port, host: process.env.HOST || undefined }, io).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      io.err(`claimgraph: internal error: ${(error as Error)?.stack ?? String(error)}`);
      process.exitCode = 70;
    },
  );
}
