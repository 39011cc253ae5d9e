// The REST API's contract: the zod schema of every route's query parameters and
// response body, with the TypeScript types inferred from them. The server validates
// input with these schemas, the OpenAPI document is generated from them, and the client
// imports the types. Values that depend on the dataset's vocabulary (node types, edge
// types, statuses, document ids) are only checked for shape here; the server checks them
// against the loaded vocabulary, so a user-extended vocabulary needs no code change.
import { z } from 'zod';
import { isoDatePrefixSchema } from './dates';
import { edgeAttributesSchema, edgeClaimSchema, nodeAttributesSchema, serializedGraphSchema } from './graph';
import { entityIdSchema, entitySchema } from './records';
import { edgeTypeSchema, nodeTypeSchema, stanceSchema, statusSchema } from './vocabulary';

// ---------------------------------------------------------------------------------------
// Building blocks for query parameters (query strings carry text only).

/** A whole number in [min, max], given as text in the query string. */
export function integerParameter(min: number, max: number, description: string) {
  return z.coerce
    .number({ error: (issue) => (issue.code === 'invalid_type' ? 'expected a whole number' : undefined) })
    .int({ error: 'expected a whole number' })
    .min(min, { error: `must be at least ${min}` })
    .max(max, { error: `must be at most ${max}` })
    .meta({ description });
}

/** "a,b,,c" → ["a", "b", "c"]: trimmed, empty items dropped, duplicates removed. */
export function commaListParameter(description: string) {
  return z
    .string()
    .max(5000, { error: 'must be at most 5000 characters' })
    .meta({ description: `${description} (comma-separated)` })
    .transform((text) => [
      ...new Set(
        text
          .split(',')
          .map((item) => item.trim())
          .filter((item) => item !== ''),
      ),
    ]);
}

export const dateParameter = (description: string) =>
  isoDatePrefixSchema.meta({ description: `${description} (YYYY, YYYY-MM or YYYY-MM-DD)` });

/**
 * Filters shared by every route that returns graph data. Node-type, edge-type and status
 * filters select edges and nodes; `from`/`to` keep edges with a claim dated in that range
 * (the edge keeps all its claims); `knownAt` and `documents` drop claims (only claims from
 * documents dated on or before that day / from these documents), and each edge's status
 * is recomputed from the claims that remain; `minClaims` applies after that.
 */
export const graphFilterShape = {
  nodeTypes: commaListParameter('keep only entities of these node types').optional(),
  edgeTypes: commaListParameter('keep only relations of these edge types').optional(),
  status: commaListParameter('keep only relations with these statuses, e.g. reported,confirmed').optional(),
  from: dateParameter('keep relations with a claim dated on or after this date').optional(),
  to: dateParameter('keep relations with a claim dated on or before this date').optional(),
  knownAt: dateParameter('what was known on this day: only claims from documents dated on or before it').optional(),
  documents: commaListParameter('only claims from these document ids').optional(),
  minClaims: integerParameter(1, 1_000_000, 'keep relations backed by at least this many claims').optional(),
};

export const graphFilterSchema = z.strictObject(graphFilterShape);
export type GraphFilters = z.output<typeof graphFilterSchema>;
export type GraphFilterQuery = z.input<typeof graphFilterSchema>;

/** The parameters of routes without query parameters: anything given is rejected. */
export const noQuerySchema = z.strictObject({});

export const idPathSchema = z.strictObject({ id: z.string().min(1).max(500).meta({ description: 'the id' }) });

// ---------------------------------------------------------------------------------------
// Shared response parts.

export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  /** A 409 for a new entity that the graph already has: the field that named it and the existing entity. */
  existing: z.object({ path: z.string(), id: z.string(), name: z.string(), type: z.string() }).optional(),
});

/** An entity as other records mention it. */
export const entityRefSchema = z.object({ id: z.string(), name: z.string(), type: z.string() });

const graphAttributesSchema = z.object({
  name: z.string(),
  /** The dataset version the graph was built from. */
  version: z.string(),
});

