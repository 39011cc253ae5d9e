// The Express application: security headers, compression, the API routes, problem+json
// errors and the static client. It does not listen, so tests drive it with supertest;
// server/index.ts and `claimgraph serve` listen.
import path from 'node:path';
import compression from 'compression';
import express, { type Express } from 'express';
import helmet from 'helmet';
import { packageRoot } from '../paths';
import { NotFoundError } from './errors';
import type { GraphStore } from './graphStore';
import { problemHandler } from './problemHandler';
import { registerRoute } from './registerRoute';
import { apiRoutes } from './routes';
import { serveClient } from './staticClient';
import { writeRoutes, type WriteRoutesOptions } from './routes/writeRoutes';

export interface AppOptions {
  store: GraphStore;
  /** The built client; default dist/client under the package root. */
  clientDir?: string;
  /** Where internal errors are logged; default standard error. */
  log?: (message: string) => void;
  /** The write API (ingest, review queue): write store, token, rate limit. Without it every write answers 403. */
  writes?: Omit<WriteRoutesOptions, 'store'>;
}

export const defaultClientDir = path.join(packageRoot, 'dist', 'client');

export function createApp({ store, clientDir = defaultClientDir, log, writes }: AppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  // Our routes set their own ETags (version + URL); Express's body hashes would only cost time.
  app.set('etag', false);
  app.use(
    helmet({
      contentSecurityPolicy: {
        // Nothing is loaded from elsewhere (no CDN); upgrade-insecure-requests would break plain-HTTP use on a LAN address.
        directives: {
          'script-src': ["'self'"],
          'connect-src': ["'self'"],
          'img-src': ["'self'", 'data:', 'blob:'],
          'style-src': ["'self'", "'unsafe-inline'"],
          'font-src': ["'self'", 'data:'],
          'upgrade-insecure-requests': null,
        },
      },
    }),
  );
  app.use(compression());
  // Before the read routes: they answer 405 to any method but GET on their paths (POST /api/documents).
  app.use(writeRoutes({ ...writes, store }));
  for (const route of apiRoutes) registerRoute(app, route, store);
  app.use('/api', (req, _res, next) => next(new NotFoundError(`no API route ${req.method} ${req.originalUrl.split('?')[0]}; see /api/openapi.json`)));
  serveClient(app, clientDir);
  app.use((req, _res, next) => next(new NotFoundError(`nothing at ${req.method} ${req.originalUrl.split('?')[0]}`)));
  app.use(problemHandler(log));
  return app;
}
