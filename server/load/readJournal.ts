// Reading the journal (journal.jsonl in the data folder): an append-only file of JSON
// lines, one entry per line, written by store/journal.ts. A crash in the middle of a
// write can leave a last line without its newline (a torn line): it was never
// acknowledged, so reading skips it and reports it; any other bad line is a problem.
import fs from 'node:fs';
import path from 'node:path';
import { journalEntrySchema, type JournalEntry } from '../model/journalEntries';
import { formatFieldPath, type LoadProblem } from './problems';

export const JOURNAL_FILE = 'journal.jsonl';

export function journalPath(dataDir: string): string {
  return path.join(dataDir, JOURNAL_FILE);
}

export interface JournalLine {
  /** 1-based line number in the journal. */
  line: number;
  entry: JournalEntry;
  /** The line's text without its newline, as written (the dataset's version derives from it). */
  text: string;
}

export interface TornTail {
  line: number;
  /** Byte offset where the torn line starts: the journal's good length. */
  offset: number;
  bytes: number;
}

export interface JournalContents {
  lines: JournalLine[];
  /** Broken lines before the last one: the journal is damaged, loading must stop. */
  problems: LoadProblem[];
  tornTail?: TornTail;
  /** Length in bytes of the intact part (everything before a torn tail). */
  intactLength: number;
}

export function describeTornTail(torn: TornTail): LoadProblem {
  return {
    file: JOURNAL_FILE,
    line: torn.line,
    column: 1,
    message: `ignored an incomplete last entry (${torn.bytes} bytes, a write interrupted by a crash; it was never acknowledged); every earlier entry is intact`,
  };
}

/** Parses journal text. Only the last line may be incomplete; any other bad line is a problem. */
export function parseJournal(buffer: Buffer): JournalContents {
  const lines: JournalLine[] = [];
  const problems: LoadProblem[] = [];
  let start = 0;
  let lineNumber = 0;
  while (start < buffer.length) {
    lineNumber++;
    const newline = buffer.indexOf(0x0a, start);
    if (newline === -1) {
      return {
        lines,
        problems,
        tornTail: { line: lineNumber, offset: start, bytes: buffer.length - start },
        intactLength: start,
      };
    }
    const text = buffer.toString('utf8', start, newline);
    start = newline + 1;
    if (text.trim() === '') continue;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      problems.push({
        file: JOURNAL_FILE,
        line: lineNumber,
        column: 1,
        message: `malformed journal entry: ${(error as Error).message}`,
      });
      continue;
    }
    const parsed = journalEntrySchema.safeParse(json);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        problems.push({
          file: JOURNAL_FILE,
          line: lineNumber,
          column: 1,
          field: formatFieldPath(issue.path) || undefined,
          message: `invalid journal entry: ${issue.message}`,
        });
      }
      continue;
    }
    lines.push({ line: lineNumber, entry: parsed.data, text });
  }
  return { lines, problems, intactLength: buffer.length };
}

export function readJournal(dataDir: string): JournalContents {
  let buffer: Buffer;
  try {
    buffer = fs.readFileSync(journalPath(dataDir));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { lines: [], problems: [], intactLength: 0 };
    throw error;
  }
  return parseJournal(buffer);
}
