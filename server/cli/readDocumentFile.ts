// What `ingest` and `extract` share: read a document file in any format the formats
// module takes (the extension says which, or --format), convert it to the seeds' format
// with --title/--date/--url overriding what it states, and name the text it becomes.
// `-` reads the document from standard input: its format from --format or --name (plain
// text otherwise), its name from --name or, as the API names a body, its content's hash.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {
  convertDocument,
  DOCUMENT_FORMATS,
  formatFromFileName,
  ORIGINAL_EXTENSIONS,
  type DocumentFormat,
} from '../ingest/formats';
import { articleFileName } from '../store/assignIds';
import { STANDARD_STREAM, UsageError } from './command';

/** The flags both commands take for the document. */
export const DOCUMENT_FLAGS = {
  format: { type: 'string' },
  title: { type: 'string' },
  date: { type: 'string' },
  url: { type: 'string' },
  name: { type: 'string' },
} as const;

export const DOCUMENT_USAGE =
  'ARTICLE.{txt,md,html,pdf}|- [--name FILE] [--format text|markdown|html|pdf] [--title T] [--date YYYY-MM-DD] [--url URL]';

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
  flags: { format?: string; title?: string; date?: string; url?: string; name?: string },
): Promise<DocumentFile> {
  const fromInput = file === STANDARD_STREAM;
  const label =
    flags.name !== undefined ? path.basename(flags.name) : fromInput ? 'standard input' : path.basename(file);
  const named = flags.name ?? (fromInput ? undefined : file);
  // Read first: a missing file or a folder is named as such before its format is asked about.
  const bytes = readInput(file);
  const format = (flags.format ?? (named !== undefined ? formatFromFileName(named) : 'text')) as
    DocumentFormat | undefined;
  if (format === undefined)
    throw new UsageError(
      `cannot tell the format of ${label} from its extension; give --format ${DOCUMENT_FORMATS.join('|')}`,
    );
  if (!DOCUMENT_FORMATS.includes(format))
    throw new UsageError(`--format must be one of ${DOCUMENT_FORMATS.join(', ')}, not ${JSON.stringify(format)}`);
  const text = await convertDocument(label, bytes, format, { title: flags.title, date: flags.date, url: flags.url });
  const fileName =
    named !== undefined
      ? `${path.basename(named).replace(/\.[^.]+$/, '')}.txt`
      : articleFileName(crypto.createHash('sha256').update(text).digest('hex'));
  return format === 'text'
    ? { text, fileName }
    : { text, fileName, original: { bytes, extension: ORIGINAL_EXTENSIONS[format] } };
}

/** The file's bytes, or standard input's for `-`; a path problem keeps the path for its one-line message. */
function readInput(file: string): Buffer {
  try {
    return fs.readFileSync(file === STANDARD_STREAM ? 0 : file);
  } catch (error) {
    // Reading a folder fails in read(), whose error names no path.
    const systemError = error as NodeJS.ErrnoException;
    if (systemError.code !== undefined && systemError.path === undefined)
      systemError.path = file === STANDARD_STREAM ? 'standard input' : file;
    throw error;
  }
}
