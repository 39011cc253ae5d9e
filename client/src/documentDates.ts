// The days the graph's evidence was published: the dates of the documents its claims
// come from. "Known on" replays them (a day before the first shows nothing known, and the
// explorer says so rather than draw every entity without a relation), and the timeline
// plays them one by one. Pure, for jest.
import type { EvidenceGraph } from '../../server/model/evidenceGraph';
import { prefixEnd } from '../../server/model/datePrefixes';

/** Every document date of the graph's claims, each once, earliest first. */
export function documentDates(graph: EvidenceGraph): string[] {
  const dates = new Set<string>();
  graph.forEachEdge((_edge, attributes) => {
    for (const claim of attributes.claims) if (claim.documentDate !== undefined) dates.add(claim.documentDate);
  });
  return [...dates].sort();
}

/**
 * What to tell the user when `knownAt` precedes every document: nothing was known yet.
 * Undefined when some document was out by then (or there is no Known on date).
 */
export function nothingKnownYet(knownAt: string | undefined, dates: readonly string[]): string | undefined {
  if (knownAt === undefined) return undefined;
  if (dates.length === 0)
    return `No document with a date is behind this graph's relations, so nothing was known on ${knownAt}.`;
  if (dates[0] <= prefixEnd(knownAt)) return undefined;
  return `No document was published by ${knownAt}; the first is dated ${dates[0]}.`;
}
