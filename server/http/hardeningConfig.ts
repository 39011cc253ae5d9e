// The defensive settings the app takes as one group: the CORS allow-list, trust proxy,
// the request time budget and the export cap. Each is declared, defaulted and parsed in
// server/config.ts (off or strict unless configured; a bad value names its variable);
// this module names the group and reads each of its variables alone.
import {
  DEFAULT_CONFIG,
  parseSetting,
  settingFromEnv,
  type Environment,
  type ServerConfig,
  type TrustProxySetting,
} from '../config';

export { DEFAULT_MAX_EXPORT_CLAIMS, DEFAULT_REQUEST_TIMEOUT_MS, type TrustProxySetting } from '../config';

/**
 * The most bytes (UTF-8, before compression) one /api/export may send: refused (400)
 * when it is known to be longer before its first byte leaves, cut (the connection closed
 * before the end of the body) when it gets there later. No variable sets it.
 */
export const DEFAULT_MAX_EXPORT_BYTES = DEFAULT_CONFIG.maxExportBytes;

export type HardeningConfig = Pick<
  ServerConfig,
  'corsOrigins' | 'trustProxy' | 'requestTimeoutMs' | 'maxExportClaims'
> & {
  /** Default DEFAULT_MAX_EXPORT_BYTES. */
  maxExportBytes?: number;
};

/** A group's values out of a whole configuration. */
export function hardeningOf(config: Readonly<HardeningConfig>): HardeningConfig {
  return {
    corsOrigins: config.corsOrigins,
    trustProxy: config.trustProxy,
    requestTimeoutMs: config.requestTimeoutMs,
    maxExportClaims: config.maxExportClaims,
  };
}

export const defaultHardening: HardeningConfig = hardeningOf(DEFAULT_CONFIG);

export const parseCorsOrigins = (text: string | undefined): string[] => parseSetting('corsOrigins', text);
export const parseTrustProxy = (text: string | undefined): TrustProxySetting => parseSetting('trustProxy', text);
export const parseRequestTimeout = (text: string | undefined): number => parseSetting('requestTimeoutMs', text);
export const parseMaxExportClaims = (text: string | undefined): number => parseSetting('maxExportClaims', text);

export function hardeningFromEnv(env: Environment): HardeningConfig {
  return {
    corsOrigins: settingFromEnv('corsOrigins', env),
    trustProxy: settingFromEnv('trustProxy', env),
    requestTimeoutMs: settingFromEnv('requestTimeoutMs', env),
    maxExportClaims: settingFromEnv('maxExportClaims', env),
  };
}