/** A graph on the wire: graphology's SerializedGraph, ready for `graph.import()`. */
export const graphResponseSchema = serializedGraphSchema.extend({
  attributes: graphAttributesSchema.extend({
    /** With the `top` parameter: its value, and how many entities it left out. */
    top: z.number().int().optional(),
    omittedNodes: z.number().int().optional(),
  }),
});

/** An edge with both ends named and every claim (stance, quote, offsets, document, dates). */
export const edgeDetailSchema = edgeAttributesSchema.extend({
  id: z.string(),
  source: entityRefSchema,
  target: entityRefSchema,
});

const pageShape = {
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
};

// ---------------------------------------------------------------------------------------
// GET /api/health

/** Where reads need a token, an anonymous client gets only the status: no counts, no version. */
export const healthResponseSchema = z.object({
  status: z.literal('ok'),
  version: z.string().optional(),
  counts: z
    .object({
      entities: z.number().int(),
      edges: z.number().int(),
      claims: z.number().int(),
      documents: z.number().int(),
    })
    .optional(),
});

// GET /api/session

export const sessionResponseSchema = z.object({
  /** `open`: anyone may read; `signed-in`: reads need a reader's token. */
  reads: z.enum(['open', 'signed-in']),
  /** Whether this server takes writes at all (its data folder's write store is open). */
  writes: z.boolean(),
  /** The request's user, when it sent a token. */
  user: z.object({ name: z.string(), role: z.enum(['reader', 'editor', 'admin']) }).optional(),
});

// GET /api/users

export const usersResponseSchema = z.object({
  users: z.array(
    z.object({
      name: z.string(),
      role: z.enum(['reader', 'editor', 'admin']),
      createdAt: z.string(),
      revokedAt: z.string().optional(),
      source: z.enum(['users.json', 'CLAIMGRAPH_TOKEN']),
    }),
  ),
});

// GET /api/vocabulary

export const vocabularyResponseSchema = z.object({
  nodeTypes: z.array(nodeTypeSchema),
  edgeTypes: z.array(edgeTypeSchema),
  stances: z.array(stanceSchema),
  statuses: z.array(statusSchema),
});

// GET /api/graph

export const graphQuerySchema = z.strictObject({
  ...graphFilterShape,
  // A client opens a graph too large to draw whole on its most connected part.
  top: integerParameter(
    1,
    1_000_000,
    'at most this many entities, the most connected (ties by id), with the relations among them; fewer if their claims would pass 20000',
  ).optional(),
});

// GET /api/entities

export const entitySearchQuerySchema = z.strictObject({
  q: z
    .string()
    .trim()
    .min(1, { error: 'must not be empty' })
    .max(200, { error: 'must be at most 200 characters' })
    .meta({ description: 'name or alias, or a part of it; case, accents and one typo do not matter' }),
  type: commaListParameter('only entities of these node types').optional(),
  limit: integerParameter(1, 1000, 'how many hits at most').default(20),
  offset: integerParameter(0, 1_000_000, 'how many hits to skip').default(0),
});

export const searchHitSchema = entityRefSchema.extend({
  kind: z.string().optional(),
  description: z.string().optional(),
  degree: z.number().int(),
  score: z.number(),
  /** Which of the entity's names matched, and how. */
  matched: z.object({
    text: z.string(),
    field: z.enum(['name', 'alias', 'id']),
    how: z.enum(['exact', 'prefix', 'words', 'fuzzy']),
  }),
});

export const entitySearchResponseSchema = z.object({
  query: z.string(),
  ...pageShape,
  hits: z.array(searchHitSchema),
});

// GET /api/entities/:id

export const relationSchema = z.object({
  edge: z.string(),
  other: entityRefSchema,
  /** outgoing: this entity is the subject; incoming: the object; undirected types have no direction. */
  direction: z.enum(['outgoing', 'incoming', 'undirected']),
  status: z.string(),
  label: z.string(),
  claimCount: z.number().int(),
});

export const entityDetailsResponseSchema = z.object({
  entity: entitySchema,
  degree: z.number().int(),
  claimCount: z.number().int(),
  relations: z.array(
    z.object({
      type: z.string(),
      typeLabel: z.string(),
      edges: z.array(relationSchema),
    }),
  ),
});

