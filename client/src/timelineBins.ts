// The timeline's numbers: the graph's claims counted over time in two rows, when it
// happened (the claim's own dates) and when it was known (its document's date), each bin
// split by stance. A claim's dates span from its earliest to its latest prefix, as the
// Happened from/until filter reads them (claimFilters.ts), so it is counted in every bin
// that span touches: a brushed range of bins keeps the relations of the claims it shows.
// Also the mapping from the strip's x to a bin, a brush to a date range, and the next
// document date for Play. Pure, for jest; ui/timeline.ts draws it.
import type { EdgeClaim } from '../../server/model/graph';
import { prefixEnd, prefixStart } from '../../server/model/datePrefixes';
import { firstMatchingStatus } from '../../server/model/statusRules';
import type { Stance, Status } from '../../server/model/vocabulary';

export type BinUnit = 'day' | 'month' | 'year';

export interface Bin {
  /** First and last day of the bin, YYYY-MM-DD. */
  start: string;
  end: string;
}

/** Claims per stance in one bin, e.g. { alleges: 2, denies: 1 }. */
export type StanceCounts = Record<string, number>;

export interface TimelineData {
  unit: BinUnit;
  bins: Bin[];
  /** Per bin: claims whose dates touch it. */
  happened: StanceCounts[];
  /** Per bin: claims whose document is dated in it. */
  known: StanceCounts[];
}

type TimelineClaim = Pick<EdgeClaim, 'stance' | 'date' | 'startDate' | 'endDate' | 'documentDate'>;

/** Up to this many days the bins are days; up to this many years, months; beyond, years. */
export const MAX_DAY_BINS = 120;
export const MAX_MONTH_BIN_YEARS = 20;

const DAY_MS = 86_400_000;
const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / DAY_MS;
const dayFromNumber = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);

/** The day span of a claim's own dates, or undefined when it has none. */
function happenedSpan(claim: TimelineClaim): { start: string; end: string } | undefined {
  const dates = [claim.date, claim.startDate, claim.endDate].filter((d): d is string => d !== undefined);
  if (dates.length === 0) return undefined;
  const sorted = [...dates].sort();
  return { start: prefixStart(sorted[0]), end: prefixEnd(sorted[sorted.length - 1]) };
}

export function binUnitFor(first: string, last: string): BinUnit {
  const days = dayNumber(last) - dayNumber(first) + 1;
  if (days <= MAX_DAY_BINS) return 'day';
  return Number(last.slice(0, 4)) - Number(first.slice(0, 4)) < MAX_MONTH_BIN_YEARS ? 'month' : 'year';
}

/** The bins from the one holding `first` to the one holding `last`. */
export function makeBins(first: string, last: string, unit: BinUnit): Bin[] {
  const bins: Bin[] = [];
  if (unit === 'day') {
    for (let n = dayNumber(first); n <= dayNumber(last); n++)
      bins.push({ start: dayFromNumber(n), end: dayFromNumber(n) });
    return bins;
  }
  if (unit === 'year') {
    for (let year = Number(first.slice(0, 4)); year <= Number(last.slice(0, 4)); year++)
      bins.push({ start: `${year}-01-01`, end: `${year}-12-31` });
    return bins;
  }
  let [year, month] = first.split('-').map(Number);
  const lastMonth = last.slice(0, 7);
  for (;;) {
    const prefix = `${year}-${String(month).padStart(2, '0')}`;
    bins.push({ start: `${prefix}-01`, end: prefixEnd(prefix) });
    if (prefix >= lastMonth) return bins;
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
  }
}

/** The index of the bin holding `day` (bins start at `bins[0].start`). */
export function binIndexOf(day: string, first: string, unit: BinUnit): number {
  if (unit === 'day') return dayNumber(day) - dayNumber(first);
  const years = Number(day.slice(0, 4)) - Number(first.slice(0, 4));
  if (unit === 'year') return years;
  return years * 12 + Number(day.slice(5, 7)) - Number(first.slice(5, 7));
}

const bump = (counts: StanceCounts, stance: string) => (counts[stance] = (counts[stance] ?? 0) + 1);

/** The two rows for these claims, or undefined when none has a date of either kind. */
export function timelineData(claims: Iterable<TimelineClaim>): TimelineData | undefined {
  const dated: { claim: TimelineClaim; span?: { start: string; end: string } }[] = [];
  let first: string | undefined;
  let last: string | undefined;
  const extend = (start: string, end: string) => {
    if (first === undefined || start < first) first = start;
    if (last === undefined || end > last) last = end;
  };
  for (const claim of claims) {
    const span = happenedSpan(claim);
    if (span) extend(span.start, span.end);
    if (claim.documentDate !== undefined) extend(claim.documentDate, claim.documentDate);
    if (span || claim.documentDate !== undefined) dated.push({ claim, span });
  }
  if (first === undefined || last === undefined) return undefined;
  const unit = binUnitFor(first, last);
  const bins = makeBins(first, last, unit);
  const happened = bins.map((): StanceCounts => ({}));
  const known = bins.map((): StanceCounts => ({}));
  const origin = bins[0].start;
  for (const { claim, span } of dated) {
    if (span)
      for (let i = binIndexOf(span.start, origin, unit); i <= binIndexOf(span.end, origin, unit); i++)
        bump(happened[i], claim.stance);
    if (claim.documentDate !== undefined) bump(known[binIndexOf(claim.documentDate, origin, unit)], claim.stance);
  }
  return { unit, bins, happened, known };
}

/** The bin under `x` on a strip whose bins run from `left` over `width` pixels (clamped to the first and last). */
export function binIndexAt(x: number, left: number, width: number, count: number): number {
  const index = Math.floor(((x - left) / width) * count);
  return Math.min(count - 1, Math.max(0, index));
}

/** How many days a bin holds. */
export function binDays(bin: Bin): number {
  return dayNumber(bin.end) - dayNumber(bin.start) + 1;
}

/** The day at `fraction` (0 to 1) of the way through a bin. */
export function dayInBin(bin: Bin, fraction: number): string {
  const offset = Math.min(binDays(bin) - 1, Math.max(0, Math.floor(fraction * binDays(bin))));
  return dayFromNumber(dayNumber(bin.start) + offset);
}

/** Where a day of a bin lies in it, 0 to 1: the middle of that day. */
export function dayFraction(bin: Bin, day: string): number {
  return (dayNumber(day) - dayNumber(bin.start) + 0.5) / binDays(bin);
}

/** The Happened from/until range of a brush from one bin to another (either way). */
export function brushRange(bins: readonly Bin[], a: number, b: number): { from: string; to: string } {
  return { from: bins[Math.min(a, b)].start, to: bins[Math.max(a, b)].end };
}

/** Play's next Known on day: the first document date after `knownAt` (the first of all without one), or undefined at the end. */
export function nextDocumentDate(dates: readonly string[], knownAt: string | undefined): string | undefined {
  if (knownAt === undefined) return dates[0];
  return dates.find((date) => date > knownAt);
}

/**
 * A colour per stance: that of the status one claim of that stance alone gives its
 * relation (alleges → alleged), so the strip speaks the legend's colours.
 */
export function stanceColours(
  stances: readonly Pick<Stance, 'id'>[],
  statuses: readonly Pick<Status, 'id' | 'rule' | 'color'>[],
): Map<string, string> {
  const colours = new Map<string, string>();
  for (const stance of stances) {
    const status = statuses.find((s) => s.id === firstMatchingStatus([stance.id], statuses));
    colours.set(stance.id, status?.color ?? '#7b8794');
  }
  return colours;
}
