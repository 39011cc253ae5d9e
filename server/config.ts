// The server's one configuration: every environment variable and every cap, declared
// once, the way sigma's settings.ts does it: the declarations (below), the defaults
// derived from them, a validating parser per variable, and configFromEnv, which
// resolves defaults ← environment ← command-line flags. This is the only module that
// reads process.env. A bad value throws a ConfigError whose message is one line naming
// the variable (or flag) and what it expects; the entry points turn it into exit code 2.
// README's settings tables are checked against these declarations (tests/security/settings.test.ts).
//
// Adding a setting is one entry in `settings`: its default, what README says about it,
// and, if a variable sets it, the variable's name and parser. Nothing here imports our
// other layers (only paths.ts, for where the package is), so any of them may read it;
// model/ imports nothing of ours, and its request bounds (depth 1–3, limit ≤ 1000…) stay
// in its zod schemas, which are the API's contract with the client.
import net from 'node:net';
import path from 'node:path';
import { MAX_ATTRIBUTE_DEPTH, MAX_DATA_FILE_BYTES, MAX_INPUT_FILE_BYTES, MAX_XML_DEPTH } from './model/inputLimits';
import { defaultDataDir } from './paths';

/** A setting's value is not one it takes; the message names the variable or flag and what it expects. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

export type Environment = Readonly<Record<string, string | undefined>>;

export interface WriteRateLimit {
  /** Writes allowed per client address in each window. */
  limit: number;
  windowMs: number;
}

/** Who may read (README, "Users and access"). */
export type ReadAccess = 'auto' | 'private' | 'public';

function parseReadAccess(text: string, source: string): ReadAccess {
  if (text === 'auto' || text === 'private' || text === 'public') return text;
  throw new ConfigError(`${source} must be auto, private or public, not "${text}"`);
}

/** Whether an address is this machine only (127.0.0.0/8, ::1, localhost). */
export function isLoopbackHost(host: string | undefined): boolean {
  if (host === undefined) return false;
  const bare = host.replace(/^\[|\]$/g, '');
  return bare === 'localhost' || bare === '::1' || /^127\.\d+\.\d+\.\d+$/.test(bare) || bare === '::ffff:127.0.0.1';
}

/** Whether reads need a reader's token, given the interface and the `reads` setting. */
export function readsNeedToken(reads: ReadAccess, host: string | undefined): boolean {
  if (reads === 'private') return true;
  if (reads === 'public') return false;
  return !isLoopbackHost(host);
}

/** Express's `trust proxy`: off, a number of hops, or the proxies' addresses and subnets. */
export type TrustProxySetting = false | number | string[];

interface SettingDeclaration<T> {
  default: T;
  /** The default as README's table shows it. */
  shown: string;
  /** What it is, as README's table says it. */
  what: string;
}

/** A setting the environment sets; `parse` reads a non-empty value and throws ConfigError naming `source`. */
interface VariableSetting<T> extends SettingDeclaration<T> {
  env: string;
  parse: (text: string, source: string) => T;
}

/** A cap fixed in code. */
interface FixedSetting<T> extends SettingDeclaration<T> {
  env?: undefined;
}

type Setting<T> = VariableSetting<T> | FixedSetting<T>;

const setting = <T>(declaration: Setting<T>): Setting<T> => declaration;

