// The write routes' part of the OpenAPI document on its own: generated from their
// declarations (writeRoutes.ts) by the same code as every other part (openapi.ts), for
// a caller that builds the read routes' document alone and merges the writes in.
// /api/openapi.json is built from all routes at once (routes/index.ts, allRoutes).
import { buildOpenApiDocument } from './openapi';
import { writeRoutes } from './routes/writeRoutes';

type JsonSchema = Record<string, unknown>;

export function writeOpenApi(): {
  paths: Record<string, JsonSchema>;
  schemas: Record<string, JsonSchema>;
  securitySchemes: Record<string, JsonSchema>;
} {
  const document = buildOpenApiDocument(writeRoutes) as {
    paths: Record<string, JsonSchema>;
    components: { schemas: Record<string, JsonSchema>; securitySchemes: Record<string, JsonSchema> };
  };
  const { Problem: _sharedWithTheReads, ...schemas } = document.components.schemas;
  return { paths: document.paths, schemas, securitySchemes: document.components.securitySchemes };
}

/** A read routes' document with the write routes merged in. */
export function withWriteRoutes(document: JsonSchema): JsonSchema {
  const writes = writeOpenApi();
  const paths = { ...(document.paths as Record<string, JsonSchema>) };
  for (const [route, item] of Object.entries(writes.paths)) paths[route] = { ...paths[route], ...item };
  const components = document.components as { schemas: Record<string, JsonSchema> };
  const tags = [
    ...new Set([
      ...(document.tags as Array<{ name: string }>).map((tag) => tag.name),
      ...writeRoutes.map((route) => route.tag),
    ]),
  ].map((name) => ({ name }));
  return {
    ...document,
    tags,
    paths,
    components: {
      ...components,
      schemas: { ...components.schemas, ...writes.schemas },
      securitySchemes: writes.securitySchemes,
    },
  };
}
