// The extractor's entry point: an article in the seeds' format in, proposed entities and
// claims out. Deterministic and offline (it reads only the embedded vocabulary, once, when
// no dataset is given): the steps are header → sentences → names
// → entities (matched against the dataset) → references → relations → stance, date,
// attribution and confidence. Every quote is a slice of the body.
import fs from 'node:fs';
import type { Dataset } from '../model/dataset';
import type { Entity } from '../model/records';
import { indexVocabulary, vocabularySchema, type VocabularyIndex } from '../model/vocabulary';
import { parseDocument } from '../load/parseDocument';
import { defaultVocabularyFile } from '../paths';
import type { CandidateClaim } from './candidateClaim';
import type { ExtractedEntity, ExtractionResult } from './extractionResult';
import { finishClaims } from './finishClaims';
import { findMentions, type MentionContext } from './findMentions';
import { maskSentence, type Slot } from './maskSentence';
import { matchRelations, type RelationContext } from './matchRelations';
import { fullSurface, type Mention } from './mention';
import { COMPANY_NAME_WORDS, ORGANIZATION_HEADS } from './nameCues';
import { nounPhraseRelations } from './nounPhraseRelations';
import { normaliseName, resolveEntities, type EntityGroup } from './resolveEntities';
import { findReferences, resolveInReadingOrder } from './resolveReferences';
import { splitSentences, type Sentence } from './splitSentences';
import { tagWords, type WordTags } from './tagWords';
import { isCapitalised, tokenizeSentence } from './tokenizeSentence';

/** Thrown when the article is not in the seeds' format; the message says what is wrong. */
export class ArticleFormatError extends Error {}

let defaultVocabulary: VocabularyIndex | undefined;
/** The embedded vocabulary (graph-data/vocabulary.json), read once. */
export function loadDefaultVocabulary(): VocabularyIndex {
  defaultVocabulary ??= indexVocabulary(
    vocabularySchema.parse(JSON.parse(fs.readFileSync(defaultVocabularyFile, 'utf8'))),
  );
  return defaultVocabulary;
}

const EVENT_WORDS = /\b(?:sabotage|explosions?|blasts?|ruptured|damaged|destroyed|attack(?:ed)?\s+on|bombing\s+of)\b/g;

/**
 * Words written capitalised on their own away from a sentence's start (such a word is a
 * name even at a start: "Reuters later reported"), and capitalised words written without
 * a following "'s" (so "Musk's Starlink" splits but "People's Daily" stays one name).
 */
