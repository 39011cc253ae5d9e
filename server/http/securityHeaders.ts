// The security headers of every response: helmet with a Content-Security-Policy that
// allows scripts from this origin only (the client needs no inline script) and nothing
// from elsewhere. Also rendered once as a plain header list, for the few answers Node
// writes itself before Express runs (clientErrors.ts), so those carry them too.
import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';

export function securityHeaders() {
  return helmet({
    contentSecurityPolicy: {
      // Nothing is loaded from elsewhere (no CDN); upgrade-insecure-requests would break plain-HTTP use on a LAN address.
      directives: {
        'script-src': ["'self'"],
        'connect-src': ["'self'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'style-src': ["'self'", "'unsafe-inline'"],
        'font-src': ["'self'", 'data:'],
        'upgrade-insecure-requests': null,
      },
    },
  });
}

/** The headers securityHeaders() sets, as name/value pairs (computed by running it on a recording response). */
export function securityHeaderList(): Array<[string, string]> {
  const headers: Array<[string, string]> = [];
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers.push([name, String(value)]);
      return recorder;
    },
    removeHeader() {},
    getHeader() {
      return undefined;
    },
  };
  let ran = false;
  securityHeaders()({} as IncomingMessage, recorder as unknown as ServerResponse, () => {
    ran = true;
  });
  if (!ran) throw new Error('helmet did not run synchronously');
  return headers;
}
