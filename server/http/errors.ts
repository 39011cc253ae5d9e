// Every problem the API answers, in one module: the errors routes and guards throw, each
// with its HTTP status and RFC 9457 type, sent by the one error handler
// (problemHandler.ts), which also maps the store's errors to them (problemOf). Messages
// are for users: they say which parameter or field was wrong and what was expected.
import { ArticleTooLargeError, ExtractionLimitError } from '../ingest/extractionLimits';
import type { Problem } from '../model/api';
import {
  CurationNotFoundError,
  DISK_FULL,
  StaleVersionError,
  DatabaseUnreachableError,
  DiskFullError,
  DuplicateEntityError,
  NOTHING_OF_THIS_WRITE,
  ProposalNotFoundError,
  WriteConflictError,
  WriteInputError,
  WritesNotOpenError,
} from '../store/writeErrors';

export interface FieldError {
  /** The parameter (or parameter.sub.path) the message is about. */
  path: string;
  message: string;
}

export abstract class HttpProblem extends Error {
  abstract readonly status: number;
  abstract readonly type: string;
  abstract readonly title: string;
  readonly errors?: FieldError[];
  /** Headers the answer carries besides the problem (Retry-After of a 503). */
  readonly headers?: Record<string, string>;

  constructor(detail: string, errors?: FieldError[]) {
    super(detail);
    if (errors) this.errors = errors;
  }

  toProblem(): Problem {
    const problem: Problem = { type: this.type, title: this.title, status: this.status, detail: this.message };
    if (this.errors) problem.errors = this.errors;
    return problem;
  }
}

/** 400: a query or path parameter is unknown, malformed or out of bounds. */
export class ValidationError extends HttpProblem {
  override readonly status = 400;
  override readonly type = 'urn:claimgraph:problem:invalid-parameter';
  override readonly title = 'Invalid request parameter';

  constructor(errors: FieldError[]) {
    super(errors.map((e) => (e.path === '' ? e.message : `${e.path}: ${e.message}`)).join('; '), errors);
  }
}

/** 404: no such entity, edge, document or route; or no path between two entities. */
export class NotFoundError extends HttpProblem {
  override readonly status = 404;
  override readonly type: string;
  override readonly title: string;

  constructor(detail: string, errors?: FieldError[], kind: 'not-found' | 'no-path' = 'not-found') {
    super(detail, errors);
    this.type = `urn:claimgraph:problem:${kind}`;
    this.title = kind === 'no-path' ? 'No path found' : 'Not found';
  }
}

/** 400: the request is well-formed but would produce more than the server's cap (an export too large to build). */
export class TooLargeResultError extends HttpProblem {
  override readonly status = 400;
  override readonly type = 'urn:claimgraph:problem:result-too-large';
  override readonly title = 'Result too large';
}

/** 405: the route exists but does not answer this method. */
export class MethodNotAllowedError extends HttpProblem {
  override readonly status = 405;
  override readonly type = 'urn:claimgraph:problem:method-not-allowed';
  override readonly title = 'Method not allowed';
}

/** 403: the server has no write token configured, so writes are off. */
export class WritesDisabledError extends HttpProblem {
  override readonly status = 403;
  override readonly type = 'urn:claimgraph:problem:writes-disabled';
  override readonly title = 'Writes are disabled';
  constructor() {
    super(
      'writes are disabled on this server: add an editor with `claimgraph users add NAME --role editor` (or set the environment variable CLAIMGRAPH_TOKEN to a secret) and restart it, then send the token with each write as the header "Authorization: Bearer <token>"',
    );
  }
}

/** 401: a request without a token where one is needed, or with a token the server does not know. */
export class UnauthorizedError extends HttpProblem {
  override readonly status = 401;
  override readonly type = 'urn:claimgraph:problem:unauthorized';
  override readonly title = 'Unauthorized';
}

/** 403: a known user whose role does not open this route. */
export class ForbiddenError extends HttpProblem {
  override readonly status = 403;
  override readonly type = 'urn:claimgraph:problem:forbidden';
  override readonly title = 'Forbidden';
}

/** 409: a write that contradicts an earlier one. */
export class ConflictError extends HttpProblem {
  override readonly status = 409;
  override readonly type = 'urn:claimgraph:problem:conflict';
  override readonly title = 'Conflict';
}

/** 409: a new entity whose name, alias or country the graph already has; `existing` names that entity. */
export class DuplicateEntityProblem extends ConflictError {
  constructor(
    detail: string,
    readonly existing: NonNullable<Problem['existing']>,
  ) {
    super(detail);
  }

  override toProblem(): Problem {
    return { ...super.toProblem(), existing: this.existing };
  }
}

