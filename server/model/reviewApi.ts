// The write API's contract (ingest, the review queue, accept and reject): the
// zod schemas of request bodies and responses, with their TypeScript types. Request
// bodies are strict, so a client cannot set ids, statuses or review fields (mass
// assignment): an unknown field is a 400 naming it. The client imports the types.
import { z } from 'zod';
import { integerParameter } from './api';
import { droppedClaimSchema, extractorNameSchema } from './extraction';
import { claimSchema } from './records';
import { correctionsSchema, proposalStatusSchema, proposedClaimSchema } from './journalEntries';

/** POST /api/documents with Content-Type application/json (text/plain sends the article alone). */
export const documentBodySchema = z.strictObject({
  text: z
    .string()
    .min(1, { error: 'the article text is empty' })
    .meta({ description: 'the article in the seeds\' format: first line " date YYYY-MM-DD Title", then the body' }),
  fileName: z.string().min(1).max(160).optional().meta({
    description: 'stored as documents/<fileName>; the document id is its stem. Default: article-<hash of the text>.txt',
  }),
});

/** POST /api/documents with text/plain: the file name, optionally, in the query string. */
export const documentTextQuerySchema = z.strictObject({
  fileName: z
    .string()
    .min(1)
    .max(160)
    .optional()
    .meta({ description: 'with a text/plain body: the file name to store it under' }),
});

/** POST /api/documents with a Markdown, HTML or PDF body: where to store it and what its first line says. */
export const documentFileQuerySchema = z.strictObject({
  fileName: z.string().min(1).max(160).optional().meta({
    description:
      'the name of the text it becomes, e.g. 108_some-article.txt (its stem is the document id); default: article-<hash of the text>.txt',
  }),
  title: z.string().min(1).max(500).optional().meta({ description: "the document's title, over what the file says" }),
  date: z.string().min(1).max(40).optional().meta({ description: 'its date, YYYY-MM-DD, over what the file says' }),
  url: z.string().min(1).max(2000).optional().meta({ description: 'where it was found, over what the file says' }),
});

/** POST /api/proposals/{id}/accept: every field optional; an empty body accepts the proposal as extracted. */
export const acceptBodySchema = correctionsSchema;

export const proposalEntitySchema = z.object({
  id: z.string(),
  name: z.string(),
  type: z.string(),
  existing: z.boolean(),
});

export const proposalViewSchema = z.object({
  id: z.string(),
  status: proposalStatusSchema,
  document: z.object({ id: z.string(), title: z.string(), date: z.string() }),
  claim: proposedClaimSchema,
  subject: proposalEntitySchema,
  object: proposalEntitySchema,
  /** Which extractor proposed it: `rules`, or `llm:<model>`. */
  extractor: extractorNameSchema,
  /** Offsets of the quote in the document's text, for highlighting. */
  quoteStart: z.number().int(),
  quoteEnd: z.number().int(),
  decidedAt: z.string().optional(),
  /** Who accepted or rejected it (`token`, `cli`); absent for decisions journalled before authors were. */
  decidedBy: z.string().optional(),
  /** The claim an accepted proposal became. */
  claimId: z.string().optional(),
  /** The ends of that claim as accepted (corrections included), while it is on the graph. */
  accepted: z.object({ subject: proposalEntitySchema, object: proposalEntitySchema }).optional(),
});

export const proposalsQuerySchema = z.strictObject({
  status: z
    .enum(['pending', 'accepted', 'rejected', 'all'])
    .default('pending')
    .meta({ description: 'which proposals (default pending)' }),
  document: z.string().min(1).max(500).optional().meta({ description: 'only proposals from this document' }),
  // The bounds and messages of every other page of the API (README, Security: `limit` ≤ 1000).
  offset: integerParameter(0, 1_000_000, 'how many proposals to skip').default(0),
  limit: integerParameter(1, 1000, 'how many proposals at most').default(100),
});

export const proposalsResponseSchema = z.object({
  total: z.number().int(),
  offset: z.number().int(),
  limit: z.number().int(),
  proposals: z.array(proposalViewSchema),
});

export const ingestResponseSchema = z.object({
  /** False when the same article was stored before (nothing written). */
  created: z.boolean(),
  document: z.object({ id: z.string(), title: z.string(), date: z.string() }),
  proposals: z.array(proposalViewSchema),
  /** Extracted claims that did not become proposals, and why (a model's claim that failed a check: `index` is its place in the model's answer). */
  skipped: z.array(droppedClaimSchema),
  /** Why the extractor asked for was not used (the model server failed and the rule extractor stood in). */
  warnings: z.array(z.string()),
});

export const acceptedClaimSchema = claimSchema.safeExtend({
  quoteStart: z.number().int().optional(),
  quoteEnd: z.number().int().optional(),
});

export const decisionResponseSchema = z.object({
  /** False when the proposal was already decided this way (nothing written). */
  created: z.boolean(),
  proposal: proposalViewSchema,
  claim: acceptedClaimSchema.optional(),
  /** The key of the edge the accepted claim is on (GET /api/edges/{key}). */
  edge: z.string().optional(),
});

export type DocumentBody = z.infer<typeof documentBodySchema>;
export type DocumentFileQuery = z.infer<typeof documentFileQuerySchema>;
export type AcceptBody = z.infer<typeof acceptBodySchema>;
export type ProposalEntity = z.infer<typeof proposalEntitySchema>;
export type ProposalView = z.infer<typeof proposalViewSchema>;
export type ProposalsQuery = z.output<typeof proposalsQuerySchema>;
export type ProposalsResponse = z.infer<typeof proposalsResponseSchema>;
export type IngestResponse = z.infer<typeof ingestResponseSchema>;
export type DecisionResponse = z.infer<typeof decisionResponseSchema>;
