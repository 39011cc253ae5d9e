// What `ingest` and `extract` share: read a document file in any format the formats
// module takes (the extension says which, or --format), convert it to the seeds' format
// with --title/--date/--url overriding what it states, and name the text it becomes.
import fs from 'node:fs';
import path from 'node:path';
import {
  convertDocument,
  DOCUMENT_FORMATS,
  formatFromFileName,
  ORIGINAL_EXTENSIONS,
  type DocumentFormat,
} from '../ingest/formats';
import { UsageError } from './command';

/** The flags both commands take for the document. */
export const DOCUMENT_FLAGS = {
  format: { type: 'string' },
  title: { type: 'string' },
  date: { type: 'string' },
  url: { type: 'string' },
} as const;

export const DOCUMENT_USAGE =
  'ARTICLE.{txt,md,html,pdf} [--format text|markdown|html|pdf] [--title T] [--date YYYY-MM-DD] [--url URL]';

export interface DocumentFile {
  /** The seeds' format text. */
  text: string;
  /** <stem>.txt: the stored text's name, whose stem is the document id. */
  fileName: string;
  /** The file itself, for a converted format. */
  original?: { bytes: Uint8Array; extension: string };
}

export async function readDocumentFile(
  file: string,
  flags: { format?: string; title?: string; date?: string; url?: string },
): Promise<DocumentFile> {
  const format = (flags.format ?? formatFromFileName(file)) as DocumentFormat | undefined;
  if (format === undefined)
    throw new UsageError(
      `cannot tell the format of ${path.basename(file)} from its extension; give --format ${DOCUMENT_FORMATS.join('|')}`,
    );
  if (!DOCUMENT_FORMATS.includes(format))
    throw new UsageError(`--format must be one of ${DOCUMENT_FORMATS.join(', ')}, not ${JSON.stringify(format)}`);
  const bytes = fs.readFileSync(file);
  const label = path.basename(file);
  const text = await convertDocument(label, bytes, format, { title: flags.title, date: flags.date, url: flags.url });
  const fileName = `${label.replace(/\.[^.]+$/, '')}.txt`;
  return format === 'text'
    ? { text, fileName }
    : { text, fileName, original: { bytes, extension: ORIGINAL_EXTENSIONS[format] } };
}
