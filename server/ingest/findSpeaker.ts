// Who says a sentence's reported clause: the nearest name before the reporting verb that
// is not itself an object ("identified him only as Serhii K. and said…" is said by the
// office that identified him, not by Serhii K.).
import type { Mention } from './mention';
import type { Sentence } from './splitSentences';

/**
 * Who says it: the nearest mention before a reporting verb in the same sentence that is not
 * an object ("identified him only as Serhii K. and said…" is said by the office, not by Serhii K.).
 */
export function speakerBefore(
  body: string,
  mentions: Mention[],
  sentence: Sentence,
  offset: number,
): Mention | undefined {
  let best: Mention | undefined;
  for (const m of mentions) {
    if (m.sentence !== sentence.index || m.end > offset || m.modifier) continue;
    const before = body.slice(sentence.start, m.fullStart ?? m.start);
    if (
      /\b(?:as|of|to|for|with|by|from|about|against|on|in|at|into|identified|named|called|told|asked)\s+(?:the\s+)?$/i.test(
        before,
      )
    )
      continue;
    if (!best || m.end > best.end) best = m;
  }
  return best;
}
