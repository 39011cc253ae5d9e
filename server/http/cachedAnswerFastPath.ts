// Answers GET/HEAD requests whose rendered body is already cached (responseBodyCache.ts)
// before Express runs. For small answers under load the middleware chain (helmet, time
// budget, CORS, compression, router, query parsing) cost two thirds of the time once the
// body itself was cached. A cached body for (version, exact URL) proves the
// URL was validated and routed to a cacheable read route, so its answer depends only on
// If-None-Match and Accept-Encoding; this sends the very headers registerRoute.ts and
// the middleware would (tests/unit/http/cachedAnswerFastPath.test.ts compares them) and
// leaves every other request, or any case it cannot mirror exactly, to Express.
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { etagFor, matchesIfNoneMatch } from './etag';
import type { GraphSnapshotHolder } from './snapshotHolder';
import { GZIP_MIN_BYTES, type CachedBody, type ResponseBodyCache } from './responseBodyCache';
import { securityHeaderList } from './securityHeaders';

/** Answers the request and returns true, or returns false (having written nothing) to leave it to Express. */
export type FastPath = (req: IncomingMessage, res: ServerResponse) => boolean;

export interface FastPathOptions {
  store: GraphSnapshotHolder;
  /** The cache the app's routes fill (AppOptions.responseBodies). */
  bodies: ResponseBodyCache;
  /** The app's CORS allow-list: when set, every answer varies on Origin, so Express answers them all. */
  corsOrigins: readonly string[];
  /** Reads need a reader's token: every read must pass the app's access check, so there is no fast path. */
  privateReads?: boolean;
  /** Why the store's database is unreachable now, or undefined: while it is, Express answers (with its Warning header). */
  unreachable?: () => string | undefined;
}

type Encoding = 'gzip' | 'identity' | 'other';

/**
 * What Express would send for this Accept-Encoding: gzip (registerRoute's own choice, by
 * the `accepts` module's rules), identity, or 'other' when the compression middleware
 * might pick another coding or the header has parameters (q-values) we do not weigh.
 */
function negotiateEncoding(header: string | string[] | undefined): Encoding {
  if (header === undefined || header === '') return 'identity';
  if (typeof header !== 'string' || header.includes(';')) return 'other';
  let other = false;
  for (const token of header.split(',')) {
    const coding = token.trim().toLowerCase();
    if (coding === 'gzip' || coding === '*') return 'gzip';
    if (coding !== '' && coding !== 'identity') other = true;
  }
  return other ? 'other' : 'identity';
}

/** How many URLs' ETags of the current version are remembered (they are cheap; a SHA-256 per request is not). */
const MAX_REMEMBERED_ETAGS = 10_000;

export function cachedAnswerFastPath({
  store,
  bodies,
  corsOrigins,
  privateReads,
  unreachable = () => undefined,
}: FastPathOptions): FastPath {
  if (corsOrigins.length > 0 || privateReads === true) return () => false;
  const security: OutgoingHttpHeaders = Object.fromEntries(securityHeaderList());
  let etagVersion: string | undefined;
  const etags = new Map<string, string>();
  const etagOf = (version: string, url: string): string => {
    if (version !== etagVersion || etags.size >= MAX_REMEMBERED_ETAGS) {
      etags.clear();
      etagVersion = version;
    }
    let etag = etags.get(url);
    if (etag === undefined) {
      etag = etagFor(version, url);
      etags.set(url, etag);
    }
    return etag;
  };
  // The headers of a cached answer depend only on its entry and encoding, so they are built
  // once per entry (Node reads, and does not keep or change, the object given to writeHead):
  // with eighteen headers, building them per request was a tenth of the fast path's time.
  const prepared = new WeakMap<CachedBody, PreparedHeaders>();
  const preparedFor = (key: string, entry: CachedBody): PreparedHeaders => {
    let headers = prepared.get(entry);
    if (headers === undefined) {
      const notModified: OutgoingHttpHeaders = { ...security, ETag: key, 'Cache-Control': 'no-cache' };
      const identity = {
        ...notModified,
        'Content-Type': 'application/json; charset=utf-8',
        Vary: 'Accept-Encoding',
        'Content-Length': entry.json.length,
      };
      headers = { notModified, identity };
      prepared.set(entry, headers);
    }
    return headers;
  };
  return (req, res) => {
    const method = req.method;
    if ((method !== 'GET' && method !== 'HEAD') || req.url === undefined) return false;
    // A token is checked by the app (an unknown one is a 401 even where reads are open).
    if (req.headers.authorization !== undefined) return false;
    if (unreachable() !== undefined) return false;
    const key = etagOf(store.current.version, req.url);
    const entry = bodies.get(key);
    if (!entry) return false;
    const headers = preparedFor(key, entry);
    if (matchesIfNoneMatch(req.headers['if-none-match'], key)) {
      res.writeHead(304, headers.notModified);
      res.end();
      return true;
    }
    // HEAD gets the headers of the identity answer, as in registerRoute.ts.
    if (method === 'GET' && entry.json.length >= GZIP_MIN_BYTES) {
      const encoding = negotiateEncoding(req.headers['accept-encoding']);
      if (encoding === 'other') return false;
      if (encoding === 'gzip') {
        const body = bodies.gzipOf(key, entry);
        headers.gzip ??= { ...headers.identity, 'Content-Encoding': 'gzip', 'Content-Length': body.length };
        res.writeHead(200, headers.gzip);
        res.end(body);
        return true;
      }
    }
    res.writeHead(200, headers.identity);
    if (method === 'HEAD') res.end();
    else res.end(entry.json);
    return true;
  };
}

/** A cached answer's headers: for 304, and for 200 as it is or gzipped (made on first use). */
interface PreparedHeaders {
  notModified: OutgoingHttpHeaders;
  identity: OutgoingHttpHeaders;
  gzip?: OutgoingHttpHeaders;
}

/** The server's request listener: the fast path first, then the Express app. */
export function createRequestHandler(
  app: (req: IncomingMessage, res: ServerResponse) => void,
  fastPath?: FastPath,
): (req: IncomingMessage, res: ServerResponse) => void {
  if (!fastPath) return app;
  return (req, res) => {
    if (!fastPath(req, res)) app(req, res);
  };
}
