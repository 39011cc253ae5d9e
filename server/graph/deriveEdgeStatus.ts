// An edge's status follows from the stances of its claims, by the vocabulary's ordered
// rules (VOCABULARY.md: confirmed, reported, alleged, disputed, denied).
import { statusRuleMatches } from '../load/resolveDataset';
import type { Status } from '../model/vocabulary';

export function deriveEdgeStatus(stances: Iterable<string>, statuses: readonly Status[]): string {
  const present = new Set(stances);
  if (present.size === 0) throw new Error('deriveEdgeStatus: an edge needs at least one claim');
  for (const status of statuses) if (statusRuleMatches(status.rule, present)) return status.id;
  // The loader checks that the rules cover every combination, so this is a broken vocabulary.
  throw new Error(`deriveEdgeStatus: no status rule matches the stances ${[...present].join(', ')}`);
}
