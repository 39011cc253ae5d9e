// The token every write form sends: the signed-in user's (session.ts). A form whose field
// the user fills in signs them in for the tab, so typing it once serves every write.
import { storedToken as sessionToken, storeToken as keepToken } from './session';

export function storedToken(): string {
  return sessionToken() ?? '';
}

export function storeToken(token: string): void {
  if (token !== '') keepToken(token);
}
