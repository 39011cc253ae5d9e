// The records of the write path, declared with zod: what the extractor proposes, what a
// reviewer may correct, and the entries of the journal (ingest, accept, reject, and the
// curation events of curationEvents.ts). Each
// journal entry is self-contained, so replaying it needs no extractor and no guesswork:
// an accept carries the final claim and the entities it created.
import { z } from 'zod';
import { isoDatePrefixSchema } from './dates';
import { extractedClaimSchema, extractorNameSchema } from './extraction';
import {
  addClaimEntrySchema,
  authorSchema,
  correctClaimEntrySchema,
  editEntityEntrySchema,
  mergeEntitiesEntrySchema,
  judgeNotSameEntrySchema,
  retractClaimEntrySchema,
  revertEntrySchema,
  splitEntityEntrySchema,
} from './curationEvents';
import { claimSchema, entityIdSchema, entitySchema } from './records';

/** A claim as the extractor proposes it: the extractor's own claim schema, stored as it is. */
export const proposedClaimSchema = extractedClaimSchema;

/** One pending claim of an ingested document, waiting for a reviewer. */
export const proposalSchema = z.strictObject({
  /** Assigned by the server: `<document id>.p<n>`. */
  id: z.string().min(1).max(300),
  document: z.string().min(1),
  claim: proposedClaimSchema,
  /** Entities the extractor found that the dataset did not have; created when a claim using them is accepted. */
  newEntities: z.array(entitySchema),
  /** Which extractor proposed it; journals written before this field existed were all the rules'. */
  extractor: extractorNameSchema.optional(),
});

/** A new entity named by a reviewer; the server assigns its id. */
export const newEntityInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(500),
  type: z.string().min(1).max(100),
  kind: z.string().min(1).max(100).optional(),
  aliases: z.array(z.string().trim().min(1).max(500)).max(50).optional(),
  description: z.string().max(5000).optional(),
  countryCode: z
    .string()
    .regex(/^[A-Z]{2}$/, { message: 'expected an ISO 3166-1 alpha-2 code such as RU' })
    .optional(),
});

/**
 * A new entity as a reviewer or curator asks for it: refused with 409 naming the existing
 * entity whose name or alias it shares, unless `createAnyway` says so.
 */
export const newEntityChoiceSchema = newEntityInputSchema.extend({
  createAnyway: z
    .boolean()
    .optional()
    .meta({ description: 'create it even when an entity with this name or alias exists (default: 409 naming it)' }),
});

/** Subject or object of a correction: an existing entity's id (or a proposed one of the document), or a new entity to create. */
export const entityChoiceSchema = z.union([entityIdSchema, newEntityChoiceSchema]);

const quoteOffset = (description: string) => z.number().int().min(0).max(10_000_000).meta({ description });

/** What a reviewer may change when accepting. Strict: ids, status and review fields are the server's. */
export const correctionsSchema = z.strictObject({
  type: z.string().min(1).max(100).optional(),
  stance: z.string().min(1).max(100).optional(),
  subject: entityChoiceSchema.optional(),
  object: entityChoiceSchema.optional(),
  date: isoDatePrefixSchema.optional(),
  attributedTo: z.string().trim().min(1).max(500).optional(),
  role: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .meta({ description: 'the role the subject holds (holds_position: President, spokesperson, CEO…)' }),
  quote: z
    .string()
    .min(1)
    .max(5000)
    .optional()
    .meta({ description: "another verbatim passage of the proposal's document" }),
  start: quoteOffset("where the quote starts in the document's text; needed when it occurs more than once").optional(),
  end: quoteOffset('where the quote ends (exclusive); checked against start and the quote').optional(),
});

const at = z.string().min(1);
/** Who wrote the entry (`token` for the API, `cli` for the command line); journals written before it was recorded have none. */
const author = authorSchema.optional();

export const ingestEntrySchema = z.strictObject({
  kind: z.literal('ingest'),
  at,
  author,
  /** The article exactly as received, in the seeds' format; compaction writes it to documents/<id>.txt. */
  document: z.strictObject({ id: z.string().min(1), source: z.string().min(1) }),
  proposals: z.array(proposalSchema),
});

export const acceptEntrySchema = z.strictObject({
  kind: z.literal('accept'),
  at,
  author,
  proposal: z.string().min(1),
  corrections: correctionsSchema,
  claim: claimSchema,
  /** Entities created by this acceptance, in full. */
  entities: z.array(entitySchema),
});

export const rejectEntrySchema = z.strictObject({
  kind: z.literal('reject'),
  at,
  author,
  proposal: z.string().min(1),
});

export const journalEntrySchema = z.discriminatedUnion('kind', [
  ingestEntrySchema,
  acceptEntrySchema,
  rejectEntrySchema,
  // Hand curation (curationEvents.ts): journals written before these kinds existed stay readable.
  addClaimEntrySchema,
  correctClaimEntrySchema,
  retractClaimEntrySchema,
  revertEntrySchema,
  editEntityEntrySchema,
  mergeEntitiesEntrySchema,
  splitEntityEntrySchema,
  judgeNotSameEntrySchema,
]);

export const proposalStatusSchema = z.enum(['pending', 'accepted', 'rejected']);

/** A proposal with its review: kept in proposals.json once the journal is compacted. */
export const reviewedProposalSchema = proposalSchema.extend({
  status: proposalStatusSchema,
  decidedAt: at.optional(),
  /** Who accepted or rejected it, when the journal recorded it. */
  decidedBy: authorSchema.optional(),
  /** The claim an accepted proposal became. */
  claimId: z.string().min(1).optional(),
  corrections: correctionsSchema.optional(),
});

export const proposalsFileSchema = z.strictObject({
  $comment: z.string().optional(),
  proposals: z.array(reviewedProposalSchema),
});

export type ProposedClaim = z.infer<typeof proposedClaimSchema>;
export type Proposal = z.infer<typeof proposalSchema>;
export type NewEntityInput = z.infer<typeof newEntityInputSchema>;
export type NewEntityChoice = z.infer<typeof newEntityChoiceSchema>;
export type EntityChoice = z.infer<typeof entityChoiceSchema>;
export type Corrections = z.infer<typeof correctionsSchema>;
export type IngestEntry = z.infer<typeof ingestEntrySchema>;
export type AcceptEntry = z.infer<typeof acceptEntrySchema>;
export type RejectEntry = z.infer<typeof rejectEntrySchema>;
export type JournalEntry = z.infer<typeof journalEntrySchema>;
export type ProposalStatus = z.infer<typeof proposalStatusSchema>;
export type ReviewedProposal = z.infer<typeof reviewedProposalSchema>;
