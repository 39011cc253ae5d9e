// An edge's status follows from the stances of its claims, by the vocabulary's ordered
// rules (graph-data/vocabulary.json: confirmed, reported, alleged, disputed, denied).
import { firstMatchingStatus } from '../model/statusRules';
import type { Status } from '../model/vocabulary';

export function deriveEdgeStatus(stances: Iterable<string>, statuses: readonly Status[]): string {
  const present = new Set(stances);
  if (present.size === 0) throw new Error('deriveEdgeStatus: an edge needs at least one claim');
  const status = firstMatchingStatus(present, statuses);
  // The loader checks that the rules cover every combination, so this is a broken vocabulary.
  if (status === undefined)
    throw new Error(`deriveEdgeStatus: no status rule matches the stances ${[...present].join(', ')}`);
  return status;
}
