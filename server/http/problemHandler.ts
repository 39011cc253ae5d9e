// The one error handler: every error becomes an application/problem+json response
// (RFC 9457). Our own errors carry their status and field errors, the store's are mapped
// to them first (errors.ts, problemOf); errors with a 4xx
// status from Express itself (a malformed URL) keep it; anything else is a 500 whose
// details go to the server log, never to the client.
import { STATUS_CODES } from 'node:http';
import type { ErrorRequestHandler, Response } from 'express';
import type { Problem } from '../model/api';
import { HttpProblem, problemOf } from './errors';

export function sendProblem(res: Response, problem: Problem): void {
  res.removeHeader('ETag');
  res.removeHeader('Content-Disposition');
  res.set('Cache-Control', 'no-store');
  res.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
}

function clientErrorStatus(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const status =
    (error as { status?: unknown; statusCode?: unknown }).status ?? (error as { statusCode?: unknown }).statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}

export function problemHandler(
  log: (message: string) => void = (message) => console.error(message),
): ErrorRequestHandler {
  return (thrown, req, res, next) => {
    if (res.headersSent) {
      // Too late for a problem answer (a download failed midway): Express closes the connection, the log says why.
      log(
        `claimgraph: internal error on ${req.method} ${req.originalUrl} after its answer began: ${(thrown as Error)?.stack ?? String(thrown)}`,
      );
      return next(thrown);
    }
    const error = problemOf(thrown);
    if (error instanceof HttpProblem) {
      if (error.headers) res.set(error.headers);
      return sendProblem(res, error.toProblem());
    }
    const status = clientErrorStatus(error);
    if (status !== undefined) {
      const detail =
        status === 400 ? 'the request could not be read (malformed URL or parameters)' : (error as Error).message;
      return sendProblem(res, { type: 'about:blank', title: STATUS_CODES[status] ?? 'Client error', status, detail });
    }
    log(`claimgraph: internal error on ${req.method} ${req.originalUrl}: ${(error as Error)?.stack ?? String(error)}`);
    sendProblem(res, {
      type: 'urn:claimgraph:problem:internal',
      title: 'Internal server error',
      status: 500,
      detail: 'the server failed to answer; the error was logged',
    });
  };
}
