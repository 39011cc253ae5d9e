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
  modelServerOf,
  parseSetting,
  processConfig,
  readsNeedToken,
  type ModelServerSettings,
  type ReadAccess,
  type ServerConfig,
} from './config';
import { UserDirectory } from './http/access';
import { formatCount, startProgress, type ProgressStream } from './cli/progress';
import { userMessage } from './cli/userErrors';
import type { LayoutTask } from './graph/layout';
import { openGraph, openGraphOf, type OpenedGraph } from './graph/openGraph';
import { writeStartupCache } from './graph/startup/startupCache';
import { createApp, type WriteOptions } from './http/app';
import { cachedAnswerFastPath, createRequestHandler } from './http/cachedAnswerFastPath';
import { answerClientErrors } from './http/clientErrors';
import { defaultHardening, hardeningOf, type HardeningConfig } from './http/hardeningConfig';
import { GraphSnapshotHolder, snapshotOf } from './http/snapshotHolder';
import { ResponseBodyCache } from './http/responseBodyCache';
import { DataIntegrityError, formatProblem } from './load/problems';
import type { ExtractionLimits } from './ingest/extractionLimits';
import { boundedExtractor, configuredExtractor, defaultExtractor } from './store/defaultExtractor';
import { nextVersion } from './store/applyToSnapshot';
import { openServedDataFolder } from './store/openWriteStore';
import { openServedDatabase } from './store/postgres/openServedDatabase';
import { connectDatabase } from './store/postgres/connect';
import { watchDatabaseUsers } from './store/postgres/usersTable';
import type { WriteStore } from './store/writeStore';
import { markServedReadOnly } from './store/readerMarks';

export interface ServerOptions {
  dataDir: string;
  /** Serve from this PostgreSQL database instead of the data folder (which keeps the layout cache and originals). */
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
  /** The model server articles are extracted with (README, "Using a model"); default none: the rule extractor. */
  modelServer?: ModelServerSettings;
  /** Told why the rule extractor stood in for the model; default a line on stderr. */
  onExtractorWarning?: (warning: string) => void;
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
    modelServer: modelServerOf(config),
  };
}

export interface RunningServer {
  url: string;
  /** Whether reads need a reader's token. */
  privateReads: boolean;
  /** Whether the server took its data folder's write store (someone may write). */
  writable: boolean;
  /** Where writes go when they are on: the journal file, or "PostgreSQL host:port, database …". */
  destination?: string;
  /** Where the graph comes from: the data folder, or "PostgreSQL host:port, database …". */
  source: string;
  host: string;
  /** Resolves when the nodes have their final positions; `layoutPending` says whether they are still at their start ones. */
  layoutReady: Promise<unknown>;
  layoutPending: boolean;
  /**
   * The data folder's start-up cache: whether the dataset came from it, and (after a load
   * from the files) whether it was written, once the layout was ready and nothing had changed.
   */
  startupCache?: { file: string; fromCache: boolean; written: Promise<boolean> };
  store: GraphSnapshotHolder;
  server: http.Server;
  close(): Promise<void>;
}

/** A TCP port from text (PORT, --port): a whole number from 0 (any free port) to 65535; unset, 3000. */
export function parsePort(text: string | undefined, source: string): number {
  return parseSetting('port', text, source);
}

/** The extractor of this server's ingests: the model's when one is configured, else the rules. */
function extractorOf(options: ServerOptions) {
  return configuredExtractor(options.modelServer, {
    rules: options.extraction ? boundedExtractor(options.extraction) : defaultExtractor,
    maxArticleBytes: options.extraction?.maxArticleBytes,
    onWarning: options.onExtractorWarning ?? ((warning) => console.warn(`claimgraph: warning: ${warning}`)),
  });
}

/** The graph holder of a loaded graph: at its start positions (a version of their own) until the layout is ready. */
function holderOf(opened: ReturnType<typeof openGraphOf>): GraphSnapshotHolder {
  const snapshot = snapshotOf(opened);
  return new GraphSnapshotHolder(
    opened.layout.preliminary ? { ...snapshot, version: `${snapshot.version}-start-positions` } : snapshot,
  );
}

