// The curation API's contract: the bodies of adding, correcting, retracting a claim,
// editing and merging an entity and reverting an event, the history query, and their answers, as zod schemas with their
// TypeScript types. Bodies are strict, so ids, versions and authors stay the server's.
import { z } from 'zod';
import { integerParameter } from './api';
import { authorSchema, curationEntrySchema } from './curationEvents';
import { isoDatePrefixSchema } from './dates';
import { newEntityChoiceSchema } from './journalEntries';
import { claimSchema, entityIdSchema, entitySchema } from './records';

/** A new entity named by a curator; `createAnyway` creates it even when an entity of that name exists. */
export const curatedNewEntitySchema = newEntityChoiceSchema;

/** Subject or object: an existing entity's id, or a new entity. */
export const claimEndSchema = z.union([entityIdSchema, curatedNewEntitySchema]);

const offset = (description: string) => z.number().int().min(0).max(10_000_000).meta({ description });
const reasonSchema = z.string().trim().min(1).max(2000);

export const addClaimBodySchema = z.strictObject({
  document: z.string().min(1).max(500).meta({ description: 'the id of the document the quote is from' }),
  quote: z.string().min(1).max(5000).meta({ description: "a verbatim passage of the document's text" }),
  start: offset('where the quote starts in the text; needed when the quote occurs more than once').optional(),
  end: offset('where the quote ends (exclusive); checked against start and the quote').optional(),
  subject: claimEndSchema,
  type: z.string().min(1).max(100),
  object: claimEndSchema,
  stance: z.string().min(1).max(100),
  date: isoDatePrefixSchema.optional(),
  attributedTo: z.string().trim().min(1).max(500).optional(),
  role: z.string().trim().min(1).max(200).optional(),
  reason: reasonSchema.optional(),
});

/** Every field optional; null clears date, attributedTo or role. */
export const correctClaimBodySchema = z.strictObject({
  type: z.string().min(1).max(100).optional(),
  stance: z.string().min(1).max(100).optional(),
  subject: claimEndSchema.optional(),
  object: claimEndSchema.optional(),
  date: isoDatePrefixSchema.nullable().optional(),
  attributedTo: z.string().trim().min(1).max(500).nullable().optional(),
  role: z.string().trim().min(1).max(200).nullable().optional(),
  quote: z.string().min(1).max(5000).optional(),
  start: offset("where the (new) quote starts in the document's text").optional(),
  end: offset('where it ends (exclusive)').optional(),
  reason: reasonSchema.optional(),
});

const REASON_REQUIRED = 'a retraction needs a reason: say why the claim is taken back';

export const retractClaimBodySchema = z.strictObject({
  reason: z.string({ error: REASON_REQUIRED }).trim().min(1, { error: REASON_REQUIRED }).max(2000),
});

/** Every field optional; null clears description, kind or countryCode. */
export const editEntityBodySchema = z.strictObject({
  name: z.string().trim().min(1).max(500).optional(),
  aliases: z
    .array(z.string().trim().min(1).max(500))
    .max(50)
    .optional()
    .meta({ description: 'the whole list of aliases (replaces the old one)' }),
  description: z.string().max(5000).nullable().optional(),
  type: z.string().min(1).max(100).optional().meta({
    description: 'a node type; every claim of the entity must still allow it at its end (else 409 naming them)',
  }),
  kind: z.string().min(1).max(100).nullable().optional(),
  countryCode: z
    .string()
    .regex(/^[A-Z]{2}$/, { message: 'expected an ISO 3166-1 alpha-2 code such as RU' })
    .nullable()
    .optional(),
  reason: reasonSchema.optional(),
});

const INTO_REQUIRED = 'name the entity that stays, by its id: "into": "<entity id>"';

export const mergeEntityBodySchema = z.strictObject({
  into: z.string({ error: INTO_REQUIRED }).min(1, { error: INTO_REQUIRED }).max(500).meta({
    description: 'the entity that stays: it takes every claim of the merged one, its name and aliases join its aliases',
  }),
  reason: reasonSchema.optional(),
});

