// The problems only the write routes answer: 401/403 for the token, 409 for a decision
// that contradicts an earlier one, 413/415 for bodies, 429 for the rate limit, 400 for a
// body (not a parameter) that is wrong, and 507 when the data folder's disk is full.
// Mapped by the app's one error handler.
import { DISK_FULL, NOTHING_OF_THIS_WRITE } from '../../store/writeErrors';
import { HttpProblem, type FieldError } from '../errors';

/** 403: the server has no write token configured, so writes are off. */
export class WritesDisabledError extends HttpProblem {
  override readonly status = 403;
  override readonly type = 'urn:claimgraph:problem:writes-disabled';
  override readonly title = 'Writes are disabled';
  constructor() {
    super('writes are disabled on this server: start it with the environment variable CLAIMGRAPH_TOKEN set to a secret, and send that secret with each write as the header "Authorization: Bearer <token>"');
  }
}

/** 401: a write without the right token. */
export class UnauthorizedError extends HttpProblem {
  override readonly status = 401;
  override readonly type = 'urn:claimgraph:problem:unauthorized';
  override readonly title = 'Unauthorized';
}

export class ConflictError extends HttpProblem {
  override readonly status = 409;
  override readonly type = 'urn:claimgraph:problem:conflict';
  override readonly title = 'Conflict';
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

/** 400 about the request body: errors[] names each bad field. */
export class InvalidBodyError extends HttpProblem {
  override readonly status = 400;
  override readonly type = 'urn:claimgraph:problem:invalid-body';
  override readonly title = 'Invalid request body';
  constructor(errors: FieldError[]) {
    super(errors.map((e) => (e.path === '' ? e.message : `${e.path}: ${e.message}`)).join('; '), errors);
  }
}

/** 507: the journal could not take the write for want of space; the store cut off what it had begun. */
export class InsufficientStorageError extends HttpProblem {
  override readonly status = 507;
  override readonly type = 'urn:claimgraph:problem:disk-full';
  override readonly title = 'Insufficient storage';
  constructor() {
    // Without the folder's path: that is for the server's operator, not for clients.
    super(`${DISK_FULL}; ${NOTHING_OF_THIS_WRITE}`);
  }
}
