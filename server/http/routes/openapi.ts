// GET /api/openapi.json: the OpenAPI 3.1 document of every route, this one and the
// write routes included, generated from their declarations.
import { noQuerySchema, openApiResponseSchema } from '../../model/api';
import { buildOpenApiDocument } from '../openapi';
import { defineRoute, type RouteSpec } from '../route';

export function openApiRoute(allRoutes: () => readonly RouteSpec[]): RouteSpec {
  let document: Record<string, unknown> | undefined;
  return defineRoute({
    path: '/api/openapi.json',
    operationId: 'getOpenApi',
    tag: 'meta',
    summary: 'This OpenAPI 3.1 document, generated from the zod schemas',
    query: noQuerySchema,
    response: { description: 'the OpenAPI document', schema: openApiResponseSchema },
    // It describes the code, not the data: a client reads it before signing in.
    access: 'public',
    // The document depends on the code only, so it is built once.
    handle: () => (document ??= buildOpenApiDocument(allRoutes())),
  });
}
