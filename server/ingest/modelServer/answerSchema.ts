// The JSON Schema a model's answer must match, built from the vocabulary (its node types,
// its edge types with the types each allows at its ends, its stances), so a user who
// extends the vocabulary extends what the model is asked for. It is sent as the request's
// `response_format` (servers that constrain decoding to it keep the answer in shape) and
// shown in the prompt. It is written in the subset OpenAI's strict mode takes: every
// property required, optional values as null, no additional properties. Nothing the
// model answers is trusted for matching it: checkAnswer.ts checks every claim again.
import type { EdgeType, VocabularyIndex } from '../../model/vocabulary';

/** "person, organization" or "any type". */
function typesText(types: readonly string[]): string {
  return types.length === 0 ? 'any type' : types.join(', ');
}

/** One edge type as the schema and the prompt describe it. */
export function edgeTypeLine(edgeType: EdgeType): string {
  const ends = `subject: ${typesText(edgeType.subjectTypes)}; object: ${typesText(edgeType.objectTypes)}`;
  const direction = edgeType.directed ? '' : ' (undirected)';
  return `${edgeType.id}${direction}: ${edgeType.description ?? edgeType.label} (${ends})`;
}

export type JsonSchema = Record<string, unknown>;

/** The schema of the answer: the entities the article names and the claims it states about them. */
export function answerSchema(vocabulary: VocabularyIndex): JsonSchema {
  const { nodeTypes, edgeTypes, stances } = vocabulary.vocabulary;
  const entity = {
    type: 'object',
    additionalProperties: false,
    required: ['name', 'type', 'aliases'],
    properties: {
      name: { type: 'string', description: 'the name as the article writes it' },
      type: { type: 'string', enum: nodeTypes.map((t) => t.id) },
      aliases: {
        type: 'array',
        items: { type: 'string' },
        description: 'other forms of the name the article uses ("Musk", "the Kremlin")',
      },
    },
  };
  const claim = {
    type: 'object',
    additionalProperties: false,
    required: ['subject', 'type', 'object', 'stance', 'quote', 'date', 'attributedTo', 'confidence'],
    properties: {
      subject: { type: 'string', description: 'the name of one of the entities listed' },
      type: {
        type: 'string',
        enum: edgeTypes.map((t) => t.id),
        description: `the relation; each allows only these types at its ends: ${edgeTypes.map(edgeTypeLine).join('; ')}`,
      },
      object: { type: 'string', description: 'the name of one of the entities listed' },
      stance: {
        type: 'string',
        enum: stances.map((s) => s.id),
        description: stances.map((s) => `${s.id}: ${s.description ?? s.label}`).join('; '),
      },
      quote: {
        type: 'string',
        description: 'the exact words of the article that state it, copied character for character',
      },
      date: {
        type: ['string', 'null'],
        description: 'when it happened, as YYYY, YYYY-MM or YYYY-MM-DD; null when the article does not say',
      },
      attributedTo: {
        type: ['string', 'null'],
        description: 'who says it, when not the outlet itself ("intelligence sources"); else null',
      },
      confidence: { type: 'number', minimum: 0, maximum: 1 },
    },
  };
  return {
    type: 'object',
    additionalProperties: false,
    required: ['entities', 'claims'],
    properties: {
      entities: { type: 'array', items: entity },
      claims: { type: 'array', items: claim },
    },
  };
}
