// The one configuration (server/config.ts): README's settings tables are its
// declarations, it is the only module that reads the environment, every variable is
// read and validated there, and a bad value stops `claimgraph serve` and `npm start`
// with one line naming the variable and exit code 2, before anything is loaded.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { main } from '../../server/cli/main';
import { ConfigError, configFromEnv, DEFAULT_CONFIG, modelServerOf, settings } from '../../server/config';
import { defaultDataDir, packageRoot } from '../../server/paths';
import { assertServerBuilt, repoRoot } from '../api/childServer';
import { seedDir } from './hardeningApp';

type Declared = (typeof settings)[keyof typeof settings];

/** The rows of the markdown table whose header line is `header`. */
function tableRows(markdown: string, header: string): string[] {
  const lines = markdown.split('\n');
  const at = lines.indexOf(header);
  if (at === -1) throw new Error(`README.md has no table headed "${header}"`);
  const rows: string[] = [];
  for (const line of lines.slice(at + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(line);
  }
  return rows;
}

const declared = Object.entries(settings) as Array<[string, Declared]>;

describe("README's settings tables", () => {
  const readme = fs.readFileSync(path.join(packageRoot, 'README.md'), 'utf8');

  it('list every environment variable of server/config.ts, in its order, with its default and meaning', () => {
    const expected = declared
      .filter(([, setting]) => setting.env !== undefined)
      .map(([, setting]) => `| \`${setting.env}\` | ${setting.shown} | ${setting.what} |`);
    expect(tableRows(readme, '| variable | default | what |')).toEqual(expected);
    expect(expected.map((row) => row.split('`')[1])).toEqual([
      'PORT',
      'HOST',
      'CLAIMGRAPH_READS',
      'CLAIMGRAPH_DATA',
      'CLAIMGRAPH_DATABASE_URL',
      'CLAIMGRAPH_CACHE_DIR',
      'CLAIMGRAPH_TOKEN',
      'CLAIMGRAPH_WRITE_RATE_LIMIT',
      'CLAIMGRAPH_CORS_ORIGINS',
      'CLAIMGRAPH_TRUST_PROXY',
      'CLAIMGRAPH_REQUEST_TIMEOUT_MS',
      'CLAIMGRAPH_LLM_URL',
      'CLAIMGRAPH_LLM_MODEL',
      'CLAIMGRAPH_LLM_KEY',
      'CLAIMGRAPH_LLM_TIMEOUT_MS',
      'CLAIMGRAPH_MAX_EXPORT_CLAIMS',
    ]);
  });

  it('list every cap fixed in code with its value', () => {
    const expected = declared
      .filter(([, setting]) => setting.env === undefined)
      .map(([key, setting]) => `| \`${key}\` | ${setting.shown} | ${setting.what} |`);
    expect(tableRows(readme, '| cap | value | what |')).toEqual(expected);
    expect(expected.map((row) => row.split('`')[1])).toEqual([
      'maxExportBytes',
      'neighbourhoodCap',
      'topMaxClaims',
      'bodyLimitBytes',
      'responseCacheBytes',
      'maxArticleBytes',
      'extractionTimeLimitMs',
      'extractionHeapMb',
      'extractionWorkers',
      'maxDataFileBytes',
      'maxImportFileBytes',
      'maxAttributeDepth',
      'maxXmlDepth',
    ]);
  });

  it('show each default as the declarations have it', () => {
    const shown = Object.fromEntries(declared.map(([key, setting]) => [key, setting.shown]));
    expect(shown).toMatchObject({
      port: '3000',
      writeRateLimit: '120',
      requestTimeoutMs: '10000',
      maxExportClaims: '250000',
      neighbourhoodCap: '1000',
      topMaxClaims: '20000',
      bodyLimitBytes: '1000000',
    });
    expect([
      DEFAULT_CONFIG.port,
      DEFAULT_CONFIG.writeRateLimit,
      DEFAULT_CONFIG.requestTimeoutMs,
      DEFAULT_CONFIG.maxExportClaims,
    ]).toEqual([3000, { limit: 120, windowMs: 60_000 }, 10_000, 250_000]);
    expect([
      DEFAULT_CONFIG.neighbourhoodCap,
      DEFAULT_CONFIG.topMaxClaims,
      DEFAULT_CONFIG.bodyLimitBytes,
      DEFAULT_CONFIG.responseCacheBytes,
    ]).toEqual([1000, 20_000, 1_000_000, 134_217_728]);
  });
});

describe('the environment is read in one place', () => {
  function sourceFiles(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return sourceFiles(full);
      return /\.(ts|js)$/.test(entry.name) ? [full] : [];
    });
  }

  it('server/config.ts is the only module of the server, the client and bin/ that mentions process.env', () => {
    const files = ['server', 'client/src', 'bin'].flatMap((dir) => sourceFiles(path.join(repoRoot, dir)));
    expect(files.length).toBeGreaterThan(100);
    const readers = files
      .filter((file) => fs.readFileSync(file, 'utf8').includes('process.env'))
      .map((file) => path.relative(repoRoot, file));
    expect(readers).toEqual(['server/config.ts']);
  });
});

