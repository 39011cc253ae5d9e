// Runs the relation rules over one masked sentence and turns each match into candidate
// claims: picks the subject and object slots (captured, or the nearest eligible name
// before/after the cue), resolves references, expands "A and B", and keeps only what the
// vocabulary allows between those entity types.
import { edgeTypeAllows, type VocabularyIndex } from '../model/vocabulary';
import type { CandidateClaim } from './candidateClaim';
import { agentsOfAct, deniedClaim, typesOfDeniedAct } from './earlierClaims';
import type { MaskedSentence, Slot } from './maskSentence';
import { RELATION_RULES, type ArgumentSource, type RelationRule } from './relationRules';
import type { EntityGroup } from './resolveEntities';
import type { WordTags } from './tagWords';

const PREPOSITIONS =
  /^(of|to|for|with|in|on|at|from|into|over|against|about|through|under|between|among|across|near|inside|like|than|including|via|toward|towards)$/i;
const AUXILIARIES =
  /^(is|are|was|were|be|been|being|has|have|had|do|does|did|will|would|can|could|may|might|should|must|said|says|say)$/i;

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
  /** Candidate claims of the sentences already read, for claims that point back ("condemned the sanctions"). */
  prior?: CandidateClaim[];
}

/** Every edge type but criticism: what "an allegation X denied" can be about. */
const DENIABLE = [
  'holds_position',
  'owns',
  'operates',
  'part_of',
  'member_of',
  'associate_of',
  'in_contact_with',
  'requested',
  'acted_on_behalf_of',
  'provided_access',
  'restricted_access',
  'funded',
  'supported',
  'used',
  'attacked',
  'sanctioned',
  'linked_to',
];

