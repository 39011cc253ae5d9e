// The signed-in user of this tab: their token is kept in sessionStorage only (never in a
// URL, a cookie or localStorage), so it is gone when the tab closes, and every API call
// sends it as "Authorization: Bearer <token>". What the role allows decides which
// controls the explorer shows (server/model/access.ts has the same table).
import type { SessionResponse } from '../../server/model/api';
import { roleAllows, type AccessGroup } from '../../server/model/roles';

const TOKEN_KEY = 'claimgraph-token';

export function storedToken(): string | undefined {
  try {
    return sessionStorage.getItem(TOKEN_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

export function storeToken(token: string): void {
  sessionStorage.setItem(TOKEN_KEY, token);
}

export function forgetToken(): void {
  sessionStorage.removeItem(TOKEN_KEY);
}

/** The Authorization header of the stored token, or none. */
export function authorizationHeader(): Record<string, string> {
  const token = storedToken();
  return token ? { authorization: `Bearer ${token}` } : {};
}

/** Whether the session may use a route group: reads are open to anyone where the server says so. */
export function sessionAllows(session: SessionResponse, group: AccessGroup): boolean {
  if (group === 'read' && session.reads === 'open') return true;
  if (!session.user) return false;
  if (group !== 'read' && !session.writes) return false;
  return roleAllows(session.user.role, group);
}

/** Whether the page must ask for a token before it can show anything. */
export function needsSignIn(session: SessionResponse): boolean {
  return session.reads === 'signed-in' && !session.user;
}

/** "eddie · editor", for the header. */
export function sessionLabel(session: SessionResponse): string | undefined {
  return session.user ? `${session.user.name} · ${session.user.role}` : undefined;
}
