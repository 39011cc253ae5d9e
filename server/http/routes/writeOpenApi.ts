// The write routes' part of the OpenAPI document, generated from their zod schemas
// (server/model/reviewApi.ts) like the read routes' part: paths and component schemas
// to merge into buildOpenApiDocument's result.
import { z } from 'zod';
import { acceptBodySchema, decisionResponseSchema, documentBodySchema, ingestResponseSchema, proposalsQuerySchema, proposalsResponseSchema, proposalViewSchema } from '../../model/reviewApi';

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, target: 'draft-2020-12', unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: string) => ({ 'application/json': { schema: ref(name) } });
const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: ref('Problem') } } });
const writeProblems = {
  '400': problem('the body or a parameter is wrong; errors[] names each field'),
  '401': problem('the Authorization: Bearer token is missing or wrong'),
  '403': problem('writes are off: the server has no CLAIMGRAPH_TOKEN'),
  '413': problem('the body is too large'),
  '415': problem('the body is not of an accepted content type'),
  '429': problem('too many writes from this address; see Retry-After'),
  '507': problem("the data folder's disk is full; nothing of this request was written"),
};
const idParameter = { name: 'id', in: 'path', required: true, schema: { type: 'string' }, description: 'the proposal id' };
const security = [{ writeToken: [] }];

export function writeOpenApi(): { paths: Record<string, JsonSchema>; schemas: Record<string, JsonSchema>; securitySchemes: Record<string, JsonSchema> } {
  const query = jsonSchema(proposalsQuerySchema, 'input') as { properties: Record<string, JsonSchema> };
  const decision = (summary: string, answered: string, created?: string) => ({
    operationId: summary.startsWith('Accept') ? 'acceptProposal' : 'rejectProposal',
    tags: ['review'],
    summary,
    security,
    parameters: [idParameter],
    ...(summary.startsWith('Accept') ? { requestBody: { required: false, content: json('AcceptProposalBody') } } : {}),
    responses: {
      '200': { description: answered, content: json('DecisionResponse') },
      ...(created ? { '201': { description: created, content: json('DecisionResponse') } } : {}),
      ...writeProblems,
      '404': problem('no proposal with this id'),
      '409': problem('the proposal was decided the other way'),
    },
  });
  return {
    securitySchemes: { writeToken: { type: 'http', scheme: 'bearer', description: 'the server\'s CLAIMGRAPH_TOKEN' } },
    schemas: {
      DocumentBody: jsonSchema(documentBodySchema, 'input'),
      IngestResponse: jsonSchema(ingestResponseSchema, 'output'),
      ProposalsResponse: jsonSchema(proposalsResponseSchema, 'output'),
      ProposalView: jsonSchema(proposalViewSchema, 'output'),
      AcceptProposalBody: jsonSchema(acceptBodySchema, 'input'),
      DecisionResponse: jsonSchema(decisionResponseSchema, 'output'),
    },
    paths: {
      '/api/documents': {
        post: {
          operationId: 'ingestDocument',
          tags: ['review'],
          summary: 'Store an article and its extracted claims as pending proposals',
          security,
          parameters: [{ name: 'fileName', in: 'query', required: false, schema: { type: 'string' }, description: 'with a text/plain body: the file name to store it under' }],
          requestBody: { required: true, content: { 'text/plain': { schema: { type: 'string' } }, ...json('DocumentBody') } },
          responses: {
            '201': { description: 'stored, with its proposals', content: json('IngestResponse') },
            '200': { description: 'the same article was stored before: nothing was written', content: json('IngestResponse') },
            ...writeProblems,
            '409': problem('a different document already has this id'),
          },
        },
      },
      '/api/proposals': {
        get: {
          operationId: 'listProposals',
          tags: ['review'],
          summary: 'The review queue',
          parameters: Object.entries(query.properties).map(([name, schema]) => ({ name, in: 'query', required: false, schema })),
          responses: { '200': { description: 'a page of proposals', content: json('ProposalsResponse') }, '400': writeProblems['400'] },
        },
      },
      '/api/proposals/{id}': {
        get: {
          operationId: 'getProposal',
          tags: ['review'],
          summary: 'One proposal',
          parameters: [idParameter],
          responses: { '200': { description: 'the proposal', content: json('ProposalView') }, '404': problem('no proposal with this id') },
        },
      },
      '/api/proposals/{id}/accept': { post: decision('Accept a proposal, with optional corrections: it becomes a claim on the graph', 'already accepted: the same claim, nothing written', 'accepted: the claim and its edge') },
      '/api/proposals/{id}/reject': { post: decision('Reject a proposal', 'rejected (created is false when it already was)') },
    },
  };
}

/** The whole API's document: the read routes' document with the write routes merged in. */
export function withWriteRoutes(document: JsonSchema): JsonSchema {
  const writes = writeOpenApi();
  const paths = { ...(document.paths as Record<string, JsonSchema>) };
  for (const [route, item] of Object.entries(writes.paths)) paths[route] = { ...paths[route], ...item };
  const components = document.components as { schemas: Record<string, JsonSchema> };
  const tags = [...(document.tags as Array<{ name: string }>), { name: 'review' }];
  return { ...document, tags, paths, components: { ...components, schemas: { ...components.schemas, ...writes.schemas }, securitySchemes: writes.securitySchemes } };
}
