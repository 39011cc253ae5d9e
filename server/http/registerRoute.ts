// Turns a route declaration into an Express handler: validate the path and query
// parameters, answer 304 when the client's ETag is current (before doing any work),
// run the handler on one snapshot (read once from the snapshot holder), and send JSON or
// a download. Cacheable JSON bodies are rendered once per ETag (responseBodyCache.ts).
import type { Express, Request, Response } from 'express';
import { MethodNotAllowedError } from './errors';
import { etagFor, matchesIfNoneMatch } from './etag';
import type { GraphSnapshotHolder } from './snapshotHolder';
import { GZIP_MIN_BYTES, type CachedBody, type ResponseBodyCache } from './responseBodyCache';
import { parseInput } from './parseInput';
import { expressPath, FileResult, type RouteLimits, type RouteSpec } from './route';
import { budgetOf } from './timeBudget';

function sendCachedJson(req: Request, res: Response, bodies: ResponseBodyCache, key: string, entry: CachedBody): void {
  res.type('application/json; charset=utf-8');
  res.vary('Accept-Encoding');
  // HEAD gets the headers of the identity answer, as the compression middleware does.
  if (req.method !== 'HEAD' && entry.json.length >= GZIP_MIN_BYTES && req.acceptsEncodings('gzip') === 'gzip') {
    // Already encoded: the compression middleware leaves it alone.
    res.set('Content-Encoding', 'gzip');
    res.send(bodies.gzipOf(key, entry));
  } else res.send(entry.json);
}

export function registerRoute(app: Express, route: RouteSpec, store: GraphSnapshotHolder, limits: RouteLimits, bodies: ResponseBodyCache): void {
  const path = expressPath(route.path);
  app.get(path, (req: Request, res) => {
    const params = route.params ? parseInput(route.params, req.params as Record<string, unknown>, 'path') : {};
    const query = parseInput(route.query, req.query as Record<string, unknown>, 'query');
    const snapshot = store.current;
    let cacheKey: string | undefined;
    if (route.cacheable === false) res.set('Cache-Control', 'no-store');
    else {
      cacheKey = etagFor(snapshot.version, req.originalUrl);
      // no-cache: clients may keep the response but must revalidate, as the data can change.
      res.set({ ETag: cacheKey, 'Cache-Control': 'no-cache' });
      if (matchesIfNoneMatch(req.get('If-None-Match'), cacheKey)) {
        res.status(304).end();
        return;
      }
      const cached = bodies.get(cacheKey);
      if (cached) {
        sendCachedJson(req, res, bodies, cacheKey, cached);
        return;
      }
    }
    const budget = budgetOf(res);
    budget.check();
    const body = route.handle({ query, params }, { store, snapshot, budget, limits });
    // An answer past the deadline is a 503 too: a client that gave up must not get a late body counted as success.
    budget.check();
    if (body instanceof FileResult) {
      res.attachment(body.filename).type(body.contentType).send(body.body);
    } else if (cacheKey !== undefined) sendCachedJson(req, res, bodies, cacheKey, bodies.put(cacheKey, Buffer.from(JSON.stringify(body))));
    else res.json(body);
  });
  app.all(path, (req, res, next) => {
    res.set('Allow', 'GET, HEAD');
    next(new MethodNotAllowedError(`${req.method} is not allowed on ${route.path}; it answers GET`));
  });
}
