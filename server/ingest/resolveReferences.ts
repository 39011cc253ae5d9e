// Definite descriptions ("the company", "the judge", "the app") and pronouns ("it",
// "he") refer back to an entity named earlier. This finds them in a sentence and picks
// the most recently named entity that fits: the right type, and the word the description
// implies in its name or title ("the judge" → a "Justice"). A pronoun never refers to an
// argument already used in the same claim.
import type { EntityType, Mention } from './mention';
import { DESCRIPTION_CUES } from './nameCues';
import { isCompany, type EntityGroup } from './resolveEntities';
import { speakerBefore } from './findSpeaker';
import type { Sentence } from './splitSentences';
import type { WordTags } from './tagWords';

const DESCRIPTION =
  /\b[Tt]he\s+(?:[A-Z][a-z]+\s+)?(?:company|firm|group|chipmaker|carmaker|insurer|department|ministry|regulator|court|commission|agency|board|party|bloc|platform|app|social network|site|website|service|messaging app|judge|justice|president|prime minister|minister|businessman|businesswoman|tycoon|magnate|billionaire|country|nation|government)\b(?!\s+(?:of|in)\s+\p{Lu})/gu;
const PRONOUN = /\b(?:it|its|It|Its|he|him|his|He|His|she|her|She|Her)\b/g;

/**
 * The definite descriptions of a sentence ("the company", "the judge"), its pronouns, and "the
 * NOUN" for any noun that described a name earlier in the article ("the cryptocurrency exchange
 * Kolkhida" … "The exchange was fined"): `describedBy` maps such nouns to the entity type they described.
 */
export function findReferences(
  sentence: Sentence,
  named: Mention[],
  describedBy: Map<string, EntityType> = new Map(),
): Mention[] {
  const found: Mention[] = [];
  const covered = (start: number, end: number) =>
    named.some((m) => !m.modifier && start < (m.fullEnd ?? m.end) && end > (m.fullStart ?? m.start));
  for (const match of sentence.text.matchAll(/\b[Tt]he\s+([a-z][a-z-]+)\b/g)) {
    const type = describedBy.get(match[1]);
    const start = sentence.start + match.index;
    const end = start + match[0].length;
    if (!type || covered(start, end) || DESCRIPTION_CUES.some((c) => c.pattern.test(`the ${match[1]}`))) continue;
    // "the exchange Kolkhida": a description right before a name is that name's, not a reference.
    if (
      named.some(
        (m) =>
          !m.modifier &&
          m.start >= end &&
          /^\s*$/.test(sentence.text.slice(end - sentence.start, m.start - sentence.start)),
      )
    )
      continue;
    // "Selçuk Bayraktar, the son-in-law of…": an apposition describes the name before it.
    if (
      named.some(
        (m) =>
          !m.modifier &&
          m.end <= start &&
          /^,\s*$/.test(sentence.text.slice(m.end - sentence.start, start - sentence.start)),
      )
    )
      continue;
    // Only the head noun: "the exchange was fined", not "the exchange rate".
    if (
      /^\s+[a-z]+(?:s|ing)?\s+(?:of|for)\b/.test(sentence.text.slice(end - sentence.start)) ||
      /^\s+(?:rate|rates|market|markets)\b/.test(sentence.text.slice(end - sentence.start))
    )
      continue;
    found.push({
      start,
      end,
      text: match[0],
      type,
      source: 'reference',
      sentence: sentence.index,
      referenceWords: `the ${match[1]}`,
    });
  }
  for (const match of sentence.text.matchAll(DESCRIPTION)) {
    const start = sentence.start + match.index;
    const end = start + match[0].length;
    if (covered(start, end)) continue;
    // "the messaging app Telegram": a description in apposition to the name it precedes is no reference.
    if (
      named.some(
        (m) =>
          !m.modifier &&
          m.start >= end &&
          /^\s*$/.test(sentence.text.slice(end - sentence.start, m.start - sentence.start)),
      )
    )
      continue;
    const words = match[0].replace(/^[Tt]he\s+/, 'the ').replace(/^the [A-Z][a-z]+ /, (w) => w);
    const cue = DESCRIPTION_CUES.find((c) => c.pattern.test(words));
    if (!cue) continue;
    found.push({
      start,
      end,
      text: match[0],
      type: cue.type,
      source: 'reference',
      sentence: sentence.index,
      referenceWords: words,
    });
  }
  for (const match of sentence.text.matchAll(PRONOUN)) {
    const start = sentence.start + match.index;
    const end = start + match[0].length;
    if (covered(start, end)) continue;
    const word = match[0].toLowerCase();
    const type: EntityType = /^(he|him|his|she|her)$/.test(word) ? 'person' : 'organization';
    found.push({
      start,
      end,
      text: match[0],
      type,
      source: 'reference',
      sentence: sentence.index,
      referenceWords: word,
    });
  }
  return found;
}

