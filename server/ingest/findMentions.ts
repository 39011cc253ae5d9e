// Finds the named mentions of a sentence: capitalised spans (joined across name particles
// and "of" in organisation names), split at titles ("Supreme Federal Court Justice
// Alexandre de Moraes" → court + title + person) and at leading countries or demonyms
// ("Chinese President Xi Jinping" → China + person), then typed by cue words and
// compromise's tags. Government bodies named in lower case ("China's commerce ministry")
// are found by pattern.
import { lookupCountry } from './countryLexicon';
import type { EntityType, Mention } from './mention';
import {
  COMPANY_NAME_WORDS,
  COUNTRY_AS_BODY,
  FUNCTION_WORDS,
  GOVERNMENT_BODY,
  GOVERNMENT_NAME_HEADS,
  ORGANIZATION_NOUNS_AFTER,
  ROLE_NOUNS,
  MONTHS,
  NON_ENTITY_HEADS,
  OF_CONTINUES_AFTER,
  ORGANIZATION_HEADS,
  PERSON_TITLES,
  PLACE_NOUNS,
  SERVICE_NOUNS,
  WEEKDAYS,
} from './nameCues';
import type { Sentence } from './splitSentences';
import { isKnownWord, lexicalTags, type WordTags } from './tagWords';
import { isCapitalised, tokenizeSentence, type Token } from './tokenizeSentence';

const NAME_PARTICLES = new Set([
  'de',
  'da',
  'do',
  'dos',
  'das',
  'du',
  'del',
  'della',
  'van',
  'von',
  'der',
  'bin',
  'al',
  'el',
  'le',
  'la',
]);
const NOT_NAMES = new Set([
  ...MONTHS,
  ...WEEKDAYS,
  // "Oct 8", "Nov 27": abbreviated months, and holidays, name no one.
  ...['Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec'],
  'Christmas',
  'Easter',
  'AI',
  'IP',
  'CEO',
  'GDP',
  'VPN',
  'I',
  'OK',
  'TV',
  'PM',
  'AM',
  'USB',
  'GPS',
  'LLM',
  'API',
  'IPO',
  'ETF',
  'ESG',
  'EV',
  'PC',
  'CFO',
  'COO',
  'CTO',
  'DNA',
  'PR',
  'HQ',
  'ID',
]);
const POSSESSIVE_NAME_WORDS = new Set([
  'Prosecutor',
  'Attorney',
  'President',
  'People',
  'Peoples',
  'Children',
  'Women',
  'Men',
  'Workers',
  'Veterans',
  'Citizens',
  'Farmers',
  'Journalists',
]);
const FOREIGN_ARTICLES = new Set(['Le', 'La', 'Les', 'El', 'Der', 'Die', 'Das', 'Il']);

export interface MentionContext {
  body: string;
  tags: WordTags;
  /** Words written capitalised on their own away from a sentence's start ("… said Reuters."): names even at a start. */
  capitalisedInside: Set<string>;
  /** Capitalised words written somewhere without a following "'s" (so "Musk's" splits but "People's Daily" joins). */
  standaloneInside: Set<string>;
  /** Names seen used as places ("Le Bourget airport"): dropped everywhere, headings included. */
  places: Set<string>;
  /** Names known to the dataset, lower-cased: kept even when a cue would drop them. */
  knownNames: Set<string>;
  /** Offsets of names written as the agent of a compound adjective ("Houthi-controlled"): names, not adjectives. */
  compoundAgents?: Set<number>;
  /** Whether a surname (after the word before it, joined by NUL) is used alone in the body: see usedAlone. */
  usedAlone?: Map<string, boolean>;
}

interface Span {
  tokens: Token[];
}

const spanText = (body: string, tokens: Token[]) => body.slice(tokens[0].start, tokens[tokens.length - 1].end);

