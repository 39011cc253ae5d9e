// Work in steps (server/steps.ts): sortInSteps gives Array.prototype.sort's order, in
// place, with an empty chunk between steps of at most a few thousand items.
import { createRandom } from '../../server/model/random';
import { sortInSteps, STEP, STEP_ITEMS } from '../../server/steps';

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Runs the steps to the end: the result and how many steps it took. */
function run<T>(steps: Generator<string, T>): { value: T; steps: string[] } {
  const yielded: string[] = [];
  for (;;) {
    const step = steps.next();
    if (step.done) return { value: step.value, steps: yielded };
    yielded.push(step.value);
  }
}

describe('sortInSteps', () => {
  it.each([0, 1, 2, 4095, 4096, 4097, 8192 * 3 + 17, 50_000])(
    'sorts %d distinct keys as Array.prototype.sort does, in place',
    (n) => {
      const random = createRandom(n + 1);
      const keys = Array.from({ length: n }, (_, i) => `${random.below(1e9).toString(36)}-${i}`);
      const expected = [...keys].sort(compare);
      const { value } = run(sortInSteps(keys, compare));
      expect(value).toBe(keys);
      expect(keys).toEqual(expected);
    },
  );

  it('yields only empty chunks, one per run sorted and per few thousand items merged', () => {
    const keys = Array.from({ length: 50_000 }, (_, i) => String(50_000 - i).padStart(6, '0'));
    const { steps } = run(sortInSteps(keys, compare));
    expect(new Set(steps)).toEqual(new Set([STEP]));
    // 13 runs of 4096, then merge passes of 50,000 items each (4096 → 8192 → … → 65536: 4 passes).
    expect(steps.length).toBe(13 + Math.floor((4 * 50_000) / STEP_ITEMS));
  });
});
