// The events of hand curation, declared with zod: add a claim, correct it, retract it,
// revert any of these, edit an entity (whose revert is another entity edit), merge one
// entity into another and split them again (the revert of a merge). Each event is one journal line with its id, server time,
// author and optional reason, and says what the claim was before and is after (null:
// absent, i.e. not yet added or retracted); an entity edit says what the entity was
// before and is after. Replaying an event sets the claim to its
// `after`, so replay needs no other state and replaying an event twice is harmless
// (which makes an interrupted compaction safe). Compaction moves these events from the
// journal to history.jsonl, where the history API keeps reading them.
import { z } from 'zod';
import { claimSchema, entitySchema, type Claim, type Entity } from './records';

export const CURATION_KINDS = [
  'addClaim',
  'correctClaim',
  'retractClaim',
  'revert',
  'editEntity',
  'mergeEntities',
  'splitEntity',
  'judgeNotSame',
] as const;
export type CurationKind = (typeof CURATION_KINDS)[number];
/** The kinds that change one claim (and say so in `claim`, `before`, `after`). */
export const CLAIM_KINDS = ['addClaim', 'correctClaim', 'retractClaim', 'revert'] as const;

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

/** A claim that a merge (or a split) moved from one end to the other. */
const movedClaimSchema = z.strictObject({
  claim: z.string().min(1).max(200),
  before: claimSchema,
  after: claimSchema,
  /** The claim's version once the event applied. */
  version: z.number().int().min(1),
});

const mergeFields = {
  id: eventFields.id,
  at: eventFields.at,
  author: authorSchema,
  reason: eventFields.reason,
  /** The entity merged away (a merge) or brought back (a split). */
  entity: z.string().min(1).max(200),
  /** The entity it was merged into: the survivor. */
  into: z.string().min(1).max(200),
  /** `entity` in full, as it was before the merge (and is again after a split). */
  merged: entitySchema,
  /** The version of `entity` once this event applied. */
  mergedVersion: z.number().int().min(1),
  /** The survivor before and after (a merge adds the merged entity's name and aliases to its aliases). */
  before: entitySchema,
  after: entitySchema,
  /** The survivor's version once this event applied. */
  version: z.number().int().min(1),
  /** Every claim the event moved between `entity` and `into`, with its state before and after. */
  claims: z.array(movedClaimSchema),
};

/** `entity` leaves the graph, its claims join `into`, its id redirects there; `reverts` when it undoes a split. */
export const mergeEntitiesEntrySchema = z.strictObject({
  kind: z.literal('mergeEntities'),
  ...mergeFields,
  reverts: z.string().min(1).max(100).optional(),
});

/** The revert of a merge: `entity` comes back as it was, its claims return to it, the survivor is as before the merge. */
export const splitEntityEntrySchema = z.strictObject({
  kind: z.literal('splitEntity'),
  ...mergeFields,
  /** The merge this undoes. */
  reverts: z.string().min(1).max(100),
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
  mergeEntitiesEntrySchema,
  splitEntityEntrySchema,
  judgeNotSameEntrySchema,
]);

export type AddClaimEntry = z.infer<typeof addClaimEntrySchema>;
export type CorrectClaimEntry = z.infer<typeof correctClaimEntrySchema>;
export type RetractClaimEntry = z.infer<typeof retractClaimEntrySchema>;
export type RevertEntry = z.infer<typeof revertEntrySchema>;
export type EditEntityEntry = z.infer<typeof editEntityEntrySchema>;
export type MergeEntitiesEntry = z.infer<typeof mergeEntitiesEntrySchema>;
export type SplitEntityEntry = z.infer<typeof splitEntityEntrySchema>;
/** A merge or its revert. */
export type EntityMergeEntry = MergeEntitiesEntry | SplitEntityEntry;
export type CurationEntry = z.infer<typeof curationEntrySchema>;
/** An event that changed one claim. */
export type ClaimCurationEntry = Extract<CurationEntry, { kind: (typeof CLAIM_KINDS)[number] }>;

export function isClaimEvent(entry: CurationEntry): entry is ClaimCurationEntry {
  return (CLAIM_KINDS as readonly string[]).includes(entry.kind);
}

export function isEntityMerge(entry: CurationEntry): entry is EntityMergeEntry {
  return entry.kind === 'mergeEntities' || entry.kind === 'splitEntity';
}

/** What an event did to one claim: its state before and after (null: absent) and its version after. */
export interface ClaimChange {
  claim: string;
  before: Claim | null;
  after: Claim | null;
  version: number;
}

/** What an event did to one entity: its state before and after (null: not on the graph) and its version after. */
export interface EntityChange {
  entity: string;
  before: Entity | null;
  after: Entity | null;
  version: number;
}

/** The claims an event changed: one for a claim event, the moved ones for a merge or a split, none for an edit. */
export function claimChangesOf(entry: CurationEntry): readonly ClaimChange[] {
  if (isClaimEvent(entry)) return [entry];
  if (isEntityMerge(entry)) return entry.claims;
  return [];
}

/** The entities an event changed: the edited one; the merged one and the survivor; none for a claim event. */
export function entityChangesOf(entry: CurationEntry): EntityChange[] {
  if (entry.kind === 'editEntity') return [entry];
  if (!isEntityMerge(entry)) return [];
  const merging = entry.kind === 'mergeEntities';
  return [
    {
      entity: entry.entity,
      before: merging ? entry.merged : null,
      after: merging ? null : entry.merged,
      version: entry.mergedVersion,
    },
    { entity: entry.into, before: entry.before, after: entry.after, version: entry.version },
  ];
}

export type JudgeNotSameEntry = z.infer<typeof judgeNotSameEntrySchema>;
export type PairJudgement = z.infer<typeof pairJudgementSchema>;

/** One key for a pair of entities, whichever order they are named in. */
export function entityPairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

export function isCurationEntry(entry: { kind: string }): entry is CurationEntry {
  return (CURATION_KINDS as readonly string[]).includes(entry.kind);
}
