// The data folder's event store: each event is one line of journal.jsonl, written and
// fsync'ed before commit resolves (journal.ts). Only one process writes a folder (its
// lock), so there are never events of another server to catch up with.
import type { LoadProblem } from '../load';
import type { CommittedWrite, EventStore, PlannedWrite } from './eventStore';
import { JournalWriter } from './journal';
import { NOTHING_OF_THIS_WRITE, onDiskFull } from './writeErrors';

export class FolderEventStore implements EventStore {
  private constructor(
    private readonly dataDir: string,
    private readonly journal: JournalWriter,
  ) {}

  /** Opens the folder's journal for appending, cutting off a torn tail (reported through `onWarning`). */
  static open(dataDir: string, onWarning?: (problem: LoadProblem) => void): FolderEventStore {
    return new FolderEventStore(dataDir, JournalWriter.open(dataDir, onWarning));
  }

  /** A data folder is on this machine: it is never unreachable (a full disk is a DiskFullError of its own). */
  readonly unreachable = undefined;

  get description(): string {
    return this.journal.file;
  }

  commit<T>(plan: () => PlannedWrite<T>): Promise<CommittedWrite<T>> {
    try {
      const planned = plan();
      if (!planned.entry) return Promise.resolve({ planned });
      const entry = planned.entry;
      const line = onDiskFull(this.dataDir, NOTHING_OF_THIS_WRITE, () => this.journal.append(entry));
      return Promise.resolve({ planned, line });
    } catch (error) {
      return Promise.reject(error as Error);
    }
  }

  /** Only this process writes the folder: there is nothing to catch up with. */
  catchUp(): Promise<number> {
    return Promise.resolve(0);
  }

  close(): Promise<void> {
    this.journal.close();
    return Promise.resolve();
  }
}