describe('configFromEnv', () => {
  it('is the defaults for an empty environment, empty values included', () => {
    expect(configFromEnv({})).toEqual(DEFAULT_CONFIG);
    expect(
      configFromEnv(Object.fromEntries(declared.flatMap(([, setting]) => (setting.env ? [[setting.env, '']] : [])))),
    ).toEqual(DEFAULT_CONFIG);
    expect(DEFAULT_CONFIG).toMatchObject({
      host: '127.0.0.1',
      reads: 'auto',
      token: undefined,
      dataDir: defaultDataDir,
      // The layout cache lives with the data (.claimgraph/layouts/ in the data folder), never in node_modules, which npm ci deletes.
      cacheDir: undefined,
    });
  });

  it('reads every variable', () => {
    const config = configFromEnv({
      PORT: '8080',
      HOST: '127.0.0.1',
      CLAIMGRAPH_DATA: 'relative/data',
      CLAIMGRAPH_DATABASE_URL: 'postgres://graph@db.example.org:5432/claimgraph',
      CLAIMGRAPH_CACHE_DIR: '/tmp/claimgraph-cache',
      CLAIMGRAPH_TOKEN: 's3cret',
      CLAIMGRAPH_WRITE_RATE_LIMIT: '5',
      CLAIMGRAPH_CORS_ORIGINS: 'https://graph.example.org',
      CLAIMGRAPH_TRUST_PROXY: '1',
      CLAIMGRAPH_REQUEST_TIMEOUT_MS: '2500',
      CLAIMGRAPH_LLM_URL: 'http://127.0.0.1:11434/v1/',
      CLAIMGRAPH_LLM_MODEL: 'qwen2.5:7b',
      CLAIMGRAPH_LLM_KEY: 'sk-local',
      CLAIMGRAPH_LLM_TIMEOUT_MS: '90000',
      CLAIMGRAPH_MAX_EXPORT_CLAIMS: '1000',
    });
    expect(config).toEqual({
      ...DEFAULT_CONFIG,
      port: 8080,
      host: '127.0.0.1',
      dataDir: path.resolve('relative/data'),
      databaseUrl: 'postgres://graph@db.example.org:5432/claimgraph',
      cacheDir: '/tmp/claimgraph-cache',
      token: 's3cret',
      writeRateLimit: { limit: 5, windowMs: 60_000 },
      corsOrigins: ['https://graph.example.org'],
      trustProxy: 1,
      requestTimeoutMs: 2500,
      llmUrl: 'http://127.0.0.1:11434/v1',
      llmModel: 'qwen2.5:7b',
      llmKey: 'sk-local',
      llmTimeoutMs: 90_000,
      maxExportClaims: 1000,
    });
    expect(modelServerOf(config)).toEqual({
      url: 'http://127.0.0.1:11434/v1',
      model: 'qwen2.5:7b',
      key: 'sk-local',
      timeoutMs: 90_000,
    });
    expect(modelServerOf(DEFAULT_CONFIG)).toBeUndefined();
    expect(DEFAULT_CONFIG.llmTimeoutMs).toBe(60_000);
    expect(configFromEnv({ CLAIMGRAPH_WRITE_RATE_LIMIT: '0', HOST: '::1' })).toMatchObject({
      writeRateLimit: false,
      host: '::1',
    });
  });

  it('lets a flag replace its variable, which is then not read', () => {
    expect(
      configFromEnv({ PORT: 'http', CLAIMGRAPH_DATA: '/elsewhere' }, { port: 4000, dataDir: '/given' }),
    ).toMatchObject({ port: 4000, dataDir: '/given' });
  });

  it.each([
    [{ PORT: '99999' }, 'PORT must be a port number from 0 to 65535, not "99999"'],
    [{ PORT: 'http' }, 'PORT must be a port number from 0 to 65535, not "http"'],
    [
      { HOST: 'local host' },
      'HOST must be an IP address or a host name, such as 127.0.0.1, ::1 or localhost, not "local host"',
    ],
    [
      { HOST: 'http://localhost' },
      'HOST must be an IP address or a host name, such as 127.0.0.1, ::1 or localhost, not "http://localhost"',
    ],
    [
      { CLAIMGRAPH_WRITE_RATE_LIMIT: 'abc' },
      'CLAIMGRAPH_WRITE_RATE_LIMIT must be a whole number of writes per minute (0: no limit), not "abc"',
    ],
    [
      { CLAIMGRAPH_WRITE_RATE_LIMIT: '-1' },
      'CLAIMGRAPH_WRITE_RATE_LIMIT must be a whole number of writes per minute (0: no limit), not "-1"',
    ],
    [
      { CLAIMGRAPH_DATABASE_URL: 'mysql://db.example.org/claimgraph' },
      'CLAIMGRAPH_DATABASE_URL must be a PostgreSQL URL such as postgres://user@localhost:5432/claimgraph',
    ],
    [
      { CLAIMGRAPH_REQUEST_TIMEOUT_MS: '0' },
      'CLAIMGRAPH_REQUEST_TIMEOUT_MS must be a whole number of milliseconds from 1 to 600000, not "0"',
    ],
    [
      { CLAIMGRAPH_LLM_URL: 'localhost:11434', CLAIMGRAPH_LLM_MODEL: 'm' },
      'CLAIMGRAPH_LLM_URL must be an http(s) base URL such as http://127.0.0.1:11434/v1, not "localhost:11434"',
    ],
    [
      { CLAIMGRAPH_LLM_URL: 'https://user:secret@models.example.org/v1', CLAIMGRAPH_LLM_MODEL: 'm' },
      'CLAIMGRAPH_LLM_URL must not carry credentials: give the key in CLAIMGRAPH_LLM_KEY',
    ],
    [
      { CLAIMGRAPH_LLM_URL: 'http://127.0.0.1:11434/v1' },
      "CLAIMGRAPH_LLM_URL is set but CLAIMGRAPH_LLM_MODEL is not: give the model's name on that server, such as qwen2.5:7b",
    ],
    [
      { CLAIMGRAPH_LLM_MODEL: 'qwen2.5:7b' },
      "CLAIMGRAPH_LLM_MODEL is set but CLAIMGRAPH_LLM_URL is not: give the model server's base URL, such as http://127.0.0.1:11434/v1",
    ],
    [
      { CLAIMGRAPH_LLM_KEY: 'sk-local' },
      "CLAIMGRAPH_LLM_KEY is set but CLAIMGRAPH_LLM_URL is not: give the model server's base URL, such as http://127.0.0.1:11434/v1",
    ],
    [
      { CLAIMGRAPH_LLM_URL: 'http://127.0.0.1:11434/v1', CLAIMGRAPH_LLM_MODEL: 'm', CLAIMGRAPH_LLM_TIMEOUT_MS: '1m' },
      'CLAIMGRAPH_LLM_TIMEOUT_MS must be a whole number of milliseconds from 1 to 600000, not "1m"',
    ],
  ])('refuses %p with a ConfigError naming the variable', (env, message) => {
    expect(() => configFromEnv(env)).toThrow(new ConfigError(message));
  });
});

