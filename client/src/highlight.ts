// Splits a document's text at the edges of its quoted passages, so the viewer can wrap
// each quoted piece in a <mark> built as a DOM node (never as HTML). Overlapping quotes
// are handled: a piece lists every claim that quotes it.
export interface Span {
  claim: string;
  start: number;
  end: number;
}

export interface Segment {
  text: string;
  /** The claims whose quotes cover this piece (empty: plain text). */
  claims: string[];
}

export function segmentText(text: string, spans: readonly Span[]): Segment[] {
  const valid = spans.filter((span) => span.start >= 0 && span.end <= text.length && span.start < span.end);
  const cuts = new Set<number>([0, text.length]);
  for (const span of valid) {
    cuts.add(span.start);
    cuts.add(span.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i];
    const end = points[i + 1];
    const claims = valid.filter((span) => span.start <= start && span.end >= end).map((span) => span.claim);
    const previous = segments[segments.length - 1];
    if (previous && previous.claims.length === 0 && claims.length === 0) previous.text += text.slice(start, end);
    else segments.push({ text: text.slice(start, end), claims });
  }
  return segments;
}