// GET /api/entities/:id/neighbors

/** How much of each relation's evidence a neighbourhood carries: counts and dates, or every claim. */
export const neighbourClaimsSchema = z.enum(['summary', 'all'], { error: 'expected summary or all' });

export const neighboursQuerySchema = z.strictObject({
  ...graphFilterShape,
  depth: integerParameter(1, 3, 'how many steps away from the entity').default(1),
  limit: integerParameter(
    1,
    1000,
    'at most this many entities besides the centre; the rest (hubs first) are left out',
  ).optional(),
  claims: neighbourClaimsSchema
    .meta({
      description:
        'summary (the default): each relation carries its status, claim count, documents and dates, its claims are at /api/edges/{id}; all: each relation carries every claim too',
    })
    .default('summary'),
});

export const neighboursResponseSchema = serializedGraphSchema.extend({
  attributes: graphAttributesSchema.extend({
    center: z.string(),
    depth: z.number().int(),
    limit: z.number().int().optional(),
    /** Entities within `depth` steps that `limit` left out. */
    omittedNodes: z.number().int(),
    /** Whether the relations carry their claims (all) or only their counts and dates (summary). */
    claims: neighbourClaimsSchema,
  }),
  edges: z.array(
    serializedGraphSchema.shape.edges.element.extend({
      attributes: edgeAttributesSchema.extend({ claims: z.array(edgeClaimSchema).optional() }),
    }),
  ),
});

// GET /api/edges and /api/edges/:id

export const edgesQuerySchema = z.strictObject({
  ...graphFilterShape,
  type: commaListParameter('only relations of these edge types').optional(),
  entity: entityIdSchema.meta({ description: 'only relations of this entity' }).optional(),
  limit: integerParameter(1, 1000, 'how many edges at most').default(100),
  offset: integerParameter(0, 1_000_000, 'how many edges to skip').default(0),
});

export const edgesResponseSchema = z.object({ ...pageShape, edges: z.array(edgeDetailSchema) });

export const edgeResponseSchema = edgeDetailSchema;

// GET /api/path

/** Here `from` and `to` name the path's ends, so the date-range filters are not available; knownAt and the others are. */
const { from: _fromDate, to: _toDate, ...pathFilterShape } = graphFilterShape;

export const pathQuerySchema = z.strictObject({
  ...pathFilterShape,
  from: entityIdSchema.meta({ description: 'id of the entity the path starts at' }),
  to: entityIdSchema.meta({ description: 'id of the entity the path ends at' }),
  maxLength: integerParameter(1, 10, 'at most this many relations long').default(6),
});

export const pathResponseSchema = z.object({
  from: entityRefSchema,
  to: entityRefSchema,
  /** Number of steps (relations) in the path. */
  length: z.number().int(),
  /** The entities along the path, from `from` to `to`. */
  nodes: z.array(entityRefSchema),
  /** One step per pair of consecutive entities: every relation between them that passes the filters, strongest evidence first. */
  steps: z.array(z.object({ from: z.string(), to: z.string(), edges: z.array(edgeDetailSchema).min(1) })),
});

// GET /api/documents and /api/documents/:id

export const documentsQuerySchema = z.strictObject({
  limit: integerParameter(1, 1000, 'how many documents at most').default(100),
  offset: integerParameter(0, 1_000_000, 'how many documents to skip').default(0),
});

export const documentSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  date: z.string(),
  url: z.string().optional(),
  /** Length of the text in UTF-16 code units. */
  length: z.number().int(),
  claimCount: z.number().int(),
});

export const documentsResponseSchema = z.object({ ...pageShape, documents: z.array(documentSummarySchema) });

/** A passage of the document that a claim quotes; offsets index `text` (UTF-16, end exclusive). */
export const quotedSpanSchema = z.object({
  claim: z.string(),
  edge: z.string(),
  subject: z.string(),
  type: z.string(),
  object: z.string(),
  stance: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  quote: z.string(),
});

export const documentResponseSchema = documentSummarySchema.extend({
  text: z.string(),
  spans: z.array(quotedSpanSchema),
  /** The file the text was converted from (Markdown, a saved web page, a PDF), when one was kept. */
  original: z
    .object({ url: z.string(), contentType: z.string(), bytes: z.number().int() })
    .optional()
    .meta({ description: 'the file the text was converted from, served at url' }),
});

