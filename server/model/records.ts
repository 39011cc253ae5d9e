// The record shapes of a data folder: entities, claims and documents. These zod
// schemas are the single source of truth; the TypeScript types are inferred from them.
// Step 1 of the loader checks shapes here; references and the vocabulary are checked in
// step 2 (server/load/resolveDataset.ts) because they depend on other files.
import { z } from 'zod';
import { ATTRIBUTE_DEPTH_MESSAGE, pathBeyondDepth } from './attributeDepth';
import { isoDatePrefixSchema, isoFullDateSchema } from './dates';

/** Ids are slugs ("elon-musk") or prefixed codes ("country:RU"): no spaces, no slashes. */
export const entityIdSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, {
    message: 'expected an id of letters, digits, ".", "_", ":" or "-" (such as elon-musk or country:RU)',
  });

export const httpUrlSchema = z
  .string()
  .max(2000)
  .refine((value) => /^https?:\/\/[^\s]+$/i.test(value), { message: 'expected an http(s) URL' });

/** Properties kept from imported sources that have no field of ours; nested at most MAX_ATTRIBUTE_DEPTH levels. */
export const attributesSchema = z.record(z.string(), z.unknown()).superRefine((attributes, ctx) => {
  const path = pathBeyondDepth(attributes);
  if (path) ctx.addIssue({ code: 'custom', path, message: ATTRIBUTE_DEPTH_MESSAGE });
});

export const entitySchema = z.strictObject({
  id: entityIdSchema,
  type: z.string().min(1),
  name: z.string().min(1).max(500),
  aliases: z.array(z.string().min(1).max(500)).default([]),
  description: z.string().max(5000).optional(),
  kind: z.string().optional(),
  /** ISO 3166-1 alpha-2 code, for country entities. */
  countryCode: z
    .string()
    .regex(/^[A-Z]{2}$/, { message: 'expected an ISO 3166-1 alpha-2 code such as RU' })
    .optional(),
  /** Properties kept from imported sources that have no field of ours. */
  attributes: attributesSchema.optional(),
});

/** A citation of a record in a structured source (an imported file) instead of a quote. */
export const recordReferenceSchema = z.strictObject({
  file: z.string().min(1),
  id: z.string().min(1),
  url: httpUrlSchema.optional(),
});

export const claimSchema = z
  .strictObject({
    id: z.string().min(1).max(200),
    subject: entityIdSchema,
    type: z.string().min(1),
    object: entityIdSchema,
    stance: z.string().min(1),
    document: z.string().min(1).optional(),
    quote: z.string().min(1).max(5000).optional(),
    /** Where the quote starts in the document's text, when it is not its first occurrence (a quote a curator chose among several). */
    quoteStart: z.number().int().min(0).optional(),
    record: recordReferenceSchema.optional(),
    attributedTo: z.string().min(1).max(500).optional(),
    date: isoDatePrefixSchema.optional(),
    startDate: isoDatePrefixSchema.optional(),
    endDate: isoDatePrefixSchema.optional(),
    role: z.string().max(200).optional(),
    summary: z.string().max(1000).optional(),
    /** The user who put the claim on the graph (accepted its proposal, or added it by hand), and when. */
    addedBy: z.string().min(1).max(200).optional(),
    addedAt: z.string().min(1).max(40).optional(),
    attributes: attributesSchema.optional(),
  })
  .superRefine((claim, ctx) => {
    const hasQuote = claim.quote !== undefined;
    const hasRecord = claim.record !== undefined;
    if (hasQuote === hasRecord) {
      ctx.addIssue({
        code: 'custom',
        path: ['quote'],
        message: 'expected either a quote (with its document) or a record reference, not both or neither',
      });
    }
    if (hasQuote && claim.document === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['document'],
        message: 'a claim with a quote needs the id of the document it quotes',
      });
    }
    if (claim.quoteStart !== undefined && !hasQuote) {
      ctx.addIssue({ code: 'custom', path: ['quoteStart'], message: 'quoteStart needs a quote' });
    }
    if (claim.startDate && claim.endDate && claim.startDate > claim.endDate) {
      ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'endDate is before startDate' });
    }
  });

export const documentHeaderSchema = z.strictObject({
  id: z.string().min(1),
  date: isoFullDateSchema,
  title: z.string().min(1),
});

export const documentSchema = documentHeaderSchema.extend({
  /** The body: everything after the first line. Quotes and offsets refer to it. */
  text: z.string().min(1, { message: 'the document has no body text' }),
  url: httpUrlSchema.optional(),
});

export const entitiesFileSchema = z.array(entitySchema);
export const claimsFileSchema = z.array(claimSchema);

export type Entity = z.infer<typeof entitySchema>;
export type EntityInput = z.input<typeof entitySchema>;
export type Claim = z.infer<typeof claimSchema>;
export type RecordReference = z.infer<typeof recordReferenceSchema>;
export type DocumentRecord = z.infer<typeof documentSchema>;
