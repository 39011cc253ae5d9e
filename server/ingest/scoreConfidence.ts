// A confidence score for a proposed claim, from how it was found: a title or a named
// government body is nearly certain, a possessive fairly so, a verb pattern less so, and
// an argument reached through "it" or "the company" costs some more. Reviewers sort by it.
import type { CandidateClaim } from './candidateClaim';

const BY_KIND: Record<CandidateClaim['kind'], number> = {
  title: 0.9,
  body: 0.85,
  apposition: 0.8,
  possessive: 0.75,
  verb: 0.65,
};

export function scoreConfidence(candidate: CandidateClaim, stance: string): number {
  let score = BY_KIND[candidate.kind];
  if (candidate.viaReference) score -= 0.15;
  if (stance === 'confirms' || stance === 'denies') score += 0.05;
  return Math.round(Math.min(0.99, Math.max(0.05, score)) * 100) / 100;
}
