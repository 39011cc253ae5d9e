// Shared by the hardening tests: apps over the seed dataset with chosen
// defensive settings and test-only routes (one that throws, one that stalls, one that
// echoes the client address), and the header checks every response must pass.
import type { Express } from 'express';
import type { Response } from 'supertest';
import { createApp, type AppOptions } from '../../server/http/app';
import { seedApp, noClientDir } from '../api/seedApp';

export { expectProblem, noClientDir, seedDir, seedDocument } from '../api/seedApp';

/** Test-only routes, mounted through createApp's extraRoutes. */
export function testRoutes(app: Express): void {
  app.get('/test/throw', () => {
    throw new Error('secret detail at /srv/claimgraph/server/http/app.ts:12');
  });
  app.get('/test/reject', async () => {
    await Promise.resolve();
    throw new TypeError('secret async detail');
  });
  app.get('/test/throw-string', () => {
    throw 'a thrown string with a secret'; // eslint-disable-line no-throw-literal
  });
  app.get('/test/throw-5xx', () => {
    throw Object.assign(new Error('upstream secret'), { status: 502 });
  });
  app.get('/test/stall', (_req, res) => {
    // Answers after 2 s, long after any budget a test sets; the timer must answer first.
    const timer = setTimeout(() => {
      if (!res.headersSent) res.json({ late: true });
    }, 2000);
    res.once('close', () => clearTimeout(timer));
  });
  app.get('/test/ip', (req, res) => {
    res.json({ ip: req.ip, ips: req.ips, protocol: req.protocol });
  });
}

/** The seed dataset's app with these options (the store is shared: reads only). */
export function hardenedApp(options: Omit<AppOptions, 'store'> = {}): Express {
  const { store } = seedApp();
  const logged: string[] = [];
  return createApp({
    store,
    clientDir: noClientDir,
    log: (message) => logged.push(message),
    extraRoutes: testRoutes,
    ...options,
  });
}

/** The directives of a Content-Security-Policy header, by name. */
export function cspDirectives(header: string | undefined): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of (header ?? '').split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), values);
  }
  return directives;
}

/** What every response carries, whatever its status: helmet's headers, a strict CSP, no X-Powered-By. */
export function expectSecurityHeaders(res: Response): void {
  const csp = cspDirectives(res.headers['content-security-policy']);
  expect(csp.get('script-src')).toEqual(["'self'"]);
  expect(csp.get('default-src')).toEqual(["'self'"]);
  expect(csp.get('object-src')).toEqual(["'none'"]);
  expect(csp.get('frame-ancestors')).toEqual(["'self'"]);
  expect(csp.get('base-uri')).toEqual(["'self'"]);
  expect(csp.get('script-src-attr')).toEqual(["'none'"]);
  for (const values of csp.values()) expect(values).not.toContain("'unsafe-eval'");
  expect(res.headers['x-powered-by']).toBeUndefined();
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
  expect(res.headers['referrer-policy']).toBe('no-referrer');
  expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
  expect(res.headers['cross-origin-resource-policy']).toBe('same-origin');
  expect(res.headers['strict-transport-security']).toMatch(/^max-age=\d+/);
  expect(res.headers['x-dns-prefetch-control']).toBe('off');
  expect(res.headers['x-permitted-cross-domain-policies']).toBe('none');
  expect(res.headers['origin-agent-cluster']).toBe('?1');
}
