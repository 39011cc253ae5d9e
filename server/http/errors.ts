// The errors routes throw, each mapped to an HTTP status and an RFC 9457 problem
// document by the one error handler (problemHandler.ts). Messages are for users: they
// say which parameter was wrong and what was expected.
import type { Problem } from '../model/api';

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

/** 405: the route exists but only answers GET. */
export class MethodNotAllowedError extends HttpProblem {
  override readonly status = 405;
  override readonly type = 'urn:claimgraph:problem:method-not-allowed';
  override readonly title = 'Method not allowed';
}