function capitalisedWords(sentences: Sentence[]): { inside: Set<string>; standalone: Set<string> } {
  const inside = new Set<string>();
  const standalone = new Set<string>();
  const connector = /^(?:of|and|for|the|de|da|['’]s)$/;
  for (const sentence of sentences) {
    if (sentence.heading) continue;
    const tokens = tokenizeSentence(sentence);
    tokens.forEach((token, i) => {
      if (i === 0 || !isCapitalised(token.text)) return;
      const previous = tokens[i - 1].text;
      // "Durand: Every journalist…", "(Adds details)", "\"We will…": a capital after a colon or an opening mark opens a sentence.
      if (previous === ':' || tokens.slice(0, i).every((t) => /^[("“‘'[]$/.test(t.text))) return;
      const next = tokens[i + 1]?.text ?? '';
      if (!/^['’]s$/.test(next)) standalone.add(token.text);
      if (isCapitalised(previous) || connector.test(previous) || isCapitalised(next) || connector.test(next)) return;
      inside.add(token.text);
    });
  }
  return { inside, standalone };
}

function knownNames(entities: Iterable<Entity>): Set<string> {
  const names = new Set<string>();
  for (const entity of entities) for (const form of [entity.name, ...entity.aliases]) names.add(normaliseName(form));
  return names;
}

/**
 * What the extractor reads of a dataset: the entities to match names against, and the
 * vocabulary; and the content hash, which changes when a write changes the entities in place.
 */
export type ExtractionData = Pick<Dataset, 'entities' | 'vocabulary'> & Partial<Pick<Dataset, 'contentHash'>>;

export function extractArticle(text: string, fileName: string, dataset?: ExtractionData): ExtractionResult {
  const { document, problems } = parseDocument(fileName, text);
  if (!document) throw new ArticleFormatError(`${fileName}: ${problems.map((p) => p.message).join('; ')}`);
  const body = document.text;
  const vocabulary = dataset?.vocabulary ?? loadDefaultVocabulary();
  const datasetEntities = dataset ? [...dataset.entities.values()] : [];
  const sentences = splitSentences(body);
  const tags = tagWords(body);
  const words = capitalisedWords(sentences);
  const context: MentionContext = {
    body,
    tags,
    capitalisedInside: words.inside,
    standaloneInside: words.standalone,
    places: new Set(),
    knownNames: knownNames(datasetEntities),
  };

  // Names, then entities. A name seen as a place anywhere ("Le Bourget airport") is a place everywhere.
  const found: Mention[] = sentences
    .flatMap((s) => findMentions(s, context))
    .filter((m) => !context.places.has(m.text));
  const towns = placesByUse(body, found);
  const named = towns.size ? found.filter((m) => !towns.has(m.text)) : found;
  markNounModifiers(named, tags);
  const groups = resolveEntities(body, named, datasetEntities);
  const groupByKey = new Map(groups.map((g) => [g.key, g]));

  // References, resolved in reading order so that a resolved one can be an antecedent.
  const describing = describingNouns(groups);
  const namedBySentence = bySentence(named, sentences.length);
  const references = sentences.flatMap((s) => findReferences(s, namedBySentence[s.index], describing));
  const all = [...named, ...references].sort((a, b) => a.start - b.start);
  const resolver = resolveInReadingOrder(references, { body, sentences, tags, groups, all });

  const entityOf = (slot: Slot, exclude: Set<string>): EntityGroup | undefined => {
    const mention = slot.mention;
    if (!mention.entityKey) return undefined;
    if (mention.source === 'reference' && exclude.has(mention.entityKey))
      return resolver.resolve(mention, exclude, false);
    return groupByKey.get(mention.entityKey);
  };
  const eventTarget = findEventTarget(body, groups);

  // Relations.
  const candidates = verbRelations(sentences, all, { body, tags, vocabulary, entityOf, eventTarget });
  candidates.push(
    ...nounPhraseRelations(
      named.filter((m) => !sentences[m.sentence].heading),
      {
        body,
        vocabulary,
        groups,
        groupOf: (m) => (m.entityKey ? groupByKey.get(m.entityKey) : undefined),
      },
    ),
  );

  const claims = finishClaims(candidates, {
    body,
    sentences,
    all,
    groupByKey,
    documentDate: document.date,
    vocabulary,
  });
  return {
    document: { id: document.id, date: document.date, title: document.title },
    entities: groups.filter((g) => g.mentions.some((m) => m.source !== 'reference')).map((g) => toEntity(g, body)),
    claims,
  };
}

/** Where a name is written as a place: "in Brno", "residents of Bălți", "the port of Bar", "north of Kitwe" (not "from": "officials from X"). */
const LOCATIVE_BEFORE =
  /(?:\b(?:in|near|outside|around|across)|\b(?:residents?|people|city|town|village|port|province|region|district|suburbs?|streets?|north|south|east|west|centre|center|outskirts)\s+of)\s+(?:the\s+)?$/;
/** "in Larnaca", never "a stake in X" or "invested 13 billion dollars in X": words before "in" that make it no place. */
const NOT_LOCATIVE =
  /\b(?:stakes?|interests?|shares|invest|invested|investing|investments?|role|part|partner|involved|engaged|trust|confidence|belief|million|billion|dollars|euros|pounds)\b[^.;]{0,40}\bin\s+(?:the\s+)?$/;

/**
 * Names an article only ever writes as places ("lives in Larnaca", "told reporters in Brno",
 * "residents of Bălți"): towns and regions, not parties to a claim. A country, a name used
 * otherwise even once, or one with an organisation's or a company's word is kept.
 */
function placesByUse(body: string, mentions: Mention[]): Set<string> {
  const uses = new Map<string, boolean>();
  for (const m of mentions) {
    if (m.source !== 'name' || m.type !== 'organization') {
      uses.set(m.text, false);
      continue;
    }
    const before = body.slice(Math.max(0, (m.fullStart ?? m.start) - 40), m.fullStart ?? m.start);
    const after = body.slice(m.end, m.end + 3);
    const place =
      LOCATIVE_BEFORE.test(before) &&
      !NOT_LOCATIVE.test(before) &&
      !/^(?:['’]|-)/.test(after) &&
      !m.text.split(/\s+/).some((word) => ORGANIZATION_HEADS.has(word) || COMPANY_NAME_WORDS.has(word));
    uses.set(m.text, (uses.get(m.text) ?? true) && place);
  }
  return new Set([...uses].filter(([, place]) => place).map(([text]) => text));
}

/** "Hamas leaders", "the Nord Stream pipelines": a name written just before a lower-case noun modifies it. */
function markNounModifiers(named: Mention[], tags: WordTags): void {
  for (const mention of named) {
    const next = tags.after(mention.end);
    if (
      next &&
      next.start - mention.end <= 1 &&
      /^[a-z]/.test(next.text) &&
      next.tags.has('Noun') &&
      !next.tags.has('Pronoun') &&
      !next.tags.has('Verb')
    )
      mention.nounModifier = true;
  }
}

/** The claims the verbs of each sentence (headings left out) propose, each sentence reading the claims found before it. */
function verbRelations(
  sentences: Sentence[],
  all: Mention[],
  shared: Omit<RelationContext, 'previousSubject' | 'prior'>,
): CandidateClaim[] {
  const candidates: CandidateClaim[] = [];
  let previousSubject: EntityGroup | undefined;
  const allBySentence = bySentence(all, sentences.length);
  for (const sentence of sentences) {
    if (sentence.heading) continue;
    const masked = maskSentence(sentence, allBySentence[sentence.index]);
    const relationContext: RelationContext = {
      ...shared,
      previousSubject,
      prior: candidates,
    };
    const found = matchRelations(masked, relationContext);
    candidates.push(...found);
    previousSubject = found[0]?.subject ?? previousSubject;
  }
  return candidates;
}

/** The mentions of each sentence, in the order given: each step reads one sentence's, not the article's. */
function bySentence(mentions: Mention[], count: number): Mention[][] {
  const lists = Array.from({ length: count }, (): Mention[] => []);
  for (const mention of mentions) lists[mention.sentence].push(mention);
  return lists;
}

/** Head nouns of organisations' names that a text repeats on their own with "the" ("the union", "the bank"). */
const ORGANISATION_NAME_HEADS =
  /^(?:union|bank|fund|trust|league|club|federation|association|alliance|foundation|institute|university|council|committee|office|authority|directorate|bureau|treasury|police|army|navy|tribunal|movement|network|exchange|terminal|consortium|corporation|coalition|chamber|syndicate|cartel|gang|watchdog|service|group)$/;

/** The head nouns that describe the article's names ("exchange" in "the cryptocurrency exchange Kolkhida"), with the type they described. */
function describingNouns(groups: EntityGroup[]): Map<string, EntityGroup['type']> {
  const nouns = new Map<string, EntityGroup['type']>();
  for (const group of groups) {
    for (const phrase of (group.descriptors ?? '').split(' | ')) {
      const head = /([a-z][a-z-]+)$/.exec(phrase.trim())?.[1];
      if (
        !head ||
        head.length < 4 ||
        /^(?:the|and|with|from|that|this|said|says|also|when|where|which|will|would|been|have|into|over|than|then|after|before|said)$/.test(
          head,
        )
      )
        continue;
      if (!nouns.has(head)) nouns.set(head, group.type);
    }
    // "the Polish Dockers' Union" … "the union": the head noun of an organisation's own name.
    const nameHead = /\s(\p{Lu}\p{Ll}+)$/u.exec(group.name)?.[1]?.toLowerCase();
    if (group.type === 'organization' && nameHead && ORGANISATION_NAME_HEADS.test(nameHead) && !nouns.has(nameHead))
      nouns.set(nameHead, group.type);
  }
  return nouns;
}

/** The thing "the attack" or "the operation" refers to: the first entity named just after "sabotage", "ruptured"… */
function findEventTarget(body: string, groups: EntityGroup[]): EntityGroup | undefined {
  // The names that can be targets, by start and then by their entity's place in `groups`.
  const names: Array<{ group: EntityGroup; at: number; order: number }> = [];
  groups.forEach((group, order) => {
    if (group.type === 'person') return;
    for (const m of group.mentions)
      if (m.source !== 'reference' && !m.modifier) names.push({ group, at: m.start, order });
  });
  names.sort((a, b) => a.at - b.at || a.order - b.order);
  for (const match of body.matchAll(EVENT_WORDS)) {
    const from = match.index + match[0].length;
    let low = 0;
    let high = names.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (names[middle].at < from) low = middle + 1;
      else high = middle;
    }
    if (low < names.length && names[low].at - from <= 40) return names[low].group;
  }
  return undefined;
}

function toEntity(group: EntityGroup, body: string): ExtractedEntity {
  const aliases = new Set<string>(group.existing?.aliases ?? []);
  for (const mention of group.mentions) {
    if (mention.source === 'reference') continue;
    for (const form of [mention.text, fullSurface(body, mention)]) {
      const clean = form.replace(/[’]/g, "'").trim();
      if (clean && clean !== group.name) aliases.add(clean);
    }
  }
  return {
    id: group.id,
    name: group.name,
    type: group.type,
    aliases: [...aliases],
    existing: group.existing !== undefined,
  };
}
