// The attributes the built graph carries on its nodes and edges, and the graph's wire
// shape (graphology's SerializedGraph). Declared with zod so the API's OpenAPI document
// and response checks come from the same source; the client imports the types only.
import { z } from 'zod';
import { recordReferenceSchema } from './records';

export const edgeClaimSchema = z.object({
  id: z.string(),
  subject: z.string(),
  object: z.string(),
  stance: z.string(),
  quote: z.string().optional(),
  quoteStart: z.number().int().optional(),
  quoteEnd: z.number().int().optional(),
  document: z.string().optional(),
  documentTitle: z.string().optional(),
  documentDate: z.string().optional(),
  record: recordReferenceSchema.optional(),
  attributedTo: z.string().optional(),
  date: z.string().optional(),
  startDate: z.string().optional(),
  endDate: z.string().optional(),
  role: z.string().optional(),
  summary: z.string().optional(),
  /** Who put the claim on the graph (a reviewer's accept, a curator's add) and when. */
  addedBy: z.string().optional(),
  addedAt: z.string().optional(),
  attributes: z.record(z.string(), z.unknown()).optional(),
});

export const nodeAttributesSchema = z.object({
  type: z.string(),
  label: z.string(),
  aliases: z.array(z.string()),
  description: z.string().optional(),
  kind: z.string().optional(),
  countryCode: z.string().optional(),
  attributes: z.record(z.string(), z.unknown()).optional(),
  color: z.string(),
  degree: z.number().int(),
  size: z.number(),
  x: z.number(),
  y: z.number(),
});

export const edgeAttributesSchema = z.object({
  type: z.string(),
  /** Display label: status prefix + type label, e.g. "alleged contact". */
  label: z.string(),
  typeLabel: z.string(),
  status: z.string(),
  directed: z.boolean(),
  color: z.string(),
  size: z.number(),
  claimCount: z.number().int(),
  documents: z.array(z.string()),
  firstDate: z.string().optional(),
  lastDate: z.string().optional(),
  claims: z.array(edgeClaimSchema),
});

export const serializedGraphSchema = z.object({
  attributes: z.record(z.string(), z.unknown()),
  options: z.object({ type: z.string(), multi: z.boolean(), allowSelfLoops: z.boolean() }),
  nodes: z.array(z.object({ key: z.string(), attributes: nodeAttributesSchema })),
  edges: z.array(
    z.object({
      key: z.string(),
      source: z.string(),
      target: z.string(),
      undirected: z.boolean().optional(),
      attributes: edgeAttributesSchema,
    }),
  ),
});

export type EdgeClaim = z.infer<typeof edgeClaimSchema>;
export type NodeAttributes = z.infer<typeof nodeAttributesSchema>;
export type EdgeAttributes = z.infer<typeof edgeAttributesSchema>;
export type SerializedEvidenceGraph = z.infer<typeof serializedGraphSchema>;

/**
 * An edge claim's keys in the order toEdgeClaim (server/graph/buildGraph.ts) gives them:
 * the start-up cache makes claims in this order, and the GEXF writer's fast path expects it.
 */
export const EDGE_CLAIM_KEYS = [
  'id',
  'subject',
  'object',
  'stance',
  'quote',
  'quoteStart',
  'quoteEnd',
  'document',
  'documentTitle',
  'documentDate',
  'record',
  'attributedTo',
  'date',
  'startDate',
  'endDate',
  'role',
  'summary',
  'addedBy',
  'addedAt',
  'attributes',
] as const satisfies ReadonlyArray<keyof EdgeClaim>;
