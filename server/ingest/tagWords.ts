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
  return {
    words,
    at: (offset) => byStart.get(offset),
    after: (offset) => words.find((w) => w.start >= offset),
    before: (offset) => {
      for (let i = words.length - 1; i >= 0; i--) if (words[i].end <= offset) return words[i];
      return undefined;
    },
  };
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

/** How compromise tags a single word out of context (used for sentence-initial words). */
export function lexicalTags(word: string): Set<string> {
  const json = nlp(word).json() as Array<{ terms: Array<{ tags: string[] }> }>;
  return new Set(json[0]?.terms[0]?.tags ?? []);
}