export const revertBodySchema = z.strictObject({ reason: reasonSchema.optional() });

export const historyQuerySchema = z.strictObject({
  entity: z.string().min(1).max(500).optional().meta({
    description: 'events whose claim has this subject or object, edits of this entity, merges of it or into it',
  }),
  claim: z.string().min(1).max(500).optional().meta({ description: 'events of this claim' }),
  document: z.string().min(1).max(500).optional().meta({ description: 'events of claims quoting this document' }),
  author: authorSchema.optional().meta({ description: 'events by this author (token, cli)' }),
  offset: integerParameter(0, 1_000_000, 'how many events to skip').default(0),
  limit: integerParameter(1, 1000, 'how many events at most').default(50),
});

export const claimVersionPathSchema = z.strictObject({
  id: z.string().min(1).max(500).meta({ description: 'the claim id' }),
});
export const eventPathSchema = z.strictObject({
  eventId: z.string().min(1).max(100).meta({ description: 'the event id (e1, e2, …)' }),
});

export const entityVersionPathSchema = z.strictObject({
  id: z.string().min(1).max(500).meta({ description: 'the entity id' }),
});

export const curatedClaimSchema = claimSchema.safeExtend({
  quoteStart: z.number().int().optional(),
  quoteEnd: z.number().int().optional(),
});

export const historyEventSchema = curationEntrySchema;

/** A claim as the curation API shows it: live on the graph, or retracted (kept in the history). */
export const claimStateSchema = z.object({
  claim: curatedClaimSchema,
  status: z.enum(['live', 'retracted']),
  /** The claim's version; send it back as If-Match: "<version>". */
  version: z.number().int(),
  /** The key of the edge the claim is on (or was on, when retracted). */
  edge: z.string(),
  /** The last event that changed it, if any. */
  lastEvent: historyEventSchema.optional(),
});

/** What a curation write answers: the event it recorded and the claim after it. */
export const curationResponseSchema = z.object({
  event: historyEventSchema,
  claim: claimStateSchema,
  /** The key of the edge the claim was on before, when the event moved it. */
  previousEdge: z.string().optional(),
});

/** An entity as the curation API shows it, with its version. */
export const entityStateSchema = z.object({
  entity: entitySchema,
  /** The entity's version; send it back as If-Match: "<version>". */
  version: z.number().int(),
  /** The last edit of it, if any. */
  lastEvent: historyEventSchema.optional(),
});

/** What an entity edit (or its revert) answers: the event and the entity after it. */
export const entityCurationResponseSchema = z.object({
  event: historyEventSchema,
  entity: entityStateSchema,
});

export const historyResponseSchema = z.object({
  total: z.number().int(),
  offset: z.number().int(),
  limit: z.number().int(),
  /** Newest first. */
  events: z.array(historyEventSchema),
});

export type CuratedNewEntity = z.infer<typeof curatedNewEntitySchema>;
export type ClaimEnd = z.infer<typeof claimEndSchema>;
export type AddClaimBody = z.output<typeof addClaimBodySchema>;
export type CorrectClaimBody = z.output<typeof correctClaimBodySchema>;
export type RetractClaimBody = z.output<typeof retractClaimBodySchema>;
export type EditEntityBody = z.output<typeof editEntityBodySchema>;
export type MergeEntityBody = z.output<typeof mergeEntityBodySchema>;
export type EntityState = z.infer<typeof entityStateSchema>;
export type EntityCurationResponse = z.infer<typeof entityCurationResponseSchema>;
export type RevertBody = z.output<typeof revertBodySchema>;
export type HistoryQuery = z.output<typeof historyQuerySchema>;
export type ClaimState = z.infer<typeof claimStateSchema>;
export type CurationResponse = z.infer<typeof curationResponseSchema>;
export type HistoryResponse = z.infer<typeof historyResponseSchema>;
