// Turns candidate claims into the claims the extractor proposes: the stance from the
// sentence (and who says it), the date nearest the cue, the attribution and a confidence,
// with the quote sliced from the body; one claim per triple and stance ("their
// communication" goes to the speaker's organisation).
import type { VocabularyIndex } from '../model/vocabulary';
import type { CandidateClaim } from './candidateClaim';
import { detectStance } from './detectStance';
import type { ExtractedClaim } from './extractionResult';
import { findAttribution, REPORTING_VERB, type Speaker } from './findAttribution';
import { speakerBefore } from './findSpeaker';
import type { Mention } from './mention';
import { dateNear } from './parseDates';
import type { EntityGroup } from './resolveEntities';
import { scoreConfidence } from './scoreConfidence';
import type { Sentence } from './splitSentences';

export interface FinishContext {
  body: string;
  sentences: Sentence[];
  all: Mention[];
  groupByKey: Map<string, EntityGroup>;
  documentDate: string;
  vocabulary: VocabularyIndex;
}

/** The organisations an entity's titles belong to ("Kremlin" for "Kremlin spokesperson Dmitry Peskov"). */
type TitleOwners = (group: EntityGroup) => { first?: Mention; keys: Set<string> };

/** A reader of title owners that reads each entity's once. */
function titleOwners(): TitleOwners {
  const owners = new Map<EntityGroup, { first?: Mention; keys: Set<string> }>();
  return (group: EntityGroup) => {
    let found = owners.get(group);
    if (!found) {
      const withOwner = group.mentions.filter((m) => m.titleOwner?.entityKey);
      owners.set(
        group,
        (found = { first: withOwner[0]?.titleOwner, keys: new Set(withOwner.map((m) => m.titleOwner!.entityKey!)) }),
      );
    }
    return found;
  };
}

type DraftClaim = ExtractedClaim & { order: number };

export function finishClaims(candidates: CandidateClaim[], context: FinishContext): ExtractedClaim[] {
  const claims: DraftClaim[] = [];
  const seen = new Map<string, number>();
  const sentenceTriples = new Map<string, number>();
  const ownersOf = titleOwners();
  const allBySentence = context.sentences.map((): Mention[] => []);
  for (const mention of context.all) allBySentence[mention.sentence].push(mention);
  for (const candidate of candidates) {
    const drafted = draftClaim(candidate, context, allBySentence[candidate.sentence], ownersOf);
    if (!drafted) continue;
    const { claim, a, b } = drafted;
    const key = `${a}|${candidate.type}|${b}|${claim.stance}`;
    const previous = seen.get(key);
    if (previous !== undefined) {
      if (claims[previous].confidence < claim.confidence) claims[previous] = claim;
      continue;
    }
    // Two rules reading one sentence the same way ("suspected of helping to plant the charges"):
    // keep one claim, with the stance a hedge or denial gives it rather than a bare assertion.
    const sameSentence = `${candidate.sentence}|${a}|${candidate.type}|${b}`;
    const twin = sentenceTriples.get(sameSentence);
    // (An allegation and its denial in one sentence are two claims: "…, an allegation Tehran denied".)
    if (twin !== undefined && (claims[twin].stance === 'asserts' || claim.stance === 'asserts')) {
      if (claims[twin].stance === 'asserts' && claim.stance !== 'asserts') claims[twin] = claim;
      continue;
    }
    sentenceTriples.set(sameSentence, claims.length);
    seen.set(key, claims.length);
    claims.push(claim);
  }
  return claims.sort((x, y) => x.order - y.order).map(({ order: _order, ...claim }) => claim);
}

/**
 * The claim a candidate proposes, with its stance, date, attribution and confidence, and its
 * ends in key order (sorted for an undirected edge type); undefined when its quote is empty.
 */
