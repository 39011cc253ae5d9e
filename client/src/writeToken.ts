// The write token the curator typed (the server's CLAIMGRAPH_TOKEN), kept for the tab's
// session under the key the review panel uses, so typing it once serves every write.
export const TOKEN_KEY = 'claimgraph-write-token';

export function storedToken(): string {
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

export function storeToken(token: string): void {
  sessionStorage.setItem(TOKEN_KEY, token);
}
