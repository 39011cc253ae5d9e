// One declaration per route, reads and writes alike (server/http/route.ts): the app
// registers each under its method, with its guards and body, and the OpenAPI document
// describes each from the very same declaration: its method, its security, the problems
// its guards and body answer, its request body.
import request from 'supertest';
import { allRoutes } from '../../server/http/routes';
import { expectProblem, seedApp } from './seedApp';
import { auth, writeApp, type WriteApp } from './writeApp';

type Operation = {
  security?: unknown;
  requestBody?: { required: boolean; content: Record<string, unknown> };
  responses: Record<string, unknown>;
};

const { app } = seedApp();
const open: WriteApp[] = [];
afterEach(() => {
  for (const made of open.splice(0)) made.close();
});

describe('the route declarations', () => {
  it('are each described in the OpenAPI document under their method, guards and body included', async () => {
    const document = (await request(app).get('/api/openapi.json').expect(200)).body as {
      paths: Record<string, Record<string, Operation>>;
    };
    const described = allRoutes.map((route) => {
      const operation = document.paths[route.path][route.method ?? 'get'];
      return {
        route: `${route.method ?? 'get'} ${route.path}`,
        security: operation.security,
        problems: Object.keys(operation.responses).filter((status) => status >= '400'),
        body: operation.requestBody && {
          required: operation.requestBody.required,
          types: Object.keys(operation.requestBody.content),
        },
      };
    });
    const open = ['get /api/health', 'get /api/session', 'get /api/openapi.json'];
    const reads = described.filter(
      (d) =>
        d.route.startsWith('get ') &&
        !open.includes(d.route) &&
        !['proposals', 'claims', 'users'].some((part) => d.route.includes(part)),
    );
    // Open reads (loopback) need no token; private reads need a reader's: 401 without one.
    expect(
      reads.every(
        (d) =>
          JSON.stringify(d.security) === JSON.stringify([{}, { bearer: [] }]) &&
          d.body === undefined &&
          d.problems.slice(0, 2).join() === '400,401' &&
          !d.problems.includes('403'),
      ),
    ).toBe(true);
    expect(
      described.filter((d) => open.includes(d.route)).map((d) => [d.route, d.security, d.problems.join()]),
    ).toEqual([
      ['get /api/health', undefined, '400'],
      ['get /api/session', undefined, '400'],
      ['get /api/openapi.json', undefined, '400'],
    ]);
    expect(described.filter((d) => !reads.includes(d) && !open.includes(d.route))).toEqual([
      {
        route: 'get /api/users',
        security: [{ bearer: [] }],
        problems: ['400', '401', '403'],
        body: undefined,
      },
      {
        route: 'post /api/documents',
        security: [{ bearer: [] }],
        problems: ['400', '401', '403', '409', '413', '415', '422', '429', '507'],
        body: {
          required: true,
          types: ['text/plain', 'text/markdown', 'text/html', 'application/pdf', 'application/json'],
        },
      },
      {
        route: 'get /api/proposals',
        security: [{ bearer: [] }],
        problems: ['400', '401', '403'],
        body: undefined,
      },
      {
        route: 'get /api/proposals/{id}',
        security: [{ bearer: [] }],
        problems: ['400', '401', '403', '404'],
        body: undefined,
      },
      {
        route: 'post /api/proposals/{id}/accept',
        security: [{ bearer: [] }],
        problems: ['400', '401', '403', '404', '409', '413', '415', '429', '507'],
        body: { required: false, types: ['application/json'] },
      },
      {
        route: 'post /api/proposals/{id}/reject',
        security: [{ bearer: [] }],
        problems: ['400', '401', '403', '404', '409', '413', '415', '429', '507'],
        body: { required: false, types: ['application/json'] },
      },
      {
        route: 'post /api/claims',
        security: [{ bearer: [] }],
        problems: ['400', '401', '403', '409', '413', '415', '429', '507'],
        body: { required: true, types: ['application/json'] },
      },
      {
        route: 'get /api/claims/{id}',
        security: [{}, { bearer: [] }],
        problems: ['400', '401', '404'],
        body: undefined,
      },
      {
        route: 'patch /api/claims/{id}',
        security: [{ bearer: [] }],
        problems: ['400', '401', '403', '404', '409', '412', '413', '415', '429', '507'],
        body: { required: true, types: ['application/json'] },
      },
      {
        route: 'post /api/claims/{id}/retract',
        security: [{ bearer: [] }],
        problems: ['400', '401', '403', '404', '409', '412', '413', '415', '429', '507'],
        body: { required: true, types: ['application/json'] },
      },
      {
        route: 'post /api/history/{eventId}/revert',
        security: [{ bearer: [] }],
        problems: ['400', '401', '403', '404', '409', '412', '413', '415', '429', '507'],
        body: { required: false, types: ['application/json'] },
      },
      {
        route: 'patch /api/entities/{id}',
        security: [{ bearer: [] }],
        problems: ['400', '401', '403', '404', '409', '412', '413', '415', '429', '507'],
        body: { required: true, types: ['application/json'] },
      },
      {
        route: 'post /api/entities/{id}/merge',
        security: [{ bearer: [] }],
        problems: ['400', '401', '403', '404', '409', '412', '413', '415', '429', '507'],
        body: { required: true, types: ['application/json'] },
      },
      {
        route: 'post /api/entities/{id}/not-same',
        security: [{ bearer: [] }],
        problems: ['400', '401', '403', '404', '413', '415', '429', '507'],
        body: { required: true, types: ['application/json'] },
      },
    ]);
  });

  it('share the 405 of their path, which names every method it answers', async () => {
    const both = await request(app).delete('/api/documents');
    expectProblem(both, 405);
    expect(both.headers.allow).toBe('GET, HEAD, POST');
    expect(both.body.detail).toBe('DELETE is not allowed on /api/documents; it answers GET or POST');
    const write = await request(app).put('/api/proposals/x.p1/reject');
    expect(write.headers.allow).toBe('POST');
    expect(write.body.detail).toBe('PUT is not allowed on /api/proposals/{id}/reject; it answers POST');
  });

  it('give a write no cache and one rate-limit count shared by every write route', async () => {
    const made = writeApp({ rateLimit: { limit: 2, windowMs: 60_000 } });
    open.push(made);
    const first = await request(made.app).post('/api/proposals/x.p1/accept').set(auth);
    expectProblem(first, 404, [{ path: 'id', message: 'no proposal with id "x.p1"' }]);
    expect((await request(made.app).post('/api/proposals/x.p1/reject').set(auth)).status).toBe(404);
    expectProblem(await request(made.app).post('/api/documents').set(auth).type('text/plain').send('x'), 429);
    const queue = await request(made.app).get('/api/proposals').set(auth).expect(200);
    expect(queue.headers['cache-control']).toBe('no-store');
  });
});
