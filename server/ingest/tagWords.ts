// Parts of speech from compromise, keyed by the word's offset in the body, so that the
// rules can ask "is the word after this name a noun?" without re-parsing.
import nlp from 'compromise';

export interface TaggedWord {
  text: string;
  start: number;
  end: number;
  tags: Set<string>;
}

export interface WordTags {
  words: TaggedWord[];
  /** The word starting at this offset. */
  at(offset: number): TaggedWord | undefined;
  /** The first word starting at or after this offset. */
  after(offset: number): TaggedWord | undefined;
  /** The last word ending at or before this offset. */
  before(offset: number): TaggedWord | undefined;
}

interface CompromiseTerm {
  text: string;
  tags: string[];
  offset: { start: number; length: number };
}

export function tagWords(body: string): WordTags {
  const json = nlp(body).json({ offset: true }) as Array<{ terms: CompromiseTerm[] }>;
  const words: TaggedWord[] = [];
  for (const sentence of json) {
    for (const term of sentence.terms) {
      words.push({
        text: term.text,
        start: term.offset.start,
        end: term.offset.start + term.offset.length,
        tags: new Set(term.tags),
      });
    }
  }
  words.sort((a, b) => a.start - b.start);
  const byStart = new Map(words.map((w) => [w.start, w]));
  // lowestEndFrom[i] is the lowest end of words[i…]: it never decreases, so "the last word
  // ending at or before an offset" is a binary search even if compromise's terms overlap.
  const lowestEndFrom = new Array<number>(words.length);
  for (let i = words.length - 1, lowest = Infinity; i >= 0; i--)
    lowestEndFrom[i] = lowest = Math.min(lowest, words[i].end);
  return {
    words,
    at: (offset) => byStart.get(offset),
    after: (offset) => words[firstIndex(words.length, (i) => words[i].start >= offset)],
    before: (offset) => {
      // The last i whose lowestEndFrom is within the offset; its own word then ends within it too.
      const i = firstIndex(words.length, (k) => lowestEndFrom[k] > offset) - 1;
      return i >= 0 ? words[i] : undefined;
    },
  };
}

/** The first index in [0, length) where `reached` turns true (it must stay true after), or `length`. */
function firstIndex(length: number, reached: (index: number) => boolean): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (reached(middle)) high = middle;
    else low = middle + 1;
  }
  return low;
}

const lexicon = (nlp.world() as unknown as { model: { one: { lexicon: Record<string, unknown> } } }).model.one.lexicon;

const NAME_TAGS =
  /^(?:ProperNoun|Person|FirstName|LastName|MaleName|FemaleName|Organization|Place|City|Country|Region|Honorific)$/;

/** Whether a lower-case word is in compromise's lexicon as an ordinary word (not as a name: "reuter" is a surname). */
export function isKnownWord(word: string): boolean {
  if (!Object.prototype.hasOwnProperty.call(lexicon, word)) return false;
  const entry = lexicon[word];
  const tags = Array.isArray(entry) ? entry : [entry];
  return !tags.some((t) => typeof t === 'string' && NAME_TAGS.test(t));
}

/** Words already tagged out of context: compromise takes about a millisecond per call, and an article repeats its words. */
const lexicalTagCache = new Map<string, ReadonlySet<string>>();
const LEXICAL_TAG_CACHE_LIMIT = 50_000;

/** How compromise tags a single word out of context (used for sentence-initial words). */
export function lexicalTags(word: string): ReadonlySet<string> {
  let tags = lexicalTagCache.get(word);
  if (tags === undefined) {
    const json = nlp(word).json() as Array<{ terms: Array<{ tags: string[] }> }>;
    tags = new Set(json[0]?.terms[0]?.tags ?? []);
    if (lexicalTagCache.size >= LEXICAL_TAG_CACHE_LIMIT) lexicalTagCache.clear();
    lexicalTagCache.set(word, tags);
  }
  return tags;
}
