// The shape of graph-data/vocabulary.json: node types, edge types, stances and the
// ordered status rules. The vocabulary is data, so these schemas describe it and the
// helpers below answer the questions the loader and builder ask of it.
import { z } from 'zod';

const identifier = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/, { message: 'expected a lower-case identifier such as in_contact_with' });
const colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, { message: 'expected a colour as #rrggbb' });

export const nodeTypeSchema = z.strictObject({
  id: identifier,
  label: z.string().min(1),
  color: colour,
  description: z.string().optional(),
  kinds: z.array(identifier).optional(),
});

export const edgeTypeSchema = z.strictObject({
  id: identifier,
  label: z.string().min(1),
  directed: z.boolean(),
  subjectTypes: z.array(identifier),
  objectTypes: z.array(identifier),
  color: colour,
  description: z.string().optional(),
});

export const stanceSchema = z.strictObject({
  id: identifier,
  label: z.string().min(1),
  description: z.string().optional(),
});

/** A status applies when every `all` stance is present, at least one `any` stance is (if given), and no `none` stance is. */
export const statusRuleSchema = z.strictObject({
  all: z.array(identifier).default([]),
  any: z.array(identifier).optional(),
  none: z.array(identifier).default([]),
});

export const statusSchema = z.strictObject({
  id: identifier,
  label: z.string().min(1),
  labelPrefix: z.string(),
  style: z.enum(['solid', 'dashed', 'dotted']),
  color: colour,
  description: z.string().optional(),
  rule: statusRuleSchema,
});

export const vocabularySchema = z.strictObject({
  $comment: z.string().optional(),
  nodeTypes: z.array(nodeTypeSchema).min(1),
  edgeTypes: z.array(edgeTypeSchema).min(1),
  stances: z.array(stanceSchema).min(1),
  statuses: z.array(statusSchema).min(1),
});

export type NodeType = z.infer<typeof nodeTypeSchema>;
export type EdgeType = z.infer<typeof edgeTypeSchema>;
export type Stance = z.infer<typeof stanceSchema>;
export type StatusRule = z.infer<typeof statusRuleSchema>;
export type Status = z.infer<typeof statusSchema>;
export type Vocabulary = z.infer<typeof vocabularySchema>;

/** Lookup tables over a parsed vocabulary, built once per load. */
export interface VocabularyIndex {
  vocabulary: Vocabulary;
  nodeTypes: Map<string, NodeType>;
  edgeTypes: Map<string, EdgeType>;
  stances: Map<string, Stance>;
  statuses: Map<string, Status>;
}

export function indexVocabulary(vocabulary: Vocabulary): VocabularyIndex {
  return {
    vocabulary,
    nodeTypes: new Map(vocabulary.nodeTypes.map((t) => [t.id, t])),
    edgeTypes: new Map(vocabulary.edgeTypes.map((t) => [t.id, t])),
    stances: new Map(vocabulary.stances.map((s) => [s.id, s])),
    statuses: new Map(vocabulary.statuses.map((s) => [s.id, s])),
  };
}

export { edgeTypeAllows } from './edgeTypeRules';

/** "alleged" + "contact" → "alleged contact"; an empty prefix (reported) shows the bare label. */
export function displayLabel(edgeType: EdgeType, status: Status | undefined): string {
  const prefix = status?.labelPrefix ?? '';
  return prefix ? `${prefix} ${edgeType.label}` : edgeType.label;
}
