// The defensive settings read from the environment: strict defaults, exact values, and
// a refusal naming the variable for anything that would loosen them by accident.
import { main } from '../../server/cli/main';
import {
  DEFAULT_MAX_EXPORT_CLAIMS,
  DEFAULT_REQUEST_TIMEOUT_MS,
  hardeningFromEnv,
  parseCorsOrigins,
  parseMaxExportClaims,
  parseRequestTimeout,
  parseTrustProxy,
} from '../../server/http/hardeningConfig';
import { seedDir } from './hardeningApp';

describe('hardening settings from the environment', () => {
  it('default to CORS off, trust proxy off, a 10 s budget and 250,000 claims per export', () => {
    expect(hardeningFromEnv({})).toEqual({
      corsOrigins: [],
      trustProxy: false,
      requestTimeoutMs: 10_000,
      maxExportClaims: 250_000,
    });
    expect([DEFAULT_REQUEST_TIMEOUT_MS, DEFAULT_MAX_EXPORT_CLAIMS]).toEqual([10_000, 250_000]);
  });

  it('read every variable', () => {
    expect(
      hardeningFromEnv({
        CLAIMGRAPH_CORS_ORIGINS: 'https://graph.example.org, http://localhost:5173',
        CLAIMGRAPH_TRUST_PROXY: 'loopback, 10.0.0.0/8',
        CLAIMGRAPH_REQUEST_TIMEOUT_MS: '2500',
        CLAIMGRAPH_MAX_EXPORT_CLAIMS: '1000',
      }),
    ).toEqual({
      corsOrigins: ['https://graph.example.org', 'http://localhost:5173'],
      trustProxy: ['loopback', '10.0.0.0/8'],
      requestTimeoutMs: 2500,
      maxExportClaims: 1000,
    });
  });

  it.each([
    ['*', 'CLAIMGRAPH_CORS_ORIGINS: "*" is not an origin such as https://example.org'],
    [
      'https://a.example/path',
      'CLAIMGRAPH_CORS_ORIGINS: "https://a.example/path" is not an origin such as https://example.org (scheme, host and port only, no path, no wildcard)',
    ],
    ['null', 'CLAIMGRAPH_CORS_ORIGINS: "null" is not an origin such as https://example.org'],
    [
      'file:///tmp',
      'CLAIMGRAPH_CORS_ORIGINS: "file:///tmp" is not an origin such as https://example.org (scheme, host and port only, no path, no wildcard)',
    ],
    [
      'https://*.example.org',
      'CLAIMGRAPH_CORS_ORIGINS: "https://*.example.org" is not an origin such as https://example.org (scheme, host and port only, no path, no wildcard)',
    ],
  ])('refuses the CORS origin %s', (text, message) => {
    expect(() => parseCorsOrigins(text)).toThrow(message);
  });

  it.each([
    [undefined, false],
    ['', false],
    ['false', false],
    ['0', false],
    ['2', 2],
    ['loopback', ['loopback']],
    ['127.0.0.1, ::1, 192.168.0.0/16', ['127.0.0.1', '::1', '192.168.0.0/16']],
  ])('trust proxy %p is %p', (text, expected) => {
    expect(parseTrustProxy(text)).toEqual(expected);
  });

  it.each(['true', 'yes', 'proxy.example.org', '*'])(
    'refuses trust proxy "%s", which would trust any client',
    (text) => {
      expect(() => parseTrustProxy(text)).toThrow(
        `CLAIMGRAPH_TRUST_PROXY: "${text}" is not a number of proxy hops or a list of proxy addresses (such as 1, or loopback, or 10.0.0.0/8); "true" is refused because it trusts any client`,
      );
    },
  );

  it.each(['0', '-5', '1.5', 'soon', '600001'])('refuses the request time budget "%s"', (text) => {
    expect(() => parseRequestTimeout(text)).toThrow(
      `CLAIMGRAPH_REQUEST_TIMEOUT_MS must be a whole number of milliseconds from 1 to 600000, not "${text}"`,
    );
  });

  it.each(['0', 'lots', '1e6'])('refuses the export cap "%s"', (text) => {
    expect(() => parseMaxExportClaims(text)).toThrow(
      `CLAIMGRAPH_MAX_EXPORT_CLAIMS must be a whole number of claims of at least 1, not "${text}"`,
    );
  });

  it('claimgraph serve refuses a bad setting with exit code 2 and names it, before loading anything', async () => {
    const err: string[] = [];
    process.env.CLAIMGRAPH_TRUST_PROXY = 'true';
    try {
      const code = await main(['serve', '--port', '0', '--data', seedDir], {
        out: () => undefined,
        err: (text) => err.push(text),
      });
      expect(code).toBe(2);
    } finally {
      delete process.env.CLAIMGRAPH_TRUST_PROXY;
    }
    expect(err).toEqual([
      'claimgraph: cannot serve: CLAIMGRAPH_TRUST_PROXY: "true" is not a number of proxy hops or a list of proxy addresses (such as 1, or loopback, or 10.0.0.0/8); "true" is refused because it trusts any client',
    ]);
  });
});
