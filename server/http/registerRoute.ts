// Turns a route declaration into an Express handler: validate the path and query
// parameters, answer 304 when the client's ETag is current (before doing any work),
// run the handler on one snapshot of the store, and send JSON or a download.
import type { Express, Request } from 'express';
import { MethodNotAllowedError } from './errors';
import { etagFor, matchesIfNoneMatch } from './etag';
import type { GraphStore } from './graphStore';
import { parseInput } from './parseInput';
import { expressPath, FileResult, type RouteSpec } from './route';

export function registerRoute(app: Express, route: RouteSpec, store: GraphStore): void {
  const path = expressPath(route.path);
  app.get(path, (req: Request, res) => {
    const params = route.params ? parseInput(route.params, req.params as Record<string, unknown>, 'path') : {};
    const query = parseInput(route.query, req.query as Record<string, unknown>, 'query');
    const snapshot = store.current;
    if (route.cacheable === false) res.set('Cache-Control', 'no-store');
    else {
      const etag = etagFor(snapshot.version, req.originalUrl);
      // no-cache: clients may keep the response but must revalidate, as the data can change.
      res.set({ ETag: etag, 'Cache-Control': 'no-cache' });
      if (matchesIfNoneMatch(req.get('If-None-Match'), etag)) {
        res.status(304).end();
        return;
      }
    }
    const body = route.handle({ query, params }, { store, snapshot });
    if (body instanceof FileResult) {
      res.attachment(body.filename).type(body.contentType).send(body.body);
    } else res.json(body);
  });
  app.all(path, (req, res, next) => {
    res.set('Allow', 'GET, HEAD');
    next(new MethodNotAllowedError(`${req.method} is not allowed on ${route.path}; it answers GET`));
  });
}
