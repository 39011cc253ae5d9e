// Turns route declarations into Express handlers.
// A read (GET): validate the path and query parameters, answer 304 when the client's
// ETag is current (before doing any work), run the handler on one snapshot of the store,
// and send JSON or a download (streamed: sendFile.ts). Cacheable JSON bodies are
// rendered once per ETag (responseBodyCache.ts).
// A write (POST, PATCH): its guards (rate limit, then token), then its body (content type, size,
// JSON syntax), then the time budget, then the query, path and body schemas, then the
// handler, which may wait (an ingest's extraction runs in a worker): it is told when the
// request ends first. The answer is never cached.
// Any other method on a declared path is a 405 naming the methods it answers.
import type { Express, Request, RequestHandler, Response } from 'express';
import type { WriteStore } from '../store/writeStore';
import { requestUser, requireAccess, type ReadPolicy, type UserDirectory } from './access';
import { MethodNotAllowedError } from './errors';
import { etagFor, matchesIfNoneMatch } from './etag';
import type { GraphSnapshotHolder } from './snapshotHolder';
import { GZIP_MIN_BYTES, type CachedBody, type ResponseBodyCache } from './responseBodyCache';
import { parseBody, parseInput } from './parseInput';
import { sendFile } from './sendFile';
import {
  expressPath,
  FileResult,
  StoredFileResult,
  JsonResult,
  RedirectResult,
  type BodySpec,
  type Guard,
  type RouteContext,
  type RouteLimits,
  type RouteSpec,
} from './route';
import { budgetOf, stillWithinBudget } from './timeBudget';
import { readBody, type BodyKind } from './writeGuards';
import { formatFromContentType, type DocumentFormat } from '../ingest/formats';

export interface RouteDependencies {
  store: GraphSnapshotHolder;
  writes?: WriteStore;
  limits: RouteLimits;
  bodies: ResponseBodyCache;
  /** The middleware of each guard, shared by every route behind it (one rate-limit count for all writes). */
  guards: Record<Guard, RequestHandler[]>;
  /** Identifies the request's user (access.ts `authenticate`): before every route. */
  authenticate: RequestHandler;
  /** Counts writes per user (after the role check of `writeToken`). */
  perUserLimit: RequestHandler[];
  reads: ReadPolicy;
  users: UserDirectory;
  bodyLimitBytes: number;
}

/** The checks of who may call a route: the user, then the role of its access group. */
function accessChecks(route: RouteSpec, deps: RouteDependencies, fallback: 'read' | 'curate'): RequestHandler[] {
  const access = route.access ?? fallback;
  return access === 'public' ? [deps.authenticate] : [deps.authenticate, requireAccess(access, deps.reads)];
}

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

function registerRead(app: Express, route: RouteSpec, deps: RouteDependencies): void {
  const { store, limits, bodies, writes } = deps;
  const readsNeedToken = deps.reads.readsNeedToken;
  app.get(expressPath(route.path), ...accessChecks(route, deps, 'read'), (req: Request, res, next) => {
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
    const user = requestUser(res);
    const body = route.handle(
      { query, params, body: undefined },
      { store, writes, snapshot, budget, limits, user, readsNeedToken, users: deps.users },
    );
    // An answer past the deadline is a 503 too: a client that gave up must not get a late body counted as success.
    budget.check();
    if (body instanceof FileResult) sendFile(req, res, body, next).catch(next);
    else if (body instanceof StoredFileResult) sendStoredFile(res, body, next);
    else if (body instanceof RedirectResult) {
      const queryAt = req.originalUrl.indexOf('?');
      const location = body.path + (queryAt === -1 ? '' : req.originalUrl.slice(queryAt));
      res.status(301).set('Location', location).json(body.body);
    } else if (cacheKey !== undefined)
      sendCachedJson(req, res, bodies, cacheKey, bodies.put(cacheKey, Buffer.from(JSON.stringify(body))));
    else res.json(body);
  });
}

/**
 * A kept original as an attachment, never rendered on this origin: a saved web page is the
 * page's own HTML, so it also gets a sandboxing Content-Security-Policy.
 */
function sendStoredFile(res: Response, file: StoredFileResult, next: (error?: unknown) => void): void {
  const policy = res.get('Content-Security-Policy');
  res.set({
    'Content-Type': file.contentType,
    'Content-Disposition': `attachment; filename="${file.filename}"`,
    'Content-Security-Policy': policy ? `${policy}; sandbox` : "default-src 'none'; sandbox",
    'X-Content-Type-Options': 'nosniff',
  });
  res.sendFile(file.file, { headers: { 'Content-Type': file.contentType } }, (error?: Error) => {
    if (error && !res.headersSent) next(error);
  });
}

