// The model extractor: an article in the seeds' format in, the same output as the rule
// extractor's out (model/extraction.ts), made by a model the user runs behind an
// OpenAI-compatible chat-completions API. The model is asked for JSON matching a schema
// built from the vocabulary (answerSchema.ts, prompt.ts); what it answers is checked claim
// by claim (checkAnswer.ts): only claims that pass are proposed, the others are listed as
// dropped with their reasons. A failure of the server or of the answer as a whole is a
// ModelServerError, for the caller to fall back on the rule extractor.
import type { ModelServerSettings } from '../../config';
import type { ExtractionResult } from '../../model/extraction';
import { parseDocument } from '../../load/parseDocument';
import { ArticleFormatError, loadDefaultVocabulary, type ExtractionData } from '../extractArticle';
import { articleBytes, ArticleTooLargeError } from '../extractionLimits';
import { answerSchema } from './answerSchema';
import { checkAnswer } from './checkAnswer';
import { extractionMessages } from './prompt';
import { requestCompletion } from './requestCompletion';

export { ModelServerError } from './requestCompletion';

/** The extractor's name in each proposal it makes. */
export function modelExtractorName(server: Pick<ModelServerSettings, 'model'>): `llm:${string}` {
  return `llm:${server.model}`;
}

export async function extractWithModel(
  server: ModelServerSettings,
  maxArticleBytes: number,
  text: string,
  fileName: string,
  data?: ExtractionData,
  signal?: AbortSignal,
): Promise<ExtractionResult> {
  const bytes = articleBytes(text);
  if (bytes > maxArticleBytes) throw new ArticleTooLargeError(bytes, maxArticleBytes);
  const { document, problems } = parseDocument(fileName, text);
  if (!document) throw new ArticleFormatError(`${fileName}: ${problems.map((p) => p.message).join('; ')}`);
  const vocabulary = data?.vocabulary ?? loadDefaultVocabulary();
  const schema = answerSchema(vocabulary);
  const answer = await requestCompletion(server, extractionMessages(document, vocabulary, schema), schema, signal);
  const checked = checkAnswer(answer, document.text, { entities: data?.entities ?? new Map(), vocabulary });
  return {
    document: { id: document.id, date: document.date, title: document.title },
    entities: checked.entities,
    claims: checked.claims,
    extractor: modelExtractorName(server),
    dropped: checked.dropped,
  };
}