/** Whether a capitalised word at a sentence's start is an ordinary word rather than a name. */
function isOrdinarySentenceStart(
  word: string,
  next: Token | undefined,
  afterNext: Token | undefined,
  context: MentionContext,
): boolean {
  if (FUNCTION_WORDS.has(word)) return true;
  // "Doesn't that…": a contracted auxiliary.
  if (/^['’]$/.test(next?.text ?? '') && afterNext?.text === 't') return true;
  if (lookupCountry(word) || context.knownNames.has(word.toLowerCase())) return false;
  if (context.capitalisedInside.has(word)) return false;
  // Abstract nouns ("Guidance", "Compliance", "Security") open sentences and headings.
  if (/(?:ance|ence|ity|tion|sion|ment|ness|ing|ure|ism|ship|dom)$/.test(word) && !next?.text.match(/^\p{Lu}/u))
    return true;
  // "Oracle, which stores…": a word that a relative clause describes is a name.
  if (next?.text === ',' && /^(?:which|who|whose)$/.test(afterNext?.text ?? '')) return false;
  // "Apple and Google removed it": a word coordinated with a name is a name too.
  if (next?.text === 'and' && afterNext && isCapitalised(afterNext.text)) return false;
  const tags = lexicalTags(word.toLowerCase());
  if (tags.has('ProperNoun') || tags.has('Person') || tags.has('Organization')) return false;
  // A word compromise knows, or tags as anything but a noun, is ordinary; an unknown noun ("Reuters", "Sophgo") is a name.
  if (isKnownWord(word.toLowerCase())) return true;
  // A plural of a common noun: "Explosions", "Prosecutors", "Officials".
  const singular = word.toLowerCase().replace(/(?:(?<=[sxz]|ch|sh)es|s)$/, '');
  if (
    singular !== word.toLowerCase() &&
    (isKnownWord(singular) || /(?:ance|ence|ity|tion|sion|ment|ness|ure|ism|or|ist|ian|ant)$/.test(singular))
  )
    return true;
  return ['Verb', 'Adverb', 'Adjective', 'Determiner', 'Preposition', 'Conjunction', 'Pronoun', 'Value'].some((t) =>
    tags.has(t),
  );
}

function isNameToken(token: Token | undefined, inside: boolean): boolean {
  if (!token) return false;
  if (NOT_NAMES.has(token.text)) return false;
  if (isCapitalised(token.text)) return true;
  // Digits continue a product name ("Mate 60 Pro", "Ascend 910B") but never start one.
  return inside && /^\d[\p{L}\p{N}]*$/u.test(token.text);
}

/**
 * The part of a token that may be a name: "ex-President" → "President"; "Russian-born",
 * "Paris-based" → the name part, with the word after the hyphen as compoundTail.
 */
function nameForm(token: Token): { effective: Token; compoundTail?: string } {
  const prefixed = /^(?:then|ex|former)-(\p{Lu}.*)$/u.exec(token.text);
  const compound =
    /^(\p{Lu}[\p{L}]+)-(born|based|backed|made|owned|led|speaking|controlled|funded|linked|style|managed|run|operated|registered|flagged|headquartered|listed|allied|aligned|sponsored|supported)$/u.exec(
      token.text,
    );
  if (prefixed) return { effective: { text: prefixed[1], start: token.end - prefixed[1].length, end: token.end } };
  if (compound)
    return {
      effective: { text: compound[1], start: token.start, end: token.start + compound[1].length },
      compoundTail: compound[2],
    };
  return { effective: token };
}

/** Capitalised spans of a sentence, joined across particles, "of" in organisation names and "'s" in "People's Daily". */
function capitalisedSpans(sentence: Sentence, tokens: Token[], context: MentionContext): Span[] {
  const spans: Span[] = [];
  let current: Token[] = [];
  const close = () => {
    if (current.length) spans.push({ tokens: current });
    current = [];
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const { effective, compoundTail } = nameForm(token);
    if (compoundTail !== undefined) {
      // "Dubai-based Meridian", "Iran-backed Houthi movement": the compound is an adjective of the
      // name after it, never part of it. A base or seat names a place; a backer or owner is an entity.
      // "the Hong Kong-based X": the words of the place before the compound go with it.
      if (/^(?:based|registered|flagged|headquartered|listed)$/.test(compoundTail)) {
        current = [];
        continue;
      }
      close();
      if (!NOT_NAMES.has(effective.text)) {
        (context.compoundAgents ??= new Set()).add(effective.start);
        current.push(effective);
        close();
      }
      continue;
    }
    // "LUSAKA, April 9 — …": the dateline opening the body names where the story was filed, not a party to it.
    if (sentence.index <= 2 && isDateline(sentence, tokens, i)) continue;
    // "Q: What do you…": a one-letter speaker label opening a line names nobody.
    if (i === 0 && /^\p{Lu}$/u.test(token.text) && tokens[1]?.text === ':') continue;
    // "fined Halden Assurance 4 million euros": an amount is no part of the name before it.
    if (
      current.length > 0 &&
      /^\d/.test(token.text) &&
      /^(?:million|billion|thousand|trillion|percent|per|%|euros?|dollars?|pounds?|[a-z]+s)$/.test(
        tokens[i + 1]?.text ?? '',
      )
    ) {
      close();
      continue;
    }
    if (isNameToken(effective, current.length > 0)) {
      // After a colon a capital opens a new sentence ("Durand: We spoke…").
      const opensSentence =
        current.length === 0 &&
        (token.start === tokens[0].start ||
          tokens[i - 1]?.text === ':' ||
          tokens.slice(0, i).every((t) => /^[("“‘'\[]$/.test(t.text)));
      if (opensSentence && !isNameAtSentenceStart(sentence, tokens, i, effective, context)) continue;
      current.push(effective);
      continue;
    }
    if (current.length > 0 && continuesName(tokens, i, current, context)) {
      current.push(token);
      continue;
    }
    close();
  }
  close();
  return spans.map((span) => trimSpan(span)).filter((span): span is Span => span !== undefined);
}

/** Whether tokens[i] is one of the upper-case words of a dateline ("NEW DELHI, May 2 —", "GDYNIA, Poland, Nov 27 —"). */
function isDateline(sentence: Sentence, tokens: Token[], i: number): boolean {
  if (!/^(?:\p{Lu}{2,}\s+)*\p{Lu}{3,}(?:,[^—–\n]{0,40})?\s+[—–]\s/u.test(sentence.text)) return false;
  let end = 0;
  while (end < tokens.length && /^\p{Lu}{2,}$/u.test(tokens[end].text)) end++;
  return i < end;
}

/** Whether a capitalised word opening a sentence (tokens[i], as `word`) starts a name rather than being an ordinary word. */
function isNameAtSentenceStart(
  sentence: Sentence,
  tokens: Token[],
  i: number,
  word: Token,
  context: MentionContext,
): boolean {
  // An ordinary word opening a longer name stays ("Semiconductor Manufacturing International Corp").
  const possessiveName =
    /^['’]s$/.test(tokens[i + 1]?.text ?? '') &&
    isNameToken(tokens[i + 2], true) &&
    (POSSESSIVE_NAME_WORDS.has(word.text) || lexicalTags(word.text.toLowerCase()).has('Actor'));
  // "Secretary of State Antony Blinken", "Ministry of Defence": "of" continues a title or a body's name.
  const ofName = tokens[i + 1]?.text === 'of' && OF_CONTINUES_AFTER.has(word.text) && isNameToken(tokens[i + 2], true);
  const opensName =
    tokens[i + 1] !== undefined &&
    (isNameToken(tokens[i + 1], true) || possessiveName || ofName) &&
    !FUNCTION_WORDS.has(word.text);
  if (!opensName && isOrdinarySentenceStart(word.text, tokens[i + 1], tokens[i + 2], context)) return false;
  const known =
    lookupCountry(word.text) ||
    context.capitalisedInside.has(word.text) ||
    context.knownNames.has(word.text.toLowerCase());
  // A heading's first word is a name only when the body names it too ("Data fears and denials").
  if (sentence.heading && !known && !context.standaloneInside.has(word.text)) return false;
  // "Tech billionaire Elon Musk", "Opposition leader X": a describing word before a role noun and a name.
  const roleWord = tokens[i + 1] ? context.tags.at(tokens[i + 1].start) : undefined;
  const describing =
    roleWord !== undefined &&
    /^[a-z][\w-]*$/.test(roleWord.text) &&
    roleWord.tags.has('Noun') &&
    !roleWord.tags.has('Pronoun') &&
    !ROLE_NOUNS.test(roleWord.text);
  return !(
    !known &&
    describing &&
    isCapitalised(tokens[i + 2]?.text ?? '') &&
    !PERSON_TITLES.has(word.text) &&
    !ORGANIZATION_HEADS.has(word.text)
  );
}

/** Whether a word that is not capitalised (tokens[i]) continues the name in `current`: a particle, "of", "for", "and", "'s". */
function continuesName(tokens: Token[], i: number, current: Token[], context: MentionContext): boolean {
  const next = tokens[i + 1];
  const last = current[current.length - 1].text;
  const text = tokens[i].text;
  // "Le Canard enchaîné": a foreign title keeps its lower-case accented word.
  if (FOREIGN_ARTICLES.has(current[0].text) && /^[\p{Ll}]*[à-ÿ][\p{Ll}]*$/u.test(text)) return true;
  if (NAME_PARTICLES.has(text) && isNameToken(next, true) && !/^(?:The|A)$/.test(current[0].text)) return true;
  if (
    text === 'of' &&
    OF_CONTINUES_AFTER.has(last) &&
    (isNameToken(next, true) || (next?.text === 'the' && isNameToken(tokens[i + 2], true)))
  )
    return true;
  if (
    (text === 'for' || text === 'the') &&
    current.some((t) => t.text === 'of' || t.text === 'for') &&
    (isNameToken(next, true) || next?.text === 'the')
  )
    return true;
  if (
    text === 'for' &&
    OF_CONTINUES_AFTER.has(last) &&
    (next?.text === 'the' || (isNameToken(next, true) && !lookupCountry(next!.text)))
  )
    return true;
  if (text === 'and' && isNameToken(next, true)) {
    const joined = `${spanText(context.body, current)} and ${next!.text}`;
    // "Cybersecurity and Infrastructure Security Agency": the words after "and" run on to an organisation's head.
    let k = i + 1;
    while (k < tokens.length && isNameToken(tokens[k], true) && !ORGANIZATION_HEADS.has(tokens[k].text)) k++;
    const runsToHead = k < tokens.length && ORGANIZATION_HEADS.has(tokens[k].text) && k - i <= 4;
    if (current.some((t) => t.text === 'of') || lookupCountry(joined) || startsCountryName(joined) || runsToHead)
      return true;
    // "Office for Democratic Institutions and Human Rights", "Charity Commission for England and Wales":
    // after "for", "and" joins what the body is for, unless a person's name follows.
    const nextTags = context.tags.at(next!.start)?.tags;
    if (current.some((t) => t.text === 'for') && !nextTags?.has('FirstName') && !nextTags?.has('Person')) return true;
  }
  // "Baxter & Rowe": an ampersand always joins one name.
  if (text === '&' && isNameToken(next, true)) return true;
  // "the Harbourside Supporters' Trust", "Polish Dockers' Union": a plural possessive before an organisation's head.
  if (
    /^['’]$/.test(text) &&
    /s$/.test(last) &&
    next !== undefined &&
    (ORGANIZATION_HEADS.has(next.text) || /^(?:Trust|Association|Federation|Fund|Club|League)$/.test(next.text))
  )
    return true;
  if (/^['’]s$/.test(text) && isNameToken(next, true) && current.length <= 2) {
    // "People's Daily", "Federal Prosecutor's Office" are one name; "Musk's Starlink" is two.
    const common =
      (POSSESSIVE_NAME_WORDS.has(last) || lexicalTags(last.toLowerCase()).has('Actor')) &&
      !lookupCountry(last) &&
      !context.knownNames.has(last.toLowerCase());
    if (common && !context.standaloneInside.has(last)) return true;
  }
  return false;
}

function startsCountryName(text: string): boolean {
  return /^(Saint|Trinidad|Antigua|Bosnia|Papua|Sao|São)\b/.test(text);
}

/** Drops connector words left at either end and a leading article. */
function trimSpan(span: Span): Span | undefined {
  const tokens = [...span.tokens];
  while (tokens.length && /^(?:of|and|for|the|The|A|An)$/.test(tokens[0].text)) tokens.shift();
  while (
    tokens.length &&
    (/^(?:of|and|for|the|['’]s)$/.test(tokens[tokens.length - 1].text) ||
      NAME_PARTICLES.has(tokens[tokens.length - 1].text))
  )
    tokens.pop();
  // A verb-like first word of a span ("Protecting Americans") is not part of a name.
  while (tokens.length > 1 && /ing$/.test(tokens[0].text) && lexicalTags(tokens[0].text.toLowerCase()).has('Gerund'))
    tokens.shift();
  if (!tokens.length) return undefined;
  return { tokens };
}

/** Index of the title word inside a span ("Justice" in "Supreme Federal Court Justice Alexandre de Moraes"), or -1. */
const BODY_HEAD_WORDS =
  /^(?:League|Club|Trust|Association|Federation|Fund|Foundation|Institute|University|Group|Company|Bank)$/;

function titleIndex(tokens: Token[]): number {
  for (let i = tokens.length - 2; i >= 0; i--) {
    if (!PERSON_TITLES.has(tokens[i].text)) continue;
    // "Ministry of Foreign Affairs", "Office of Foreign Assets Control": a title word after "of" is part of a name.
    if (i > 0 && tokens[i - 1].text === 'of') continue;
    const rest = tokens.slice(i + 1);
    if (rest.some((t) => ORGANIZATION_HEADS.has(t.text) || PERSON_TITLES.has(t.text))) continue;
    // "Premier League", "Chief Executives Club": a body's head word after a title word makes one name.
    if (rest.some((t) => BODY_HEAD_WORDS.test(t.text))) continue;
    if (rest.length === 1 && lookupCountry(rest[0].text)) continue;
    // "Prime Minister", "Chief Executive": take the first word of a two-word title.
    let first = i;
    while (first > 0 && PERSON_TITLES.has(tokens[first - 1].text) && !lookupCountry(tokens[first - 1].text)) first--;
    return first;
  }
  return -1;
}

/** The next lower-case words after a position, up to punctuation. */
function wordsAfter(body: string, offset: number, count: number): string[] {
  const rest = body.slice(offset, offset + 80);
  const match = /^\s+((?:[a-z][\w'’-]*\s*){1,6})/.exec(rest);
  if (!match) return [];
  return match[1].trim().split(/\s+/).slice(0, count);
}

/** The lower-case words just before a position, nearest last. */
function wordsBefore(body: string, offset: number, count: number): string[] {
  const before = body.slice(Math.max(0, offset - 80), offset);
  const match = /((?:\b[a-z][\w'’-]*\s+){1,6})$/.exec(before);
  if (!match) return [];
  return match[1].trim().split(/\s+/).slice(-count);
}

function serviceCueAfter(body: string, end: number): boolean {
  // "its Beacon and Relay apps": the noun after a pair of names is each one's.
  const pair = /^\s+and\s+\p{Lu}[\p{L}\p{N}]*\s+([a-z]+)/u.exec(body.slice(end, end + 60));
  if (pair && SERVICE_NOUNS.test(pair[1])) return true;
  const words = wordsAfter(body, end, 4);
  for (const word of words) {
    if (SERVICE_NOUNS.test(word)) return true;
    // "Kuleba by phone" is no phone: only nouns and adjectives may come between.
    if (
      /^(?:by|on|of|in|at|to|with|for|from|and|or|the|a|an|was|is|has|had|have|were|are|said|will|would|that|which|who)$/.test(
        word,
      )
    )
      return false;
  }
  return false;
}

function serviceCueBefore(body: string, start: number): boolean {
  // "a payment app, KolkhidaPay": the service noun in apposition before the name.
  if (
    /\b(?:an?|the|its|their)\s+(?:[a-z-]+\s+){0,2}(?:app|application|service|platform|tool|product|chip|processor)\s*,\s*$/.test(
      body.slice(Math.max(0, start - 60), start),
    )
  )
    return true;
  const words = wordsBefore(body, start, 4);
  if (!words.length || !SERVICE_NOUNS.test(words[words.length - 1])) return false;
  return words.some((w) => /^(the|a|an|its|his|her|their)$/.test(w));
}

/** "Ukrainian authorities", "American intelligence agencies": the demonym stands for the state. */
function standsForState(body: string, end: number): boolean {
  const words = wordsAfter(body, end, 2);
  // "British and American authorities": a demonym coordinated with one that stands for its state does too.
  const coordinated = /^\s+and\s+\p{Lu}\p{L}+\s+(\p{Ll}+)/u.exec(body.slice(end, end + 60));
  if (coordinated && COUNTRY_AS_BODY.test(coordinated[1])) return true;
  // "the Russian state gas giant": "state" before another noun describes a state-owned thing.
  if (
    words[0] === 'state' &&
    words.length > 1 &&
    !/^(?:has|have|had|is|was|said|says|will|would|to|and|of)$/.test(words[1])
  )
    return false;
  return (
    words.length > 0 &&
    (COUNTRY_AS_BODY.test(words[0]) || (words.length > 1 && COUNTRY_AS_BODY.test(`${words[0]} ${words[1]}`)))
  );
}

/** Types one part of a span that is not a country; undefined drops it (a place, a law, a month). */
function typeOfName(
  tokens: Token[],
  text: string,
  context: MentionContext,
): { type: EntityType; serviceVotes: number } | undefined {
  const body = context.body;
  const end = tokens[tokens.length - 1].end;
  const known = context.knownNames.has(text.toLowerCase());
  const wordTags = tokens.map((t) => context.tags.at(t.start)?.tags ?? new Set<string>());
  if (!known && isNoEntity(tokens, text, wordTags, context)) return undefined;
  const next = wordsAfter(body, end, 1)[0];
  const serviceVotes = serviceVotesOf(tokens, text, body);
  if (tokens.some((t) => ORGANIZATION_HEADS.has(t.text)) || FOREIGN_ARTICLES.has(tokens[0].text))
    return { type: 'organization', serviceVotes: -2 };
  // "Midnight Blizzard, a hacking group linked to…": an organisation noun in apposition.
  if (
    /^,\s+(?:an?|the)\s+(?:[\w-]+\s+){0,3}?(?:group|company|firm|agency|organi[sz]ation|start-?up|bank|party|militia|outlet|newspaper|broadcaster|regulator|chipmaker|maker|manufacturer|developer|designer|carmaker|lender|insurer|retailer|conglomerate|consultancy|charity|union|movement|network of)\b(?!['’]s)/.test(
      body.slice(end, end + 80),
    )
  )
    return { type: 'organization', serviceVotes: -2 };
  // "Houthi movement", "Wagner fighters": a name before an organisation noun.
  if (next !== undefined && ORGANIZATION_NOUNS_AFTER.test(next)) return { type: 'organization', serviceVotes: -2 };
  const personTagged = wordTags.some((tags) => tags.has('Person') || tags.has('FirstName') || tags.has('LastName'));
  // "the Nord Stream gas pipelines": a product noun outweighs looking like a two-word name.
  if (serviceVotes >= 2 || (serviceVotes >= 1 && !personTagged)) return { type: 'service', serviceVotes };
  const nameLike =
    tokens.length >= 2 &&
    tokens.length <= 6 &&
    tokens.every((t) => /^(?:\p{Lu}[\p{Ll}'’-]+|\p{Lu}\.|[a-z]{1,4})$/u.test(t.text));
  // "Aegis Marine", "Meridian Tanker Management": capitalised words that are ordinary words make a business, not a person.
  if (tokens.length >= 2 && (personTagged || nameLike)) {
    // A known first name makes a person unless the rest reads as a business ("Marlin Shipping");
    // otherwise the article must show it is one ("Kask said", "Mining tycoon …").
    const firstName = wordTags[0].has('FirstName') || wordTags[0].has('Person');
    if (
      hasPersonEvidence(tokens, text, context) ||
      firstName ||
      (personTagged && !tokens.some((t) => isOrganisationWord(t.text)))
    )
      return { type: 'person', serviceVotes };
    return { type: 'organization', serviceVotes };
  }
  if (nameLike) return { type: 'organization', serviceVotes };
  if (tokens.length === 1 && wordTags[0].has('Person') && !wordTags[0].has('Organization'))
    return { type: 'person', serviceVotes };
  return { type: serviceVotes > 0 ? 'service' : 'organization', serviceVotes };
}

/**
 * Whether a name the dataset does not know names nothing we graph: a place (remembered in
 * context.places), an abbreviation, a bare title, a party member, a plan, an adjective, a
 * demonym, a language, a direction or a regional adjective.
 */
function isNoEntity(tokens: Token[], text: string, wordTags: Set<string>[], context: MentionContext): boolean {
  const last = tokens[tokens.length - 1].text;
  const next = wordsAfter(context.body, tokens[tokens.length - 1].end, 1)[0];
  // "St Petersburg", "Saint-Denis": a saint's name is a place.
  const saintly =
    tokens.length > 1 && /^(?:St\.?|Saint|Sankt|San|Santa|Sao|São)$/.test(tokens[0].text) && !lookupCountry(text);
  const place =
    saintly ||
    NON_ENTITY_HEADS.has(last) ||
    (next !== undefined && PLACE_NOUNS.test(next)) ||
    (tokens.length === 1 && wordTags[0].has('Place') && !wordTags[0].has('Country'));
  if (place) {
    context.places.add(text);
    return true;
  }
  // Two-letter capitals are mostly abbreviations of nothing we graph ("AI", "IP"); three letters are agencies ("SVR", "FBI").
  if (tokens.length === 1 && /^[A-Z]{2}$/.test(text) && !/^(?:EU|UN)$/.test(text)) return true;
  if (tokens.every((t) => PERSON_TITLES.has(t.text))) return true;
  // "a Wisconsin Republican", "Project Texas", "Operation Barbarossa": party members and named plans are no entities here.
  if (/^(?:Republicans?|Democrats?|Conservatives?|Socialists?|Liberals?)$/.test(last) && tokens.length > 1) return true;
  if (tokens.length > 1 && /^(?:Project|Operation|Initiative|Programme|Program|Plan)$/.test(tokens[0].text))
    return true;
  // A lone adjective ("a European arrest warrant") names nothing; the agent of "Houthi-controlled" does.
  const agent = tokens.length === 1 && context.compoundAgents?.has(tokens[0].start) === true;
  if (!agent && tokens.length === 1 && wordTags[0].has('Adjective') && !wordTags[0].has('Noun')) return true;
  if (!agent && tokens.length === 1 && (wordTags[0].has('Demonym') || lexicalTags(text.toLowerCase()).has('Demonym')))
    return true;
  // "posts in Chinese and English": a language is no entity (a demonym language stays its country's alias).
  if (
    tokens.length === 1 &&
    /^(?:English|Arabic|Hindi|Urdu|Mandarin|Cantonese|Swahili|Latin|Farsi|Pashto|Tagalog|Hebrew|Bengali|Tamil|Yiddish)$/.test(
      text,
    )
  )
    return true;
  // "Western insurers": a direction used as an adjective.
  if (tokens.length === 1 && /^(?:Western|Eastern|Northern|Southern|Central)$/.test(text) && next !== undefined)
    return true;
  // "the Baltic states", "Nordic countries": a regional adjective.
  return (
    tokens.length === 1 &&
    next !== undefined &&
    /^(?:states|countries|nations|region|republics|allies|neighbours|neighbors)$/.test(next)
  );
}

/** Evidence that a name is a product or service (positive) or an organisation that speaks (negative). */
function serviceVotesOf(tokens: Token[], text: string, body: string): number {
  const start = tokens[0].start;
  const end = tokens[tokens.length - 1].end;
  let serviceVotes = 0;
  if (/\d/.test(text)) serviceVotes += 2;
  if (serviceCueBefore(body, start)) serviceVotes += 2;
  // "the Nord Stream gas pipelines", "H800 chips" (but not "an internal ByteDance messaging tool").
  if (
    serviceCueAfter(body, end) &&
    !/\b(?:an?|another)\s+(?:[a-z][\w-]*\s+){0,2}$/.test(body.slice(Math.max(0, start - 40), start))
  )
    serviceVotes += 1;
  // Organisations speak; products do not ("Microsoft said", "the company announced").
  if (
    /^\s+(?:has\s+|had\s+)?(?:[a-z]+ly\s+)?(?:said|says|announced|told|confirmed|stated)\b/.test(
      body.slice(end, end + 40),
    )
  )
    serviceVotes -= 1;
  // "Lark, an internal messaging tool": a service noun in apposition.
  if (
    /^,\s+(?:an?|the)\s+(?:[\w-]+\s+){0,3}?(?:service|app|application|platform|tool|chip|processor|smartphone|network|software|tanker|ship|vessel|carrier|freighter|pipeline)\b/.test(
      body.slice(end, end + 80),
    )
  )
    serviceVotes += 2;
  // "Brazilian users regained access to X", "TikTok's 170 million users".
  if (/\baccess\s+to\s+$/.test(body.slice(Math.max(0, start - 20), start))) serviceVotes += 1;
  if (/^(?:['’]s\s+(?:[\w-]+\s+){0,4}?|\s+)(?:users|subscribers|customers)\b/.test(body.slice(end, end + 60)))
    serviceVotes += 1;
  return serviceVotes;
}

/**
 * Whether a capitalised word of a name is an ordinary word ("Marine", "Management", "Logistics")
 * rather than a personal name: a dictionary noun, adjective or particle (verbs are left out, as
 * surnames such as "Chew" are verbs too), a word with a common-noun suffix, or a word that
 * company names are made of.
 */
function isOrganisationWord(word: string): boolean {
  const lower = word.toLowerCase();
  if (COMPANY_NAME_WORDS.has(word)) return true;
  const tags = lexicalTags(lower);
  if (tags.has('Person') || tags.has('FirstName') || tags.has('LastName') || tags.has('Place')) return false;
  if (isKnownWord(lower) && !tags.has('Verb')) return true;
  return lower.length > 5 && /(?:ment|ory|ics|ies|tion|sion|ity|ance|ence|ness|ship|ical|ial)$/.test(lower);
}

/** Lower-case words before a name, or in apposition after it, that make it a person's. */
const PERSON_DESCRIPTORS =
  /\b(?:tycoon|magnate|billionaire|millionaire|businessman|businesswoman|entrepreneur|oligarch|politician|lawmaker|leader|adviser|advisor|executive|officer|official|minister|president|spokes(?:man|woman|person)|journalist|reporter|lawyer|activist|chief|partner|founder|director|manager|engineer|employee|diplomat|general|commander|judge|prosecutor|analyst|economist|researcher|scientist|spy|agent|citizen|national|resident|son|daughter|wife|husband|brother|sister|mr|ms|mrs|dr|chair|chairman|chairwoman|chairperson|governor|commissioner|secretary|treasurer|ambassador|envoy|accountant|coach|correspondent|editor|nephew|niece|cousin)$/i;

/**
 * Whether a two-to-six-word capitalised name with no known first name is a person's: it has an
 * initial ("Serhii K."), a person-describing word before it ("Mining tycoon …") or in apposition
 * after it ("…, a former executive"), or its last word is used alone elsewhere ("Kask met…"),
 * as surnames are and company names ("Gazprom Neft", "Meridian Tanker Management") are not.
 */
function hasPersonEvidence(tokens: Token[], text: string, context: MentionContext): boolean {
  const body = context.body;
  if (tokens.some((t) => /^\p{Lu}\.$/u.test(t.text))) return true;
  const before = body.slice(Math.max(0, tokens[0].start - 40), tokens[0].start);
  if (PERSON_DESCRIPTORS.test(before.replace(/[\s,]+$/, ''))) return true;
  const after = body.slice(tokens[tokens.length - 1].end, tokens[tokens.length - 1].end + 60);
  if (
    /^,\s+(?:an?|the|his|her|then|former|now)\s+(?:[a-z'’-]+\s+){0,3}?(?:commander-in-chief|tycoon|magnate|billionaire|businessman|businesswoman|entrepreneur|politician|lawmaker|leader|adviser|advisor|executive|officer|official|minister|president|spokes(?:man|woman|person)|journalist|lawyer|activist|chief|partner|founder|director|manager|engineer|employee|diplomat|commander|judge|prosecutor|analyst|instructor|reporter|journalist|correspondent|editor|chair|chairman|chairwoman|governor|commissioner|secretary|accountant|(?:son|daughter|brother|sister|wife|husband|father|mother|cousin|nephew|niece)(?:-in-law)?)\b/.test(
      after,
    )
  )
    return true;
  // A surname of one or more words used alone: "Kask" after "Tarmo Kask", "Le Pen" after "Marine Le Pen".
  for (let k = 1; k < tokens.length; k++) if (usedAlone(tokens, k, context)) return true;
  return /\b(?:he|she|his|her|him)\b/i.test(
    body.slice(tokens[tokens.length - 1].end, tokens[tokens.length - 1].end + 120).split(/[.!?]/)[0] ?? '',
  );
}

const escapeRegExp = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Whether the name's words from the k-th on are written somewhere in the body without the
 * word before them. The answer depends on the words only, so each is searched once per
 * article; the search tries only the places where the k-th word is written.
 */
function usedAlone(tokens: Token[], k: number, context: MentionContext): boolean {
  const key = tokens
    .slice(k - 1)
    .map((t) => t.text)
    .join('\u0000');
  const cache = (context.usedAlone ??= new Map());
  const known = cache.get(key);
  if (known !== undefined) return known;
  const tail = tokens
    .slice(k)
    .map((t) => escapeRegExp(t.text))
    .join('\\s+');
  // Sticky: tried at each place the k-th word is written, which is where any match starts.
  // "Department of Health" does not use "Health" alone: a word after "of", "for", "and" or "the" is part of another name.
  const alone = new RegExp(
    `(?<!${escapeRegExp(tokens[k - 1].text)}\\s)(?<!\\b(?:of|for|and|the|The|&)\\s)(?<![\\p{L}-])${tail}(?![\\p{L}-])`,
    'uy',
  );
  const body = context.body;
  const word = tokens[k].text;
  let found = false;
  for (let at = body.indexOf(word); at !== -1 && !found; at = body.indexOf(word, at + 1)) {
    alone.lastIndex = at;
    found = alone.test(body);
  }
  cache.set(key, found);
  return found;
}

/** A country mention for tokens that name a country or a demonym (a plural demonym too), or undefined. */
function countryMention(t: Token[], sentence: Sentence, body: string): Mention | undefined {
  const text = spanText(body, t);
  let form = lookupCountry(text);
  if (!form && t.length === 1 && /s$/.test(text)) {
    const singular = lookupCountry(text.slice(0, -1));
    if (singular?.kind === 'demonym') form = singular;
  }
  if (!form) return undefined;
  return {
    start: t[0].start,
    end: t[t.length - 1].end,
    text,
    type: 'country',
    source: 'country',
    sentence: sentence.index,
    countryCode: form.country.code,
    countryForm: form.kind,
    // A demonym is an adjective unless it stands for the state: "Ukrainian authorities", "the Chinese government".
    modifier: form.kind === 'demonym' && !/s$/.test(text) && !standsForState(body, t[t.length - 1].end),
  };
}

/** "Jordan Bardella", "Chad Smith": a country's name used as a first name before a surname. */
function isCountryAsFirstName(tokens: Token[]): boolean {
  return (
    tokens.length === 2 &&
    lookupCountry(tokens[0].text)?.kind === 'name' &&
    /^\p{Lu}\p{Ll}+$/u.test(tokens[1].text) &&
    !ORGANIZATION_HEADS.has(tokens[1].text) &&
    !lookupCountry(tokens[1].text) &&
    (lexicalTags(tokens[0].text.toLowerCase()).has('Person') ||
      lexicalTags(tokens[0].text.toLowerCase()).has('FirstName')) &&
    !isKnownWord(tokens[1].text.toLowerCase())
  );
}

/** Builds the mentions of one span: a leading country, a title owner, the named entity. */
function mentionsOfSpan(span: Span, sentence: Sentence, context: MentionContext): Mention[] {
  const body = context.body;
  const tokens = span.tokens;
  const spanStart = tokens[0].start;
  const spanEnd = tokens[tokens.length - 1].end;
  const whole = spanText(body, tokens);
  const wholeMention = (type: EntityType, serviceVotes: number): Mention => ({
    start: spanStart,
    end: spanEnd,
    text: whole,
    type,
    source: 'name',
    sentence: sentence.index,
    serviceVotes,
  });
  const asCountry = countryMention(tokens, sentence, body);
  if (asCountry) return [asCountry];
  if (isCountryAsFirstName(tokens)) return [wholeMention('person', 0)];
  if (context.knownNames.has(whole.toLowerCase().replace(/^the\s+/, '')) && titleIndex(tokens) < 0) {
    const typed = typeOfName(tokens, whole, context);
    return typed ? [wholeMention(typed.type, typed.serviceVotes)] : [];
  }
  const mentions: Mention[] = [];
  let named = tokens;
  let title: string | undefined;
  let owner: Mention | undefined;
  // A title splits owner and person.
  const at = titleIndex(tokens);
  if (at >= 0) {
    const end = titleEnd(tokens, at);
    title = spanText(body, tokens.slice(at, end + 1));
    const left = tokens.slice(0, at);
    named = tokens.slice(end + 1);
    if (left.length) {
      owner = titleOwner(left, sentence, context);
      if (!(owner.modifier && owner.source === 'name')) mentions.push(owner);
    }
  } else if (tokens.length > 1) {
    const lead = leadingCountry(tokens, whole, sentence, context);
    if (lead && 'finished' in lead) return lead.finished;
    if (lead) {
      mentions.push(lead.country);
      named = lead.rest;
    }
  }
  return [...mentions, ...namedMention(named, spanStart, spanEnd, title, owner, sentence, context)];
}

/** The index of a span's last title word from the title's first (at): a second title word, or a portfolio after "of". */
function titleEnd(tokens: Token[], at: number): number {
  let end = at;
  while (end + 1 < tokens.length - 1 && PERSON_TITLES.has(tokens[end + 1].text)) end++;
  // "Secretary of State Antony Blinken", "Minister of Homeland Security X": the portfolio belongs to the title.
  if (tokens[end + 1]?.text === 'of' && tokens.length - (end + 3) >= 2) {
    end += 2;
    if (
      /^(?:Security|Affairs|Services|Development|Staff|Defence|Defense)$/.test(tokens[end + 1]?.text ?? '') &&
      tokens.length - (end + 2) >= 2
    )
      end++;
  }
  return end;
}

/** Who a title belongs to, from the words before it: a country, an organisation, or a portfolio (a modifier). */
function titleOwner(left: Token[], sentence: Sentence, context: MentionContext): Mention {
  const body = context.body;
  const leftCountry = countryMention(left, sentence, body);
  if (leftCountry) {
    leftCountry.modifier = true;
    return leftCountry;
  }
  const typed = typeOfName(left, spanText(body, left), context);
  const ownerText = spanText(body, left);
  // "Commerce Secretary": a dictionary word naming a portfolio, not an organisation ("Microsoft President" names one).
  const word = left[0].text;
  const portfolio =
    left.length === 1 &&
    !ORGANIZATION_HEADS.has(word) &&
    !context.capitalisedInside.has(word) &&
    !/^[A-Z]+$/.test(word) &&
    lexicalTags(word.toLowerCase()).has('Noun') &&
    !lexicalTags(word.toLowerCase()).has('ProperNoun') &&
    !context.knownNames.has(word.toLowerCase());
  if (typed && !portfolio) {
    return {
      start: left[0].start,
      end: left[left.length - 1].end,
      text: ownerText,
      type: typed.type === 'person' ? 'organization' : typed.type,
      source: 'name',
      sentence: sentence.index,
    };
  }
  // "Commerce Secretary": a portfolio, not an entity; the title rule looks for its department.
  return {
    start: left[0].start,
    end: left[left.length - 1].end,
    text: ownerText,
    type: 'organization',
    source: 'name',
    sentence: sentence.index,
    modifier: true,
  };
}

/**
 * A leading country or demonym: "US Commerce Department" keeps it, "American journalist" never
 * reaches here. When the rest is an organisation's name the span's mentions are finished;
 * otherwise the country is one mention and the rest is named on.
 */
function leadingCountry(
  tokens: Token[],
  whole: string,
  sentence: Sentence,
  context: MentionContext,
): { finished: Mention[] } | { country: Mention; rest: Token[] } | undefined {
  const body = context.body;
  const spanStart = tokens[0].start;
  const spanEnd = tokens[tokens.length - 1].end;
  for (let n = Math.min(3, tokens.length - 1); n >= 1; n--) {
    const lead = countryMention(tokens.slice(0, n), sentence, body);
    if (!lead) continue;
    const rest = tokens.slice(n);
    if (!rest.some((t) => ORGANIZATION_HEADS.has(t.text))) {
      lead.modifier = lead.countryForm === 'demonym';
      return { country: lead, rest };
    }
    // "Taiwan Semiconductor Manufacturing Co.", "US Commerce Department": the country is part of the name.
    const restText = spanText(body, rest);
    const typed = typeOfName(rest, restText, context);
    if (!typed) return { finished: [] };
    if (lead.countryForm === 'demonym') {
      // "Serbian Progressive Party", "German Foreign Office": a demonym belongs to the name and
      // implies the country; a government body of it is part of that country.
      lead.modifier = true;
      const organization: Mention = {
        start: spanStart,
        end: spanEnd,
        text: whole,
        type: 'organization',
        source: 'name',
        sentence: sentence.index,
        serviceVotes: -2,
      };
      if (rest.some((t) => GOVERNMENT_NAME_HEADS.has(t.text))) organization.partOfCountry = lead;
      return { finished: [lead, organization] };
    }
    const finished: Mention[] = [];
    // "US Agency for Global Media": an abbreviated country still names the country; "US Treasury":
    // a government body after its country's name is part of that country.
    const governmentBody = rest.some((t) => GOVERNMENT_NAME_HEADS.has(t.text));
    const country: Mention = { ...lead, modifier: true };
    if (/^[A-Z]{2,3}$/.test(lead.text) || governmentBody) finished.push(country);
    finished.push({
      ...(governmentBody ? { partOfCountry: country } : {}),
      start: rest[0].start,
      end: spanEnd,
      text: restText,
      type: 'organization',
      source: 'name',
      sentence: sentence.index,
      fullStart: spanStart,
      fullEnd: spanEnd,
      serviceVotes: -2,
    });
    return { finished };
  }
  return undefined;
}

/** The mention of a span's name once any leading country and title are split off: a country, or a typed name. */
function namedMention(
  tokens: Token[],
  spanStart: number,
  spanEnd: number,
  title: string | undefined,
  owner: Mention | undefined,
  sentence: Sentence,
  context: MentionContext,
): Mention[] {
  if (!tokens.length) return [];
  const text = spanText(context.body, tokens);
  const asCountry = countryMention(tokens, sentence, context.body);
  if (asCountry) return [asCountry];
  const typed = typeOfName(tokens, text, context);
  if (!typed) return [];
  const type: EntityType = title ? 'person' : typed.type;
  return [
    {
      start: tokens[0].start,
      end: spanEnd,
      text,
      type,
      source: 'name',
      sentence: sentence.index,
      fullStart: spanStart,
      fullEnd: spanEnd,
      title,
      titleOwner: owner,
      serviceVotes: typed.serviceVotes,
    },
  ];
}

/** Government bodies written in lower case after a country, demonym or city. */
function governmentBodies(sentence: Sentence, context: MentionContext, named: Mention[]): Mention[] {
  const found: Mention[] = [];
  const pattern =
    /\b((?:[Tt]he\s)?)(\p{Lu}[\p{L}]+(?:\s\p{Lu}[\p{L}]+)*)(['’]s)?\s((?:[a-z-]+\s){0,2}?(?:ministry|regulator|military intelligence|intelligence service|intelligence agency|intelligence|embassy|armed forces|navy|army|prosecutor['’]s office|security service|consulate|parliament|agency|watchdog|central bank|liaison office|representative office)(?:\s+in\s+\p{Lu}[\p{L}]+)?)\b(?!\s+(?:agencies|services|officials|sources|chiefs|experts))/gu;
  for (const match of sentence.text.matchAll(pattern)) {
    const qualifier = match[2];
    const form = lookupCountry(qualifier);
    const bodyWords = match[4];
    if (!GOVERNMENT_BODY.test(bodyWords.replace(/\s+in\s+\p{Lu}[\p{L}]+$/u, '').replace('’', "'"))) continue;
    const start = sentence.start + match.index + match[1].length;
    const end = sentence.start + match.index + match[0].length;
    const qualifierStart = start;
    const qualifierMention = named.find(
      (m) => m.start === qualifierStart && m.end === qualifierStart + qualifier.length,
    );
    // Only a country, demonym or capital qualifies a body ("Ascend artificial intelligence" is no body).
    if (!form) continue;
    const body: Mention = {
      start,
      end,
      text: context.body.slice(start, end),
      type: 'organization',
      source: 'body',
      sentence: sentence.index,
      fullStart: sentence.start + match.index,
      serviceVotes: -2,
    };
    if (form && form.kind !== 'capital' && qualifierMention) {
      body.partOfCountry = qualifierMention;
      if (qualifierMention.countryForm === 'demonym') qualifierMention.modifier = true;
    }
    found.push(body);
  }
  return found;
}

export function findMentions(sentence: Sentence, context: MentionContext): Mention[] {
  const tokens = tokenizeSentence(sentence);
  const spans = capitalisedSpans(sentence, tokens, context);
  const mentions: Mention[] = [];
  for (const span of spans) mentions.push(...mentionsOfSpan(span, sentence, context));
  // Possessives: "Musk's Starlink service", "China's Ministry of Commerce".
  for (const mention of mentions) {
    if (mention.source === 'reference') continue;
    const after = context.body.slice(mention.end, mention.end + 60);
    const possessive = /^['’]s\s+((?:[a-z-]+\s+){0,4})/.exec(after);
    if (!possessive) continue;
    const targetStart = mention.end + possessive[0].length;
    const target = mentions.find((m) => (m.fullStart ?? m.start) === targetStart || m.start === targetStart);
    if (!target || target === mention) continue;
    mention.possessorOf = target;
    // "China's Ministry of Commerce" is how the body is written: keep it as its full form.
    if (
      mention.type === 'country' &&
      target.type === 'organization' &&
      possessive[1] === '' &&
      (target.fullStart ?? target.start) === targetStart
    )
      target.fullStart = mention.start;
  }
  const bodies = governmentBodies(sentence, context, mentions);
  for (const body of bodies) {
    // A lower-case body replaces nothing: the qualifier stays a country mention.
    mentions.push(body);
  }
  // Countries used as bodies ("Ukrainian authorities") are nouns, not modifiers.
  return mentions.sort((a, b) => a.start - b.start || b.end - a.end);
}