/**
 * The data folder as served: when someone may write, locked and writable; otherwise
 * read-only and marked as served (readerMarks.ts). Large graphs lay out in a worker thread: served
 * at once with their start positions, then under a new version (fresh ETags and caches)
 * once the layout is ready.
 */
function openServed(options: ServerOptions, writable: boolean) {
  let layout: LayoutTask | undefined;
  let startup: OpenedGraph['startup'];
  const readerMark = writable ? undefined : markServedReadOnly(options.dataDir);
  try {
    const { graphs: store, writes } = openServedDataFolder(
      options.dataDir,
      writable,
      () => {
        const opened = openGraph(options.dataDir, {
          backgroundLayout: true,
          startupCache: { onCorrupt: (message) => console.warn(message) },
        });
        layout = opened.layout;
        startup = opened.startup;
        return holderOf(opened);
      },
      extractorOf(options),
    );
    return {
      store,
      writes,
      layout: layout as LayoutTask | undefined,
      startup,
      readerMark,
      close: () => writes.close(),
    };
  } catch (error) {
    readerMark?.release();
    throw error;
  }
}

/** Says once when catching up with the other servers starts failing (the database is down), not at every try. */
function followErrorReporter(): (error: unknown) => void {
  let last: string | undefined;
  return (error) => {
    const message = userMessage(error);
    if (message === last) return;
    last = message;
    console.warn(`claimgraph: warning: cannot catch up with the other servers: ${message}`);
  };
}

/**
 * The database as served: the same graph, snapshot and layout code as the folder's; writes
 * on (through PostgreSQL, following the other servers) when someone may write.
 */
async function openServedFromDatabase(options: ServerOptions & { databaseUrl: string }) {
  let layout: LayoutTask | undefined;
  let users: UserDirectory | undefined;
  const served = await openServedDatabase({
    url: options.databaseUrl,
    build: (dataset) => {
      const opened = openGraphOf(dataset, options.dataDir, { backgroundLayout: true });
      layout = opened.layout;
      return holderOf(opened);
    },
    writableFor: (records) => {
      users = new UserDirectory(undefined, options.writes?.token || undefined, undefined, records);
      return users.hasWriters();
    },
    extract: extractorOf(options),
    dataDir: options.dataDir,
    onFollowError: followErrorReporter(),
  }).catch((error: unknown) => {
    layout?.cancel();
    throw error;
  });
  const directory = users!;
  // `claimgraph users … --database` changes the table while the server runs: read it again every second.
  const usersPool = await connectDatabase(options.databaseUrl, { max: 1 });
  const stop = watchDatabaseUsers(usersPool, (records) => directory.replaceUsers(records));
  directory.watchedBy(async () => {
    stop();
    await usersPool.end();
  });
  return {
    store: served.graphs,
    writes: served.writes,
    users: directory,
    layout: layout as LayoutTask | undefined,
    startup: undefined,
    source: served.source,
    close: served.close,
  };
}

/** The data folder (locked when someone may write), or the database. */
async function openServedStore(options: ServerOptions) {
  if (options.databaseUrl !== undefined)
    return {
      ...(await openServedFromDatabase({ ...options, databaseUrl: options.databaseUrl })),
      readerMark: undefined,
    };
  // Writes are on when someone may write (an editor or admin in users.json, or CLAIMGRAPH_TOKEN): the folder is then locked and its journal opened.
  const users = new UserDirectory(options.dataDir, options.writes?.token || undefined);
  return { ...openServed(options, users.hasWriters()), users, source: options.dataDir };
}

/** How long after the layout is ready the start-up cache is written: the first requests go first. */
const STARTUP_CACHE_DELAY_MS = 1000;

