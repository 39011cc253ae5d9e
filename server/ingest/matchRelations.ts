// Runs the relation rules over one masked sentence and turns each match into candidate
// claims: picks the subject and object slots (captured, or the nearest eligible name
// before/after the cue), resolves references, expands "A and B", and keeps only what the
// vocabulary allows between those entity types.
import { edgeTypeAllows, type VocabularyIndex } from '../model/vocabulary';
import type { CandidateClaim } from './candidateClaim';
import type { MaskedSentence, Slot } from './maskSentence';
import { RELATION_RULES, type ArgumentSource, type RelationRule } from './relationRules';
import type { EntityGroup } from './resolveEntities';
import type { WordTags } from './tagWords';

const PREPOSITIONS = /^(of|to|for|with|in|on|at|from|into|over|against|about|through|under|between|among|across|near|inside|like|than|including|via|toward|towards)$/i;
const AUXILIARIES = /^(is|are|was|were|be|been|being|has|have|had|do|does|did|will|would|can|could|may|might|should|must|said|says|say)$/i;

export interface RelationContext {
  body: string;
  tags: WordTags;
  vocabulary: VocabularyIndex;
  /** The entity a slot's mention stands for, avoiding `exclude` when the mention is a reference. */
  entityOf(slot: Slot, exclude: Set<string>): EntityGroup | undefined;
  /** The entity that "the attack" or "the operation" refers to in this article, if any. */
  eventTarget?: EntityGroup;
  /** The subject of the previous sentence's first claim ("This was done as a favour to…"). */
  previousSubject?: EntityGroup;
}

