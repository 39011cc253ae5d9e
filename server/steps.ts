// Long synchronous work (gathering and sorting every edge of an export, a first pass to
// infer an attribute model, filtering the graph) done in steps: a generator that yields
// an empty string between them. A reader that streams an export
// (server/export/exportBody.ts) gives the event loop a turn at such a point once its time
// slice is used, so even sorting a hundred thousand edges never holds the server for
// long; joined into one string, the empty chunks add nothing.

/** An empty chunk: nothing to write, a point where a streaming reader may pause. */
export const STEP = '';

/** Items handled between two steps, about a millisecond of work for the loops here. */
export const STEP_ITEMS = 4096;

/** Sorted runs merged into the result; each is sorted by Array.prototype.sort in one step. */
const RUN_ITEMS = 4096;

/**
 * `items` sorted by `compare`, as `items.sort(compare)` would give for distinct keys: runs
 * sorted one step each, then merged pairwise with a step every STEP_ITEMS items. Sorts
 * in place and returns `items`.
 */
export function* sortInSteps<T>(items: T[], compare: (a: T, b: T) => number): Generator<string, T[]> {
  const n = items.length;
  for (let start = 0; start < n; start += RUN_ITEMS) {
    const run = items.slice(start, start + RUN_ITEMS).sort(compare);
    for (let i = 0; i < run.length; i++) items[start + i] = run[i];
    yield STEP;
  }
  let from = items;
  let to: T[] = new Array<T>(n);
  let work = 0;
  for (let width = RUN_ITEMS; width < n; width *= 2) {
    for (let left = 0; left < n; left += 2 * width) {
      const middle = Math.min(left + width, n);
      const right = Math.min(left + 2 * width, n);
      let i = left;
      let j = middle;
      for (let k = left; k < right; k++) {
        to[k] = j >= right || (i < middle && compare(from[i], from[j]) <= 0) ? from[i++] : from[j++];
        if (++work === STEP_ITEMS) {
          work = 0;
          yield STEP;
        }
      }
    }
    [from, to] = [to, from];
  }
  if (from !== items) for (let k = 0; k < n; k++) items[k] = from[k];
  return items;
}
