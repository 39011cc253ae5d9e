// What the model is told: the task, the vocabulary (node types, edge types with their
// allowed ends, stances), the answer's JSON Schema (for servers that ignore
// `response_format`), and the article. The rules it is given are the checks its answer
// will meet (checkAnswer.ts): quotes verbatim, names as the article writes them, the
// vocabulary's types only, ISO dates.
import type { DocumentRecord } from '../../model/records';
import type { VocabularyIndex } from '../../model/vocabulary';
import { edgeTypeLine, type JsonSchema } from './answerSchema';

export interface ChatMessage {
  role: 'system' | 'user';
  content: string;
}

function instructions(vocabulary: VocabularyIndex, schema: JsonSchema): string {
  const { nodeTypes, edgeTypes, stances } = vocabulary.vocabulary;
  return [
    'You extract evidence from one news article for an entity-relationship graph that journalists review.',
    'List the entities the article names, and the claims it states about them: one claim per relation between two of those entities.',
    '',
    'Rules:',
    '- "quote" must be copied verbatim from the article body: the exact characters of one passage (a sentence or part of one) that states the claim. Never paraphrase, shorten, join passages or fix spelling. A claim whose quote is not found verbatim in the article is discarded.',
    '- Write each entity\'s "name" as the article writes it; "aliases" are other forms the article itself uses. An entity whose name does not occur in the article is discarded.',
    '- "subject" and "object" are names of entities you list.',
    '- "type" is one of the edge types below, and the subject\'s and object\'s types must be ones it allows.',
    '- "stance" says how the article presents the claim.',
    '- "date" is when it happened, as YYYY, YYYY-MM or YYYY-MM-DD, or null; "attributedTo" is who says it when not the outlet itself, or null.',
    '- "confidence" is how sure you are, from 0 to 1.',
    '- Propose nothing the article does not say.',
    '',
    'Node types:',
    ...nodeTypes.map((t) => `- ${t.id}: ${t.description ?? t.label}`),
    '',
    'Edge types (subject → object):',
    ...edgeTypes.map((t) => `- ${edgeTypeLine(t)}`),
    '',
    'Stances:',
    ...stances.map((s) => `- ${s.id}: ${s.description ?? s.label}`),
    '',
    'Answer with one JSON object, and nothing else, matching this JSON Schema:',
    JSON.stringify(schema),
  ].join('\n');
}

/** The chat messages for one article. */
export function extractionMessages(
  document: DocumentRecord,
  vocabulary: VocabularyIndex,
  schema: JsonSchema,
): ChatMessage[] {
  return [
    { role: 'system', content: instructions(vocabulary, schema) },
    {
      role: 'user',
      content: `Title: ${document.title}\nPublished: ${document.date}\n\nArticle body:\n${document.text}`,
    },
  ];
}
