// The server's defensive settings from the environment. Each is off or strict
// unless configured, and a bad value stops the server with a message naming the
// variable, rather than silently falling back to something looser:
//   CLAIMGRAPH_CORS_ORIGINS        comma list of origins allowed cross-origin reads (default: none, CORS off)
//   CLAIMGRAPH_TRUST_PROXY         proxy hops to trust, or a comma list of addresses/subnets/loopback… (default: off)
//   CLAIMGRAPH_REQUEST_TIMEOUT_MS  each request's time budget before it answers 503 (default 10000)
//   CLAIMGRAPH_MAX_EXPORT_CLAIMS   the most claims one /api/export may carry (default 250000)
export type TrustProxySetting = false | number | string[];

export interface HardeningConfig {
  /** Exact origins (scheme://host[:port]) that may read the API from a browser; empty: CORS off. */
  corsOrigins: string[];
  /** Express's `trust proxy`; false unless configured, so X-Forwarded-For cannot spoof the client address. */
  trustProxy: TrustProxySetting;
  requestTimeoutMs: number;
  /** An export carrying more claims than this is refused (400) rather than built in memory. */
  maxExportClaims: number;
}

export const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_EXPORT_CLAIMS = 250_000;
const MAX_REQUEST_TIMEOUT_MS = 600_000;

export const defaultHardening: HardeningConfig = { corsOrigins: [], trustProxy: false, requestTimeoutMs: DEFAULT_REQUEST_TIMEOUT_MS, maxExportClaims: DEFAULT_MAX_EXPORT_CLAIMS };

export class ConfigError extends Error {}

function commaList(text: string): string[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

export function parseCorsOrigins(text: string | undefined): string[] {
  if (text === undefined || text.trim() === '') return [];
  return commaList(text).map((origin) => {
    let url: URL;
    try {
      url = new URL(origin);
    } catch {
      throw new ConfigError(`CLAIMGRAPH_CORS_ORIGINS: "${origin}" is not an origin such as https://example.org`);
    }
    // A wildcard or a path would widen or blur the allow-list: only exact origins.
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin !== origin || origin.includes('*')) {
      throw new ConfigError(`CLAIMGRAPH_CORS_ORIGINS: "${origin}" is not an origin such as https://example.org (scheme, host and port only, no path, no wildcard)`);
    }
    return origin;
  });
}

const PROXY_ITEM = /^(loopback|linklocal|uniquelocal|[0-9a-fA-F.:]+(\/\d{1,3})?)$/;

export function parseTrustProxy(text: string | undefined): TrustProxySetting {
  if (text === undefined || text.trim() === '' || text.trim() === 'false' || text.trim() === '0') return false;
  const value = text.trim();
  if (/^\d+$/.test(value)) return Number(value);
  // "true" would believe any X-Forwarded-For, letting every client pick its own address (and rate-limit bucket).
  const items = commaList(value);
  const bad = items.find((item) => !PROXY_ITEM.test(item));
  if (bad !== undefined || items.length === 0) {
    throw new ConfigError(
      `CLAIMGRAPH_TRUST_PROXY: "${bad ?? value}" is not a number of proxy hops or a list of proxy addresses (such as 1, or loopback, or 10.0.0.0/8); "true" is refused because it trusts any client`,
    );
  }
  return items;
}

export function parseRequestTimeout(text: string | undefined): number {
  if (text === undefined || text.trim() === '') return DEFAULT_REQUEST_TIMEOUT_MS;
  const value = text.trim();
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > MAX_REQUEST_TIMEOUT_MS) {
    throw new ConfigError(`CLAIMGRAPH_REQUEST_TIMEOUT_MS must be a whole number of milliseconds from 1 to ${MAX_REQUEST_TIMEOUT_MS}, not "${text}"`);
  }
  return Number(value);
}

export function parseMaxExportClaims(text: string | undefined): number {
  if (text === undefined || text.trim() === '') return DEFAULT_MAX_EXPORT_CLAIMS;
  const value = text.trim();
  if (!/^\d+$/.test(value) || Number(value) < 1 || !Number.isSafeInteger(Number(value))) {
    throw new ConfigError(`CLAIMGRAPH_MAX_EXPORT_CLAIMS must be a whole number of claims of at least 1, not "${text}"`);
  }
  return Number(value);
}

export function hardeningFromEnv(env: NodeJS.ProcessEnv): HardeningConfig {
  return {
    corsOrigins: parseCorsOrigins(env.CLAIMGRAPH_CORS_ORIGINS),
    trustProxy: parseTrustProxy(env.CLAIMGRAPH_TRUST_PROXY),
    requestTimeoutMs: parseRequestTimeout(env.CLAIMGRAPH_REQUEST_TIMEOUT_MS),
    maxExportClaims: parseMaxExportClaims(env.CLAIMGRAPH_MAX_EXPORT_CLAIMS),
  };
}
