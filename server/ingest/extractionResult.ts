// The output of the extractor, as `claimgraph extract` prints it and the review queue
// stores it: the document header, the entities the article names (existing ones keep
// their dataset id) and the proposed claims with verbatim quotes.
import { z } from 'zod';
import { documentHeaderSchema, entityIdSchema } from '../model/records';
import { isoDatePrefixSchema } from '../model/dates';

export const extractedEntitySchema = z.strictObject({
  id: entityIdSchema,
  name: z.string().min(1),
  type: z.string().min(1),
  aliases: z.array(z.string().min(1)),
  existing: z.boolean(),
});

export const extractedClaimSchema = z.strictObject({
  subject: entityIdSchema,
  type: z.string().min(1),
  object: entityIdSchema,
  stance: z.string().min(1),
  quote: z.string().min(1),
  date: isoDatePrefixSchema.optional(),
  attributedTo: z.string().min(1).optional(),
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
