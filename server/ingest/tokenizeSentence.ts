// Splits a sentence into word tokens with body offsets. A possessive "'s" is its own
// token so that "Musk's Starlink" yields two names; abbreviation periods stay on their
// word ("Corp.", "D.C.", "K.") while a sentence's closing period does not.
import type { Sentence } from './splitSentences';

export interface Token {
  text: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+(?:[-.&][\p{L}\p{N}]+)*\.?|['’]s\b|[^\s\p{L}\p{N}]/gu;
const KEEPS_PERIOD = /^(?:[A-Z]|[A-Za-z](?:\.[A-Za-z])+|Corp|Co|Inc|Ltd|Jr|Sr|St|Dr|Mr|Mrs|Ms|Gen|Rep|Sen|Gov)\.$/;

export function tokenizeSentence(sentence: Sentence): Token[] {
  const tokens: Token[] = [];
  for (const match of sentence.text.matchAll(WORD)) {
    let text = match[0];
    const start = sentence.start + match.index;
    const atEnd = match.index + text.length >= sentence.text.length;
    if (text.length > 1 && text.endsWith('.') && (!KEEPS_PERIOD.test(text) || (atEnd && /^[A-Z]\.$/.test(text)))) {
      text = text.slice(0, -1);
      tokens.push({ text, start, end: start + text.length });
      tokens.push({ text: '.', start: start + text.length, end: start + text.length + 1 });
      continue;
    }
    tokens.push({ text, start, end: start + text.length });
  }
  return tokens;
}

/** Whether a token starts with a capital letter (or is a code like "H20"). */
export function isCapitalised(text: string): boolean {
  // "i-Soon", "eBay", "iPhone": a brand may open with one or two lower-case letters.
  return /^\p{Lu}/u.test(text) || /^[a-z]{1,2}-?\p{Lu}\p{Ll}/u.test(text);
}
