// The events of hand curation, declared with zod: add a claim, correct it, retract it,
// revert any of these, and edit an entity (whose revert is another entity edit). Each event is one journal line with its id, server time,
// author and optional reason, and says what the claim was before and is after (null:
// absent, i.e. not yet added or retracted); an entity edit says what the entity was
// before and is after. Replaying an event sets the claim to its
// `after`, so replay needs no other state and replaying an event twice is harmless
// (which makes an interrupted compaction safe). Compaction moves these events from the
// journal to history.jsonl, where the history API keeps reading them.
import { z } from 'zod';
import { claimSchema, entitySchema } from './records';

export const CURATION_KINDS = [
  'addClaim',
  'correctClaim',
  'retractClaim',
  'revert',
  'editEntity',
  'judgeNotSame',
] as const;
/** The kinds that change a claim. */
const CLAIM_KINDS: readonly string[] = ['addClaim', 'correctClaim', 'retractClaim', 'revert'];
export type CurationKind = (typeof CURATION_KINDS)[number];

/** Who made a change: the API's single token is `token` until users exist; the command line is `cli`. */
export const authorSchema = z.string().min(1).max(200);

const eventFields = {
  /** `e<n>`: assigned by the server in the order events were written. */
  id: z.string().min(1).max(100),
  at: z.string().min(1),
  author: authorSchema,
  reason: z.string().min(1).max(2000).optional(),
  /** The claim the event changed. */
  claim: z.string().min(1).max(200),
  before: claimSchema.nullable(),
  after: claimSchema.nullable(),
  /** The claim's version once this event applied. */
  version: z.number().int().min(1),
  /** Entities the event created (a new subject or object), in full. */
  entities: z.array(entitySchema),
};

export const addClaimEntrySchema = z.strictObject({ kind: z.literal('addClaim'), ...eventFields });
export const correctClaimEntrySchema = z.strictObject({ kind: z.literal('correctClaim'), ...eventFields });
export const retractClaimEntrySchema = z.strictObject({
  kind: z.literal('retractClaim'),
  ...eventFields,
  reason: z.string().min(1).max(2000),
});
export const revertEntrySchema = z.strictObject({
  kind: z.literal('revert'),
  ...eventFields,
  /** The id of the event this one undoes. */
  reverts: z.string().min(1).max(100),
});

/** An entity's name, aliases, description, type, kind or country changed; `reverts` when it undoes an earlier edit. */
export const editEntityEntrySchema = z.strictObject({
  kind: z.literal('editEntity'),
  id: eventFields.id,
  at: eventFields.at,
  author: authorSchema,
  reason: eventFields.reason,
  /** The entity the event changed. */
  entity: z.string().min(1).max(200),
  before: entitySchema,
  after: entitySchema,
  /** The entity's version once this event applied. */
  version: z.number().int().min(1),
  /** The id of the entity edit this one undoes. */
  reverts: z.string().min(1).max(100).optional(),
});

/** Whether a pair of entities stands judged "not the same" (a candidate never proposed again) or not judged. */
export const pairJudgementSchema = z.enum(['not-same', 'unjudged']);

/**
 * Two entities judged not the same ("Not the same" on a duplicate candidate), or such a
 * judgement withdrawn (`reverts` names it). It changes no record: the duplicate
 * candidates leave the pair out while its last judgement says "not-same".
 */
export const judgeNotSameEntrySchema = z.strictObject({
  kind: z.literal('judgeNotSame'),
  id: eventFields.id,
  at: eventFields.at,
  author: authorSchema,
  reason: eventFields.reason,
  /** The entity the curator judged from, and the other one. */
  entity: z.string().min(1).max(200),
  other: z.string().min(1).max(200),
  before: pairJudgementSchema,
  after: pairJudgementSchema,
  /** The id of the judgement this one undoes. */
  reverts: z.string().min(1).max(100).optional(),
});

export const curationEntrySchema = z.discriminatedUnion('kind', [
  addClaimEntrySchema,
  correctClaimEntrySchema,
  retractClaimEntrySchema,
  revertEntrySchema,
  editEntityEntrySchema,
  judgeNotSameEntrySchema,
]);

export type AddClaimEntry = z.infer<typeof addClaimEntrySchema>;
export type CorrectClaimEntry = z.infer<typeof correctClaimEntrySchema>;
export type RetractClaimEntry = z.infer<typeof retractClaimEntrySchema>;
export type RevertEntry = z.infer<typeof revertEntrySchema>;
export type EditEntityEntry = z.infer<typeof editEntityEntrySchema>;
export type JudgeNotSameEntry = z.infer<typeof judgeNotSameEntrySchema>;
export type PairJudgement = z.infer<typeof pairJudgementSchema>;
export type CurationEntry = z.infer<typeof curationEntrySchema>;
/** An event that changed a claim. */
export type ClaimCurationEntry = AddClaimEntry | CorrectClaimEntry | RetractClaimEntry | RevertEntry;

export function isClaimEvent(entry: CurationEntry): entry is ClaimCurationEntry {
  return CLAIM_KINDS.includes(entry.kind);
}

/** One key for a pair of entities, whichever order they are named in. */
export function entityPairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

export function isCurationEntry(entry: { kind: string }): entry is CurationEntry {
  return (CURATION_KINDS as readonly string[]).includes(entry.kind);
}
