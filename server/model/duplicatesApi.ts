// The contract of duplicate candidates and their judgement: the query and answer of
// GET /api/entities/{id}/duplicates, and the body and answer of
// POST /api/entities/{id}/not-same, as zod schemas with their TypeScript types.
import { z } from 'zod';
import { integerParameter } from './api';
import { judgeNotSameEntrySchema } from './curationEvents';

const minScoreParameter = z.coerce
  .number({ error: 'expected a number between 0 and 1' })
  .min(0, { error: 'must be at least 0' })
  .max(1, { error: 'must be at most 1' })
  .meta({ description: 'leave out candidates scoring below this (0 to 1)' });

export const duplicatesQuerySchema = z.strictObject({
  limit: integerParameter(1, 1000, 'how many candidates at most').default(10),
  minScore: minScoreParameter.default(0.5),
});

export const duplicateCandidateSchema = z.object({
  id: z.string(),
  name: z.string(),
  type: z.string(),
  /** 0 to 1: the best pair of names, moved by shared neighbours, countries and types. */
  score: z.number(),
  /** Why, in words: which names matched and how, the neighbours shared, the countries. */
  reasons: z.array(z.string()),
});

export const duplicatesResponseSchema = z.object({
  id: z.string(),
  /** Candidates at or above minScore, before the limit. */
  total: z.number().int(),
  limit: z.number().int(),
  minScore: z.number(),
  candidates: z.array(duplicateCandidateSchema),
});

export const notSameBodySchema = z.strictObject({
  other: z.string().min(1).max(200).meta({ description: 'the id of the entity that is not the same' }),
  reason: z.string().trim().min(1).max(2000).optional(),
});

/** What a judgement answers: its event; created is false when the pair already stood judged (nothing written). */
export const judgementResponseSchema = z.object({
  created: z.boolean(),
  event: judgeNotSameEntrySchema,
});

export type DuplicatesQuery = z.output<typeof duplicatesQuerySchema>;
export type DuplicatesResponse = z.infer<typeof duplicatesResponseSchema>;
export type NotSameBody = z.output<typeof notSameBodySchema>;
export type JudgementResponse = z.infer<typeof judgementResponseSchema>;