function fits(reference: Mention, group: EntityGroup, brandAsService = false): boolean {
  const words = reference.referenceWords ?? '';
  if (/^(it|its)$/.test(words)) return group.type !== 'person';
  if (/^(he|him|his|she|her)$/.test(words)) return group.type === 'person';
  const cue = DESCRIPTION_CUES.find((c) => c.pattern.test(words));
  // A noun the article used to describe names fits the names it described.
  if (!cue) return new RegExp(`\\b${words.replace(/^the\s+/, '')}\\b`).test(group.descriptors ?? '');
  // "the app" may name a brand typed as a company when no service was named ("TikTok").
  if (cue.type !== group.type && !(brandAsService && cue.type === 'service' && isCompany(group))) return false;
  if (cue.company && !isCompany(group)) return false;
  if (cue.nameHint) {
    const texts = [group.name, ...group.titles, ...group.mentions.map((m) => m.text), group.descriptors ?? ''];
    if (!texts.some((t) => cue.nameHint!.test(t))) return false;
  }
  return true;
}

/**
 * For a description ("the app", "the company", "the country"): among the fitting entities
 * named in the last three sentences, the one the article names most often (its topic),
 * the latest of them on a tie.
 */
function mostSalient(
  reference: Mention,
  groups: EntityGroup[],
  exclude: Set<string>,
  anyService: boolean,
): EntityGroup | undefined {
  let best: { group: EntityGroup; count: number; at: number } | undefined;
  for (const group of groups) {
    if (exclude.has(group.key) || !fits(reference, group, !anyService)) continue;
    const before = group.mentions.filter((m) => m.start < reference.start && m !== reference && !m.modifier);
    if (!before.length || reference.sentence - before[before.length - 1].sentence > 3) continue;
    const count = group.mentions.filter((m) => m.source !== 'reference').length;
    const at = before[before.length - 1].start;
    if (!best || count > best.count || (count === best.count && at > best.at)) best = { group, count, at };
  }
  return best?.group;
}

/**
 * The entity a reference points to: the latest fitting entity named before it. Demonyms
 * used as adjectives and names used as modifiers ("US users") are not antecedents of a
 * pronoun. A pronoun in subject position ("It blocked the accounts") prefers an entity
 * that was itself the first named in its sentence (a subject), within two sentences.
 */
export function resolveReference(
  reference: Mention,
  groups: EntityGroup[],
  exclude: Set<string> = new Set(),
  preferSubject = false,
): EntityGroup | undefined {
  const isPronoun = /^(it|its|he|him|his|she|her)$/.test(reference.referenceWords ?? '');
  const firstInSentence = new Map<number, number>();
  for (const group of groups) {
    for (const m of group.mentions) {
      if (m.modifier) continue;
      const first = firstInSentence.get(m.sentence);
      if (first === undefined || m.start < first) firstInSentence.set(m.sentence, m.start);
    }
  }
  let best: { group: EntityGroup; at: number } | undefined;
  let bestSubject: { group: EntityGroup; at: number } | undefined;
  const anyService = groups.some(
    (g) => !exclude.has(g.key) && fits(reference, g) && g.mentions.some((m) => m.start < reference.start),
  );
  for (const group of groups) {
    if (exclude.has(group.key) || !fits(reference, group, !anyService)) continue;
    for (const mention of group.mentions) {
      if (mention.start >= reference.start) break;
      if (mention === reference || mention.modifier) continue;
      if (isPronoun && mention.nounModifier) continue;
      if (isPronoun && reference.sentence - mention.sentence > 2) continue;
      if (!best || mention.start > best.at) best = { group, at: mention.start };
      if (firstInSentence.get(mention.sentence) === mention.start && (!bestSubject || mention.start > bestSubject.at))
        bestSubject = { group, at: mention.start };
    }
  }
  if (preferSubject && isPronoun && bestSubject) return bestSubject.group;
  // "Huaxin, which acquired a stake in the company": a description first looks back in its own sentence.
  if (
    !isPronoun &&
    best &&
    groups
      .find((g) => g === best!.group)
      ?.mentions.some(
        (m) =>
          m.sentence === reference.sentence && m.start < reference.start && m.source !== 'reference' && !m.modifier,
      )
  )
    return best.group;
  if (!isPronoun) return mostSalient(reference, groups, exclude, anyService) ?? best?.group;
  return best?.group;
}