/** Whether a slot can be the subject of a verb that follows it. */
function eligibleSubject(masked: MaskedSentence, index: number, context: RelationContext): boolean {
  const slot = masked.slots[index];
  if (/^['’]s/.test(context.body.slice(slot.end, slot.end + 2))) return false;
  const before = context.body.slice(masked.sentence.start, slot.start);
  // "an internal ByteDance messaging tool": a name inside an indefinite noun phrase is no subject.
  if (slot.mention.nounModifier && /\b(?:an?|another)\s+(?:[a-z][\w-]*\s+){0,2}$/.test(before)) return false;
  const previousWord = /([\w'’-]+)\s*$/.exec(before.replace(/\s+(?:the|a|an)\s*$/i, ' '))?.[1];
  if (!previousWord) return true;
  if (previousWord.toLowerCase() === 'by') return true;
  if (PREPOSITIONS.test(previousWord)) return false;
  const word = context.tags.before(slot.start);
  if (word && word.tags.has('Verb') && !AUXILIARIES.test(word.text) && !word.tags.has('Auxiliary') && /^[a-z]/.test(word.text)) return false;
  return true;
}

function slotAt(token: string | undefined): number | undefined {
  if (!token) return undefined;
  const match = /⟦(\d+)⟧/.exec(token);
  return match ? Number(match[1]) : undefined;
}

/** Slot indices in masked order with their masked positions. */
function slotPositions(masked: MaskedSentence): Array<{ index: number; start: number; end: number }> {
  return [...masked.text.matchAll(/⟦(\d+)⟧/g)].map((m) => ({ index: Number(m[1]), start: m.index, end: m.index + m[0].length }));
}

function pickArgument(source: ArgumentSource, masked: MaskedSentence, match: RegExpExecArray, group: 's' | 'o', context: RelationContext): number | undefined {
  const positions = slotPositions(masked);
  if (source === 'group') return slotAt(match.groups?.[group]);
  if (source === 'before') {
    // Names inside a relative clause (", which invested in OpenAI,") are not what the main verb is about.
    const inRelativeClause = [...masked.text.slice(0, match.index).matchAll(/,\s+(?:which|who|whose|where)\b[^,]*,/g)].map((m) => [m.index, m.index + m[0].length]);
    const candidates = positions.filter((p) => p.end <= match.index && !inRelativeClause.some(([a, b]) => p.start >= a && p.end <= b));
    for (let i = candidates.length - 1; i >= 0; i--) {
      if (group === 'o' || eligibleSubject(masked, candidates[i].index, context)) return candidates[i].index;
    }
    return undefined;
  }
  if (source === 'after') {
    const end = match.index + match[0].length;
    const next = positions.find((p) => p.start >= end && p.start - end < 80);
    return next?.index;
  }
  return undefined;
}

/** "A and B", "A, B and C": the slots coordinated with this one. */
function coordinated(masked: MaskedSentence, index: number, side: 'before' | 'after'): number[] {
  const position = slotPositions(masked).find((p) => p.index === index);
  if (!position) return [];
  if (side === 'before') {
    const before = masked.text.slice(0, position.start);
    // "A and B", "A, B and C", "A, B, and C" — but "…Moscow, and B spoke" joins clauses, not names.
    const list = /(?:^|[^,⟦⟧\w]\s*|\b\w+\s+)((?:⟦\d+⟧,\s*(?:the\s+)?)*⟦\d+⟧)(,?)\s+and\s+(?:the\s+)?$/.exec(before);
    if (!list || (list[2] === ',' && !list[1].includes(','))) return [];
    return [...list[1].matchAll(/⟦(\d+)⟧/g)].map((m) => Number(m[1]));
  }
  const after = masked.text.slice(position.end);
  const list = /^((?:,\s*(?:the\s+)?⟦\d+⟧)*)(,?)\s+and\s+(?:the\s+)?(⟦\d+⟧)/.exec(after);
  if (!list || (list[2] === ',' && list[1] === '')) return [];
  return [...`${list[1]} ${list[3]}`.matchAll(/⟦(\d+)⟧/g)].map((m) => Number(m[1]));
}

/** A quote that stops on "the" or "to" runs on to the end of its phrase ("called Vestager the "tax lady""). */
function completePhrase(body: string, end: number, sentenceEnd: number): number {
  const text = body.slice(0, end);
  if (!/\b(?:the|a|an|to|of|for|with|and|or|from|on|in|by|that|not)\s*$/i.test(text)) return end;
  const rest = /^[^,.;:!?]{0,80}/.exec(body.slice(end, sentenceEnd));
  return end + (rest ? rest[0].replace(/\s+$/, '').length : 0);
}

function allowed(context: RelationContext, type: string, subject: EntityGroup, object: EntityGroup): boolean {
  const edgeType = context.vocabulary.edgeTypes.get(type);
  return edgeType !== undefined && edgeTypeAllows(edgeType, subject.type, object.type);
}

/** An active-voice rule matching a passive verb ("Ukraine has been supplied by…") says nothing: the passive rules handle it. */
function isPassiveUse(masked: MaskedSentence, match: RegExpExecArray): boolean {
  const before = masked.text.slice(Math.max(0, match.index - 30), match.index);
  return /\b(?:was|were|is|are|been|being|be)\s+(?:[a-z]+ly\s+)?$/.test(before) && /^[\w-]+\s+by\b/.test(match[0]);
}

function claimsOfMatch(rule: RelationRule, masked: MaskedSentence, match: RegExpExecArray, context: RelationContext): CandidateClaim[] {
  if (!rule.name.startsWith('passive') && isPassiveUse(masked, match)) return [];
  const subjectSlot = pickArgument(rule.subject, masked, match, 's', context);
  const objectSlot = rule.object === 'event' ? undefined : pickArgument(rule.object, masked, match, 'o', context);
  const subjectSlots = subjectSlot === undefined ? [] : [subjectSlot, ...coordinated(masked, subjectSlot, 'before'), ...(rule.subject === 'group' ? coordinated(masked, subjectSlot, 'after') : [])];
  const objectIsDeterminer = objectSlot !== undefined && /^(his|its|her|their)$/.test(masked.slots[objectSlot].mention.referenceWords ?? '');
  if (objectIsDeterminer && !rule.possessiveObject) return [];
  const objectSlots = objectSlot === undefined ? [] : [objectSlot, ...coordinated(masked, objectSlot, 'after')];
  const cueStart = masked.toBody(match.index);
  const cueEnd = masked.toBody(match.index + match[0].length);
  const claims: CandidateClaim[] = [];
  const subjects: Array<{ group: EntityGroup; slot?: Slot }> = [];
  const objectGroups = (exclude: Set<string>): Array<{ group: EntityGroup; slot?: Slot }> => {
    if (rule.object === 'event') return context.eventTarget ? [{ group: context.eventTarget }] : [];
    return objectSlots.map((i) => ({ group: context.entityOf(masked.slots[i], exclude), slot: masked.slots[i] })).filter((o): o is { group: EntityGroup; slot: Slot } => o.group !== undefined);
  };
  if (subjectSlots.length === 0) {
    if (context.previousSubject && /^(?:This|That|It)\b/.test(masked.sentence.text) && rule.subject === 'before') subjects.push({ group: context.previousSubject });
  } else {
    const namedObjects = new Set(objectSlots.map((i) => masked.slots[i].mention).filter((m) => m.source !== 'reference').map((m) => m.entityKey!));
    for (const i of subjectSlots) {
      const group = context.entityOf(masked.slots[i], namedObjects);
      if (group) subjects.push({ group, slot: masked.slots[i] });
    }
  }
  for (const subject of subjects) {
    const exclude = new Set([subject.group.key, ...subjects.map((s) => s.group.key)]);
    for (const object of objectGroups(exclude)) {
      if (object.group.key === subject.group.key) continue;
      let type = rule.type;
      if (!allowed(context, type, subject.group, object.group)) {
        if (rule.personType && subject.group.type === 'person' && allowed(context, rule.personType, subject.group, object.group)) type = rule.personType;
        else continue;
      }
      if (rule.objectNotService && object.group.type === 'service') continue;
      // "several Russian officials", "Hamas leaders": a name used before its noun is quoted with the noun.
      const objectEnd = object.slot && (object.slot.mention.countryForm === 'demonym' || object.slot.mention.nounModifier)
        ? object.slot.end + (/^\s+[a-z][\w-]*(?:\s+(?:agencies|services|forces))?/.exec(context.body.slice(object.slot.end, masked.sentence.end))?.[0].length ?? 0)
        : object.slot?.end;
      const extents = [cueStart, cueEnd, subject.slot?.start, subject.slot?.end, object.slot?.start, objectEnd].filter((n): n is number => n !== undefined);
      const viaReference = [subject.slot, object.slot].some((s) => s?.mention.source === 'reference');
      claims.push({
        subject: subject.group, type, object: object.group, sentence: masked.sentence.index,
        quoteStart: Math.max(masked.sentence.start, Math.min(...extents)), quoteEnd: completePhrase(context.body, Math.min(masked.sentence.end, Math.max(...extents)), masked.sentence.end),
        cueStart, cueEnd, rule: rule.name, kind: 'verb', denial: rule.denial, hedged: rule.hedged, viaReference,
      });
    }
  }
  return claims;
}

export function matchRelations(masked: MaskedSentence, context: RelationContext): CandidateClaim[] {
  const claims: CandidateClaim[] = [];
  for (const rule of RELATION_RULES) {
    rule.pattern.lastIndex = 0;
    for (const match of masked.text.matchAll(rule.pattern)) {
      claims.push(...claimsOfMatch(rule, masked, match as RegExpExecArray, context));
    }
  }
  return claims;
}