// GET /api/stats

export const statsQuerySchema = z.strictObject({
  ...graphFilterShape,
  top: integerParameter(1, 100, 'how many entities in each top list').default(10),
});

const rankedEntitySchema = entityRefSchema.extend({ value: z.number() });

export const statsResponseSchema = z.object({
  counts: z.object({
    entities: z.number().int(),
    edges: z.number().int(),
    claims: z.number().int(),
    documents: z.number().int(),
  }),
  byNodeType: z.record(z.string(), z.number().int()),
  byEdgeType: z.record(z.string(), z.number().int()),
  byStatus: z.record(z.string(), z.number().int()),
  topByDegree: z.array(rankedEntitySchema),
  topByPageRank: z.array(rankedEntitySchema),
  communities: z.object({
    count: z.number().int(),
    modularity: z.number(),
    /** Largest first; `label` is the name of the member with the highest degree. */
    groups: z.array(
      z.object({ id: z.number().int(), label: z.string(), size: z.number().int(), members: z.array(z.string()) }),
    ),
  }),
});

// GET /api/export

export const exportQuerySchema = z.strictObject({
  ...graphFilterShape,
  format: z
    .string()
    .min(1)
    .max(50)
    .meta({ description: 'json, gexf, graphml, nodes.csv, edges.csv, cypher or neo4j-admin' })
    .default('json'),
  static: z
    .enum(['true', 'false'], { error: 'expected true or false' })
    .meta({ description: 'gexf only: true leaves out Gephi\'s timeline (mode="dynamic" and each edge\'s spells)' })
    .transform((text) => text === 'true')
    .optional(),
});

// GET /api/openapi.json

export const openApiResponseSchema = z.record(z.string(), z.unknown());

// ---------------------------------------------------------------------------------------
// Inferred types.

export type Problem = z.infer<typeof problemSchema>;
export type EntityRef = z.infer<typeof entityRefSchema>;
export type GraphResponse = z.infer<typeof graphResponseSchema>;
export type EdgeDetail = z.infer<typeof edgeDetailSchema>;
export type HealthResponse = z.infer<typeof healthResponseSchema>;
export type SessionResponse = z.infer<typeof sessionResponseSchema>;
export type UsersResponse = z.infer<typeof usersResponseSchema>;
export type VocabularyResponse = z.infer<typeof vocabularyResponseSchema>;
export type GraphQuery = z.output<typeof graphQuerySchema>;
export type EntitySearchQuery = z.output<typeof entitySearchQuerySchema>;
export type SearchHit = z.infer<typeof searchHitSchema>;
export type EntitySearchResponse = z.infer<typeof entitySearchResponseSchema>;
export type Relation = z.infer<typeof relationSchema>;
export type EntityDetailsResponse = z.infer<typeof entityDetailsResponseSchema>;
export type NeighboursQuery = z.output<typeof neighboursQuerySchema>;
export type NeighboursResponse = z.infer<typeof neighboursResponseSchema>;
export type EdgesQuery = z.output<typeof edgesQuerySchema>;
export type EdgesResponse = z.infer<typeof edgesResponseSchema>;
export type PathQuery = z.output<typeof pathQuerySchema>;
export type PathResponse = z.infer<typeof pathResponseSchema>;
export type DocumentsQuery = z.output<typeof documentsQuerySchema>;
export type DocumentSummary = z.infer<typeof documentSummarySchema>;
export type DocumentsResponse = z.infer<typeof documentsResponseSchema>;
export type QuotedSpan = z.infer<typeof quotedSpanSchema>;
export type DocumentResponse = z.infer<typeof documentResponseSchema>;
export type StatsQuery = z.output<typeof statsQuerySchema>;
export type StatsResponse = z.infer<typeof statsResponseSchema>;
export type ExportQuery = z.output<typeof exportQuerySchema>;

/** Node attributes as graph responses carry them (re-exported for the client). */
export { nodeAttributesSchema, edgeAttributesSchema };
