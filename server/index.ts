// The server's entry point: the configuration (server/config.ts: PORT, HOST,
// CLAIMGRAPH_DATA and the rest) → load the data folder → build the graph and its layout
// → listen, and print the URL. A bad setting stops it before anything is loaded, with
// one line naming the variable and exit code 2; a broken data folder never starts a
// half-built server: every problem is printed and the exit code is 1.
// `npm start` runs this file; `claimgraph serve` calls serve().
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { EXIT_INTERNAL_ERROR, exitCodeFor } from './cli/exitCodes';
import {
  ConfigError,
  DEFAULT_CONFIG,
  isLoopbackHost,
  parseSetting,
  processConfig,
  readsNeedToken,
  type ReadAccess,
  type ServerConfig,
} from './config';
import { UserDirectory } from './http/access';
import type { LayoutTask } from './graph/layout';
import { openGraph, openGraphOf } from './graph/openGraph';
import { createApp, type WriteOptions } from './http/app';
import { cachedAnswerFastPath, createRequestHandler } from './http/cachedAnswerFastPath';
import { answerClientErrors } from './http/clientErrors';
import { defaultHardening, hardeningOf, type HardeningConfig } from './http/hardeningConfig';
import { GraphSnapshotHolder, snapshotOf } from './http/snapshotHolder';
import { ResponseBodyCache } from './http/responseBodyCache';
import { DataIntegrityError, formatProblem } from './load/problems';
import type { ExtractionLimits } from './ingest/extractionLimits';
import { boundedExtractor, defaultExtractor } from './store/defaultExtractor';
import { nextVersion } from './store/applyToSnapshot';
import { openServedDataFolder } from './store/openWriteStore';
import { openServedDatabase } from './store/postgres/openServedDatabase';
import type { WriteStore } from './store/writeStore';

export interface ServerOptions {
  dataDir: string;
  /** Serve from this PostgreSQL database instead of the data folder (reads only, for now). */
  databaseUrl?: string;
  port: number;
  /** Interface to listen on; default 127.0.0.1 (this machine only). */
  host?: string;
  /** Who may read (server/config.ts `reads`); default `auto`: anyone on loopback, readers with a token elsewhere. */
  reads?: ReadAccess;
  clientDir?: string;
  /** The write API's token, rate limit and body limit; default server/config.ts's: no token, so writes are off. */
  writes?: Omit<WriteOptions, 'writes'>;
  /** CORS allow-list, trust proxy, request time budget and export cap; default server/config.ts's. */
  hardening?: HardeningConfig;
  /** Bound of the cache of rendered answers (bytes); default server/config.ts's. */
  responseCacheBytes?: number;
  /** How long SIGTERM/SIGINT waits for in-flight requests before closing their connections; default 10 s. */
  shutdownGraceMs?: number;
  /** What one extraction may take (article size, time, heap, workers at once); default DEFAULT_EXTRACTION_LIMITS. */
  extraction?: ExtractionLimits;
}

/** What `npm start` and `claimgraph serve` run with: the whole configuration. */
export function serverOptionsFrom(config: ServerConfig): ServerOptions {
  return {
    dataDir: config.dataDir,
    databaseUrl: config.databaseUrl,
    port: config.port,
    host: config.host,
    reads: config.reads,
    writes: { token: config.token, rateLimit: config.writeRateLimit, bodyLimitBytes: config.bodyLimitBytes },
    hardening: hardeningOf(config),
    responseCacheBytes: config.responseCacheBytes,
  };
}

export interface RunningServer {
  url: string;
  /** Whether reads need a reader's token. */
  privateReads: boolean;
  /** Whether the server took its data folder's write store (someone may write). */
  writable: boolean;
  /** Where the graph comes from: the data folder, or "PostgreSQL host:port, database …". */
  source: string;
  host: string;
  store: GraphSnapshotHolder;
  server: http.Server;
  close(): Promise<void>;
}

/** A TCP port from text (PORT, --port): a whole number from 0 (any free port) to 65535; unset, 3000. */
export function parsePort(text: string | undefined, source: string): number {
  return parseSetting('port', text, source);
}

/** The graph as served (a snapshot holder) from its opened graph, with start positions while a large one is laid out. */
function servedSnapshot(opened: ReturnType<typeof openGraph>): GraphSnapshotHolder {
  const snapshot = snapshotOf(opened);
  return new GraphSnapshotHolder(
    opened.layout.preliminary ? { ...snapshot, version: `${snapshot.version}-start-positions` } : snapshot,
  );
}

interface ServedStore {
  store: GraphSnapshotHolder;
  writes: WriteStore;
  users: UserDirectory;
  layout?: LayoutTask;
  source: string;
}

