// ISO date prefixes ("2022", "2022-10", "2022-10-05") whose length is their precision:
// validity and the period each covers. Pure, without zod, so the browser client shares
// these very functions with the server.
const ISO_PREFIX = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** True when `value` is a real calendar date prefix (year, year-month or full date). */
export function isValidIsoPrefix(value: string): boolean {
  const match = ISO_PREFIX.exec(value);
  if (!match) return false;
  const [, yearText, monthText, dayText] = match;
  if (monthText === undefined) return true;
  const month = Number(monthText);
  if (month < 1 || month > 12) return false;
  if (dayText === undefined) return true;
  const day = Number(dayText);
  const daysInMonth = new Date(Date.UTC(Number(yearText), month, 0)).getUTCDate();
  return day >= 1 && day <= daysInMonth;
}

/** The first day a prefix covers: "2022-10" → "2022-10-01". */
export function prefixStart(prefix: string): string {
  if (prefix.length === 4) return `${prefix}-01-01`;
  if (prefix.length === 7) return `${prefix}-01`;
  return prefix;
}

/** The last day a prefix covers: "2022-02" → "2022-02-28". */
export function prefixEnd(prefix: string): string {
  if (prefix.length === 4) return `${prefix}-12-31`;
  if (prefix.length === 7) {
    const [year, month] = prefix.split('-').map(Number);
    const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return `${prefix}-${String(lastDay).padStart(2, '0')}`;
  }
  return prefix;
}

/** The months' English names, January first: the extractor reads them, the generator writes them. */
export const MONTH_NAMES: readonly string[] = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