function commaList(text: string): string[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

function parsePortNumber(text: string, source: string): number {
  if (!/^\d+$/.test(text) || Number(text) > 65535)
    throw new ConfigError(`${source} must be a port number from 0 to 65535, not "${text}"`);
  return Number(text);
}

const HOST_NAME =
  /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

function parseHost(text: string, source: string): string {
  if (net.isIP(text) === 0 && !HOST_NAME.test(text))
    throw new ConfigError(
      `${source} must be an IP address or a host name, such as 127.0.0.1, ::1 or localhost, not "${text}"`,
    );
  return text;
}

function parseWriteRateLimit(text: string, source: string): WriteRateLimit | false {
  if (!/^\d+$/.test(text))
    throw new ConfigError(`${source} must be a whole number of writes per minute (0: no limit), not "${text}"`);
  const limit = Number(text);
  return limit === 0 ? false : { limit, windowMs: 60_000 };
}

function parseCorsOriginList(text: string, source: string): string[] {
  return commaList(text).map((origin) => {
    let url: URL;
    try {
      url = new URL(origin);
    } catch {
      throw new ConfigError(`${source}: "${origin}" is not an origin such as https://example.org`);
    }
    // A wildcard or a path would widen or blur the allow-list: only exact origins.
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin !== origin || origin.includes('*')) {
      throw new ConfigError(
        `${source}: "${origin}" is not an origin such as https://example.org (scheme, host and port only, no path, no wildcard)`,
      );
    }
    return origin;
  });
}

function parseDatabaseUrl(text: string, source: string): string {
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:'))
    throw new ConfigError(`${source} must be a PostgreSQL URL such as postgres://user@localhost:5432/claimgraph`);
  return text;
}

const PROXY_ITEM = /^(loopback|linklocal|uniquelocal|[0-9a-fA-F.:]+(\/\d{1,3})?)$/;

function parseTrustProxyList(text: string, source: string): TrustProxySetting {
  const value = text.trim();
  if (value === '' || value === 'false' || value === '0') return false;
  if (/^\d+$/.test(value)) return Number(value);
  // "true" would believe any X-Forwarded-For, letting every client pick its own address (and rate-limit bucket).
  const items = commaList(value);
  const bad = items.find((item) => !PROXY_ITEM.test(item));
  if (bad !== undefined || items.length === 0) {
    throw new ConfigError(
      `${source}: "${bad ?? value}" is not a number of proxy hops or a list of proxy addresses (such as 1, or loopback, or 10.0.0.0/8); "true" is refused because it trusts any client`,
    );
  }
  return items;
}

const MAX_REQUEST_TIMEOUT_MS = 600_000;

