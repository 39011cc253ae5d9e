// Who a request comes from, and whether their role opens the route. A bearer token is
// looked up among the data folder's users (users.json, re-read whenever the file changes,
// so `claimgraph users revoke` takes effect on the next request without a restart) and
// CLAIMGRAPH_TOKEN, which stands for one admin named `token`. Every known token is
// compared in constant time (SHA-256 of both sides, then timingSafeEqual). Reads need a
// reader when the server's reads are private; the review queue, curation and the users
// route always need their role (server/model/access.ts).
import crypto from 'node:crypto';
import fs from 'node:fs';
import type { RequestHandler, Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { WriteRateLimit } from '../config';
import { readUsersFile, usersPath } from '../load';
import {
  ENVIRONMENT_TOKEN_USER,
  ROLE_NEEDED,
  roleAllows,
  type AccessGroup,
  type User,
  type UserRecord,
} from '../model/access';
import { ForbiddenError, TooManyRequestsError, UnauthorizedError } from './errors';

function digest(text: string): Buffer {
  return crypto.createHash('sha256').update(text, 'utf8').digest();
}

interface KnownToken {
  hash: Buffer;
  user: User;
}

/** The users a server knows: the data folder's users file (if any) and CLAIMGRAPH_TOKEN. */
export class UserDirectory {
  private known: KnownToken[] = [];
  private records: readonly UserRecord[] = [];
  private fileStamp = '';

  constructor(
    private readonly dataDir: string | undefined,
    private readonly environmentToken: string | undefined,
    private readonly warn: (message: string) => void = (message) => console.error(message),
    /** The users when there is no users file to read (a database-backed server read them at start-up). */
    private readonly fixed: readonly UserRecord[] = [],
  ) {
    this.refresh(true);
  }

  /** The user a token belongs to, or undefined for a token nobody holds (or a revoked one). */
  identify(token: string): User | undefined {
    this.refresh(false);
    const given = digest(token);
    let found: User | undefined;
    // Every entry is compared, so the time taken says nothing about which one matched.
    for (const entry of this.known) if (crypto.timingSafeEqual(given, entry.hash)) found = entry.user;
    return found;
  }

  /** Everyone in the users file, revoked ones included, and the CLAIMGRAPH_TOKEN admin. */
  list(): Array<Omit<UserRecord, 'tokenHash'> & { source: 'users.json' | 'CLAIMGRAPH_TOKEN' }> {
    this.refresh(false);
    const fromFile = this.records.map(({ tokenHash: _hash, ...rest }) => ({ ...rest, source: 'users.json' as const }));
    return this.environmentToken
      ? [
          ...fromFile,
          {
            name: ENVIRONMENT_TOKEN_USER,
            role: 'admin',
            createdAt: 'at start-up',
            source: 'CLAIMGRAPH_TOKEN' as const,
          },
        ]
      : fromFile;
  }

  /** Whether anyone could write: an editor or admin who is not revoked. */
  hasWriters(): boolean {
    this.refresh(false);
    return this.known.some((entry) => roleAllows(entry.user.role, 'curate'));
  }

  /**
   * Re-reads the users file when its size, time or inode changed. A file broken by hand
   * keeps the users read before (and says so), so a typo never locks everyone out.
   */
  private refresh(first: boolean): void {
    if (this.dataDir === undefined) {
      if (first) this.rebuild(this.fixed);
      return;
    }
    let stamp = 'absent';
    try {
      const stat = fs.statSync(usersPath(this.dataDir));
      stamp = `${stat.ino}:${stat.size}:${stat.mtimeMs}`;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    if (stamp === this.fileStamp && !first) return;
    this.fileStamp = stamp;
    try {
      this.rebuild(readUsersFile(this.dataDir).users);
    } catch (error) {
      if (first) throw error;
      this.warn(`claimgraph: ${(error as Error).message}; keeping the users read before`);
    }
  }

  /**
   * For a database-backed server: the users as the database holds them now (read every
   * second by watchDatabaseUsers), in place of those read at start-up.
   */
  replaceUsers(records: readonly UserRecord[]): void {
    this.rebuild(records);
  }

  private stopWatching: (() => Promise<void>) | undefined;

  /** What stops the watching of the users' source when the server closes. */
  watchedBy(stop: () => Promise<void>): void {
    this.stopWatching = stop;
  }

  async close(): Promise<void> {
    await this.stopWatching?.();
  }

  private rebuild(records: readonly UserRecord[]): void {
    this.records = records;
    const known: KnownToken[] = records
      .filter((record) => record.revokedAt === undefined)
      .map((record) => ({
        hash: Buffer.from(record.tokenHash, 'hex'),
        user: { name: record.name, role: record.role },
      }));
    if (this.environmentToken)
      known.push({ hash: digest(this.environmentToken), user: { name: ENVIRONMENT_TOKEN_USER, role: 'admin' } });
    this.known = known;
  }
}

/** The user a request was identified as (by `authenticate`), if any. */
export function requestUser(res: Response): User | undefined {
  return res.locals.user as User | undefined;
}

const BEARER = /^Bearer[ ]+(\S+)[ ]*$/i;

/**
 * Identifies the request's user from its bearer token. No Authorization header is an
 * anonymous request (the route's access decides); a malformed header or an unknown token
 * is a 401 at once, on every route, so a client learns its token is wrong.
 */
export function authenticate(users: UserDirectory): RequestHandler {
  return (req, res, next) => {
    const header = req.get('Authorization');
    if (header === undefined) return next();
    const match = BEARER.exec(header);
    res.set('WWW-Authenticate', 'Bearer realm="claimgraph"');
    if (!match) return next(new UnauthorizedError('the Authorization header must be "Bearer <token>", with one token'));
    const user = users.identify(match[1]);
    if (!user)
      return next(
        new UnauthorizedError(
          'the bearer token is not known to this server: it was revoked, or never issued (`claimgraph users list` shows who exists)',
        ),
      );
    res.removeHeader('WWW-Authenticate');
    res.locals.user = user;
    next();
  };
}

/** How a server treats anonymous reads: open (loopback, or --public-reads) or closed. */
export interface ReadPolicy {
  readsNeedToken: boolean;
}

/** Refuses a request whose user (or lack of one) the route's group does not admit. */
export function requireAccess(group: AccessGroup, policy: ReadPolicy): RequestHandler {
  const role = ROLE_NEEDED[group];
  return (_req, res, next) => {
    const user = requestUser(res);
    if (group === 'read' && !policy.readsNeedToken) return next();
    if (!user) {
      res.set('WWW-Authenticate', 'Bearer realm="claimgraph"');
      return next(
        new UnauthorizedError(
          `this route needs a signed-in ${role}: send the header "Authorization: Bearer <token>" with a token from \`claimgraph users add NAME --role ${role}\``,
        ),
      );
    }
    if (!roleAllows(user.role, group))
      return next(new ForbiddenError(`user "${user.name}" is a ${user.role}; this route needs the ${role} role`));
    next();
  };
}

/** The write rate limit counted per user as well as per address: one user's burst is theirs alone. */
export function perUserRateLimit(options: WriteRateLimit): RequestHandler {
  return rateLimit({
    windowMs: options.windowMs,
    limit: options.limit,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    validate: { xForwardedForHeader: false, keyGeneratorIpFallback: false },
    keyGenerator: (_req, res) => `user:${requestUser(res)?.name ?? ''}`,
    handler: (_req, res, next) =>
      next(
        new TooManyRequestsError(
          `too many writes: at most ${options.limit} every ${options.windowMs / 1000} s from user "${requestUser(res)?.name}"; wait and retry (see the Retry-After header)`,
        ),
      ),
  });
}
