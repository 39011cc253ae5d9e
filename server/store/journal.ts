// Writing the journal: an append-only file of JSON lines (journal.jsonl in the data
// folder), one write per line. A line is only acknowledged after it was written and
// fsync'ed, so after a crash every acknowledged write is on disk. A crash in the middle of
// a write can leave a torn last line (load/readJournal.ts skips it); the writer cuts it
// off before appending, so a new entry is never glued to a torn one.
import fs from 'node:fs';
import { describeTornTail, journalPath, parseJournal, type LoadProblem } from '../load';
import { rememberEntryText } from '../model/entryText';
import type { JournalEntry } from '../model/journalEntries';
import { syncFolder } from './atomicFile';

/** Appends `bytes` to `file`, or (on a full disk, say) leaves it as it was. */
function copyAside(file: string, bytes: Buffer): void {
  const before = fs.existsSync(file) ? fs.statSync(file).size : undefined;
  try {
    fs.appendFileSync(file, bytes);
  } catch (error) {
    if (before === undefined) fs.rmSync(file, { force: true });
    else fs.truncateSync(file, before);
    throw error;
  }
}

/**
 * Appends entries durably. Keeps one file descriptor open; each append is one write of a
 * whole line followed by fsync, and only then returns.
 */
export class JournalWriter {
  private fd: number | undefined;
  private size: number;
  /** A failed append could not be cut off: do so before the next one, or refuse it. */
  private pastIntactEnd = false;

  private constructor(
    readonly file: string,
    fd: number,
    size: number,
  ) {
    this.fd = fd;
    this.size = size;
  }

  /**
   * Opens the journal for appending. A torn last line is copied aside to
   * journal.jsonl.torn (for a curious operator), cut off, and reported through `report`.
   */
  static open(dataDir: string, report: (problem: LoadProblem) => void = () => {}): JournalWriter {
    const file = journalPath(dataDir);
    const existed = fs.existsSync(file);
    const fd = fs.openSync(file, 'a+', 0o644);
    try {
      const contents = parseJournal(fs.readFileSync(fd));
      if (contents.tornTail) {
        const torn = contents.tornTail;
        const tail = Buffer.alloc(torn.bytes);
        fs.readSync(fd, tail, 0, torn.bytes, torn.offset);
        copyAside(`${file}.torn`, Buffer.concat([tail, Buffer.from('\n')]));
        fs.ftruncateSync(fd, torn.offset);
        fs.fsyncSync(fd);
        report(describeTornTail(torn));
      }
      if (!existed) syncFolder(dataDir);
      return new JournalWriter(file, fd, contents.intactLength);
    } catch (error) {
      fs.closeSync(fd);
      throw error;
    }
  }

  /** Writes one entry as one line and flushes it to disk. Returns the line's text. */
  append(entry: JournalEntry): string {
    if (this.fd === undefined) throw new Error('JournalWriter.append: the journal is closed');
    const text = JSON.stringify(entry);
    const buffer = Buffer.from(`${text}\n`, 'utf8');
    // The file is opened for appending: a partial line left by a failed append would
    // glue itself to this one, and the journal would not load again.
    if (this.pastIntactEnd) this.cutToIntactEnd();
    try {
      let written = 0;
      while (written < buffer.length) written += fs.writeSync(this.fd, buffer, written, buffer.length - written);
      fs.fsyncSync(this.fd);
    } catch (error) {
      // Cut a partial line off (a full disk takes part of a line), so that nothing of this entry stays.
      this.pastIntactEnd = true;
      try {
        this.cutToIntactEnd();
      } catch {
        // the original error is the one to report; the next append tries again
      }
      throw error;
    }
    this.size += buffer.length;
    rememberEntryText(entry, text);
    return text;
  }

  private cutToIntactEnd(): void {
    fs.ftruncateSync(this.fd!, this.size);
    fs.fsyncSync(this.fd!);
    this.pastIntactEnd = false;
  }

  /** Empties the journal once compaction has folded it into the data files. */
  truncate(): void {
    if (this.fd === undefined) throw new Error('JournalWriter.truncate: the journal is closed');
    fs.ftruncateSync(this.fd, 0);
    fs.fsyncSync(this.fd);
    this.size = 0;
  }

  close(): void {
    if (this.fd === undefined) return;
    fs.closeSync(this.fd);
    this.fd = undefined;
  }
}