/** 412: If-Match named a version that is no longer the current one; errors[] gives the current one. */
export class PreconditionFailedError extends HttpProblem {
  override readonly status = 412;
  override readonly type = 'urn:claimgraph:problem:stale-version';
  override readonly title = 'Precondition failed';
  constructor(detail: string, current: number) {
    super(detail, [{ path: 'If-Match', message: `the current version is "${current}"` }]);
  }
}

export class PayloadTooLargeError extends HttpProblem {
  override readonly status = 413;
  override readonly type = 'urn:claimgraph:problem:payload-too-large';
  override readonly title = 'Payload too large';
}

export class UnsupportedMediaTypeError extends HttpProblem {
  override readonly status = 415;
  override readonly type = 'urn:claimgraph:problem:unsupported-media-type';
  override readonly title = 'Unsupported media type';
}

export class TooManyRequestsError extends HttpProblem {
  override readonly status = 429;
  override readonly type = 'urn:claimgraph:problem:too-many-requests';
  override readonly title = 'Too many requests';
}

/** 400 about the request body (not a parameter): errors[] names each bad field. */
export class InvalidBodyError extends HttpProblem {
  override readonly status = 400;
  override readonly type = 'urn:claimgraph:problem:invalid-body';
  override readonly title = 'Invalid request body';
  constructor(errors: FieldError[]) {
    super(errors.map((e) => (e.path === '' ? e.message : `${e.path}: ${e.message}`)).join('; '), errors);
  }
}

/** 413: the article is larger than the extractor takes; the detail says to split it. */
export class ArticleTooLargeProblem extends HttpProblem {
  override readonly status = 413;
  override readonly type = 'urn:claimgraph:problem:article-too-large';
  override readonly title = 'Article too large to extract';
}

/** 422: the extractor ran out of its time or memory on this article; the detail says to split it. */
export class ExtractionLimitProblem extends HttpProblem {
  override readonly status = 422;
  override readonly type = 'urn:claimgraph:problem:extraction-limit';
  override readonly title = 'Article could not be extracted';
}

/** 422: a document body with no text to take (a scanned PDF, a page with no article); the detail says what to send. */
export class UnprocessableDocumentProblem extends HttpProblem {
  override readonly status = 422;
  override readonly type = 'urn:claimgraph:problem:unreadable-document';
  override readonly title = 'Document has no text to take';
}

/** 507: the data folder's disk has no room for the write; the store cut off what it had begun. */
export class InsufficientStorageError extends HttpProblem {
  override readonly status = 507;
  override readonly type = 'urn:claimgraph:problem:disk-full';
  override readonly title = 'Insufficient storage';
  constructor() {
    // Without the folder's path: that is for the server's operator, not for clients.
    super(`${DISK_FULL}; ${NOTHING_OF_THIS_WRITE}`);
  }
}

const RETRY_AFTER_SECONDS = '5';

/** 503: the request ran out of its time budget (timeBudget.ts). */
export class ServiceUnavailableError extends HttpProblem {
  override readonly status = 503;
  override readonly type = 'urn:claimgraph:problem:time-budget-exceeded';
  override readonly title = 'Request took too long';
  override readonly headers = { 'Retry-After': RETRY_AFTER_SECONDS };
  constructor(budgetMs: number) {
    super(
      `the request took longer than its time budget of ${budgetMs} ms and was stopped; narrow it (filters, depth, limit) or retry later`,
    );
  }
}

/** 503: the PostgreSQL store lost its database; reads are answered from memory meanwhile. */
export class DatabaseUnreachableProblem extends HttpProblem {
  override readonly status = 503;
  override readonly type = 'urn:claimgraph:problem:database-unreachable';
  override readonly title = 'Database unreachable';
  override readonly headers = { 'Retry-After': RETRY_AFTER_SECONDS };
}

/** The store's errors in HTTP terms; anything else is returned as it is. */
export function problemOf(error: unknown): unknown {
  if (error instanceof WriteInputError) return new InvalidBodyError(error.errors);
  if (error instanceof ProposalNotFoundError)
    return new NotFoundError(error.message, [{ path: 'id', message: error.message }]);
  if (error instanceof CurationNotFoundError)
    return new NotFoundError(error.message, [
      { path: error.noun === 'event' ? 'eventId' : 'id', message: error.message },
    ]);
  if (error instanceof StaleVersionError) return new PreconditionFailedError(error.message, error.current);
  if (error instanceof DuplicateEntityError)
    return new DuplicateEntityProblem(error.message, { path: error.field, ...error.existing });
  if (error instanceof WriteConflictError) return new ConflictError(error.message);
  if (error instanceof WritesNotOpenError) return new WritesDisabledError();
  if (error instanceof DiskFullError) return new InsufficientStorageError();
  if (error instanceof DatabaseUnreachableError) return new DatabaseUnreachableProblem(error.message);
  if (error instanceof ArticleTooLargeError) return new ArticleTooLargeProblem(error.message);
  if (error instanceof ExtractionLimitError) return new ExtractionLimitProblem(error.message);
  return error;
}