describe('a bad setting stops the server before it loads anything, with exit code 2', () => {
  const saved = { ...process.env };
  afterEach(() => {
    for (const name of ['PORT', 'HOST', 'CLAIMGRAPH_WRITE_RATE_LIMIT']) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  });

  async function serve(env: Record<string, string>, args: string[] = []): Promise<{ code: number; err: string[] }> {
    Object.assign(process.env, env);
    const err: string[] = [];
    const code = await main(['serve', ...args, '--data', seedDir], {
      out: () => undefined,
      err: (text) => err.push(text),
    });
    return { code, err };
  }

  it.each([
    [
      { CLAIMGRAPH_WRITE_RATE_LIMIT: 'abc' },
      'CLAIMGRAPH_WRITE_RATE_LIMIT must be a whole number of writes per minute (0: no limit), not "abc"',
    ],
    [{ PORT: '99999' }, 'PORT must be a port number from 0 to 65535, not "99999"'],
    [
      { HOST: 'not a host' },
      'HOST must be an IP address or a host name, such as 127.0.0.1, ::1 or localhost, not "not a host"',
    ],
  ])('claimgraph serve with %p', async (env, message) => {
    expect(await serve(env)).toEqual({ code: 2, err: [`claimgraph: cannot serve: ${message}`] });
  });

  it('a bad --port is a usage error naming the flag, which is read instead of PORT', async () => {
    expect(await serve({ PORT: 'http' }, ['--port', '99999'])).toEqual({
      code: 2,
      err: [
        'claimgraph serve: --port must be a port number from 0 to 65535, not "99999"\nusage: claimgraph serve [--port N] [--host ADDRESS] [--private | --public-reads] [--data DIR | --database URL]',
      ],
    });
  });

  it.each([
    [
      { CLAIMGRAPH_WRITE_RATE_LIMIT: 'abc' },
      'CLAIMGRAPH_WRITE_RATE_LIMIT must be a whole number of writes per minute (0: no limit), not "abc"',
    ],
    [{ PORT: '99999' }, 'PORT must be a port number from 0 to 65535, not "99999"'],
  ])("npm start's server (dist/server/index.js) with %p", (env, message) => {
    assertServerBuilt();
    const result = spawnSync(path.join(repoRoot, 'node_modules', '.bin', 'node'), ['dist/server/index.js'], {
      cwd: repoRoot,
      env: { ...process.env, CLAIMGRAPH_DATA: seedDir, PORT: '0', HOST: '127.0.0.1', ...env },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect({ status: result.status, stdout: result.stdout, stderr: result.stderr }).toEqual({
      status: 2,
      stdout: '',
      stderr: `claimgraph: cannot serve: ${message}\n`,
    });
  });
});
