// Parses a document in the seeds' format: the first line holds " date YYYY-MM-DD Title",
// optionally ending in " url https://…" (where the article was published), the rest is
// the body. The id is the file name's stem. Returns the record or the problems.
import { documentSchema, type DocumentRecord } from '../model/records';
import { formatFieldPath, type LoadProblem } from './problems';

const HEADER = /^\s*date\s+(\S+)\s+(.+?)(?:\s+url\s+(\S+))?\s*$/;

export function documentIdFromFileName(fileName: string): string {
  return fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
}

export function parseDocument(file: string, raw: string): { document?: DocumentRecord; problems: LoadProblem[] } {
  const id = documentIdFromFileName(file);
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  if (text.trim() === '')
    return {
      problems: [{ file, message: 'the document is empty: expected a first line " date YYYY-MM-DD Title" and a body' }],
    };
  const newline = text.indexOf('\n');
  const headerLine = (newline === -1 ? text : text.slice(0, newline)).replace(/\r$/, '');
  const body = newline === -1 ? '' : text.slice(newline + 1);
  const header = HEADER.exec(headerLine);
  if (!header) {
    return {
      problems: [
        {
          file,
          line: 1,
          column: 1,
          message: `the first line must be " date YYYY-MM-DD Title", found ${JSON.stringify(headerLine.slice(0, 80))}`,
        },
      ],
    };
  }
  const parsed = documentSchema.safeParse({
    id,
    date: header[1],
    title: header[2],
    text: body.trim() === '' ? '' : body,
    ...(header[3] === undefined ? {} : { url: header[3] }),
  });
  if (!parsed.success) {
    return {
      problems: parsed.error.issues.map((issue) => ({
        file,
        field: formatFieldPath(issue.path),
        message: issue.message,
      })),
    };
  }
  return { document: parsed.data, problems: [] };
}