/** The data folder, or the database: the same graph, snapshot and layout code above either. */
async function openServedStore(options: ServerOptions): Promise<ServedStore> {
  const environmentToken = options.writes?.token || undefined;
  let layout: LayoutTask | undefined;
  const open = (opened: ReturnType<typeof openGraph>) => {
    layout = opened.layout;
    return servedSnapshot(opened);
  };
  if (options.databaseUrl !== undefined) {
    const served = await openServedDatabase(options.databaseUrl, (dataset) =>
      open(openGraphOf(dataset, { backgroundLayout: true })),
    );
    const users = new UserDirectory(undefined, environmentToken, undefined, served.users);
    return { store: served.graphs, writes: served.writes, users, layout, source: served.source };
  }
  // Writes are on when someone may write (an editor or admin in users.json, or CLAIMGRAPH_TOKEN): the folder is then locked and its journal opened.
  const users = new UserDirectory(options.dataDir, environmentToken);
  const { graphs: store, writes } = openServedDataFolder(
    options.dataDir,
    users.hasWriters(),
    () => open(openGraph(options.dataDir, { backgroundLayout: true })),
    options.extraction ? boundedExtractor(options.extraction) : defaultExtractor,
  );
  return { store, writes, users, layout, source: options.dataDir };
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const listenHost = options.host ?? '127.0.0.1';
  const privateReads = readsNeedToken(options.reads ?? 'auto', listenHost);
  const writeConfig = options.writes ?? {};
  const hardening = options.hardening ?? defaultHardening;
  // Large graphs lay out in a worker thread: served at once with their start
  // positions, then under a new version (fresh ETags and caches) once the layout is ready.
  const { store, writes, users, layout, source } = await openServedStore(options);
  layout?.ready.then(
    () => {
      // Writes change the graph the layout was started on in place, so its positions land on
      // the served graph even after a write: the version moves on either way, for fresh ETags.
      const current = store.current;
      store.replacePositions(
        current.version.endsWith('-start-positions')
          ? current.version.slice(0, -'-start-positions'.length)
          : nextVersion(current.version, 'layout ready'),
      );
    },
    () => {},
  );
  // Cached answers are sent before Express runs (cachedAnswerFastPath.ts); everything else goes through the app.
  const responseBodies = new ResponseBodyCache(options.responseCacheBytes ?? DEFAULT_CONFIG.responseCacheBytes);
  const app = createApp({
    store,
    clientDir: options.clientDir,
    writes: { ...writeConfig, writes },
    hardening,
    responseBodies,
    users,
    privateReads,
  });
  const server = http.createServer(
    createRequestHandler(
      app,
      cachedAnswerFastPath({ store, bodies: responseBodies, corsOrigins: hardening.corsOrigins, privateReads }),
    ),
  );
  answerClientErrors(server);
  // A client that trickles its headers or body cannot hold a connection much past the request's own budget.
  server.headersTimeout = Math.min(60_000, hardening.requestTimeoutMs + 5_000);
  server.requestTimeout = hardening.requestTimeoutMs + 10_000;
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, listenHost, () => {
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
  const host = listenHost === '0.0.0.0' || listenHost === '::' ? 'localhost' : listenHost;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}/`,
    privateReads,
    writable: writes.writable,
    source,
    host: listenHost,
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

/** What the start-up says about who may read and write, with a warning when an open graph is on the network. */
export function accessLines(
  running: Pick<RunningServer, 'privateReads' | 'writable' | 'host'> & { fromDatabase?: boolean },
): string[] {
  const lines = [
    running.writable
      ? 'claimgraph: writes are on, for editors and admins with a token (`claimgraph users list`)'
      : running.fromDatabase
        ? 'claimgraph: writes are off: a server on PostgreSQL serves reads only in this version'
        : 'claimgraph: writes are off: no editor or admin exists (`claimgraph users add NAME --role editor`, then restart)',
    running.privateReads
      ? 'claimgraph: reads need a reader\'s token (sign in on the page, or send "Authorization: Bearer <token>")'
      : `claimgraph: reads are open to anyone who can reach ${running.host}`,
  ];
  if (!running.privateReads && !isLoopbackHost(running.host))
    lines.push(
      `claimgraph: warning: listening on ${running.host} with public reads: anyone who can reach this address can read the whole graph`,
    );
  return lines;
}

/** Starts the server and prints where; resolves when it stops (SIGINT/SIGTERM) with the exit code. */
export async function serveUntilStopped(
  options: ServerOptions,
  io: { out: (text: string) => void; err: (text: string) => void },
): Promise<number> {
  let running: RunningServer;
  try {
    running = await startServer(options);
  } catch (error) {
    const code = exitCodeFor(error);
    if (error instanceof DataIntegrityError) {
      const source = options.databaseUrl !== undefined ? 'the database' : options.dataDir;
      io.err(`claimgraph: ${source}: the data folder has ${error.problems.length} problem(s):`);
      for (const problem of error.problems) io.err(`  ${formatProblem(problem)}`);
    } else io.err(`claimgraph: cannot serve: ${(error as Error).message}`);
    return code;
  }
  const { graph } = running.store.current;
  io.out(`claimgraph: serving ${graph.order} entities and ${graph.size} relations from ${running.source}`);
  io.out(`claimgraph: listening on ${running.url}`);
  for (const line of accessLines({ ...running, fromDatabase: options.databaseUrl !== undefined })) io.out(line);
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

/**
 * Serves with the configuration of this process (server/config.ts: its environment, then
 * `overrides` from the command line). A bad setting is one line naming it and exit code 2,
 * before anything is loaded.
 */
export async function serve(
  overrides: Partial<ServerConfig>,
  io: { out: (text: string) => void; err: (text: string) => void },
): Promise<number> {
  let config: ServerConfig;
  try {
    config = processConfig(overrides);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.err(`claimgraph: cannot serve: ${error.message}`);
    return exitCodeFor(error);
  }
  return serveUntilStopped(serverOptionsFrom(config), io);
}

if (require.main === module) {
  const io = { out: (text: string) => console.log(text), err: (text: string) => console.error(text) };
  serve({}, io).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      io.err(`claimgraph: internal error: ${(error as Error)?.stack ?? String(error)}`);
      process.exitCode = EXIT_INTERNAL_ERROR;
    },
  );
}
