// How two names of two entities compare, for duplicate candidates: each name is cut into
// lower-case ASCII words (accents dropped, other scripts transliterated by slug.ts, so
// "Владимир Путин" is "vladimir putin"), titles and legal forms left out ("Mr", "Ltd"),
// and each word given a loose spelling key (y → i, w → v, ph → f, doubled letters once, so
// "Dmitrii" and "Dmitry" agree). Words are then paired up regardless of order: the same
// key, one letter apart, or an initial ("E." ~ "Elon"); what stays unpaired decides how
// strong the match is. The score is in [0, 1]; `how` says in words what matched.
import { asciiWords } from '../model/slug';

/** Left out of a name before it is compared: honorifics, titles, legal forms, small words. */
const LEFT_OUT = new Set(
  [
    'mr mrs ms mx miss dr prof professor sir dame lord lady madam rev hon jr sr ii iii',
    'president minister prime general gen colonel col captain capt senator sen governor gov',
    'king queen prince princess sheikh mp',
    'inc ltd llc llp plc corp corporation co company gmbh ag sa nv bv oao ooo pao zao jsc pjsc',
    'the of and for',
  ]
    .join(' ')
    .split(' '),
);

export interface ParsedName {
  /** The name or alias as the data spells it. */
  text: string;
  field: 'name' | 'alias';
  /** Its ASCII words, titles left out. */
  words: string[];
  /** Each word's loose spelling key. */
  keys: string[];
  /** The titles and legal forms left out, as they were spelled. */
  leftOut: string[];
  /** Whether it has letters of a script other than Latin (transliterated). */
  transliterated: boolean;
}

const NON_LATIN_LETTER = /(?!\p{Script=Latin})\p{L}/u;

/** The loose spelling key of an ASCII word: y → i, w → v, ph → f, ck → k, doubled letters once. */
export function looseKey(word: string): string {
  return word
    .replace(/ph/g, 'f')
    .replace(/ck/g, 'k')
    .replace(/y/g, 'i')
    .replace(/w/g, 'v')
    .replace(/(.)\1+/g, '$1');
}

/** A name cut into comparable words; undefined when it has no letters or digits. */
export function parseName(text: string, field: ParsedName['field']): ParsedName | undefined {
  const all = asciiWords(text);
  if (all.length === 0) return undefined;
  const kept = all.filter((word) => !LEFT_OUT.has(word));
  // A name that is nothing but titles ("The President") is kept whole.
  const words = kept.length > 0 ? kept : all;
  const leftOut = kept.length > 0 ? all.filter((word) => LEFT_OUT.has(word)) : [];
  return {
    text,
    field,
    words,
    keys: words.map(looseKey),
    leftOut,
    transliterated: NON_LATIN_LETTER.test(text),
  };
}

/** How two paired words agree: the same word, the same loose key, one letter apart, an initial. */
const SAME = 0;
const VARIANT = 1;
const TYPO = 2;
const INITIAL = 3;
const WEIGHT = [1, 0.95, 0.85, 0.7];

/** How much of its share of paired words a name keeps when both names have words the other lacks. */
const CONFLICT_FACTOR = 0.75;
/** Words up to this many per name are paired; longer names are compared by their first words. */
const MAX_WORDS = 32;

export interface NameMatch {
  score: number;
  /** What matched, in words: "the same name", "initials match", … */
  how: string;
}

/** Whether x from `i` and y from `j` are the same to their ends. */
function sameTail(x: string, i: number, y: string, j: number): boolean {
  if (x.length - i !== y.length - j) return false;
  for (; i < x.length; i++, j++) if (x.charCodeAt(i) !== y.charCodeAt(j)) return false;
  return true;
}

/** Whether two different words are one insertion, deletion, substitution or swap of neighbours apart. */
export function oneEditApart(x: string, y: string): boolean {
  if (x.length < y.length) [x, y] = [y, x];
  if (x.length - y.length > 1) return false;
  let i = 0;
  while (i < y.length && x.charCodeAt(i) === y.charCodeAt(i)) i++;
  if (x.length !== y.length) return sameTail(x, i + 1, y, i);
  if (sameTail(x, i + 1, y, i + 1)) return true;
  return x[i] === y[i + 1] && x[i + 1] === y[i] && sameTail(x, i + 2, y, i + 2);
}

const isInitial = (key: string) => key.length === 1;

/**
 * One word pairing of two names: for each word of `a`, the word of `b` it pairs with (-1:
 * none) and how. Pairing runs millions of times in a cross-reference, so it fills one
 * scratch pairing instead of allocating: read it before the next call.
 */
interface Pairing {
  partner: Int8Array;
  kind: Int8Array;
  /** How many words of `a` it covers. */
  words: number;
  paired: number;
  weight: number;
  initialsOnly: boolean;
  inOrder: boolean;
  /** Unpaired words of a and of b, and how many of them are initials. */
  leftA: number;
  leftB: number;
  leftInitials: number;
}

const scratch: Pairing = {
  partner: new Int8Array(MAX_WORDS),
  kind: new Int8Array(MAX_WORDS),
  words: 0,
  paired: 0,
  weight: 0,
  initialsOnly: true,
  inOrder: true,
  leftA: 0,
  leftB: 0,
  leftInitials: 0,
};

