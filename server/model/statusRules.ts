// How an edge's status follows from the stances of its claims: the vocabulary's rules,
// tried in order. Pure and free of zod so the browser client uses the same code.
import type { StatusRule } from './vocabulary';

export function statusRuleMatches(rule: Pick<StatusRule, 'all' | 'any' | 'none'>, present: Set<string>): boolean {
  if (!rule.all.every((s) => present.has(s))) return false;
  if (rule.any && !rule.any.some((s) => present.has(s))) return false;
  return !rule.none.some((s) => present.has(s));
}

/** The first status whose rule the stances satisfy; undefined for no stances or no match. */
export function firstMatchingStatus(
  stances: Iterable<string>,
  statuses: readonly { id: string; rule: Pick<StatusRule, 'all' | 'any' | 'none'> }[],
): string | undefined {
  const present = new Set(stances);
  if (present.size === 0) return undefined;
  return statuses.find((status) => statusRuleMatches(status.rule, present))?.id;
}
