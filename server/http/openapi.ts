// The OpenAPI 3.1 document, generated from the route declarations and their zod schemas
// with zod's own z.toJSONSchema (JSON Schema 2020-12, the dialect of OpenAPI 3.1). Query
// parameters are described as the client sends them (io: input), bodies as the server
// sends them (io: output). Nothing here is written by hand but the prose.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { problemSchema } from '../model/api';
import { packageRoot } from '../paths';
import type { RouteSpec } from './route';

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, target: 'draft-2020-12' }) as JsonSchema;
  return rest;
}

function parameters(schema: z.ZodObject | undefined, where: 'query' | 'path'): JsonSchema[] {
  if (!schema) return [];
  const object = jsonSchema(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(object.properties ?? {}).map(([name, property]) => {
    const { description, ...propertySchema } = property;
    const parameter: JsonSchema = { name, in: where, required: where === 'path' || (object.required ?? []).includes(name), schema: propertySchema };
    if (typeof description === 'string') parameter.description = description;
    return parameter;
  });
}

function operationName(route: RouteSpec): string {
  return route.operationId.charAt(0).toUpperCase() + route.operationId.slice(1);
}

function packageVersion(): string {
  try {
    return (JSON.parse(fs.readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

const problemResponse = (description: string) => ({ description, content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } });

export function buildOpenApiDocument(routes: readonly RouteSpec[]): JsonSchema {
  const schemas: Record<string, JsonSchema> = { Problem: jsonSchema(problemSchema, 'output') };
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of routes) {
    const responses: Record<string, JsonSchema> = {};
    if ('schema' in route.response) {
      const name = `${operationName(route)}Response`;
      schemas[name] = jsonSchema(route.response.schema, 'output');
      responses['200'] = { description: route.response.description, content: { 'application/json': { schema: { $ref: `#/components/schemas/${name}` } } } };
    } else {
      const content = Object.fromEntries(route.response.contentTypes().map((type) => [type, { schema: { type: 'string' } }]));
      responses['200'] = { description: route.response.description, content };
    }
    if (route.cacheable !== false) responses['304'] = { description: 'not modified: the ETag given in If-None-Match is current' };
    responses['400'] = problemResponse('a parameter is unknown, malformed or out of bounds; errors[] names it');
    if (route.notFound) responses['404'] = problemResponse(route.notFound);
    const operation: JsonSchema = {
      operationId: route.operationId,
      tags: [route.tag],
      summary: route.summary,
      parameters: [...parameters(route.params, 'path'), ...parameters(route.query, 'query')],
      responses,
    };
    if (route.description) operation.description = route.description;
    paths[route.path] = { ...paths[route.path], get: operation };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'claimgraph API',
      version: packageVersion(),
      description: 'An evidence-first entity-relationship graph: every relation is backed by quoted claims from source documents. Errors are application/problem+json (RFC 9457).',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    tags: [...new Set(routes.map((route) => route.tag))].map((name) => ({ name })),
    paths,
    components: { schemas },
  };
}