/** A model server's base URL: http(s), no credentials in it (CLAIMGRAPH_LLM_KEY carries a key), no query. */
function parseModelServerUrl(text: string, source: string): string {
  const expects = `${source} must be an http(s) base URL such as http://127.0.0.1:11434/v1`;
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new ConfigError(`${expects}, not "${text}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError(`${expects}, not "${text}"`);
  if (url.username !== '' || url.password !== '')
    throw new ConfigError(`${source} must not carry credentials: give the key in CLAIMGRAPH_LLM_KEY`);
  if (url.search !== '' || url.hash !== '')
    throw new ConfigError(`${expects}, without a query or fragment, not "${text}"`);
  return url.href.replace(/\/+$/, '');
}

/** A whole number from `min` to `max`; blank text is the default. */
function wholeNumber(min: number, max: number, fallback: number, expects: (source: string, text: string) => string) {
  return (text: string, source: string): number => {
    const value = text.trim();
    if (value === '') return fallback;
    if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max)
      throw new ConfigError(expects(source, text));
    return Number(value);
  };
}

/**
 * Every setting, in the order README's tables list them. Variables first (README's
 * settings table), then the caps fixed in code (README's caps table).
 */
export const settings = {
  /** The port to listen on; 0 takes any free port. */
  port: setting<number>({
    env: 'PORT',
    default: 3000,
    shown: '3000',
    what: 'the port `npm start` and `claimgraph serve` listen on (`0`: any free port); `--port` overrides it',
    parse: parsePortNumber,
  }),
  /** The interface to listen on: loopback unless told otherwise, so an investigation is not on the network by accident. */
  host: setting<string | undefined>({
    env: 'HOST',
    default: '127.0.0.1',
    shown: '`127.0.0.1`: this machine only',
    what: 'the interface to listen on, e.g. `0.0.0.0` for every one; `--host` overrides it',
    parse: parseHost,
  }),
  /** Who may read: `auto` (anyone on loopback, signed-in readers elsewhere), `private` (always signed in), `public`. */
  reads: setting<ReadAccess>({
    env: 'CLAIMGRAPH_READS',
    default: 'auto',
    shown: '`auto`',
    what: 'who may read: `auto` (anyone when listening on loopback, else readers with a token), `private` (`--private`), `public` (`--public-reads`)',
    parse: parseReadAccess,
  }),
  /** The data folder (absolute). */
  dataDir: setting<string>({
    env: 'CLAIMGRAPH_DATA',
    default: defaultDataDir,
    shown: 'the embedded `graph-data/`',
    what: 'the data folder every command reads; `--data DIR` overrides it',
    parse: (text) => path.resolve(text),
  }),
  /** The PostgreSQL database to serve and read instead of the data folder (README, "Running for a team"). */
  databaseUrl: setting<string | undefined>({
    env: 'CLAIMGRAPH_DATABASE_URL',
    default: undefined,
    shown: 'unset: the data folder',
    what: 'a PostgreSQL URL (`postgres://user@host:5432/claimgraph`) that `serve`, `validate`, `export` and `db` use instead of the data folder; `--database URL` overrides it',
    parse: parseDatabaseUrl,
  }),
  /** Where computed layouts and start-up caches are kept (absolute); undefined: in the data folder's `.claimgraph/`. */
  cacheDir: setting<string | undefined>({
    env: 'CLAIMGRAPH_CACHE_DIR',
    default: undefined,
    shown: 'unset: `.claimgraph/layouts/` and `.claimgraph/startup/` in the data folder',
    what: "where computed layouts are cached, by the data's content hash, and each data folder's start-up cache (`startup/`); set it when the data folder is read-only",
    parse: (text) => path.resolve(text),
  }),
  /** The write API's bearer token; undefined turns writes off (403). */
  token: setting<string | undefined>({
    env: 'CLAIMGRAPH_TOKEN',
    default: undefined,
    shown: 'unset',
    what: 'the token of one admin user named `token`, beside the users of `claimgraph users`; with neither, writes are off',
    parse: (text) => text,
  }),
  /** Writes per client address per window; false: no limit. */
  writeRateLimit: setting<WriteRateLimit | false>({
    env: 'CLAIMGRAPH_WRITE_RATE_LIMIT',
    default: { limit: 120, windowMs: 60_000 },
    shown: '120',
    what: 'writes per minute per client address, and per user; `0` turns the limit off',
    parse: parseWriteRateLimit,
  }),
  /** Exact origins (scheme://host[:port]) that may read the API from a browser; empty: CORS off. */
  corsOrigins: setting<string[]>({
    env: 'CLAIMGRAPH_CORS_ORIGINS',
    default: [],
    shown: 'unset: CORS off',
    what: 'comma list of origins allowed to read the API from a browser, e.g. `https://graph.example.org`',
    parse: parseCorsOriginList,
  }),
  /** Express's `trust proxy`; false unless configured, so X-Forwarded-For cannot spoof the client address. */
  trustProxy: setting<TrustProxySetting>({
    env: 'CLAIMGRAPH_TRUST_PROXY',
    default: false,
    shown: 'unset: off',
    what: 'proxy hops to trust (`1`) or proxy addresses (`loopback`, `10.0.0.0/8`)',
    parse: parseTrustProxyList,
  }),
  /** Each request's time budget before it answers 503. */
  requestTimeoutMs: setting<number>({
    env: 'CLAIMGRAPH_REQUEST_TIMEOUT_MS',
    default: 10_000,
    shown: '10000',
    what: "each request's time budget, in milliseconds (at most 600000)",
    parse: wholeNumber(
      1,
      MAX_REQUEST_TIMEOUT_MS,
      10_000,
      (source, text) =>
        `${source} must be a whole number of milliseconds from 1 to ${MAX_REQUEST_TIMEOUT_MS}, not "${text}"`,
    ),
  }),
  /** The base URL of an OpenAI-compatible model server; set, articles are extracted by its model (checked, rules as fallback). */
  llmUrl: setting<string | undefined>({
    env: 'CLAIMGRAPH_LLM_URL',
    default: undefined,
    shown: 'unset: the rule extractor',
    what: 'base URL of an OpenAI-compatible chat-completions server, e.g. `http://127.0.0.1:11434/v1` (Ollama); with `CLAIMGRAPH_LLM_MODEL`, articles are extracted by that model (see "Using a model")',
    parse: parseModelServerUrl,
  }),
  /** The model's name on that server. */
  llmModel: setting<string | undefined>({
    env: 'CLAIMGRAPH_LLM_MODEL',
    default: undefined,
    shown: 'unset',
    what: "the model's name on that server, e.g. `qwen2.5:7b`; needed with `CLAIMGRAPH_LLM_URL`",
    parse: (text) => text.trim(),
  }),
  /** Sent as `Authorization: Bearer <key>` to the model server; never logged. */
  llmKey: setting<string | undefined>({
    env: 'CLAIMGRAPH_LLM_KEY',
    default: undefined,
    shown: 'unset: no `Authorization` header',
    what: 'an API key for the model server, sent as `Authorization: Bearer <key>` and never logged',
    parse: (text) => text,
  }),
  /** How long one answer of the model may take; past it, the rule extractor is used. */
  llmTimeoutMs: setting<number>({
    env: 'CLAIMGRAPH_LLM_TIMEOUT_MS',
    default: 60_000,
    shown: '60000',
    what: 'milliseconds the model server has to answer one article (at most 600000); past it the rule extractor is used, with a warning. `POST /api/documents` waits within `CLAIMGRAPH_REQUEST_TIMEOUT_MS`: raise that too',
    parse: wholeNumber(
      1,
      MAX_REQUEST_TIMEOUT_MS,
      60_000,
      (source, text) =>
        `${source} must be a whole number of milliseconds from 1 to ${MAX_REQUEST_TIMEOUT_MS}, not "${text}"`,
    ),
  }),
  /** An export carrying more claims than this is refused (400) rather than built in memory. */
  maxExportClaims: setting<number>({
    env: 'CLAIMGRAPH_MAX_EXPORT_CLAIMS',
    default: 250_000,
    shown: '250000',
    what: 'the most claims one `/api/export` may carry',
    parse: wholeNumber(
      1,
      Number.MAX_SAFE_INTEGER,
      250_000,
      (source, text) => `${source} must be a whole number of claims of at least 1, not "${text}"`,
    ),
  }),
  /** The most bytes (UTF-8, before compression) one /api/export may send: refused when known to be longer, cut past it. */
  maxExportBytes: setting<number>({
    default: 2 ** 30,
    shown: '1073741824 (1 GiB)',
    what: 'bytes (UTF-8, before compression) one `/api/export` may send; refused with `400` when known to be longer before its first byte, cut after',
  }),
  /** Without `limit`, a neighbourhood larger than this is cut to it (hubs first), and the answer says so. */
  neighbourhoodCap: setting<number>({
    default: 1000,
    shown: '1000',
    what: 'entities in a neighbourhood asked for without `limit`; more are cut, hubs first, and the answer says so',
  }),
  /** The claims a `top` view carries at most (about 15 MB of JSON): it stops adding entities before that. */
  topMaxClaims: setting<number>({
    default: 20_000,
    shown: '20000',
    what: 'claims in a `/api/graph?top=N` view; it stops adding entities before that',
  }),
  /** A write's body larger than this is refused (413). */
  bodyLimitBytes: setting<number>({
    default: 1_000_000,
    shown: '1000000',
    what: "bytes in a write's body; a larger one is refused with `413`",
  }),
  /** The bound of the cache of rendered answers. */
  responseCacheBytes: setting<number>({
    default: 128 * 1024 * 1024,
    shown: '134217728 (128 MiB)',
    what: 'bytes of rendered answers kept for repeated requests',
  }),
  /** The largest article (UTF-8 bytes, header line included) the extractor takes; larger is 413. */
  maxArticleBytes: setting<number>({
    default: 262_144,
    shown: '262144',
    what: 'bytes in an article given to the extractor (`POST /api/documents`, `ingest`, `extract`); a larger one is refused with `413`',
  }),
  /** One extraction's wall-clock limit, from when its worker has loaded the extractor; past it, 422. */
  extractionTimeLimitMs: setting<number>({
    default: 8_000,
    shown: '8000',
    what: "milliseconds one article's extraction may take in its worker thread; past it the article is refused with `422` (split it)",
  }),
  /** The extraction worker's own heap. */
  extractionHeapMb: setting<number>({
    default: 512,
    shown: '512',
    what: "MB of heap of the extraction worker thread, apart from the server's; past it the article is refused with `422`",
  }),
  /** Extractions at once; more wait for a free worker within their request's budget. */
  extractionWorkers: setting<number>({
    default: 1,
    shown: '1',
    what: "extractions running at once; the others wait within their request's time budget",
  }),
  /** A data folder file larger than this is refused from its size before it is read. */
  maxDataFileBytes: setting<number>({
    default: MAX_DATA_FILE_BYTES,
    shown: '512000000 (512 MB)',
    what: 'bytes in one data folder file (entities, claims, a document, proposals); records can be split into `entities/` and `claims/` folders',
  }),
  /** An import's input file larger than this is refused from its size. */
  maxImportFileBytes: setting<number>({
    default: MAX_INPUT_FILE_BYTES,
    shown: '512000000 (512 MB)',
    what: 'bytes in one file given to `claimgraph import`',
  }),
  /** How deep `attributes` may nest objects and arrays, at load and at import. */
  maxAttributeDepth: setting<number>({
    default: MAX_ATTRIBUTE_DEPTH,
    shown: '32',
    what: "levels of objects and arrays in an entity's or claim's `attributes`; deeper is a load or import problem naming the field",
  }),
  /** How deep a GEXF or GraphML file's elements may nest. */
  maxXmlDepth: setting<number>({
    default: MAX_XML_DEPTH,
    shown: '256',
    what: 'levels of elements in an imported GEXF or GraphML file; deeper is refused naming the line',
  }),
};

