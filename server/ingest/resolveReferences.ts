// Definite descriptions ("the company", "the judge", "the app") and pronouns ("it",
// "he") refer back to an entity named earlier. This finds them in a sentence and picks
// the most recently named entity that fits: the right type, and the word the description
// implies in its name or title ("the judge" → a "Justice"). A pronoun never refers to an
// argument already used in the same claim.
import type { EntityType, Mention } from './mention';
import { DESCRIPTION_CUES, type DescriptionCue } from './nameCues';
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
  const covered = (start: number, end: number) =>
    named.some((m) => !m.modifier && start < (m.fullEnd ?? m.end) && end > (m.fullStart ?? m.start));
  return [
    ...describedReferences(sentence, named, describedBy, covered),
    ...descriptionReferences(sentence, named, covered),
    ...pronounReferences(sentence, covered),
  ];
}

type Covered = (start: number, end: number) => boolean;

/** Whether a name follows `end` with only spaces between: "the exchange Kolkhida". */
function beforeName(sentence: Sentence, named: Mention[], end: number): boolean {
  return named.some(
    (m) =>
      !m.modifier &&
      m.start >= end &&
      /^\s*$/.test(sentence.text.slice(end - sentence.start, m.start - sentence.start)),
  );
}

/** "the NOUN" for a noun that described a name earlier in the article ("The exchange was fined"). */
function describedReferences(
  sentence: Sentence,
  named: Mention[],
  describedBy: Map<string, EntityType>,
  covered: Covered,
): Mention[] {
  const found: Mention[] = [];
  for (const match of sentence.text.matchAll(/\b[Tt]he\s+([a-z][a-z-]+)\b/g)) {
    const type = describedBy.get(match[1]);
    const start = sentence.start + match.index;
    const end = start + match[0].length;
    if (!type || covered(start, end) || DESCRIPTION_CUES.some((c) => c.pattern.test(`the ${match[1]}`))) continue;
    // "the exchange Kolkhida": a description right before a name is that name's, not a reference.
    if (beforeName(sentence, named, end)) continue;
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
  return found;
}

/** The definite descriptions of the cue list: "the company", "the judge", "the app". */
function descriptionReferences(sentence: Sentence, named: Mention[], covered: Covered): Mention[] {
  const found: Mention[] = [];
  for (const match of sentence.text.matchAll(DESCRIPTION)) {
    const start = sentence.start + match.index;
    const end = start + match[0].length;
    if (covered(start, end)) continue;
    // "the messaging app Telegram": a description in apposition to the name it precedes is no reference.
    if (beforeName(sentence, named, end)) continue;
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
  return found;
}

/** "it", "he", "her"…: a person's or an organisation's pronoun. */
function pronounReferences(sentence: Sentence, covered: Covered): Mention[] {
  const found: Mention[] = [];
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

/** Whether a noun described the entity where it was named, or heads its name ("the union" → "Polish Dockers' Union"); a country is never "the bank" ("a Kenyan bank"). */
function describedAs(group: EntityGroup, noun: string): boolean {
  if (group.type === 'country') return false;
  if (new RegExp(`\\b${noun}\\b`).test(group.descriptors ?? '')) return true;
  return group.type === 'organization' && group.name.toLowerCase().endsWith(` ${noun}`);
}

const PRONOUN_WORDS = /^(it|its|he|him|his|she|her)$/;
/** How far back (in sentences) the latest fitting name is looked for sentence by sentence before every entity is asked. */
const NEAR_SENTENCES = 8;

interface Placed {
  mention: Mention;
  group: EntityGroup;
}

/**
 * Resolves references against the article's entities. Every question it answers is about
 * the mentions so far in the entities (names, and the references resolved before), so it
 * keeps them by sentence and by entity, and answers from the sentences a rule looks at
 * rather than from the whole article; a reference resolved with `add` joins them.
 */
export class ReferenceResolver {
  private readonly order = new Map<EntityGroup, number>();
  /** Every mention of an entity, by sentence. */
  private readonly placed: Placed[][];
  /** The earliest start of a mention (not a modifier) in each sentence. */
  private readonly firstStart = new Map<number, number>();
  /** Per entity, the starts of its mentions that are not modifiers, ascending. */
  private readonly argumentStarts = new Map<EntityGroup, number[]>();
  private readonly namedCount = new Map<EntityGroup, number>();
  private readonly company = new Map<EntityGroup, boolean>();
  /** Per entity, whether a cue's name hint matches one of its texts (texts only ever get added). */
  private readonly hinted = new Map<EntityGroup, Map<RegExp, boolean>>();
  private readonly described = new Map<string, Map<EntityGroup, boolean>>();
  private readonly cues = new Map<string, DescriptionCue | undefined>();

  constructor(
    private readonly groups: EntityGroup[],
    sentenceCount: number,
    /** The body, when known: a possessor ("Kazakhstan's State Revenue Committee said") is then no sentence subject. */
    private readonly body?: string,
  ) {
    this.placed = Array.from({ length: sentenceCount }, (): Placed[] => []);
    groups.forEach((group, index) => {
      this.order.set(group, index);
      this.argumentStarts.set(group, []);
      this.namedCount.set(group, group.mentions.filter((m) => m.source !== 'reference').length);
      for (const mention of group.mentions) this.place(mention, group);
    });
  }

  private place(mention: Mention, group: EntityGroup): void {
    this.placed[mention.sentence].push({ mention, group });
    if (mention.modifier) return;
    const possessor =
      this.body !== undefined &&
      mention.source !== 'reference' &&
      /^['’]s\b/.test(this.body.slice(mention.end, mention.end + 3));
    const first = this.firstStart.get(mention.sentence);
    if (!possessor && (first === undefined || mention.start < first))
      this.firstStart.set(mention.sentence, mention.start);
    const starts = this.argumentStarts.get(group)!;
    starts.splice(
      upperBound(starts, mention.start, (s) => s),
      0,
      mention.start,
    );
  }

  /** Adds a resolved reference to its entity, where a stable sort by start would put it. */
  add(reference: Mention, group: EntityGroup): void {
    reference.entityKey = group.key;
    group.mentions.splice(
      upperBound(group.mentions, reference.start, (m) => m.start),
      0,
      reference,
    );
    this.place(reference, group);
    const hints = this.hinted.get(group);
    if (hints) for (const [hint, matched] of hints) if (!matched && hint.test(reference.text)) hints.set(hint, true);
  }

  private cueOf(words: string): DescriptionCue | undefined {
    if (!this.cues.has(words))
      this.cues.set(
        words,
        DESCRIPTION_CUES.find((c) => c.pattern.test(words)),
      );
    return this.cues.get(words);
  }

  private isCompany(group: EntityGroup): boolean {
    let company = this.company.get(group);
    if (company === undefined) this.company.set(group, (company = isCompany(group)));
    return company;
  }

  private hintMatches(group: EntityGroup, hint: RegExp): boolean {
    let hints = this.hinted.get(group);
    if (!hints) this.hinted.set(group, (hints = new Map()));
    let matched = hints.get(hint);
    if (matched === undefined) {
      const texts = [group.name, ...group.titles, ...group.mentions.map((m) => m.text), group.descriptors ?? ''];
      hints.set(hint, (matched = texts.some((t) => hint.test(t))));
    }
    return matched;
  }

  /** Whether an entity is one a reference's words can stand for. */
  fits(reference: Mention, group: EntityGroup, brandAsService = false): boolean {
    const words = reference.referenceWords ?? '';
    if (/^(it|its)$/.test(words)) return group.type !== 'person';
    if (/^(he|him|his|she|her)$/.test(words)) return group.type === 'person';
    const cue = this.cueOf(words);
    if (!cue) {
      // A noun the article used to describe names fits the names it described.
      let byGroup = this.described.get(words);
      if (!byGroup) this.described.set(words, (byGroup = new Map()));
      let fits = byGroup.get(group);
      if (fits === undefined) byGroup.set(group, (fits = describedAs(group, words.replace(/^the\s+/, ''))));
      return fits;
    }
    // "the app" may name a brand typed as a company when no service was named ("TikTok").
    if (cue.type !== group.type && !(brandAsService && cue.type === 'service' && this.isCompany(group))) return false;
    if (cue.company && !this.isCompany(group)) return false;
    if (cue.nameHint && !this.hintMatches(group, cue.nameHint)) return false;
    return true;
  }

  /** The mentions of an entity placed in sentences `from`…`to` that are arguments before `reference`. */
  private *before(reference: Mention, from: number, to: number): Generator<Placed> {
    for (let s = Math.max(0, from); s <= to; s++) {
      for (const entry of this.placed[s]) {
        if (entry.mention.start < reference.start && entry.mention !== reference && !entry.mention.modifier)
          yield entry;
      }
    }
  }

  /** Keeps the later mention; on a tie, the entity listed first (the order a scan of the entities meets them in). */
  private later(
    best: { group: EntityGroup; at: number } | undefined,
    group: EntityGroup,
    at: number,
  ): { group: EntityGroup; at: number } {
    if (!best || at > best.at || (at === best.at && this.order.get(group)! < this.order.get(best.group)!))
      return { group, at };
    return best;
  }

  /**
   * The entity a reference points to: the latest fitting entity named before it. Demonyms
   * used as adjectives and names used as modifiers ("US users") are not antecedents of a
   * pronoun. A pronoun in subject position ("It blocked the accounts") prefers an entity
   * that was itself the first named in its sentence (a subject), within two sentences.
   */
  resolve(reference: Mention, exclude: Set<string> = new Set(), preferSubject = false): EntityGroup | undefined {
    const isPronoun = PRONOUN_WORDS.test(reference.referenceWords ?? '');
    if (isPronoun) {
      let best: { group: EntityGroup; at: number } | undefined;
      let bestSubject: { group: EntityGroup; at: number } | undefined;
      for (const { mention, group } of this.before(reference, reference.sentence - 2, reference.sentence)) {
        if (mention.nounModifier || exclude.has(group.key) || !this.fits(reference, group)) continue;
        best = this.later(best, group, mention.start);
        if (this.firstStart.get(mention.sentence) === mention.start)
          bestSubject = this.later(bestSubject, group, mention.start);
      }
      if (preferSubject && bestSubject) return bestSubject.group;
      return best?.group;
    }
    const anyService = this.groups.some(
      (g) =>
        g.mentions.length > 0 &&
        g.mentions[0].start < reference.start &&
        !exclude.has(g.key) &&
        this.fits(reference, g),
    );
    const fitting = (group: EntityGroup) => !exclude.has(group.key) && this.fits(reference, group, !anyService);
    const best = this.latestFitting(reference, fitting);
    // "Huaxin, which acquired a stake in the company": a description first looks back in its own sentence.
    if (
      best &&
      this.placed[reference.sentence].some(
        ({ mention: m, group }) =>
          group === best.group && m.start < reference.start && m.source !== 'reference' && !m.modifier,
      )
    )
      return best.group;
    return this.mostSalient(reference, fitting) ?? best?.group;
  }

  /** The latest mention before the reference of an entity that fits: sentence by sentence nearby, else per entity. */
  private latestFitting(
    reference: Mention,
    fitting: (group: EntityGroup) => boolean,
  ): { group: EntityGroup; at: number } | undefined {
    for (let s = reference.sentence; s >= Math.max(0, reference.sentence - NEAR_SENTENCES); s--) {
      let best: { group: EntityGroup; at: number } | undefined;
      // Mentions of earlier sentences start before any of this one's.
      for (const { mention, group } of this.before(reference, s, s))
        if (fitting(group)) best = this.later(best, group, mention.start);
      if (best) return best;
    }
    let best: { group: EntityGroup; at: number } | undefined;
    for (const group of this.groups) {
      const starts = this.argumentStarts.get(group)!;
      const i = upperBound(starts, reference.start - 1, (s) => s) - 1;
      if (i >= 0 && fitting(group)) best = this.later(best, group, starts[i]);
    }
    return best;
  }

  /**
   * For a description ("the app", "the company", "the country"): among the fitting entities
   * named in the last three sentences, the one the article names most often (its topic),
   * the latest of them on a tie.
   */
  private mostSalient(reference: Mention, fitting: (group: EntityGroup) => boolean): EntityGroup | undefined {
    const latest = new Map<EntityGroup, number>();
    for (const { mention, group } of this.before(reference, reference.sentence - 3, reference.sentence)) {
      if ((latest.get(group) ?? -1) < mention.start) latest.set(group, mention.start);
    }
    let best: { group: EntityGroup; count: number; at: number } | undefined;
    for (const [group, at] of [...latest].sort(([a], [b]) => this.order.get(a)! - this.order.get(b)!)) {
      if (!fitting(group)) continue;
      const count = this.namedCount.get(group)!;
      if (!best || count > best.count || (count === best.count && at > best.at)) best = { group, count, at };
    }
    return best?.group;
  }
}

/** The first index whose key is above `value` in an array sorted by key (where a stable sort puts a new `value`). */
function upperBound<T>(items: T[], value: number, key: (item: T) => number): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (key(items[middle]) <= value) low = middle + 1;
    else high = middle;
  }
  return low;
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
 * kind); a pronoun in subject position prefers an earlier subject. Returns the resolver,
 * which then knows every resolved reference.
 */
export function resolveInReadingOrder(references: Mention[], context: ReadingContext): ReferenceResolver {
  const { body, sentences, tags, groups, all } = context;
  const groupByKey = new Map(groups.map((g) => [g.key, g]));
  const resolver = new ReferenceResolver(groups, sentences.length, body);
  const allBySentence = sentences.map((): Mention[] => []);
  for (const mention of all) allBySentence[mention.sentence].push(mention);
  for (const reference of references) {
    const sentence = sentences[reference.sentence];
    const inSentence = allBySentence[reference.sentence];
    const beforeText = body.slice(sentence.start, reference.start);
    let group: EntityGroup | undefined;
    const afterSaying =
      /\b(?:said|says|confirmed|announced|signall?ed|added|warned|insisted|argued)\s+(?:that\s+)?$/.exec(beforeText);
    // ("added it to its list" is no saying: the pronoun is the verb's object.)
    const objectOfVerb = /^\s+(?:to|into|on|onto)\b/.test(body.slice(reference.end, reference.end + 6));
    if (afterSaying && !objectOfVerb && /^(it|he|she)$/.test(reference.referenceWords ?? '')) {
      const speaker = speakerBefore(body, inSentence, sentence, sentence.start + afterSaying.index);
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
      const first = inSentence.find((m) => m.source !== 'reference' && !m.modifier && m.entityKey);
      const topic = first?.entityKey ? groupByKey.get(first.entityKey) : undefined;
      if (topic && topic.type !== 'person' && topic.type !== 'country') group = topic;
    }
    const subjectPosition =
      (reference.referenceWords === 'its' && !possessiveOfObject) ||
      beforeText.trim() === '' ||
      /(?:,|\band|\bbut|\bthat)$/.test(beforeText.trim()) ||
      (/^(?:it|he|she)$/.test(reference.referenceWords ?? '') && beforeVerb);
    group ??= resolver.resolve(reference, new Set(), subjectPosition);
    if (group) resolver.add(reference, group);
  }
  return resolver;
}
