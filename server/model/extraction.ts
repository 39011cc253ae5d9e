// The extractor's output, one contract for both of its readers: `claimgraph extract` prints
// it, and the write path checks it before it becomes durable proposals (a claim it proposes
// is stored as it is, so the claim's limits are the journal's). The document header, the
// entities the article names (existing ones keep their dataset id) and the proposed claims
// with verbatim quotes.
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

export const extractionResultSchema = z.strictObject({
  document: documentHeaderSchema,
  entities: z.array(extractedEntitySchema),
  claims: z.array(extractedClaimSchema),
});

export type ExtractedEntity = z.infer<typeof extractedEntitySchema>;
export type ExtractedClaim = z.infer<typeof extractedClaimSchema>;
export type ExtractionResult = z.infer<typeof extractionResultSchema>;