type Settings = typeof settings;
type ValueOf<S> = S extends Setting<infer T> ? T : never;

/** The resolved configuration: one value per setting. */
export type ServerConfig = { -readonly [K in keyof Settings]: ValueOf<Settings[K]> };

export const DEFAULT_CONFIG: Readonly<ServerConfig> = Object.freeze(
  Object.fromEntries(Object.entries(settings).map(([key, declared]) => [key, declared.default])) as ServerConfig,
);

export const DEFAULT_REQUEST_TIMEOUT_MS = DEFAULT_CONFIG.requestTimeoutMs;
export const DEFAULT_MAX_EXPORT_CLAIMS = DEFAULT_CONFIG.maxExportClaims;
export const NEIGHBOURHOOD_CAP = DEFAULT_CONFIG.neighbourhoodCap;

/** Validates one setting's text, as given by `source` (its variable, or a flag); unset or empty is the default. */
export function parseSetting<K extends keyof Settings>(
  key: K,
  text: string | undefined,
  source?: string,
): ServerConfig[K] {
  const declared = settings[key] as Setting<ServerConfig[K]>;
  if (text === undefined || text === '' || declared.env === undefined) return declared.default;
  return declared.parse(text, source ?? declared.env);
}

/** One setting from the environment. */
export function settingFromEnv<K extends keyof Settings>(key: K, env: Environment): ServerConfig[K] {
  const variable = settings[key].env;
  return parseSetting(key, variable === undefined ? undefined : env[variable]);
}

