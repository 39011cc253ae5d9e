// The OpenAPI 3.1 document, generated from the route declarations (reads and writes) and
// their zod schemas with zod's own z.toJSONSchema (JSON Schema 2020-12, the dialect of
// OpenAPI 3.1). Parameters and request bodies are described as the client sends them
// (io: input), answers as the server sends them (io: output); a route's guards and body
// add the problems they answer and its security. Nothing here is written by hand but the prose.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ROLE_NEEDED } from '../model/access';
import { problemSchema } from '../model/api';
import { movedEntitySchema } from '../model/entityRedirects';
import { packageRoot } from '../paths';
import type { Guard, RouteSpec } from './route';
import { DOCUMENT_BODY_TYPES } from './writeGuards';

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    io,
    target: 'draft-2020-12',
    unrepresentable: 'any',
  }) as JsonSchema;
  return rest;
}

function parameters(schema: z.ZodObject | undefined, where: 'query' | 'path'): JsonSchema[] {
  if (!schema) return [];
  const object = jsonSchema(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(object.properties ?? {}).map(([name, property]) => {
    const { description, ...propertySchema } = property;
    const parameter: JsonSchema = {
      name,
      in: where,
      required: where === 'path' || (object.required ?? []).includes(name),
      schema: propertySchema,
    };
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

const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});
const jsonContent = (name: string) => ({ 'application/json': { schema: { $ref: `#/components/schemas/${name}` } } });

/** What each guard adds to the operations behind it. */
const guardDocs: Record<Guard, { security?: JsonSchema[]; responses: Record<string, JsonSchema> }> = {
  writeToken: {
    security: [{ bearer: [] }],
    responses: {
      '401': problemResponse('the Authorization: Bearer token is missing, revoked or unknown'),
      '403': problemResponse("writes are off on this server, or the user's role does not allow this change"),
      '507': problemResponse("the data folder's disk is full; nothing of this request was written"),
    },
  },
  rateLimit: { responses: { '429': problemResponse('too many writes from this address; see Retry-After') } },
};

/** The If-Match header of a write that must not overwrite a change it has not seen. */
const ifMatchParameter = {
  name: 'If-Match',
  in: 'header',
  required: false,
  description: 'the version you read, as "<version>": the write is refused with 412 when it is no longer current',
  schema: { type: 'string' },
};

const securitySchemes = {
  bearer: {
    type: 'http',
    scheme: 'bearer',
    description: "a user's token from `claimgraph users add` (or the server's CLAIMGRAPH_TOKEN)",
  },
};

/** The query parameters a text or document body takes, each once. */
function bodyQueryParameters(route: RouteSpec): ReturnType<typeof parameters> {
  const seen = new Set<string>();
  return [...parameters(route.body?.text?.query, 'query'), ...parameters(route.body?.document?.query, 'query')].filter(
    (parameter) => {
      const name = String(parameter.name);
      if (seen.has(name)) return false;
      seen.add(name);
      return true;
    },
  );
}

export function buildOpenApiDocument(routes: readonly RouteSpec[]): JsonSchema {
  const schemas: Record<string, JsonSchema> = {
    Problem: jsonSchema(problemSchema, 'output'),
    MovedEntity: jsonSchema(movedEntitySchema, 'output'),
  };
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of routes) {
    const responses: Record<string, JsonSchema> = {};
    if ('schema' in route.response) {
      const name = `${operationName(route)}Response`;
      schemas[name] = jsonSchema(route.response.schema, 'output');
      responses['200'] = { description: route.response.description, content: jsonContent(name) };
      if (route.created) responses['201'] = { description: route.created, content: jsonContent(name) };
    } else {
      const content = Object.fromEntries(
        route.response.contentTypes().map((type) => [type, { schema: { type: 'string' } }]),
      );
      responses['200'] = { description: route.response.description, content };
    }
    const method = route.method ?? 'get';
    if (method === 'get' && route.cacheable !== false)
      responses['304'] = { description: 'not modified: the ETag given in If-None-Match is current' };
    responses['400'] = route.body
      ? problemResponse('the body or a parameter is wrong; errors[] names each field')
      : problemResponse('a parameter is unknown, malformed or out of bounds; errors[] names it');
    const security: JsonSchema[] = [];
    for (const guard of route.guards ?? []) {
      Object.assign(responses, guardDocs[guard].responses);
      security.push(...(guardDocs[guard].security ?? []));
    }
    if (method === 'get' && route.access !== 'public') {
      const access = route.access ?? 'read';
      responses['401'] = problemResponse(
        access === 'read'
          ? 'reads need a token on this server (private reads), or the token sent is unknown'
          : `this route needs a signed-in ${ROLE_NEEDED[access]}, or the token sent is unknown`,
      );
      if (access !== 'read')
        responses['403'] = problemResponse(`the signed-in user's role is below ${ROLE_NEEDED[access]}`);
      // Where reads are open (loopback), a read needs no token: the empty requirement says so.
      security.push(...(access === 'read' ? [{}, { bearer: [] }] : [{ bearer: [] }]));
    }
    if (route.body) {
      responses['413'] = problemResponse('the body is too large');
      responses['415'] = problemResponse('the body is not of an accepted content type');
    }
    if (route.movedPermanently)
      responses['301'] = {
        description: route.movedPermanently,
        headers: {
          Location: { description: 'where it is now, with the same query string', schema: { type: 'string' } },
        },
        content: jsonContent('MovedEntity'),
      };
    if (route.notFound) responses['404'] = problemResponse(route.notFound);
    if (route.conflict) responses['409'] = problemResponse(route.conflict);
    for (const [status, when] of Object.entries(route.problems ?? {})) responses[status] = problemResponse(when);
    if (route.preconditionFailed) responses['412'] = problemResponse(route.preconditionFailed);
    const operation: JsonSchema = {
      operationId: route.operationId,
      tags: [route.tag],
      summary: route.summary,
      ...(security.length > 0 ? { security } : {}),
      parameters: [
        ...parameters(route.params, 'path'),
        ...parameters(route.query, 'query'),
        ...bodyQueryParameters(route),
        ...(route.preconditionFailed ? [ifMatchParameter] : []),
      ],
    };
    if (route.body) {
      const name = `${operationName(route)}Body`;
      schemas[name] = jsonSchema(route.body.json, 'input');
      const text = route.body.text ? { 'text/plain': { schema: { type: 'string' } } } : {};
      const documents = route.body.document
        ? Object.fromEntries(
            DOCUMENT_BODY_TYPES.map((type) => [type, { schema: { type: 'string', format: 'binary' } }]),
          )
        : {};
      operation.requestBody = {
        ...(route.body.text
          ? {
              description: `JSON, or the ${route.body.text.field} alone as text/plain${route.body.document ? `, or a document as ${DOCUMENT_BODY_TYPES.join(', ')}` : ''}`,
            }
          : {}),
        required: route.body.optional !== true,
        content: { ...text, ...documents, ...jsonContent(name) },
      };
    }
    operation.responses = responses;
    if (route.description) operation.description = route.description;
    paths[route.path] = { ...paths[route.path], [method]: operation };
  }
  const secured = routes.some((route) => route.guards?.includes('writeToken') || route.access !== 'public');
  return {
    openapi: '3.1.0',
    info: {
      title: 'claimgraph API',
      version: packageVersion(),
      description:
        'An evidence-first entity-relationship graph: every relation is backed by quoted claims from source documents. Errors are application/problem+json (RFC 9457).',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    tags: [...new Set(routes.map((route) => route.tag))].map((name) => ({ name })),
    paths,
    components: secured ? { schemas, securitySchemes } : { schemas },
  };
}