function registerWrite(app: Express, route: RouteSpec, deps: RouteDependencies): void {
  const { store, limits, writes } = deps;
  const body = route.body;
  const guards = (route.guards ?? []).flatMap((guard) =>
    guard === 'writeToken'
      ? [...deps.guards.writeToken, ...accessChecks(route, deps, 'curate'), ...deps.perUserLimit]
      : deps.guards[guard],
  );
  const reading = body
    ? [readBody(bodyKinds(body), deps.bodyLimitBytes, body.optional === true), stillWithinBudget]
    : [stillWithinBudget];
  const method = route.method === 'patch' ? 'patch' : 'post';
  app[method](expressPath(route.path), ...guards, ...reading, async (req: Request, res) => {
    const rawQuery = req.query as Record<string, unknown>;
    let query: Record<string, unknown>;
    let given: unknown = req.body ?? {};
    let document: { bytes: Uint8Array; format: DocumentFormat } | undefined;
    if (body?.text && typeof req.body === 'string') {
      query = parseInput(body.text.query, rawQuery, 'query');
      given = { [body.text.field]: req.body, ...query };
    } else if (body?.document && Buffer.isBuffer(req.body)) {
      query = parseInput(body.document.query, rawQuery, 'query');
      document = { bytes: req.body, format: formatFromContentType(req.get('Content-Type') ?? '')! };
    } else query = parseInput(route.query, rawQuery, 'query');
    const params = route.params ? parseInput(route.params, req.params as Record<string, unknown>, 'path') : {};
    const parsedBody = body && !document ? parseBody(body.json, given) : undefined;
    // A handler that waits (an ingest's extraction) stops when the request ends first: answered 503 by its budget, or dropped.
    const ended = new AbortController();
    const end = () => ended.abort();
    res.once('close', end);
    const budget = budgetOf(res);
    const stillWanted = {
      check: () => {
        if (res.headersSent) end();
        ended.signal.throwIfAborted();
        budget.check();
      },
    };
    const context: RouteContext = {
      store,
      writes,
      snapshot: store.current,
      budget,
      limits,
      signal: ended.signal,
      stillWanted,
      user: requestUser(res),
      readsNeedToken: deps.reads.readsNeedToken,
      users: deps.users,
    };
    try {
      const answer = await route.handle(
        { query, params, body: parsedBody, document, ifMatch: req.get('If-Match') },
        context,
      );
      res.set('Cache-Control', 'no-store');
      if (answer instanceof JsonResult) {
        res.status(answer.status).set(answer.headers);
        if (answer.text === undefined) res.json(answer.body);
        else {
          // What res.json does with the text it makes.
          if (!res.get('Content-Type')) res.set('Content-Type', 'application/json');
          res.send(answer.text);
        }
      } else res.json(answer);
    } catch (error) {
      // Answered already (503) or nobody to answer: the handler wrote nothing after it noticed.
      if (ended.signal.aborted) return;
      throw error;
    } finally {
      res.off('close', end);
    }
  });
}

/** The body kinds a write reads: JSON, and text/plain or a document where the route takes them. */
function bodyKinds(body: BodySpec): BodyKind[] {
  return [...(body.text ? (['text'] as const) : []), ...(body.document ? (['document'] as const) : []), 'json'];
}

/** Registers every route; routes sharing a path (GET and POST /api/documents) share its 405. */
export function registerRoutes(app: Express, routes: readonly RouteSpec[], deps: RouteDependencies): void {
  const byPath = new Map<string, RouteSpec[]>();
  for (const route of routes) byPath.set(route.path, [...(byPath.get(route.path) ?? []), route]);
  for (const [path, declared] of byPath) {
    for (const route of declared) {
      if ((route.method ?? 'get') === 'get') registerRead(app, route, deps);
      else registerWrite(app, route, deps);
    }
    const methods = declared.map((route) => (route.method ?? 'get').toUpperCase());
    const allow = methods.flatMap((method) => (method === 'GET' ? ['GET', 'HEAD'] : [method])).join(', ');
    app.all(expressPath(path), (req, res, next) => {
      res.set('Allow', allow);
      next(new MethodNotAllowedError(`${req.method} is not allowed on ${path}; it answers ${methods.join(' or ')}`));
    });
  }
}
