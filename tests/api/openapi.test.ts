// GET /api/openapi.json: generated from the route declarations and their zod schemas;
// it lists every route and is a valid OpenAPI 3.1 document.
import request from 'supertest';
import { apiRoutes } from '../../server/http/routes';
import { expectProblem, seedApp } from './seedApp';
import { validateOpenApi } from './validateOpenApi';

const { app } = seedApp();

describe('GET /api/openapi.json', () => {
  it('lists every route of the API: the reads with GET, the writes with POST (and PATCH)', async () => {
    const res = await request(app).get('/api/openapi.json').expect(200);
    expect(Object.keys(res.body.paths)).toEqual([
      '/api/health',
      '/api/session',
      '/api/users',
      '/api/vocabulary',
      '/api/graph',
      '/api/entities',
      '/api/entities/{id}',
      '/api/entities/{id}/neighbors',
      '/api/entities/{id}/duplicates',
      '/api/edges',
      '/api/edges/{id}',
      '/api/path',
      '/api/documents',
      '/api/documents/{id}',
      '/api/documents/{id}/original',
      '/api/stats',
      '/api/export',
      '/api/openapi.json',
      '/api/proposals',
      '/api/proposals/{id}',
      '/api/proposals/{id}/accept',
      '/api/proposals/{id}/reject',
      '/api/claims',
      '/api/claims/{id}',
      '/api/claims/{id}/retract',
      '/api/history',
      '/api/history/{eventId}/revert',
      '/api/entities/{id}/merge',
      '/api/entities/{id}/not-same',
    ]);
    const methods = Object.fromEntries(
      Object.entries(res.body.paths as Record<string, Record<string, unknown>>).map(([route, item]) => [
        route,
        Object.keys(item),
      ]),
    );
    for (const route of apiRoutes) expect(methods[route.path]).toContain('get');
    expect(methods['/api/documents']).toEqual(['get', 'post']);
    expect(methods['/api/proposals']).toEqual(['get']);
    expect(methods['/api/proposals/{id}/accept']).toEqual(['post']);
    expect(methods['/api/proposals/{id}/reject']).toEqual(['post']);
    expect(methods['/api/claims']).toEqual(['post']);
    expect(methods['/api/claims/{id}']).toEqual(['get', 'patch']);
    expect(methods['/api/claims/{id}/retract']).toEqual(['post']);
    expect(methods['/api/history']).toEqual(['get']);
    expect(methods['/api/history/{eventId}/revert']).toEqual(['post']);
    expect(methods['/api/entities/{id}']).toEqual(['get', 'patch']);
    expect(res.body.components.securitySchemes).toHaveProperty('bearer');
  });

  it('is a valid OpenAPI 3.1 document (@seriousme/openapi-schema-validator)', async () => {
    const res = await request(app).get('/api/openapi.json').expect(200);
    expect(res.body.openapi).toBe('3.1.0');
    const result = validateOpenApi(res.body);
    expect(result).toMatchObject({ valid: true, version: '3.1' });
  });

  it('describes query parameters from the zod schemas, with bounds and required flags', async () => {
    const res = await request(app).get('/api/openapi.json').expect(200);
    const parameters = (route: string) =>
      res.body.paths[route].get.parameters as Array<{
        name: string;
        in: string;
        required: boolean;
        schema: Record<string, unknown>;
      }>;
    expect(parameters('/api/graph').map((p) => p.name)).toEqual([
      'nodeTypes',
      'edgeTypes',
      'status',
      'from',
      'to',
      'knownAt',
      'documents',
      'minClaims',
      'top',
    ]);
    const depth = parameters('/api/entities/{id}/neighbors').find((p) => p.name === 'depth');
    expect(depth).toMatchObject({
      in: 'query',
      required: false,
      schema: { type: 'integer', minimum: 1, maximum: 3, default: 1 },
    });
    expect(parameters('/api/entities/{id}/neighbors')[0]).toMatchObject({ name: 'id', in: 'path', required: true });
    const q = parameters('/api/entities').find((p) => p.name === 'q');
    expect(q).toMatchObject({ required: true, schema: { type: 'string', minLength: 1, maxLength: 200 } });
    expect(parameters('/api/entities').find((p) => p.name === 'limit')).toMatchObject({ schema: { maximum: 1000 } });
    expect(
      parameters('/api/path')
        .filter((p) => p.required)
        .map((p) => p.name),
    ).toEqual(['from', 'to']);
  });

  it('describes responses: bodies by schema, errors as problem+json', async () => {
    const res = await request(app).get('/api/openapi.json').expect(200);
    const neighbours = res.body.paths['/api/entities/{id}/neighbors'].get;
    // 401: on a server whose reads are private, or to a token it does not know.
    expect(Object.keys(neighbours.responses)).toEqual(['200', '301', '304', '400', '401', '404']);
    // A merged entity's id moves for good: 301 with its Location and a small body.
    expect(neighbours.responses['301'].headers.Location.schema).toEqual({ type: 'string' });
    expect(neighbours.responses['301'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/MovedEntity',
    });
    expect(neighbours.responses['404'].content['application/problem+json'].schema).toEqual({
      $ref: '#/components/schemas/Problem',
    });
    const body =
      res.body.components.schemas[neighbours.responses['200'].content['application/json'].schema.$ref.split('/').pop()];
    expect(Object.keys(body.properties)).toEqual(['attributes', 'options', 'nodes', 'edges']);
    const exportTypes = Object.keys(res.body.paths['/api/export'].get.responses['200'].content);
    expect(exportTypes).toContain('application/json; charset=utf-8');
    expect(res.body.paths['/api/health'].get.responses['304']).toBeUndefined();
  });

  it('rejects query parameters', async () => {
    expectProblem(await request(app).get('/api/openapi.json?v=2'), 400, [
      { path: 'v', message: 'unknown query parameter; this route takes none' },
    ]);
  });
});
