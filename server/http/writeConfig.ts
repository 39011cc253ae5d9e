// The write API's configuration from the environment: CLAIMGRAPH_TOKEN (unset or empty:
// writes are off and answer 403) and CLAIMGRAPH_WRITE_RATE_LIMIT (writes per minute from
// one address; default 120; 0 turns the limit off).
import type { WriteRateLimit } from './writeGuards';
import { DEFAULT_WRITE_RATE_LIMIT } from './writeGuards';

export interface WriteConfig {
  token?: string;
  rateLimit: WriteRateLimit | false;
}

export function writeConfigFromEnv(env: NodeJS.ProcessEnv): WriteConfig {
  const token = env.CLAIMGRAPH_TOKEN === undefined || env.CLAIMGRAPH_TOKEN === '' ? undefined : env.CLAIMGRAPH_TOKEN;
  const limitText = env.CLAIMGRAPH_WRITE_RATE_LIMIT;
  if (limitText === undefined || limitText === '') return { token, rateLimit: DEFAULT_WRITE_RATE_LIMIT };
  if (!/^\d+$/.test(limitText)) throw new Error(`CLAIMGRAPH_WRITE_RATE_LIMIT must be a whole number of writes per minute (0: no limit), not "${limitText}"`);
  const limit = Number(limitText);
  return { token, rateLimit: limit === 0 ? false : { limit, windowMs: 60_000 } };
}
