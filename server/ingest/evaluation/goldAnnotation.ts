// The shape of a hand-annotated article (*.gold.json beside the article): entities by
// name and aliases, claims by entity names. Parsed with zod so that a broken gold file
// names the file and field instead of skewing the scores.
import { z } from 'zod';

export const goldEntitySchema = z.object({
  name: z.string().min(1),
  type: z.string().min(1),
  aliases: z.array(z.string()).default([]),
});

export const goldClaimSchema = z.object({
  subject: z.string().min(1),
  type: z.string().min(1),
  object: z.string().min(1),
  stance: z.string().min(1),
  quote: z.string().optional(),
  date: z.string().optional(),
  attributedTo: z.string().optional(),
});

export const goldAnnotationSchema = z.object({
  document: z.string().min(1),
  entities: z.array(goldEntitySchema),
  claims: z.array(goldClaimSchema),
});

export type GoldEntity = z.infer<typeof goldEntitySchema>;
export type GoldClaim = z.infer<typeof goldClaimSchema>;
export type GoldAnnotation = z.infer<typeof goldAnnotationSchema>;
