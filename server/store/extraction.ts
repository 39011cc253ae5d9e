// The extractor's output as the write path relies on it (the shape `claimgraph extract`
// prints), checked with zod: the extractor is our code, but its output becomes durable
// proposals, so a shape slip must fail here and not in a later replay.
import { z } from 'zod';
import type { Dataset } from '../model/dataset';
import { entityIdSchema } from '../model/records';
import { proposedClaimSchema } from '../model/journalEntries';

export const extractedEntitySchema = z.object({
  id: entityIdSchema,
  name: z.string().min(1).max(500),
  type: z.string().min(1),
  aliases: z.array(z.string()).default([]),
  existing: z.boolean(),
  kind: z.string().min(1).optional(),
  countryCode: z.string().regex(/^[A-Z]{2}$/).optional(),
});

export const extractionSchema = z.object({
  document: z.object({ id: z.string().min(1), date: z.string(), title: z.string() }),
  entities: z.array(extractedEntitySchema),
  claims: z.array(z.object(proposedClaimSchema.shape)),
});

export type ExtractedEntity = z.infer<typeof extractedEntitySchema>;
export type Extraction = z.infer<typeof extractionSchema>;

/** `extractArticle(text, fileName, dataset?)` from server/ingest/extractArticle.ts. */
export type ExtractArticle = (text: string, fileName: string, dataset?: Dataset) => unknown;
