// The write queue: one write at a time, in the order they came, a failure not stopping
// the next, and the event loop turning between two writes (so requests that arrive while
// many writes wait are answered between them, not after all of them).
import { WriteQueue } from '../../../server/store/writeQueue';

describe('WriteQueue', () => {
  it('runs writes one at a time, in order, and goes on after a failure', async () => {
    const queue = new WriteQueue();
    const log: string[] = [];
    const write = (name: string, fail = false) =>
      queue.run(async () => {
        log.push(`${name} start`);
        await Promise.resolve();
        log.push(`${name} end`);
        if (fail) throw new Error(`${name} failed`);
        return name;
      });
    const results = await Promise.allSettled([write('a'), write('b', true), write('c')]);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual([
      'a',
      'b failed',
      'c',
    ]);
    expect(log).toEqual(['a start', 'a end', 'b start', 'b end', 'c start', 'c end']);
  });

  it('lets the event loop turn between two writes that never await', async () => {
    const queue = new WriteQueue();
    const log: string[] = [];
    const first = queue.run(async () => {
      log.push('first');
      // What a request arriving during the first write amounts to: a callback for the next turn.
      setImmediate(() => log.push('between'));
    });
    const second = queue.run(async () => {
      log.push('second');
    });
    await Promise.all([first, second]);
    expect(log).toEqual(['first', 'between', 'second']);
  });
});
