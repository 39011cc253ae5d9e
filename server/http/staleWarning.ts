// While the PostgreSQL store cannot reach its database, reads are still answered from the
// graph in memory, which may miss what other servers wrote since: every answer then says
// so in a Warning header (RFC 7234's 199 "miscellaneous warning"), and writes answer 503.
import type { RequestHandler } from 'express';

export const STALE_WARNING = '199 claimgraph "database unreachable; answers may be stale"';

/** `unreachable()`: why the store's database cannot be reached now, or undefined. */
export function staleWarning(unreachable: () => string | undefined): RequestHandler {
  return (_req, res, next) => {
    if (unreachable() !== undefined) res.setHeader('Warning', STALE_WARNING);
    next();
  };
}