function pairingKind(a: ParsedName, b: ParsedName, i: number, j: number, pass: number): number {
  const x = a.keys[i];
  const y = b.keys[j];
  if (pass === 0) return x === y ? (a.words[i] === b.words[j] ? SAME : VARIANT) : -1;
  if (pass === 1) return x.length >= 4 && y.length >= 4 && oneEditApart(x, y) ? TYPO : -1;
  if (isInitial(x) !== isInitial(y) && (isInitial(x) ? y[0] === x : x[0] === y)) return INITIAL;
  return -1;
}

/** Pairs each word of `a` with at most one word of `b`: same key first, then one letter apart, then initials. */
function pairWords(a: ParsedName, b: ParsedName): Pairing {
  const n = Math.min(a.keys.length, MAX_WORDS);
  const m = Math.min(b.keys.length, MAX_WORDS);
  const { partner, kind } = scratch;
  partner.fill(-1, 0, n);
  kind.fill(-1, 0, n);
  let usedB = 0;
  let paired = 0;
  let weight = 0;
  for (let pass = 0; pass < 3 && paired < Math.min(n, m); pass++)
    for (let i = 0; i < n; i++) {
      if (partner[i] !== -1) continue;
      for (let j = 0; j < m; j++) {
        if (usedB & (1 << j)) continue;
        const found = pairingKind(a, b, i, j, pass);
        if (found === -1) continue;
        partner[i] = j;
        kind[i] = found;
        usedB |= 1 << j;
        paired++;
        weight += WEIGHT[found];
        break;
      }
    }
  let initialsOnly = true;
  let inOrder = true;
  let lastPartner = -1;
  let leftInitials = 0;
  for (let i = 0; i < n; i++) {
    if (partner[i] === -1) {
      if (isInitial(a.keys[i])) leftInitials++;
      continue;
    }
    if (kind[i] !== INITIAL) initialsOnly = false;
    if (partner[i] < lastPartner) inOrder = false;
    lastPartner = partner[i];
  }
  for (let j = 0; j < m; j++) if (!(usedB & (1 << j)) && isInitial(b.keys[j])) leftInitials++;
  scratch.words = n;
  scratch.paired = paired;
  scratch.weight = weight;
  scratch.initialsOnly = initialsOnly;
  scratch.inOrder = inOrder;
  scratch.leftInitials = leftInitials;
  scratch.leftA = n - paired;
  scratch.leftB = m - paired;
  return scratch;
}

/** The score of a pairing; 0 when no word pairs up, or only initials do. */
function scoreOf(a: ParsedName, b: ParsedName, p: Pairing): number {
  if (p.paired === 0 || p.initialsOnly) return 0;
  let score: number;
  if (p.leftA > 0 && p.leftB > 0) score = (p.weight / (p.paired + p.leftA + p.leftB)) * CONFLICT_FACTOR;
  else {
    const left = p.leftA + p.leftB;
    score = (p.weight / (p.paired + (left - p.leftInitials) + p.leftInitials * 0.25)) * (p.inOrder ? 1 : 0.95);
  }
  // Two one-word names of which one is an alias ("Musk") say little: half at most.
  if (a.words.length === 1 && b.words.length === 1 && (a.field === 'alias' || b.field === 'alias'))
    score = Math.min(score, 0.5);
  return score;
}

/** How name `a` compares with name `b` as a number in [0, 1], 0 when it does not: the fast path of compareNames. */
export function nameScore(a: ParsedName, b: ParsedName): number {
  return scoreOf(a, b, pairWords(a, b));
}

/** What a pairing says, in words. */
function describe(a: ParsedName, b: ParsedName, p: Pairing): string {
  let how: string;
  const kinds = new Set(p.kind.subarray(0, p.words));
  if (p.leftA > 0 && p.leftB > 0) how = `${p.paired} of ${p.paired + p.leftA + p.leftB} words in common`;
  else if (p.leftA + p.leftB > 0)
    how =
      p.leftInitials < p.leftA + p.leftB
        ? 'one name is part of the other'
        : kinds.has(INITIAL)
          ? 'initials match, but for a middle initial'
          : 'the same but for a middle initial';
  else if (kinds.has(INITIAL)) how = 'initials match';
  else if (kinds.has(TYPO)) how = 'spelled one letter apart';
  else if (kinds.has(VARIANT)) how = 'a variant spelling';
  else if (!p.inOrder) how = 'the same words in another order';
  else how = 'the same name';
  if (a.words.length === 1 && b.words.length === 1 && (a.field === 'alias' || b.field === 'alias'))
    how = 'the same single word';
  if (a.transliterated !== b.transliterated) how += ', transliterated';
  const leftOut = [...new Set([...a.leftOut, ...b.leftOut])];
  if (leftOut.length > 0) how += `, leaving out ${leftOut.map((word) => `"${word}"`).join(', ')}`;
  return how;
}

/** How name `a` compares with name `b`, with the words that say how; undefined when it does not. */
export function compareNames(a: ParsedName, b: ParsedName): NameMatch | undefined {
  const pairing = pairWords(a, b);
  const score = scoreOf(a, b, pairing);
  return score === 0 ? undefined : { score, how: describe(a, b, pairing) };
}
