// Splits an article body into sentences with their offsets, so that every later step
// can quote the body verbatim. Lines are paragraphs; a line without closing punctuation
// is a subheading. Abbreviations ("Corp.", "D.C.", the initial in "Serhii K.") do not end
// a sentence.
export interface Sentence {
  index: number;
  start: number;
  end: number;
  text: string;
  /** A subheading line: it names things but states no claim. */
  heading: boolean;
}

const ABBREVIATIONS = new Set([
  'corp',
  'co',
  'inc',
  'ltd',
  'llc',
  'plc',
  'mr',
  'mrs',
  'ms',
  'dr',
  'st',
  'jr',
  'sr',
  'gen',
  'col',
  'lt',
  'sgt',
  'gov',
  'sen',
  'rep',
  'no',
  'vs',
  'etc',
  'e.g',
  'i.e',
  'u.s',
  'u.k',
  'd.c',
  'u.n',
  'e.u',
  'jan',
  'feb',
  'mar',
  'apr',
  'aug',
  'sept',
  'sep',
  'oct',
  'nov',
  'dec',
]);

/** True when the period at `dot` closes an abbreviation or an initial rather than a sentence. */
function isAbbreviationDot(text: string, dot: number): boolean {
  const before = /([A-Za-z.]+)$/.exec(text.slice(Math.max(0, dot - 12), dot));
  if (!before) return false;
  const word = before[1].replace(/^\.+/, '');
  // An initial ("Serhii K. and") unless a new sentence plainly starts after it ("…access to X. The freeze").
  if (/^[A-Z]$/.test(word))
    return !/^\s+(?:The|A|An|In|On|He|She|It|They|This|That|But|After|Before|When|By|For|Its|His|Her)\b/.test(
      text.slice(dot + 1, dot + 10),
    );
  return ABBREVIATIONS.has(word.toLowerCase());
}

export function splitSentences(body: string): Sentence[] {
  const sentences: Sentence[] = [];
  const push = (start: number, end: number, heading: boolean) => {
    while (start < end && /\s/.test(body[start])) start++;
    while (end > start && /\s/.test(body[end - 1])) end--;
    if (end > start) sentences.push({ index: sentences.length, start, end, text: body.slice(start, end), heading });
  };
  let lineStart = 0;
  while (lineStart < body.length) {
    let lineEnd = body.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = body.length;
    const line = body.slice(lineStart, lineEnd).replace(/\r$/, '');
    const heading = line.trim() !== '' && !/[.!?]["”’)]?\s*$/.test(line);
    if (heading) {
      push(lineStart, lineStart + line.length, true);
    } else {
      let sentenceStart = lineStart;
      const boundary = /[.!?]["”’)]?(?=\s+["“‘(]?[A-Z0-9])/g;
      let match: RegExpExecArray | null;
      while ((match = boundary.exec(line))) {
        const dot = lineStart + match.index;
        if (body[dot] === '.' && isAbbreviationDot(body, dot)) {
          // "X Corp., the company" stays one sentence; "Co. (TSMC) inside" too.
          continue;
        }
        push(sentenceStart, lineStart + match.index + match[0].length, false);
        sentenceStart = lineStart + match.index + match[0].length;
      }
      push(sentenceStart, lineStart + line.length, false);
    }
    lineStart = lineEnd + 1;
  }
  return sentences;
}