/**
 * After a load from the files: once the layout is ready (its worker gone, so the write
 * does not add to the start's peak memory) and a moment later, the start-up cache is
 * written between requests, unless a write changed the folder (it stops at the write;
 * writeStartupCache checks the folder's key too) or the server stops first.
 */
function writeStartupCacheLater(
  startup: NonNullable<OpenedGraph['startup']>,
  store: GraphSnapshotHolder,
  layoutReady: Promise<unknown>,
  stopped: () => boolean,
): Promise<boolean> {
  const { dataset, graph } = store.current;
  // A write changes the dataset in place (the same object, a new version) and the folder's
  // key with it: the cache could not be kept, so writing it would only take turns from
  // requests (stat 50,000 files, serialise a million claims). The version to compare is the
  // one the layout's positions left (startServer moves it on when the layout is ready).
  let version: string | undefined;
  const going = () => !stopped() && store.current.version === version;
  return layoutReady
    .then(() => {
      version = store.current.version;
      return new Promise<void>((resolve) => setTimeout(resolve, STARTUP_CACHE_DELAY_MS).unref());
    })
    .then(() => (going() ? writeStartupCache(startup, dataset, graph, going) : false))
    .catch(() => false);
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const listenHost = options.host ?? '127.0.0.1';
  const privateReads = readsNeedToken(options.reads ?? 'auto', listenHost);
  const writeConfig = options.writes ?? {};
  const hardening = options.hardening ?? defaultHardening;
  const {
    store,
    writes,
    layout,
    startup,
    readerMark,
    users,
    source,
    close: closeStore,
  } = await openServedStore(options);
  let stopped = false;
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
      cachedAnswerFastPath({
        store,
        bodies: responseBodies,
        corsOrigins: hardening.corsOrigins,
        privateReads,
        unreachable: () => writes.unreachable,
      }),
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
    await closeStore();
    await users.close();
    readerMark?.release();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  const startupCache = startup && {
    file: startup.file,
    fromCache: startup.fromCache,
    written: startup.fromCache
      ? Promise.resolve(false)
      : writeStartupCacheLater(startup, store, layout?.ready ?? Promise.resolve(), () => stopped),
  };
  const host = listenHost === '0.0.0.0' || listenHost === '::' ? 'localhost' : listenHost;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}/`,
    privateReads,
    writable: writes.writable,
    destination: writes.destination,
    source,
    host: listenHost,
    layoutReady: layout?.ready ?? Promise.resolve(),
    layoutPending: layout?.preliminary ?? false,
    startupCache,
    store,
    server,
    // In-flight requests finish first; every acknowledged write is already committed; then the event store closes.
    close: () =>
      new Promise<void>((resolve, reject) => {
        stopped = true;
        server.close((error) => {
          layout?.cancel();
          readerMark?.release();
          Promise.all([closeStore(), users.close()]).then(
            () => (error ? reject(error) : resolve()),
            (closeError: unknown) => reject(error ?? (closeError as Error)),
          );
        });
      }),
  };
}

/** What the start-up says about who may read and write, with a warning when an open graph is on the network. */
export function accessLines(
  running: Pick<RunningServer, 'privateReads' | 'writable' | 'host' | 'destination'> & { fromDatabase?: boolean },
): string[] {
  const lines = [
    running.writable
      ? 'claimgraph: writes are on, for editors and admins with a token (`claimgraph users list`)'
      : running.fromDatabase
        ? "claimgraph: writes are off: the database's users table has no editor or admin and CLAIMGRAPH_TOKEN is unset (`claimgraph users add NAME --role editor --database URL`, then restart)"
        : 'claimgraph: writes are off: no editor or admin exists (`claimgraph users add NAME --role editor`, then restart)',
  ];
  if (running.writable && running.destination)
    lines.push(
      running.fromDatabase
        ? `claimgraph: writes go to ${running.destination}, each committed before its answer; the writes of other servers on it are applied here as they commit`
        : `claimgraph: writes go to ${running.destination}`,
    );
  lines.push(
    running.privateReads
      ? 'claimgraph: reads need a reader\'s token (sign in on the page, or send "Authorization: Bearer <token>")'
      : `claimgraph: reads are open to anyone who can reach ${running.host}`,
  );
  if (!running.privateReads && !isLoopbackHost(running.host))
    lines.push(
      `claimgraph: warning: listening on ${running.host} with public reads: anyone who can reach this address can read the whole graph`,
    );
  return lines;
}

type ServeIo = { out: (text: string) => void; err: (text: string) => void; progress?: ProgressStream };

/** Until a large graph's layout is ready, the progress line says so (on a terminal only). */
function showLayoutProgress(running: RunningServer, io: ServeIo): void {
  if (!running.layoutPending) return;
  const progress = startProgress(io.progress, 'claimgraph');
  const order = formatCount(running.store.current.graph.order);
  const tick = () => progress.update(`laying out ${order} entities (served at their start positions until then)`, true);
  tick();
  const timer = setInterval(tick, 1000);
  timer.unref();
  const finish = (text: string) => {
    clearInterval(timer);
    progress.done();
    io.out(text);
  };
  running.layoutReady.then(
    () => finish(`claimgraph: layout of ${order} entities ready`),
    () => progress.done(),
  );
}

/**
 * What the start-up says about the extractor: the model's, with a warning when a request's
 * budget is shorter than the model may take (POST /api/documents would answer 503 first).
 */
export function extractorLines(options: Pick<ServerOptions, 'modelServer'> & { requestTimeoutMs: number }): string[] {
  const server = options.modelServer;
  if (!server) return [];
  const lines = [
    `claimgraph: articles are extracted by the model ${server.model} at ${server.url}; every claim it proposes is checked, and the rule extractor stands in when the model server fails`,
  ];
  if (options.requestTimeoutMs <= server.timeoutMs)
    lines.push(
      `claimgraph: warning: CLAIMGRAPH_REQUEST_TIMEOUT_MS (${options.requestTimeoutMs}) is not longer than CLAIMGRAPH_LLM_TIMEOUT_MS (${server.timeoutMs}): POST /api/documents may answer 503 before the model does; raise CLAIMGRAPH_REQUEST_TIMEOUT_MS`,
    );
  return lines;
}

/** Starts the server and prints where; resolves when it stops (SIGINT/SIGTERM) with the exit code. */
export async function serveUntilStopped(options: ServerOptions, io: ServeIo): Promise<number> {
  let running: RunningServer;
  const progress = startProgress(io.progress, 'claimgraph');
  progress.update(`loading ${options.dataDir}`, true);
  try {
    running = await startServer(options);
    progress.done();
  } catch (error) {
    progress.done();
    const code = exitCodeFor(error);
    if (error instanceof DataIntegrityError) {
      const source = options.databaseUrl !== undefined ? 'the database' : options.dataDir;
      io.err(`claimgraph: ${source}: the data folder has ${error.problems.length} problem(s):`);
      for (const problem of error.problems) io.err(`  ${formatProblem(problem)}`);
    } else io.err(`claimgraph: cannot serve: ${userMessage(error)}`);
    return code;
  }
  const { graph } = running.store.current;
  io.out(`claimgraph: serving ${graph.order} entities and ${graph.size} relations from ${running.source}`);
  io.out(`claimgraph: listening on ${running.url}`);
  if (running.startupCache?.fromCache)
    io.out(
      `claimgraph: read from the start-up cache ${running.startupCache.file} (no file has changed since it was written)`,
    );
  for (const line of accessLines({ ...running, fromDatabase: options.databaseUrl !== undefined })) io.out(line);
  showLayoutProgress(running, io);
  const requestTimeoutMs = (options.hardening ?? defaultHardening).requestTimeoutMs;
  for (const line of extractorLines({ modelServer: options.modelServer, requestTimeoutMs })) io.out(line);
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
export async function serve(overrides: Partial<ServerConfig>, io: ServeIo): Promise<number> {
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
