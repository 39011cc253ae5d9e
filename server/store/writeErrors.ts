// What can go wrong in a write, in the store's own terms; the HTTP routes map these to
// 400, 404 and 409 problems and the CLI prints them. Messages are for the user.
export interface WriteFieldError {
  /** The field of the request the message is about, e.g. "subject.type". */
  path: string;
  message: string;
}

/** The request is understood but a value is not acceptable (unknown entity, edge type not allowed…). */
export class WriteInputError extends Error {
  constructor(readonly errors: WriteFieldError[]) {
    super(errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join('; '));
    this.name = 'WriteInputError';
  }
}

export class ProposalNotFoundError extends Error {
  constructor(readonly proposalId: string) {
    super(`no proposal with id "${proposalId}"`);
    this.name = 'ProposalNotFoundError';
  }
}

/** The write contradicts what was already decided (accept after reject, a different document under a used id…). */
export class WriteConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WriteConflictError';
  }
}

/** The store was opened read-only (the server has no write token). */
export class WritesNotOpenError extends Error {
  constructor() {
    super('this data folder was opened read-only; writes are off');
    this.name = 'WritesNotOpenError';
  }
}
