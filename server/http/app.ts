// The Express application: security headers, compression, the API routes, problem+json
// errors and the static client. It does not listen, so tests drive it with supertest;
// server/index.ts and `claimgraph serve` listen.
import path from 'node:path';
import compression from 'compression';
import express, { type Express } from 'express';
import { packageRoot } from '../paths';
import { corsAllowList } from './cors';
import { NotFoundError } from './errors';
import type { GraphSnapshotHolder } from './snapshotHolder';
import { defaultHardening, type HardeningConfig } from './hardeningConfig';
import { problemHandler } from './problemHandler';
import { registerRoute } from './registerRoute';
import { ResponseBodyCache } from './responseBodyCache';
import { apiRoutes } from './routes';
import { securityHeaders } from './securityHeaders';
import { serveClient } from './staticClient';
import { timeBudget } from './timeBudget';
import { writeRoutes, type WriteRoutesOptions } from './routes/writeRoutes';

export interface AppOptions {
  store: GraphSnapshotHolder;
  /** The built client; default dist/client under the package root. */
  clientDir?: string;
  /** Where internal errors are logged; default standard error. */
  log?: (message: string) => void;
  /** The write API (ingest, review queue): write store, token, rate limit. Without it every write answers 403. */
  writes?: Omit<WriteRoutesOptions, 'store'>;
  /** CORS allow-list, trust proxy, time budget (server/http/hardeningConfig.ts); default: CORS and trust proxy off, 10 s. */
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

export const DEFAULT_RESPONSE_CACHE_BYTES = 128 * 1024 * 1024;

export function createApp({ store, clientDir = defaultClientDir, log, writes, hardening, now, extraRoutes, responseCacheBytes = DEFAULT_RESPONSE_CACHE_BYTES, responseBodies }: AppOptions): Express {
  const corsOrigins = hardening?.corsOrigins ?? defaultHardening.corsOrigins;
  const trustProxy = hardening?.trustProxy ?? defaultHardening.trustProxy;
  const requestTimeoutMs = hardening?.requestTimeoutMs ?? defaultHardening.requestTimeoutMs;
  const limits = { maxExportClaims: hardening?.maxExportClaims ?? defaultHardening.maxExportClaims };
  const app = express();
  app.disable('x-powered-by');
  // Off unless configured: otherwise any client could pick its own address (and rate-limit bucket) with X-Forwarded-For.
  app.set('trust proxy', trustProxy);
  // Our routes set their own ETags (version + URL); Express's body hashes would only cost time.
  app.set('etag', false);
  app.use(securityHeaders());
  app.use(timeBudget(requestTimeoutMs, now));
  app.use(corsAllowList(corsOrigins));
  app.use(compression());
  // Before the read routes: they answer 405 to any method but GET on their paths (POST /api/documents).
  app.use(writeRoutes({ ...writes, store }));
  const bodies = responseBodies ?? new ResponseBodyCache(responseCacheBytes);
  for (const route of apiRoutes) registerRoute(app, route, store, limits, bodies);
  extraRoutes?.(app);
  app.use('/api', (req, _res, next) => next(new NotFoundError(`no API route ${req.method} ${req.originalUrl.split('?')[0]}; see /api/openapi.json`)));
  serveClient(app, clientDir);
  app.use((req, _res, next) => next(new NotFoundError(`nothing at ${req.method} ${req.originalUrl.split('?')[0]}`)));
  app.use(problemHandler(log));
  return app;
}
