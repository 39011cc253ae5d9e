// When a date typed into a date field becomes a filter. Chromium's date input reports a
// value after every segment it can complete: typing the year 2023 digit by digit gives
// 0002-01-01, 0020-01-01, 0202-01-01 and then 2023-01-01. Applying each of those redrew
// the panel under the user's fingers and garbled the date; so only a complete date with
// a four-digit year is applied, and an emptied field clears the filter. Pure, for jest.
import { isValidIsoPrefix } from '../../server/model/datePrefixes';

const FULL_DATE = /^(\d{4})-\d{2}-\d{2}$/;
/** Years below this are the input's view of a year still being typed. */
const FIRST_FULL_YEAR = 1000;

/** What the field's current content means for its filter. */
export type DateEntry =
  /** A complete date: apply it. */
  | { kind: 'date'; value: string }
  /** The field was emptied: remove the filter. */
  | { kind: 'cleared' }
  /** Still being typed (a segment empty, a short year): keep the filter as it is. */
  | { kind: 'incomplete' };

/**
 * Reads a date input: `value` is its value (YYYY-MM-DD or ''), `partlyFilled` its
 * `validity.badInput` (true while some segments are filled and others not).
 */
export function readDateEntry(value: string, partlyFilled: boolean): DateEntry {
  if (value === '') return partlyFilled ? { kind: 'incomplete' } : { kind: 'cleared' };
  const match = FULL_DATE.exec(value);
  if (!match || !isValidIsoPrefix(value) || Number(match[1]) < FIRST_FULL_YEAR) return { kind: 'incomplete' };
  return { kind: 'date', value };
}

/** The filter value after the entry (undefined: no filter), or `current` while it is incomplete. */
export function filterAfterEntry(entry: DateEntry, current: string | undefined): string | undefined {
  if (entry.kind === 'date') return entry.value;
  if (entry.kind === 'cleared') return undefined;
  return current;
}
