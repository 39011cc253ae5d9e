// What can go wrong in a write, in the store's own terms; the HTTP routes map these to
// 400, 404, 409 and 507 problems and the CLI prints them. Messages are for the user.
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

/** No claim (live or retracted) or no curation event with this id. */
export class CurationNotFoundError extends Error {
  constructor(
    readonly noun: 'claim' | 'event' | 'entity',
    readonly id: string,
  ) {
    super(`no ${noun} with id "${id}"`);
    this.name = 'CurationNotFoundError';
  }
}

/** If-Match named a version of the claim (or entity) that is no longer its current one. */
export class StaleVersionError extends Error {
  constructor(
    readonly claimId: string,
    readonly current: number,
    readonly given: number,
    readonly noun: 'claim' | 'entity' = 'claim',
  ) {
    const route = noun === 'claim' ? 'claims' : 'entities';
    super(
      `${noun} "${claimId}" is at version ${current}, not ${given}: it changed since you read it; read it again (GET /api/${route}/${claimId}) and redo your change`,
    );
    this.name = 'StaleVersionError';
  }
}

/** The write contradicts what was already decided (accept after reject, a different document under a used id…). */
export class WriteConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WriteConflictError';
  }
}

/**
 * A new entity would duplicate one the graph has (same name or alias, or the same country):
 * a conflict that names the existing entity, so a client can offer to use it.
 */
export class DuplicateEntityError extends WriteConflictError {
  readonly existing: { id: string; name: string; type: string };
  constructor(
    message: string,
    /** The field of the request that named the new entity ("subject", "object"). */
    readonly field: string,
    entity: { id: string; name: string; type: string },
  ) {
    super(message);
    this.existing = { id: entity.id, name: entity.name, type: entity.type };
    this.name = 'DuplicateEntityError';
  }
}

/** The store was opened read-only (the server has no write token). */
export class WritesNotOpenError extends Error {
  constructor() {
    super('this data folder was opened read-only; writes are off');
    this.name = 'WritesNotOpenError';
  }
}

/** How every message about a lost database begins, in the API and on the command line. */
export const DATABASE_UNREACHABLE = 'the database is unreachable';

/**
 * The PostgreSQL store could not reach its database (refused, dropped, timed out). The
 * write's transaction did not commit, or its fate is unknown: either way nothing of it is
 * in memory, and a committed one is applied when the server catches up.
 */
export class DatabaseUnreachableError extends Error {
  constructor(readonly reason: string) {
    super(`${DATABASE_UNREACHABLE}: ${reason}; nothing of this request was applied, retry once it is back`);
    this.name = 'DatabaseUnreachableError';
  }
}

/** How every message about a full disk begins, in the API and on the command line. */
export const DISK_FULL = "the data folder's disk is full";

/** What a write refused for want of space leaves behind: the journal cuts off any part of its line. */
export const NOTHING_OF_THIS_WRITE = 'nothing of this request was written';
/** What opening a folder for writes on a full disk leaves: a lock appears whole or not at all, and so does the journal's cut-off tail. */
export const NOTHING_AT_OPEN =
  'nothing was written; free some space, or open the folder read-only (a server without CLAIMGRAPH_TOKEN)';

/** ENOSPC (no space left on the device) or EDQUOT (the user's disk quota is used up); undefined for any other error. */
export function diskFullCode(error: unknown): 'ENOSPC' | 'EDQUOT' | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT' ? code : undefined;
}

/**
 * A write to the data folder failed for want of space. `consequence` says what that
 * left behind, for the user ("nothing was written"); the store makes it true by undoing
 * what it had begun (a partial journal line is cut off, temporary files are removed).
 */
export class DiskFullError extends Error {
  constructor(
    readonly dataDir: string,
    readonly code: 'ENOSPC' | 'EDQUOT',
    readonly consequence: string,
  ) {
    super(
      `${DISK_FULL} (${dataDir}: ${code === 'EDQUOT' ? 'disk quota exceeded' : 'no space left on device'}); ${consequence}`,
    );
    this.name = 'DiskFullError';
  }
}

/** Runs `write`; a full disk becomes a DiskFullError saying `consequence`. */
export function onDiskFull<T>(dataDir: string, consequence: string, write: () => T): T {
  try {
    return write();
  } catch (error) {
    const code = diskFullCode(error);
    if (code) throw new DiskFullError(dataDir, code, consequence);
    throw error;
  }
}