/**
 * Resolves every setting: the default, else its variable in `env`, else the value in
 * `overrides` (command-line flags, already parsed). Every variable is validated, except
 * those an override replaces; the first bad one throws its ConfigError.
 */
export function configFromEnv(env: Environment, overrides: Partial<ServerConfig> = {}): ServerConfig {
  const config: Record<string, unknown> = {};
  for (const key of Object.keys(settings) as Array<keyof Settings>) {
    const override = overrides[key];
    config[key] = override !== undefined ? override : settingFromEnv(key, env);
  }
  modelServerOf(config as ServerConfig);
  return config as ServerConfig;
}

/** The model server articles are extracted with (README, "Using a model"). */
export interface ModelServerSettings {
  /** Base URL, without a trailing slash: `<url>/chat/completions` is called. */
  url: string;
  model: string;
  /** Sent as a bearer token; never logged. */
  key?: string;
  timeoutMs: number;
}

type ModelServerConfig = Pick<ServerConfig, 'llmUrl' | 'llmModel' | 'llmKey' | 'llmTimeoutMs'>;

/** The model server of a configuration, or undefined (the rule extractor); a URL without a model, or the reverse, is a ConfigError. */
export function modelServerOf(config: ModelServerConfig): ModelServerSettings | undefined {
  const { llmUrl: url, llmModel: model, llmKey: key } = config;
  if (url === undefined) {
    if (model !== undefined || key !== undefined)
      throw new ConfigError(
        `${model !== undefined ? 'CLAIMGRAPH_LLM_MODEL' : 'CLAIMGRAPH_LLM_KEY'} is set but CLAIMGRAPH_LLM_URL is not: give the model server's base URL, such as http://127.0.0.1:11434/v1`,
      );
    return undefined;
  }
  if (model === undefined || model === '')
    throw new ConfigError(
      "CLAIMGRAPH_LLM_URL is set but CLAIMGRAPH_LLM_MODEL is not: give the model's name on that server, such as qwen2.5:7b",
    );
  return { url, model, ...(key !== undefined ? { key } : {}), timeoutMs: config.llmTimeoutMs };
}

