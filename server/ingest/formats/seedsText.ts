// Builds the seeds' format from what a conversion found: the first line
// " date YYYY-MM-DD Title [url https://…]" from the found title, date and URL (each
// overridden by what the caller gives), then the body, one paragraph a line.
import { DocumentFormatError } from './documentFormat';

export interface DocumentHeader {
  title?: string;
  date?: string;
  url?: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The first YYYY-MM-DD of a date as pages write it (2024-11-02T09:30:00Z, D:20241102…), or undefined. */
export function isoDateOf(raw: string | undefined | null): string | undefined {
  if (!raw) return undefined;
  const text = raw.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const pdf = /^D:(\d{4})(\d{2})(\d{2})/.exec(text);
  if (pdf) return `${pdf[1]}-${pdf[2]}-${pdf[3]}`;
  return undefined;
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

export function seedsText(
  label: string,
  found: DocumentHeader,
  given: DocumentHeader,
  paragraphs: readonly string[],
): string {
  const title = oneLine(given.title ?? found.title ?? '');
  const date = given.date ?? found.date;
  const url = given.url ?? found.url;
  if (title === '') throw new DocumentFormatError(`${label}: no title found in it; give one (--title, or title=)`);
  if (date === undefined)
    throw new DocumentFormatError(`${label}: no publication date found in it; give one (--date YYYY-MM-DD, or date=)`);
  if (!ISO_DATE.test(date))
    throw new DocumentFormatError(`${label}: the date must be YYYY-MM-DD, found ${JSON.stringify(date)}`);
  const body = paragraphs.map(oneLine).filter((p) => p !== '');
  if (body.length === 0) throw new DocumentFormatError(`${label}: no text found in it`);
  const header = ` date ${date} ${title}${url && /^https?:\/\/\S+$/.test(url) ? ` url ${url}` : ''}`;
  return `${header}\n${body.join('\n')}\n`;
}
