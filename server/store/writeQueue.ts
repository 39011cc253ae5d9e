// One write at a time in this process: a write waits for the one before it to be
// committed and applied before it plans, so two writes never interleave between planning
// against the graph and applying to it, whichever store makes them durable.
export class WriteQueue {
  private tail: Promise<unknown> = Promise.resolve();

  /** Runs `write` after every write queued before it has settled; its failure does not stop the next. */
  run<T>(write: () => Promise<T>): Promise<T> {
    const result = this.tail.then(() => write());
    this.tail = result.catch(() => undefined);
    return result;
  }
}