/** The model server of this process's environment alone (the CLI's `ingest` and `extract`, which read no other setting). */
export function modelServerFromEnv(env: Environment = processEnvironment()): ModelServerSettings | undefined {
  return modelServerOf({
    llmUrl: settingFromEnv('llmUrl', env),
    llmModel: settingFromEnv('llmModel', env),
    llmKey: settingFromEnv('llmKey', env),
    llmTimeoutMs: settingFromEnv('llmTimeoutMs', env),
  });
}

/**
 * This process's environment: the one read of process.env in the project. It is read
 * each time (not once at start) because tests set CLAIMGRAPH_CACHE_DIR and
 * CLAIMGRAPH_DATA in-process.
 */
function processEnvironment(): Environment {
  return process.env;
}

/** The configuration of this process: its environment, then `overrides`. */
export function processConfig(overrides: Partial<ServerConfig> = {}): ServerConfig {
  return configFromEnv(processEnvironment(), overrides);
}

/** The data folder from --data, then CLAIMGRAPH_DATA, then the embedded graph-data/. */
export function resolveDataDir(flag?: string): string {
  return flag !== undefined ? parseSetting('dataDir', flag, '--data') : settingFromEnv('dataDir', processEnvironment());
}

/** The database from --database, then CLAIMGRAPH_DATABASE_URL; undefined: the data folder. */
export function resolveDatabaseUrl(flag?: string): string | undefined {
  return flag !== undefined
    ? parseSetting('databaseUrl', flag, '--database')
    : settingFromEnv('databaseUrl', processEnvironment());
}

/** The layout cache set by CLAIMGRAPH_CACHE_DIR, read when a layout is looked up; undefined: the data folder's own. */
export function cacheDir(): string | undefined {
  return settingFromEnv('cacheDir', processEnvironment());
}
