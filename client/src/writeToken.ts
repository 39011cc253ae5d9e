// The token every write form sends: the signed-in user's, kept for the tab by the header's
// Sign in (session.ts); an empty one when nobody signed in, which the server answers 401.
import { storedToken as sessionToken } from './session';

export function storedToken(): string {
  return sessionToken() ?? '';
}
