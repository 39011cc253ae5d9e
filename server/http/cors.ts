// Cross-origin access, off unless an allow-list is configured (CLAIMGRAPH_CORS_ORIGINS).
// With no list no CORS header is ever sent, so browsers keep other sites from reading
// the API. With a list, only an Origin equal to one of its entries is echoed back; any
// other origin gets no CORS headers at all (never "*", never a reflected origin).
import type { RequestHandler } from 'express';

const ALLOWED_METHODS = 'GET, HEAD, POST';
const ALLOWED_HEADERS = 'Authorization, Content-Type, If-None-Match';
const EXPOSED_HEADERS = 'ETag, Location, Retry-After, Content-Disposition';

export function corsAllowList(origins: readonly string[]): RequestHandler {
  const allowed = new Set(origins);
  return (req, res, next) => {
    if (allowed.size === 0) return next();
    // The answer depends on Origin, so caches must key on it.
    res.vary('Origin');
    const origin = req.get('Origin');
    if (origin === undefined || !allowed.has(origin)) return next();
    res.set({ 'Access-Control-Allow-Origin': origin, 'Access-Control-Expose-Headers': EXPOSED_HEADERS });
    if (req.method === 'OPTIONS' && req.get('Access-Control-Request-Method') !== undefined) {
      res.set({
        'Access-Control-Allow-Methods': ALLOWED_METHODS,
        'Access-Control-Allow-Headers': ALLOWED_HEADERS,
        'Access-Control-Max-Age': '600',
      });
      res.status(204).end();
      return;
    }
    next();
  };
}