export interface ReadingContext {
  body: string;
  sentences: Sentence[];
  tags: WordTags;
  groups: EntityGroup[];
  /** Every mention, names and references, in body order. */
  all: Mention[];
}

/**
 * Resolves every reference in reading order, adding each to its entity so that a later
 * pronoun can refer through it. "it" right after "X said" is X (when X is of the pronoun's
 * kind); a pronoun in subject position prefers an earlier subject.
 */
export function resolveInReadingOrder(references: Mention[], context: ReadingContext): void {
  const { body, sentences, tags, groups, all } = context;
  const groupByKey = new Map(groups.map((g) => [g.key, g]));
  for (const reference of references) {
    const sentence = sentences[reference.sentence];
    const beforeText = body.slice(sentence.start, reference.start);
    let group: EntityGroup | undefined;
    const afterSaying =
      /\b(?:said|says|confirmed|announced|signall?ed|added|warned|insisted|argued)\s+(?:that\s+)?$/.exec(beforeText);
    // ("added it to its list" is no saying: the pronoun is the verb's object.)
    const objectOfVerb = /^\s+(?:to|into|on|onto)\b/.test(body.slice(reference.end, reference.end + 6));
    if (afterSaying && !objectOfVerb && /^(it|he|she)$/.test(reference.referenceWords ?? '')) {
      const speaker = speakerBefore(body, all, sentence, sentence.start + afterSaying.index);
      const speakerGroup = speaker?.entityKey ? groupByKey.get(speaker.entityKey) : undefined;
      // "The office said he…": only a speaker of the pronoun's kind is what it stands for.
      if (speakerGroup && (speakerGroup.type === 'person') === (reference.type === 'person')) group = speakerGroup;
    }
    // A pronoun before its verb ("in a filing it confirmed") is a subject and refers to an earlier subject.
    const nextWord = tags.after(reference.end);
    const previousWord = tags.before(reference.start);
    const afterVerbOrPreposition =
      previousWord !== undefined && (previousWord.tags.has('Verb') || previousWord.tags.has('Preposition'));
    const beforeVerb =
      !afterVerbOrPreposition &&
      nextWord !== undefined &&
      (nextWord.tags.has('Verb') ||
        (nextWord.tags.has('Adverb') && tags.after(nextWord.end)?.tags.has('Verb') === true));
    // "Germany sanctioned the company, citing its links": after such a word "its" is the nearest fitting name.
    const possessiveOfObject =
      reference.referenceWords === 'its' &&
      /\b(?:citing|over|for|because\s+of|due\s+to|about|into|on|against)\s*$/i.test(beforeText);
    // "X was sanctioned by Y, and Z added it to…": "it" in a second clause keeps the first clause's topic.
    if (!group && reference.referenceWords === 'it' && afterVerbOrPreposition && /,\s+and\s+[^,]*$/.test(beforeText)) {
      const first = all.find(
        (m) => m.sentence === reference.sentence && m.source !== 'reference' && !m.modifier && m.entityKey,
      );
      const topic = first?.entityKey ? groupByKey.get(first.entityKey) : undefined;
      if (topic && topic.type !== 'person' && topic.type !== 'country') group = topic;
    }
    const subjectPosition =
      (reference.referenceWords === 'its' && !possessiveOfObject) ||
      beforeText.trim() === '' ||
      /(?:,|\band|\bbut|\bthat)$/.test(beforeText.trim()) ||
      (/^(?:it|he|she)$/.test(reference.referenceWords ?? '') && beforeVerb);
    group ??= resolveReference(reference, groups, new Set(), subjectPosition);
    if (group) {
      reference.entityKey = group.key;
      group.mentions.push(reference);
      group.mentions.sort((a, b) => a.start - b.start);
    }
  }
}
