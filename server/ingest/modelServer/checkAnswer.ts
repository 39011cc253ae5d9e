// Nothing a model says is trusted: each claim of its answer meets the checks a claim added
// by hand meets, and one that fails any is dropped with every reason it failed, before it
// could reach the review queue. The checks: both ends are entities the answer lists and
// the article names (answerEntities.ts), the edge type is the vocabulary's and allows the
// ends' types, the stance is the vocabulary's, the quote is a verbatim passage of the
// body, the date is an ISO prefix that exists in the calendar, the attribution is short
// text, the confidence a number from 0 to 1. An answer without the two lists is no answer
// at all (ModelServerError: the caller falls back to the rule extractor).
import { isValidIsoPrefix } from '../../model/dates';
import type { DroppedClaim, ExtractedClaim, ExtractedEntity } from '../../model/extraction';
import type { Entity } from '../../model/records';
import { edgeTypeAllows, type VocabularyIndex } from '../../model/vocabulary';
import { answerEntities, type AnswerEntities } from './answerEntities';
import { ModelServerError } from './requestCompletion';

export interface CheckedAnswer {
  entities: ExtractedEntity[];
  claims: ExtractedClaim[];
  dropped: DroppedClaim[];
}

interface CheckContext {
  body: string;
  vocabulary: VocabularyIndex;
  entities: AnswerEntities;
}

const MAX_QUOTE = 5000;
const MAX_ATTRIBUTION = 500;

/** The entity a claim's end names, or why it cannot be one (pushed on `reasons`). */
function endOf(value: unknown, field: 'subject' | 'object', context: CheckContext, reasons: string[]) {
  if (typeof value !== 'string' || value.trim() === '') {
    reasons.push(`its ${field} is not an entity's name`);
    return undefined;
  }
  const found = context.entities.byName(value);
  if (!found) {
    reasons.push(`${field} "${value}" is not one of the entities the answer lists`);
    return undefined;
  }
  if ('problem' in found) {
    reasons.push(`${field} ${found.problem}`);
    return undefined;
  }
  return found.entity;
}

function typeReasons(
  type: unknown,
  subject: ExtractedEntity | undefined,
  object: ExtractedEntity | undefined,
  vocabulary: VocabularyIndex,
): string[] {
  const edgeType = typeof type === 'string' ? vocabulary.edgeTypes.get(type) : undefined;
  if (!edgeType) return [`unknown edge type ${JSON.stringify(type)}`];
  if (!subject || !object || edgeTypeAllows(edgeType, subject.type, object.type)) return [];
  const allowedS = edgeType.subjectTypes.length ? edgeType.subjectTypes.join('/') : 'any';
  const allowedO = edgeType.objectTypes.length ? edgeType.objectTypes.join('/') : 'any';
  return [
    `edge type "${edgeType.id}" does not allow ${subject.type} → ${object.type} (allowed: ${allowedS} → ${allowedO})`,
  ];
}

function quoteReasons(quote: unknown, body: string): string[] {
  if (typeof quote !== 'string' || quote.trim() === '') return ['its quote is empty'];
  if (quote.length > MAX_QUOTE) return [`its quote is longer than ${MAX_QUOTE} characters`];
  return body.includes(quote) ? [] : ['its quote is not a verbatim passage of the article body'];
}

function detailReasons(claim: Record<string, unknown>, vocabulary: VocabularyIndex): string[] {
  const reasons: string[] = [];
  const { stance, date, attributedTo, confidence } = claim;
  if (typeof stance !== 'string' || !vocabulary.stances.has(stance))
    reasons.push(`unknown stance ${JSON.stringify(stance)}`);
  if (date !== undefined && date !== null && (typeof date !== 'string' || !isValidIsoPrefix(date)))
    reasons.push(
      `date ${JSON.stringify(date)} is not a date as YYYY, YYYY-MM or YYYY-MM-DD that exists in the calendar`,
    );
  if (
    attributedTo !== undefined &&
    attributedTo !== null &&
    (typeof attributedTo !== 'string' || attributedTo.trim() === '' || attributedTo.length > MAX_ATTRIBUTION)
  )
    reasons.push(`its attributedTo is not a name or text of 1 to ${MAX_ATTRIBUTION} characters`);
  if (typeof confidence !== 'number' || !(confidence >= 0 && confidence <= 1))
    reasons.push('its confidence is not a number from 0 to 1');
  return reasons;
}

/** One claim of the answer: the extraction's claim, or every reason it is dropped. */
function checkClaim(item: unknown, context: CheckContext): { claim: ExtractedClaim } | { reasons: string[] } {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return { reasons: ['it is not an object'] };
  const claim = item as Record<string, unknown>;
  const reasons: string[] = [];
  const subject = endOf(claim.subject, 'subject', context, reasons);
  const object = endOf(claim.object, 'object', context, reasons);
  reasons.push(...typeReasons(claim.type, subject, object, context.vocabulary));
  reasons.push(...quoteReasons(claim.quote, context.body));
  reasons.push(...detailReasons(claim, context.vocabulary));
  if (reasons.length > 0 || !subject || !object) return { reasons };
  const { date, attributedTo } = claim as { date?: string | null; attributedTo?: string | null };
  return {
    claim: {
      subject: subject.id,
      type: claim.type as string,
      object: object.id,
      stance: claim.stance as string,
      quote: claim.quote as string,
      ...(typeof date === 'string' ? { date } : {}),
      ...(typeof attributedTo === 'string' ? { attributedTo: attributedTo.trim() } : {}),
      confidence: claim.confidence as number,
    },
  };
}

/** The answer's claims that pass every check, the entities they and the article name, and the dropped claims with their reasons. */
export function checkAnswer(
  answer: unknown,
  body: string,
  data: { entities: Map<string, Entity>; vocabulary: VocabularyIndex },
): CheckedAnswer {
  const lists = (answer ?? {}) as { entities?: unknown; claims?: unknown };
  if (typeof answer !== 'object' || !Array.isArray(lists.entities) || !Array.isArray(lists.claims))
    throw new ModelServerError('the model\'s answer does not have the "entities" and "claims" lists asked for');
  const entities = answerEntities(lists.entities, body, data);
  const context: CheckContext = { body, vocabulary: data.vocabulary, entities };
  const claims: ExtractedClaim[] = [];
  const dropped: DroppedClaim[] = [];
  lists.claims.forEach((item, index) => {
    const checked = checkClaim(item, context);
    if ('claim' in checked) claims.push(checked.claim);
    else dropped.push({ index, reason: checked.reasons.join('; ') });
  });
  return { entities: entities.accepted(), claims, dropped };
}
