// One write at a time in this process: a write waits for the one before it to be
// committed and applied before it plans, so two writes never interleave between planning
// against the graph and applying to it, whichever store makes them durable. Between two
// writes the queue lets the event loop turn (setImmediate): a folder write runs start to
// end without awaiting anything, so sixteen curators' writes would otherwise run back to
// back in one turn, and a health check or a read arriving meanwhile would wait for all.
import { setImmediate as nextTurn } from 'node:timers/promises';

export class WriteQueue {
  private tail: Promise<unknown> = Promise.resolve();

  /** Runs `write` after every write queued before it has settled and the event loop has turned; its failure does not stop the next. */
  run<T>(write: () => Promise<T>): Promise<T> {
    const result = this.tail.then(() => nextTurn()).then(() => write());
    this.tail = result.catch(() => undefined);
    return result;
  }
}
