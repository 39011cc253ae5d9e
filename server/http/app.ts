// The Express application: security headers, compression, the API routes, problem+json
// errors and the static client. It does not listen, so tests drive it with supertest;
// server/index.ts and `claimgraph serve` listen.
import path from 'node:path';
import compression from 'compression';
import express, { type Express } from 'express';
import { DEFAULT_CONFIG, type WriteRateLimit } from '../config';
import { packageRoot } from '../paths';
import type { WriteStore } from '../store/writeStore';
import { corsAllowList } from './cors';
import { NotFoundError } from './errors';
import type { GraphSnapshotHolder } from './snapshotHolder';
import { DEFAULT_MAX_EXPORT_BYTES, defaultHardening, type HardeningConfig } from './hardeningConfig';
import { problemHandler } from './problemHandler';
import { registerRoutes } from './registerRoute';
import { ResponseBodyCache } from './responseBodyCache';
import { allRoutes } from './routes';
import { requireWritesOn, writeRateLimit } from './writeGuards';
import { authenticate, perUserRateLimit, UserDirectory } from './access';
import { securityHeaders } from './securityHeaders';
import { serveClient } from './staticClient';
import { staleWarning } from './staleWarning';
import { timeBudget } from './timeBudget';

export interface WriteOptions {
  /** The data folder's write store; without one every write answers 403. */
  writes?: WriteStore;
  /** CLAIMGRAPH_TOKEN: the token of one admin named `token` (access.ts), beside the users of the data folder. */
  token?: string;
  /** Per client address; false turns the limit off; default 120 a minute (server/config.ts). */
  rateLimit?: WriteRateLimit | false;
  bodyLimitBytes?: number;
}

export interface AppOptions {
  store: GraphSnapshotHolder;
  /** The built client; default dist/client under the package root. */
  clientDir?: string;
  /** Where internal errors are logged; default standard error. */
  log?: (message: string) => void;
  /** The write API (ingest, review queue): write store, token, rate limit. Without it every write answers 403. */
  writes?: WriteOptions;
  /** Who is known (the data folder's users and CLAIMGRAPH_TOKEN); default: from the write store's folder and `writes.token`. */
  users?: UserDirectory;
  /** Whether reads need a reader's token; default false (open reads, as on loopback). */
  privateReads?: boolean;
  /** CORS allow-list, trust proxy, time budget, export caps (server/config.ts); default: CORS and trust proxy off, 10 s, 250,000 claims, 1 GiB. */
  hardening?: Partial<HardeningConfig>;
  /** The clock of the time budget; tests pass one that they advance. */
  now?: () => number;
  /** Bound of the cache of rendered answers (bytes); default 128 MiB. */
  responseCacheBytes?: number;
  /** The cache of rendered answers, when the caller shares it (server/index.ts gives it to the fast path); default a new one. */
  responseBodies?: ResponseBodyCache;
  /** Test-only: extra routes mounted behind all middleware and before the 404s (e.g. one that throws). */
  extraRoutes?: (app: Express) => void;
}

export const defaultClientDir = path.join(packageRoot, 'dist', 'client');

export function createApp({
  store,
  clientDir = defaultClientDir,
  log,
  writes,
  hardening,
  now,
  extraRoutes,
  responseCacheBytes = DEFAULT_CONFIG.responseCacheBytes,
  responseBodies,
  users,
  privateReads = false,
}: AppOptions): Express {
  const corsOrigins = hardening?.corsOrigins ?? defaultHardening.corsOrigins;
  const trustProxy = hardening?.trustProxy ?? defaultHardening.trustProxy;
  const requestTimeoutMs = hardening?.requestTimeoutMs ?? defaultHardening.requestTimeoutMs;
  const limits = {
    maxExportClaims: hardening?.maxExportClaims ?? defaultHardening.maxExportClaims,
    maxExportBytes: hardening?.maxExportBytes ?? DEFAULT_MAX_EXPORT_BYTES,
    neighbourhoodCap: DEFAULT_CONFIG.neighbourhoodCap,
    topMaxClaims: DEFAULT_CONFIG.topMaxClaims,
  };
  const rateLimit = writes?.rateLimit ?? DEFAULT_CONFIG.writeRateLimit;
  // One rate-limit count per address and one per user for every write route.
  const guards = {
    rateLimit: rateLimit === false ? [] : [writeRateLimit(rateLimit)],
    writeToken: [requireWritesOn(writes?.writes?.writable === true)],
  };
  const directory = users ?? new UserDirectory(writes?.writes?.dataDir, writes?.token || undefined, log);
  const app = express();
  app.disable('x-powered-by');
  // Off unless configured: otherwise any client could pick its own address (and rate-limit bucket) with X-Forwarded-For.
  app.set('trust proxy', trustProxy);
  // Our routes set their own ETags (version + URL); Express's body hashes would only cost time.
  app.set('etag', false);
  app.use(securityHeaders());
  const writeStore = writes?.writes;
  if (writeStore) app.use(staleWarning(() => writeStore.unreachable));
  app.use(timeBudget(requestTimeoutMs, now));
  app.use(corsAllowList(corsOrigins));
  app.use(compression());
  const bodies = responseBodies ?? new ResponseBodyCache(responseCacheBytes);
  registerRoutes(app, allRoutes, {
    store,
    writes: writes?.writes,
    limits,
    bodies,
    guards,
    authenticate: authenticate(directory),
    perUserLimit: rateLimit === false ? [] : [perUserRateLimit(rateLimit)],
    reads: { readsNeedToken: privateReads },
    users: directory,
    bodyLimitBytes: writes?.bodyLimitBytes ?? DEFAULT_CONFIG.bodyLimitBytes,
  });
  extraRoutes?.(app);
  app.use('/api', (req, _res, next) =>
    next(new NotFoundError(`no API route ${req.method} ${req.originalUrl.split('?')[0]}; see /api/openapi.json`)),
  );
  serveClient(app, clientDir);
  app.use((req, _res, next) => next(new NotFoundError(`nothing at ${req.method} ${req.originalUrl.split('?')[0]}`)));
  app.use(problemHandler(log));
  return app;
}
