// The write routes' OpenAPI part (server/http/writeOpenApi.ts): generated from
// their zod schemas, and still a valid OpenAPI 3.1 document once merged with the read
// routes' document.
import { buildOpenApiDocument } from '../../server/http/openapi';
import { apiRoutes } from '../../server/http/routes';
import { withWriteRoutes, writeOpenApi } from '../../server/http/writeOpenApi';
import { validateOpenApi } from './validateOpenApi';

describe('writeOpenApi', () => {
  it('describes the write routes, their token and their problems', () => {
    const { paths, schemas } = writeOpenApi();
    expect(Object.keys(paths)).toEqual([
      '/api/documents',
      '/api/proposals',
      '/api/proposals/{id}',
      '/api/proposals/{id}/accept',
      '/api/proposals/{id}/reject',
    ]);
    const accept = (
      paths['/api/proposals/{id}/accept'] as { post: { security: unknown; responses: Record<string, unknown> } }
    ).post;
    expect(accept.security).toEqual([{ bearer: [] }]);
    expect(Object.keys(accept.responses).sort()).toEqual([
      '200',
      '201',
      '400',
      '401',
      '403',
      '404',
      '409',
      '413',
      '415',
      '429',
      '507',
    ]);
    expect(accept.responses['507']).toEqual({
      description: "the data folder's disk is full; nothing of this request was written",
      content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
    });
    expect((schemas.AcceptProposalBody as { additionalProperties?: unknown }).additionalProperties).toBe(false);
  });

  it('bounds every limit and offset of the API alike, the review queue included', () => {
    const document = withWriteRoutes(buildOpenApiDocument(apiRoutes)) as {
      paths: Record<
        string,
        { get?: { parameters?: Array<{ name: string; schema: { minimum?: number; maximum?: number } }> } }
      >;
    };
    const bounds = Object.entries(document.paths).flatMap(([path, item]) =>
      (item.get?.parameters ?? [])
        .filter((p) => p.name === 'limit' || p.name === 'offset')
        .map((p) => [path, p.name, p.schema.minimum, p.schema.maximum]),
    );
    expect(bounds).toEqual([
      ['/api/entities', 'limit', 1, 1000],
      ['/api/entities', 'offset', 0, 1_000_000],
      ['/api/entities/{id}/neighbors', 'limit', 1, 1000],
      ['/api/entities/{id}/duplicates', 'limit', 1, 1000],
      ['/api/edges', 'limit', 1, 1000],
      ['/api/edges', 'offset', 0, 1_000_000],
      ['/api/documents', 'limit', 1, 1000],
      ['/api/documents', 'offset', 0, 1_000_000],
      ['/api/proposals', 'offset', 0, 1_000_000],
      ['/api/proposals', 'limit', 1, 1000],
    ]);
  });

  it('merged with the read routes, is a valid OpenAPI 3.1 document', () => {
    const document = withWriteRoutes(buildOpenApiDocument(apiRoutes));
    expect(validateOpenApi(document)).toMatchObject({ valid: true, version: '3.1' });
  });
});
