// Dates written in an article, as ISO prefixes whose length is their precision:
// "on September 26, 2022" → 2022-09-26, "in October 2022" → 2022-10, "since late 2022"
// → 2022, "on August 30" and "in May" take the year from the document's date (the year
// before when the month is still to come), and "on Thursday" is the last such weekday
// on or before the document's date.
import { MONTHS, WEEKDAYS } from './nameCues';

export interface FoundDate {
  start: number;
  end: number;
  value: string;
}

const MONTH = `(${MONTHS.join('|')})`;
const pad = (n: number) => String(n).padStart(2, '0');
/** Preposition alternatives matching either case of their first letter ("On August 30", "on August 30"). */
const either = (...words: string[]) =>
  `(?:${words.map((w) => `[${w[0].toUpperCase()}${w[0]}]${w.slice(1).replace(/ /g, '\\s+')}`).join('|')})`;

function monthNumber(name: string): number {
  return MONTHS.indexOf(name) + 1;
}

/** The year of a month written without one: the document's year, or the year before if that month is still to come. */
function yearForMonth(month: number, documentDate: string): number {
  const year = Number(documentDate.slice(0, 4));
  const documentMonth = Number(documentDate.slice(5, 7));
  return month > documentMonth ? year - 1 : year;
}

function lastWeekday(weekday: string, documentDate: string): string {
  const date = new Date(`${documentDate}T00:00:00Z`);
  const target = WEEKDAYS.indexOf(weekday);
  const back = (date.getUTCDay() - target + 7) % 7;
  date.setUTCDate(date.getUTCDate() - back);
  return date.toISOString().slice(0, 10);
}

/** Every date expression in `text` (offsets relative to `text`), earliest first, overlapping matches removed. */
export function findDates(text: string, documentDate: string): FoundDate[] {
  const found: FoundDate[] = [];
  const add = (start: number, end: number, value: string) => {
    if (found.some((f) => start < f.end && end > f.start)) return;
    found.push({ start, end, value });
  };
  const rules: Array<[RegExp, (m: RegExpExecArray) => string | undefined]> = [
    [
      new RegExp(`\\b${MONTH}\\s+(\\d{1,2}),?\\s+(\\d{4})\\b`, 'g'),
      (m) => `${m[3]}-${pad(monthNumber(m[1]))}-${pad(Number(m[2]))}`,
    ],
    [
      new RegExp(`\\b(\\d{1,2})\\s+${MONTH},?\\s+(\\d{4})\\b`, 'g'),
      (m) => `${m[3]}-${pad(monthNumber(m[2]))}-${pad(Number(m[1]))}`,
    ],
    [
      new RegExp(`\\b(?:(?:early|late|mid|end of|beginning of|the end of)[\\s-]+)?${MONTH}\\s+(\\d{4})\\b`, 'gi'),
      (m) => `${m[2]}-${pad(monthNumber(capitalise(m[1])))}`,
    ],
    [
      new RegExp(
        `\\b${either('on', 'by', 'since', 'until', 'from')}\\s+${MONTH}\\s+(\\d{1,2})\\b(?!,?\\s+\\d{4})`,
        'g',
      ),
      (m) => {
        const month = monthNumber(m[1]);
        return `${yearForMonth(month, documentDate)}-${pad(month)}-${pad(Number(m[2]))}`;
      },
    ],
    [
      new RegExp(
        `\\b${either('in', 'since', 'by', 'until', 'from', 'of', 'at the end of')}\\s+(?:(?:early|late|mid)[\\s-]+)?${MONTH}\\b(?!\\s+\\d)`,
        'g',
      ),
      (m) => {
        const month = monthNumber(m[1]);
        return `${yearForMonth(month, documentDate)}-${pad(month)}`;
      },
    ],
    [/\b(?:in|since|by|until|from|into|during|of)\s+(?:(?:early|late|mid)[\s-]+)?((?:19|20)\d{2})\b/gi, (m) => m[1]],
    [/\b((?:19|20)\d{2})\b/g, (m) => m[1]],
    [
      new RegExp(`\\b${either('on', 'overnight into', 'into', 'last')}\\s+(${WEEKDAYS.join('|')})\\b`, 'g'),
      (m) => lastWeekday(m[1], documentDate),
    ],
  ];
  for (const [pattern, toValue] of rules) {
    for (const match of text.matchAll(pattern)) {
      const value = toValue(match as RegExpExecArray);
      if (value) add(match.index, match.index + match[0].length, value);
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}

/** The date nearest to a position (the cue of a claim) in a sentence, if the sentence has any. */
export function dateNear(text: string, position: number, documentDate: string): string | undefined {
  const dates = findDates(text, documentDate);
  if (!dates.length) return undefined;
  const distance = (d: FoundDate) =>
    position < d.start ? d.start - position : position > d.end ? position - d.end : 0;
  return dates.reduce((best, d) => (distance(d) < distance(best) ? d : best)).value;
}
