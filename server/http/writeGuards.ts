// What stands in front of every write route, in this order: the rate limit per address
// (so token guessing is throttled too), whether writes are on (403 when not), the user
// and their role (access.ts: 401, 403), the rate limit per user, then the body: its
// content type (415), its size (413) and its JSON syntax (400), each as problem+json.
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { WriteRateLimit } from '../config';
import {
  InvalidBodyError,
  PayloadTooLargeError,
  TooManyRequestsError,
  UnsupportedMediaTypeError,
  WritesDisabledError,
} from './errors';

export type { WriteRateLimit };

export function writeRateLimit(options: WriteRateLimit): RequestHandler {
  return rateLimit({
    windowMs: options.windowMs,
    limit: options.limit,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    // X-Forwarded-For is ignored on purpose unless CLAIMGRAPH_TRUST_PROXY is set (server/config.ts): no warning for it.
    validate: { xForwardedForHeader: false },
    handler: (_req, _res, next) =>
      next(
        new TooManyRequestsError(
          `too many writes: at most ${options.limit} every ${options.windowMs / 1000} s from one address; wait and retry (see the Retry-After header)`,
        ),
      ),
  });
}

/** Writes are on when the server holds its data folder's write store: otherwise every write is a 403 saying how to turn them on. */
export function requireWritesOn(writable: boolean): RequestHandler {
  return (_req, _res, next) => next(writable ? undefined : new WritesDisabledError());
}

export function hasBody(req: Request): boolean {
  return (
    req.headers['transfer-encoding'] !== undefined ||
    (req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0')
  );
}

export type BodyKind = 'json' | 'text' | 'document';

/** The Content-Types of a document body (Markdown, a saved web page, PDF), read as bytes. */
export const DOCUMENT_BODY_TYPES = ['text/markdown', 'text/html', 'application/pdf'];

const TYPES_OF: Record<BodyKind, string[]> = {
  json: ['application/json'],
  text: ['text/plain'],
  document: DOCUMENT_BODY_TYPES,
};

/**
 * Reads the body as one of `kinds` (application/json, text/plain). An absent body is
 * allowed when `optional`; its req.body is then undefined.
 */
export function readBody(kinds: BodyKind[], limitBytes: number, optional = false): RequestHandler {
  const parsers: Record<BodyKind, RequestHandler> = {
    json: express.json({ limit: limitBytes, type: 'application/json', strict: true }),
    text: express.text({ limit: limitBytes, type: 'text/plain', defaultCharset: 'utf-8' }),
    document: express.raw({ limit: limitBytes, type: DOCUMENT_BODY_TYPES }),
  };
  const all = kinds.flatMap((kind) => TYPES_OF[kind]);
  const types = all.length > 1 ? `${all.slice(0, -1).join(', ')} or ${all[all.length - 1]}` : all[0];
  return (req: Request, res: Response, next: NextFunction) => {
    if (!hasBody(req)) {
      req.body = undefined;
      return optional
        ? next()
        : next(new InvalidBodyError([{ path: '', message: `the request has no body; send ${types}` }]));
    }
    const kind = kinds.find((k) => req.is(TYPES_OF[k]));
    if (!kind) {
      return next(
        new UnsupportedMediaTypeError(
          `send the body as ${types}, not ${JSON.stringify(req.get('Content-Type') ?? 'no Content-Type')}`,
        ),
      );
    }
    parsers[kind](req, res, (error?: unknown) => {
      if (error === undefined) return next();
      const type = (error as { type?: string }).type;
      if (type === 'entity.too.large')
        return next(new PayloadTooLargeError(`the body is larger than the limit of ${limitBytes} bytes`));
      if (type === 'entity.parse.failed')
        return next(
          new InvalidBodyError([{ path: '', message: `the body is not valid JSON: ${(error as Error).message}` }]),
        );
      if (type === 'charset.unsupported' || type === 'encoding.unsupported')
        return next(new UnsupportedMediaTypeError((error as Error).message));
      next(error);
    });
  };
}
