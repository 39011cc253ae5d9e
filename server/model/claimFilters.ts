// Which claims the time filters keep. The client's filters.ts imports these very
// functions, so a view filtered in the browser and one fetched from the API agree:
//   when it happened  a claim spans from its earliest to its latest date prefix
//                     (date, startDate, endDate); it is in [from, to] when the spans
//                     touch; a claim without dates is never in a range;
//   what was known    a claim was public on `knownAt` when its document is dated on or
//                     before that day; claims without a dated document were not.
import type { EdgeClaim } from './graph';
import { prefixEnd, prefixStart } from './datePrefixes';

export function claimInDateRange(
  claim: Pick<EdgeClaim, 'date' | 'startDate' | 'endDate'>,
  from?: string,
  to?: string,
): boolean {
  const dates = [claim.date, claim.startDate, claim.endDate].filter((d): d is string => d !== undefined);
  if (dates.length === 0) return false;
  const start = prefixStart(dates.reduce((a, b) => (a < b ? a : b)));
  const end = prefixEnd(dates.reduce((a, b) => (a > b ? a : b)));
  if (from !== undefined && end < prefixStart(from)) return false;
  if (to !== undefined && start > prefixEnd(to)) return false;
  return true;
}

export function claimKnownOn(claim: Pick<EdgeClaim, 'documentDate'>, knownAt: string): boolean {
  return claim.documentDate !== undefined && claim.documentDate <= prefixEnd(knownAt);
}
