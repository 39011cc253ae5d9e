// The extractor's output, one contract for both of its readers: `claimgraph extract` prints
// it, and the write path checks it before it becomes durable proposals (a claim it proposes
// is stored as it is, so the claim's limits are the journal's). The document header, the
// entities the article names (existing ones keep their dataset id) and the proposed claims
// with verbatim quotes; which extractor made them, what it dropped and why, and why a
// model extractor fell back to the rules.
import { z } from 'zod';
import { isoDatePrefixSchema } from './dates';
import { documentHeaderSchema, entityIdSchema } from './records';

export const extractedEntitySchema = z.strictObject({
  id: entityIdSchema,
  name: z.string().min(1).max(500),
  type: z.string().min(1),
  aliases: z.array(z.string().min(1)),
  /** True when the id is a dataset entity's; a new entity is created only when a claim using it is accepted. */
  existing: z.boolean(),
  kind: z.string().min(1).optional(),
  countryCode: z
    .string()
    .regex(/^[A-Z]{2}$/, { message: 'expected an ISO 3166-1 alpha-2 code such as RU' })
    .optional(),
});

/** A claim as the extractor proposes it (ids of entities, vocabulary type and stance, a verbatim quote). */
export const extractedClaimSchema = z.strictObject({
  subject: entityIdSchema,
  type: z.string().min(1).max(100),
  object: entityIdSchema,
  stance: z.string().min(1).max(100),
  quote: z.string().min(1).max(5000),
  date: isoDatePrefixSchema.optional(),
  attributedTo: z.string().min(1).max(500).optional(),
  confidence: z.number().min(0).max(1),
});

/** Which extractor proposed a claim: the rules (server/ingest/), or a model by its name on the model server. */
export const extractorNameSchema = z
  .string()
  .max(300)
  .regex(/^(?:rules|llm:\S.*)$/, { message: 'expected "rules" or "llm:<model>"' });

/** A claim the extractor's own checks dropped: its place in what was proposed (a model's answer), and why. */
export const droppedClaimSchema = z.strictObject({
  index: z.number().int().min(0),
  reason: z.string().min(1).max(2000),
});

export const extractionResultSchema = z.strictObject({
  document: documentHeaderSchema,
  entities: z.array(extractedEntitySchema),
  claims: z.array(extractedClaimSchema),
  /** Who proposed these claims; absent from extractors written before it existed (the rules). */
  extractor: extractorNameSchema.optional(),
  /** Claims proposed but dropped before they could reach the review queue (a model's that failed a check). */
  dropped: z.array(droppedClaimSchema).optional(),
  /** Why the extractor asked for was not the one used (the model server failed: the rules stood in). */
  warnings: z.array(z.string().min(1).max(2000)).optional(),
});

export type ExtractedEntity = z.infer<typeof extractedEntitySchema>;
export type ExtractedClaim = z.infer<typeof extractedClaimSchema>;
export type ExtractionResult = z.infer<typeof extractionResultSchema>;
export type ExtractorName = z.infer<typeof extractorNameSchema>;
export type DroppedClaim = z.infer<typeof droppedClaimSchema>;
