// Rewrites a sentence with each argument mention replaced by a slot token "⟦n⟧", so that
// relation rules are plain regular expressions over words and slots ("⟦0⟧ invaded ⟦1⟧").
// Offsets in the masked text map back to the body for quotes.
import type { Mention } from './mention';
import type { Sentence } from './splitSentences';

export interface Slot {
  mention: Mention;
  /** The slot's extent in the body (the full written form, title included). */
  start: number;
  end: number;
}

export interface MaskedSentence {
  sentence: Sentence;
  text: string;
  slots: Slot[];
  /** Body offset of a position in the masked text. */
  toBody(position: number): number;
}

export const SLOT = /⟦(\d+)⟧/g;

export function maskSentence(sentence: Sentence, mentions: Mention[]): MaskedSentence {
  // "its models", "his platform": a possessive determiner is no argument, except of a role ("its legal representative").
  const determinerOnly = (m: Mention) =>
    /^(its|his|their)$/.test(m.referenceWords ?? '') &&
    !/^\s+(?:[a-z]+\s+)?(?:representative|chief|head|director|president|chairman|chairwoman|chair|spokesperson|spokesman|owner|founder|ceo|links|ties|relationship|connections|manager|officer|executive|secretary|governor|minister|commander|leader|lawyer|attorney)\b/.test(
      sentence.text.slice(m.end - sentence.start),
    ) &&
    // "called his testimony \"an invention\"": a quoted judgement of what the person said is about the person.
    !/^\s+(?:[a-z-]+\s+)?(?:testimony|account|statements?|claims?|evidence|remarks|comments|version|story|conduct|behaviou?r)\s+(?:as\s+)?["“]/.test(
      sentence.text.slice(m.end - sentence.start),
    );
  const candidates = mentions
    .filter((m) => m.sentence === sentence.index && !m.modifier && !determinerOnly(m))
    .map((m) => ({
      mention: m,
      start: Math.max(m.fullStart ?? m.start, sentence.start),
      end: Math.min(m.fullEnd ?? m.end, sentence.end),
    }))
    .sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const slots: Slot[] = [];
  for (const candidate of candidates) {
    const last = slots[slots.length - 1];
    // "Semiconductor Manufacturing International Corp (SMIC)": the bracketed acronym is the same slot.
    if (
      last &&
      candidate.mention.entityKey &&
      candidate.mention.entityKey === last.mention.entityKey &&
      sentence.text.slice(last.end - sentence.start, candidate.start - sentence.start) === ' (' &&
      sentence.text[candidate.end - sentence.start] === ')'
    ) {
      last.end = candidate.end + 1;
      continue;
    }
    if (last && candidate.start < last.end) {
      // Overlap: keep the longer extent ("Russian President Vladimir Putin" over "Russian").
      if (candidate.end - candidate.start > last.end - last.start) slots[slots.length - 1] = candidate;
      continue;
    }
    slots.push(candidate);
  }
  // Pieces of masked text and the body offset each starts at.
  const pieces: Array<{ maskedStart: number; bodyStart: number; length: number; slot: boolean }> = [];
  let text = '';
  let cursor = sentence.start;
  const addText = (from: number, to: number) => {
    if (to <= from) return;
    pieces.push({ maskedStart: text.length, bodyStart: from, length: to - from, slot: false });
    text += sentence.text.slice(from - sentence.start, to - sentence.start);
  };
  slots.forEach((slot, index) => {
    addText(cursor, slot.start);
    const token = `⟦${index}⟧`;
    pieces.push({ maskedStart: text.length, bodyStart: slot.start, length: token.length, slot: true });
    text += token;
    cursor = slot.end;
  });
  addText(cursor, sentence.end);
  return {
    sentence,
    text,
    slots,
    toBody(position: number): number {
      for (let i = pieces.length - 1; i >= 0; i--) {
        const piece = pieces[i];
        if (position >= piece.maskedStart) {
          if (piece.slot) {
            const slot = slots.find((s) => s.start === piece.bodyStart)!;
            return position === piece.maskedStart ? slot.start : slot.end;
          }
          return piece.bodyStart + Math.min(position - piece.maskedStart, piece.length);
        }
      }
      return sentence.start;
    },
  };
}