function draftClaim(
  candidate: CandidateClaim,
  context: FinishContext,
  inSentence: Mention[],
  ownersOf: TitleOwners,
): { claim: DraftClaim; a: string; b: string } | undefined {
  const { body, groupByKey } = context;
  const sentence = context.sentences[candidate.sentence];
  const text = sentence.text;
  const cueStart = candidate.cueStart - sentence.start;
  const cueEnd = candidate.cueEnd - sentence.start;
  // "Peskov said their only communication with Musk": "their" is the speaker's organisation.
  if (
    candidate.type === 'in_contact_with' &&
    /\btheir\s+(?:only\s+|\w+\s+)?$/.test(text.slice(0, cueStart)) &&
    candidate.subject.type === 'person'
  ) {
    const owner = ownersOf(candidate.subject).first;
    const ownerGroup = owner?.entityKey ? groupByKey.get(owner.entityKey) : undefined;
    if (ownerGroup) candidate.subject = ownerGroup;
  }
  const phrase = candidate.kind !== 'verb';
  const { reportingVerb, speaker, speakerGroup } = phrase ? {} : reportedBy(context, inSentence, sentence, cueStart);
  const parties = new Set([candidate.subject.key, candidate.object.key]);
  const speakerIsParty = speakerGroup
    ? parties.has(speakerGroup.key) || [...parties].some((k) => ownersOf(speakerGroup).keys.has(k))
    : undefined;
  let stance: string = detectStance({
    text,
    cueStart,
    cueEnd,
    denial: candidate.denial,
    hedged: candidate.hedged,
    confirmed: candidate.confirmed,
    speakerIsParty,
    reportingVerb,
    phrase,
  });
  if (!context.vocabulary.stances.has(stance)) stance = context.vocabulary.vocabulary.stances[0].id;
  const date = phrase ? undefined : dateNear(text, cueStart, context.documentDate);
  const attributedTo = phrase ? undefined : attributionOf(candidate, context, inSentence, sentence, cueStart, speaker);
  const quote = body.slice(candidate.quoteStart, candidate.quoteEnd).trim();
  if (!quote) return undefined;
  const edgeType = context.vocabulary.edgeTypes.get(candidate.type);
  const [a, b] =
    edgeType && !edgeType.directed
      ? [candidate.subject.id, candidate.object.id].sort()
      : [candidate.subject.id, candidate.object.id];
  const claim = {
    subject: candidate.subject.id,
    type: candidate.type,
    object: candidate.object.id,
    stance,
    quote,
    ...(date ? { date } : {}),
    ...(attributedTo ? { attributedTo } : {}),
    confidence: scoreConfidence(candidate, stance),
    order: candidate.quoteStart,
  };
  return { claim, a, b };
}

/** The last reporting verb before the cue, and who says it (in sentence offsets). */
function reportedBy(
  context: FinishContext,
  inSentence: Mention[],
  sentence: Sentence,
  cueStart: number,
): { reportingVerb?: string; speaker?: Speaker; speakerGroup?: EntityGroup } {
  let reportingVerb: string | undefined;
  let speaker: Speaker | undefined;
  let speakerGroup: EntityGroup | undefined;
  for (const match of sentence.text.matchAll(REPORTING_VERB)) {
    if (match.index >= cueStart) break;
    reportingVerb = match[1];
    const speakerMention = speakerBefore(context.body, inSentence, sentence, sentence.start + match.index);
    speakerGroup = speakerMention?.entityKey ? context.groupByKey.get(speakerMention.entityKey) : undefined;
    speaker = speakerMention
      ? {
          start: speakerMention.start - sentence.start,
          end: speakerMention.end - sentence.start,
          entityId: speakerGroup?.id,
        }
      : undefined;
  }
  return { reportingVerb, speaker, speakerGroup };
}

/** Who the sentence attributes the claim to, among the entities it names and its speaker. */
function attributionOf(
  candidate: CandidateClaim,
  context: FinishContext,
  inSentence: Mention[],
  sentence: Sentence,
  cueStart: number,
  speaker: Speaker | undefined,
): string | undefined {
  const namedInSentence = inSentence
    .filter((m) => m.entityKey && m.source !== 'reference')
    .map((m) => ({
      start: m.start - sentence.start,
      end: m.end - sentence.start,
      entityId: context.groupByKey.get(m.entityKey!)?.id,
    }));
  return findAttribution({
    text: sentence.text,
    cueStart,
    named: namedInSentence,
    speaker,
    parties: [candidate.subject.id, candidate.object.id],
  });
}