/** Whether a slot can be the subject of a verb that follows it. */
function eligibleSubject(masked: MaskedSentence, index: number, context: RelationContext): boolean {
  const slot = masked.slots[index];
  if (/^['’]s/.test(context.body.slice(slot.end, slot.end + 2))) return false;
  const before = context.body.slice(masked.sentence.start, slot.start);
  // "an internal ByteDance messaging tool": a name inside an indefinite noun phrase is no subject.
  if (slot.mention.nounModifier && /\b(?:an?|another)\s+(?:[a-z][\w-]*\s+){0,2}$/.test(before)) return false;
  // Articles, possessive determiners and a place compound ("on Dubai-based ⟦X⟧") do not change what governs the name.
  const previousWord = /([\w'’-]+)\s*$/.exec(
    before.replace(
      /(?:(?:\s+[A-Z][a-z]+)?\s+[A-Za-z]+-(?:based|registered|flagged|headquartered|listed))?(?:\s+(?:the|a|an|its|his|her|their))?\s*$/i,
      ' ',
    ),
  )?.[1];
  if (!previousWord) return true;
  if (previousWord.toLowerCase() === 'by') return true;
  // "saying he had undermined…": after a reporting verb comes the reported clause's subject.
  if (
    /^(?:said|says|saying|claimed|claiming|alleged|alleging|warned|warning|argued|arguing|noted|insisted|stated|stating|added|adding)$/i.test(
      previousWord,
    )
  )
    return true;
  if (PREPOSITIONS.test(previousWord)) return false;
  const word = context.tags.before(slot.start);
  if (
    word &&
    word.tags.has('Verb') &&
    !AUXILIARIES.test(word.text) &&
    !word.tags.has('Auxiliary') &&
    /^[a-z]/.test(word.text)
  )
    return false;
  return true;
}

function slotAt(token: string | undefined): number | undefined {
  if (!token) return undefined;
  const match = /⟦(\d+)⟧/.exec(token);
  return match ? Number(match[1]) : undefined;
}

/** Slot indices in masked order with their masked positions. */
function slotPositions(masked: MaskedSentence): Array<{ index: number; start: number; end: number }> {
  return [...masked.text.matchAll(/⟦(\d+)⟧/g)].map((m) => ({
    index: Number(m[1]),
    start: m.index,
    end: m.index + m[0].length,
  }));
}

/** "accused Iran of supplying", "charged an official with spying for": the accused is the doer of the act after it. */
const ACCUSATION_BEFORE =
  /\b(?:accused|accusing|accuses|accuse|suspected|suspecting|charged|charging|charges|charge|convicted|indicted)\s+(?:(?:the\s+)?([^.;]{0,80}?)\s+)?(?:of|with)\s+(?:[a-z]+ly\s+)?$/i;
/** "⟦Voronin⟧, a Russian businessman who is suspected of…": the passive accused is the relative clause's antecedent. */
const PASSIVE_ACCUSED =
  /(⟦\d+⟧)(?:,\s+(?:an?|the)\s+[^,.;⟦]*?)?(?:\s*,)?\s+(?:who|which|that)\s+(?:is|was|are|were|has\s+been|had\s+been|have\s+been)\s+(?:[a-z]+ly\s+)?$/;

function pickArgument(
  source: ArgumentSource,
  masked: MaskedSentence,
  match: RegExpExecArray,
  group: 's' | 'o',
  context: RelationContext,
  clauseSubject = false,
): number | undefined {
  const positions = slotPositions(masked);
  if (source === 'group') return slotAt(match.groups?.[group]);
  if (source === 'before') {
    if (group === 's') {
      const decided = subjectBeforeCue(masked, match, context, positions);
      if (decided) return decided.slot;
    }
    return nearestBefore(masked, match, group, context, clauseSubject, positions);
  }
  if (source === 'after') {
    const end = match.index + match[0].length;
    const next = positions.find((p) => p.start >= end && p.start - end < 80);
    return next?.index;
  }
  return undefined;
}

/**
 * The subject before a cue when the words around it decide it: the accused of an accusation,
 * a name in apposition, the main clause's subject for a participle or a verb after "and", or
 * a relative clause's antecedent (`slot` undefined when that is no name). Undefined when they
 * do not decide, and the nearest eligible name before the cue is taken.
 */
function subjectBeforeCue(
  masked: MaskedSentence,
  match: RegExpExecArray,
  context: RelationContext,
  positions: Array<{ index: number; start: number; end: number }>,
): { slot: number | undefined } | undefined {
  // "accused ⟦Iran⟧ of supplying…": the accused does it; an unnamed accused ("an official") leaves no subject.
  const accusation = ACCUSATION_BEFORE.exec(masked.text.slice(0, match.index));
  // ("accused ⟦her⟧ last year of acting…": a time phrase may follow the accused.)
  const accused = accusation?.[1]?.replace(
    /\s+(?:(?:last|this|next)\s+\w+|in\s+\d{4}|on\s+\p{Lu}\w+|earlier|previously|repeatedly|publicly)$/u,
    '',
  );
  if (accusation && accused !== undefined) return { slot: /^⟦\d+⟧$/.test(accused) ? slotAt(accused) : undefined };
  if (accusation) {
    const antecedent = PASSIVE_ACCUSED.exec(masked.text.slice(0, accusation.index));
    if (antecedent) return { slot: slotAt(antecedent[1]) };
  }
  // "⟦Selçuk Bayraktar⟧, the son-in-law of…": a noun in apposition is about the name it follows.
  const apposition = /(⟦\d+⟧),\s+(?:the|an?|his|her|its)\s+(?:[a-z-]+\s+){0,2}$/.exec(
    masked.text.slice(0, match.index),
  );
  if (apposition && /^[a-z-]+\s+(?:of|for|to|at)\b/i.test(match[0])) return { slot: slotAt(apposition[1]) };
  // ", accusing the platform of…", ", citing…": a participle after the main clause shares its subject.
  // "… named ⟦X⟧ as the leader of ⟦Y⟧ and imposed sanctions on him": a verb after "and" shares the clause's subject too.
  if (
    (/,\s+$/.test(masked.text.slice(0, match.index)) && /^[a-z]+ing\b/i.test(match[0])) ||
    /[^⟦⟧\s]\s+and\s+$/.test(masked.text.slice(0, match.index)) ||
    // "… denied being controlled by ⟦Tahir⟧ and called the sanctions…": after a preposition's object, "and" joins verbs.
    /\b(?:by|to|with|from|of|against|for|on|in)\s+(?:the\s+)?⟦\d+⟧\s+and\s+$/.test(masked.text.slice(0, match.index))
  ) {
    const first = positions.find((p) => p.end <= match.index && eligibleSubject(masked, p.index, context));
    // "⟦Her⟧ lawyer, ⟦Ivo Brandt⟧, said … and called": the subject is the name in apposition to the role, not its possessor.
    const appositive =
      first && /^(?:his|her|its|their)$/i.test(masked.slots[first.index].mention.referenceWords ?? '')
        ? /^\s+(?:[a-z-]+\s+){0,2}[a-z-]+,\s+(⟦\d+⟧)/.exec(masked.text.slice(first.end, match.index))
        : null;
    if (appositive) return { slot: slotAt(appositive[1]) };
    if (first) return { slot: first.index };
  }
  // "a joint venture that would own ⟦O⟧": a relative clause's subject is the noun it follows, named or not.
  // ("informed ⟦Nvidia⟧ that exports…" is a reported clause, not a relative one.)
  const relative =
    /(⟦\d+⟧|[\w'’-]+)(\s*,)?\s+(that|which|who)\s+(?:(?:would|will|could|can|may|might|has|have|had|also|now|still|once)\s+){0,2}$/.exec(
      masked.text.slice(0, match.index),
    );
  const antecedent = relative ? slotAt(relative[1]) : undefined;
  const reported =
    relative !== null &&
    relative[3] === 'that' &&
    (antecedent === undefined
      ? /^(?:said|says|say|reported|claimed|confirmed|denied|announced|added|warned|argued|stated|noted|insisted|show|showed|shows)$/i.test(
          relative[1],
        )
      : !eligibleSubject(masked, antecedent, context));
  if (!relative || reported) return undefined;
  // "the ⟦Fund⟧, a state investment fund of ⟦Oman⟧, which invested…": the clause is about the appositive's head.
  if (antecedent !== undefined && relative[2]) {
    const head = /(⟦\d+⟧),\s+(?:an?|the)\s+[^,.;⟦]*?\b(?:of|in|from|for)\s+(?:the\s+)?$/.exec(
      masked.text.slice(0, relative.index),
    );
    if (head) return { slot: slotAt(head[1]) };
  }
  // "⟦i-Soon⟧, a Shanghai-based contractor that sold…": an unnamed antecedent in apposition stands for the name.
  if (antecedent === undefined) {
    const appositive = /(⟦\d+⟧),\s+(?:an?|the)\s+[^,.;⟦]*$/.exec(
      masked.text.slice(0, (relative.index ?? 0) + relative[1].length),
    );
    return { slot: appositive ? slotAt(appositive[1]) : undefined };
  }
  return { slot: antecedent };
}

/** The nearest name before the cue that is not inside a relative clause or an apposition and can be the argument. */
function nearestBefore(
  masked: MaskedSentence,
  match: RegExpExecArray,
  group: 's' | 'o',
  context: RelationContext,
  clauseSubject: boolean,
  positions: Array<{ index: number; start: number; end: number }>,
): number | undefined {
  // Names inside a relative clause (", which invested in OpenAI,") are not what the main verb is about.
  // So are names inside an apposition just before the verb ("⟦A⟧, the oil arm of ⟦B⟧, currently owns").
  const inRelativeClause = [
    ...masked.text
      .slice(0, match.index)
      .matchAll(/,\s+(?:which|who|whose|where)\b[^,]*,|,\s+(?:the|an?)\s+[^,]*,(?=\s+(?:[a-z]+\s+){0,2}$)/g),
  ].map((m) => [m.index, m.index + m[0].length]);
  // "⟦A⟧, an ⟦Oslo⟧ company owned by…": a name modifying the appositive's noun is no object; the head is.
  const describedHead =
    group === 'o'
      ? /(⟦\d+⟧),\s+(?:an?|the)\s+(?:[a-z-]+\s+){0,2}⟦\d+⟧(?:-based)?\s+(?:[a-z-]+\s+){1,3}$/.exec(
          masked.text.slice(0, match.index),
        )
      : null;
  if (describedHead) return slotAt(describedHead[1]);
  const candidates = positions.filter(
    (p) => p.end <= match.index && !inRelativeClause.some(([a, b]) => p.start >= a && p.end <= b),
  );
  for (let i = candidates.length - 1; i >= 0; i--) {
    // "⟦Cebotari⟧'s campaign was financed by…": the possessor of a passive clause's subject is what the act was for.
    if (
      group === 'o' &&
      clauseSubject &&
      /^['’]s\s+(?:[a-z-]+\s+){1,2}$/.test(masked.text.slice(candidates[i].end, match.index))
    )
      return candidates[i].index;
    if (group === 's' && !eligibleSubject(masked, candidates[i].index, context)) continue;
    // A passive clause's subject: "⟦A⟧, a consulting firm in ⟦B⟧ that is controlled by…" is about A, not B.
    if (
      group === 'o' &&
      clauseSubject &&
      !eligibleSubject(masked, candidates[i].index, context) &&
      !/^,\s+(?:an?|the)\s+[^,.;⟦]*?(?:⟦\d+⟧[^,.;⟦]*?)?\b(?:that|which|who)\s+$/.test(
        masked.text.slice(candidates[i].end, match.index),
      )
    )
      continue;
    return candidates[i].index;
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
  const list = /^((?:,\s*(?:the\s+)?⟦\d+⟧)*)(,?)\s+and\s+(?:the\s+)?(⟦\d+⟧)(?!['’]s)/.exec(after);
  if (list && !(list[2] === ',' && list[1] === ''))
    return [...`${list[1]} ${list[3]}`.matchAll(/⟦(\d+)⟧/g)].map((m) => Number(m[1]));
  // "met Zielinski and the port's chief executive, Henryk Sobczak": the name after a description in apposition.
  const described =
    /^\s+and\s+(?:(?:the|its|his|her|their|a|an)\s+)?(?:⟦\d+⟧['’]s\s+|[a-z-]+['’]s\s+)?(?:[a-z-]+\s+){0,3}[a-z-]+,\s+(⟦\d+⟧)(?!['’]s)/.exec(
      after,
    );
  return described ? [Number(/⟦(\d+)⟧/.exec(described[1])![1])] : [];
}

/** A quote that stops on "the" or "to" runs on to the end of its phrase ("called Vestager the "tax lady""). */
function completePhrase(body: string, end: number, sentenceEnd: number): number {
  // The phrase's last word before any trailing spaces (the longest of these words has four letters).
  let wordEnd = end;
  while (wordEnd > 0 && /\s/.test(body[wordEnd - 1])) wordEnd--;
  if (
    !/\b(?:the|a|an|to|of|for|with|and|or|from|on|in|by|that|not)$/i.test(body.slice(Math.max(0, wordEnd - 5), wordEnd))
  )
    return end;
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

/** An entity a claim is about, with the slot it is written in (none for an event or an earlier claim's end). */
type ClaimEnd = { group: EntityGroup; slot?: Slot };

/** What the claims of one rule's match share: the rule, the sentence, the match and where its cue is in the body. */
interface RuleMatch {
  rule: RelationRule;
  masked: MaskedSentence;
  match: RegExpExecArray;
  context: RelationContext;
  cueStart: number;
  cueEnd: number;
  /** "accused Iran of supplying…": the act is an accusation, so the claim is alleged. */
  accused: boolean;
}

function claimsOfMatch(
  rule: RelationRule,
  masked: MaskedSentence,
  match: RegExpExecArray,
  context: RelationContext,
  sentenceClaims: CandidateClaim[] = [],
): CandidateClaim[] {
  if (!rule.name.startsWith('passive') && isPassiveUse(masked, match)) return [];
  const subjectSlot = pickArgument(rule.subject, masked, match, 's', context);
  const objectSlot =
    rule.object === 'event' || rule.object === 'agents' || rule.object === 'earlier'
      ? undefined
      : pickArgument(rule.object, masked, match, 'o', context, rule.objectIsClauseSubject === true);
  const subjectSlots = subjectSlot === undefined ? [] : coordinatedSubjects(rule, masked, subjectSlot, match.index);
  const objectIsDeterminer =
    objectSlot !== undefined && /^(his|its|her|their)$/.test(masked.slots[objectSlot].mention.referenceWords ?? '');
  if (objectIsDeterminer && !rule.possessiveObject) return [];
  const objectSlots = objectSlot === undefined ? [] : [objectSlot, ...coordinated(masked, objectSlot, 'after')];
  const at: RuleMatch = {
    rule,
    masked,
    match,
    context,
    accused: rule.subject === 'before' && ACCUSATION_BEFORE.test(masked.text.slice(0, match.index)),
    cueStart: masked.toBody(match.index),
    cueEnd: masked.toBody(match.index + match[0].length),
  };
  const claims: CandidateClaim[] = [];
  const subjects = subjectsOf(at, subjectSlots, objectSlots);
  for (const subject of subjects) {
    const exclude = new Set([subject.group.key, ...subjects.map((s) => s.group.key)]);
    const found = objectsOf(at, subject, exclude, objectSlots, sentenceClaims);
    if (!found) continue;
    for (const object of found.objects) {
      const claim = claimOf(at, subject, object, found.earlierType);
      if (claim) claims.push(claim);
    }
  }
  return claims;
}

/** The subject slot with the names coordinated with it ("⟦British⟧ and ⟦American⟧ authorities … imposed"). */
function coordinatedSubjects(rule: RelationRule, masked: MaskedSentence, subjectSlot: number, cueAt: number): number[] {
  // Names joined to the subject before the cue are subjects too.
  return [
    subjectSlot,
    ...coordinated(masked, subjectSlot, 'before'),
    ...(rule.subject === 'group'
      ? coordinated(masked, subjectSlot, 'after')
      : coordinated(masked, subjectSlot, 'after').filter(
          (i) => (slotPositions(masked).find((p) => p.index === i)?.end ?? Infinity) <= cueAt,
        )),
  ];
}

/** The subjects' entities (none that is also named as an object), or the previous sentence's subject for "This…". */
function subjectsOf(at: RuleMatch, subjectSlots: number[], objectSlots: number[]): ClaimEnd[] {
  const { rule, masked, context } = at;
  const subjects: ClaimEnd[] = [];
  if (subjectSlots.length === 0) {
    if (context.previousSubject && /^(?:This|That|It)\b/.test(masked.sentence.text) && rule.subject === 'before')
      subjects.push({ group: context.previousSubject });
    return subjects;
  }
  const namedObjects = new Set(
    objectSlots
      .map((i) => masked.slots[i].mention)
      .filter((m) => m.source !== 'reference')
      .map((m) => m.entityKey!),
  );
  for (const i of subjectSlots) {
    const group = context.entityOf(masked.slots[i], namedObjects);
    if (group) subjects.push({ group, slot: masked.slots[i] });
  }
  return subjects;
}

/**
 * The objects of one subject: the agents of an earlier act, the other end of an earlier claim
 * it denies (whose type the claim takes), the event, or the named objects. Undefined when a
 * denial finds no earlier claim.
 */
function objectsOf(
  at: RuleMatch,
  subject: ClaimEnd,
  exclude: Set<string>,
  objectSlots: number[],
  sentenceClaims: CandidateClaim[],
): { objects: ClaimEnd[]; earlierType?: string } | undefined {
  const { rule, masked, match, context } = at;
  if (rule.object === 'agents') {
    // (Only acts of earlier sentences: "X, which is owned by Y, criticized the deal" is not about Y's ownership.)
    const agents = agentsOfAct(match.groups?.act ?? '', subject.group, at.cueStart, context.prior ?? [], context.body);
    return { objects: agents.map((group) => ({ group })) };
  }
  if (rule.object === 'earlier') {
    const act = match.groups?.act;
    const types = act === undefined ? DENIABLE : typesOfDeniedAct(act.replace(/^ever\s+/, ''));
    const window = act === undefined ? 0 : 2;
    // This sentence's claims so far, then the earlier sentences'.
    const earlier = types.length
      ? (deniedClaim(subject.group, types, masked.sentence.index, sentenceClaims, window) ??
        deniedClaim(subject.group, types, masked.sentence.index, context.prior ?? [], window))
      : undefined;
    if (!earlier) return undefined;
    return {
      objects: [{ group: earlier.subject.key === subject.group.key ? earlier.object : earlier.subject }],
      earlierType: earlier.type,
    };
  }
  if (rule.object === 'event') return { objects: context.eventTarget ? [{ group: context.eventTarget }] : [] };
  return {
    objects: objectSlots
      .map((i) => ({ group: context.entityOf(masked.slots[i], exclude), slot: masked.slots[i] }))
      .filter((o): o is { group: EntityGroup; slot: Slot } => o.group !== undefined),
  };
}

/** The claim of a subject and an object, under the rule's type or else its person or fallback type; undefined if none fits. */
function claimOf(
  at: RuleMatch,
  subject: ClaimEnd,
  object: ClaimEnd,
  earlierType: string | undefined,
): CandidateClaim | undefined {
  const { rule, masked, context, cueStart, cueEnd } = at;
  if (object.group.key === subject.group.key) return undefined;
  let type = earlierType ?? rule.type;
  if (!allowed(context, type, subject.group, object.group)) {
    if (
      rule.personType &&
      subject.group.type === 'person' &&
      allowed(context, rule.personType, subject.group, object.group)
    )
      type = rule.personType;
    else if (rule.fallbackType && allowed(context, rule.fallbackType, subject.group, object.group))
      type = rule.fallbackType;
    else return undefined;
  }
  if (rule.objectNotService && object.group.type === 'service') return undefined;
  // "several Russian officials", "Hamas leaders": a name used before its noun is quoted with the noun.
  const objectEnd =
    object.slot && (object.slot.mention.countryForm === 'demonym' || object.slot.mention.nounModifier)
      ? object.slot.end +
        (/^\s+[a-z][\w-]*(?:\s+(?:agencies|services|forces))?/.exec(
          context.body.slice(object.slot.end, masked.sentence.end),
        )?.[0].length ?? 0)
      : object.slot?.end;
  const extents = [cueStart, cueEnd, subject.slot?.start, subject.slot?.end, object.slot?.start, objectEnd].filter(
    (n): n is number => n !== undefined,
  );
  const viaReference = [subject.slot, object.slot].some((s) => s?.mention.source === 'reference');
  return {
    subject: subject.group,
    type,
    object: object.group,
    sentence: masked.sentence.index,
    quoteStart: Math.max(masked.sentence.start, Math.min(...extents)),
    quoteEnd: completePhrase(context.body, Math.min(masked.sentence.end, Math.max(...extents)), masked.sentence.end),
    cueStart,
    cueEnd,
    rule: rule.name,
    kind: 'verb',
    denial: rule.denial,
    hedged: rule.hedged || at.accused,
    confirmed: rule.confirmed,
    viaReference,
  };
}

export function matchRelations(masked: MaskedSentence, context: RelationContext): CandidateClaim[] {
  const claims: CandidateClaim[] = [];
  for (const rule of RELATION_RULES) {
    rule.pattern.lastIndex = 0;
    for (const match of masked.text.matchAll(rule.pattern)) {
      claims.push(...claimsOfMatch(rule, masked, match as RegExpExecArray, context, claims));
    }
  }
  return claims;
}
