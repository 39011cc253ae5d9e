// When a quote is not in its document, point the curator at the passage it most likely
// meant: the window of the document, as long as the quote in words, that shares most words.
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

interface WordSpan {
  word: string;
  start: number;
  end: number;
}

function words(text: string): WordSpan[] {
  const spans: WordSpan[] = [];
  for (const match of text.matchAll(WORD))
    spans.push({ word: match[0].toLowerCase(), start: match.index!, end: match.index! + match[0].length });
  return spans;
}

export interface NearestPassage {
  text: string;
  start: number;
  end: number;
  /** Share of the quote's words found in the passage, 0..1. */
  overlap: number;
}

export function findNearestPassage(documentText: string, quote: string): NearestPassage | null {
  const quoteWords = words(quote).map((w) => w.word);
  const docWords = words(documentText);
  if (quoteWords.length === 0 || docWords.length === 0) return null;
  const size = Math.min(quoteWords.length, docWords.length);
  const wanted = new Map<string, number>();
  for (const w of quoteWords) wanted.set(w, (wanted.get(w) ?? 0) + 1);

  // Slide a window of `size` words, keeping the multiset overlap up to date.
  const inWindow = new Map<string, number>();
  let overlap = 0;
  const add = (w: string) => {
    const count = (inWindow.get(w) ?? 0) + 1;
    inWindow.set(w, count);
    if (count <= (wanted.get(w) ?? 0)) overlap++;
  };
  const remove = (w: string) => {
    const count = inWindow.get(w)!;
    inWindow.set(w, count - 1);
    if (count <= (wanted.get(w) ?? 0)) overlap--;
  };
  for (let i = 0; i < size; i++) add(docWords[i].word);
  let best = { overlap, first: 0 };
  for (let first = 1; first + size <= docWords.length; first++) {
    remove(docWords[first - 1].word);
    add(docWords[first + size - 1].word);
    if (overlap > best.overlap) best = { overlap, first };
  }
  if (best.overlap === 0) return null;
  const start = docWords[best.first].start;
  const end = docWords[best.first + size - 1].end;
  return { text: documentText.slice(start, end), start, end, overlap: best.overlap / quoteWords.length };
}
