// The extractor's work grows linearly with the article. Time is too noisy on a shared
// machine to show it, so the test counts work instead: the calls of String.prototype.slice
// and RegExp.prototype.test the extraction makes, which every step of it uses to read the
// body (compromise's tagger too). An article four times as long must cost about four
// times as many; a step that rescans the article per mention multiplies them by sixteen.
// The wall-clock figures are in the bench (`npm run bench -- --only=extractor`).
import { extractArticle } from '../../../server/ingest/extractArticle';
import { longArticle } from '../../fixtures/longArticle';

function workOf(run: () => void): number {
  const slice = String.prototype.slice;
  const test = RegExp.prototype.test;
  let calls = 0;
  String.prototype.slice = function (this: string, start?: number, end?: number) {
    calls++;
    return slice.call(this, start, end);
  };
  RegExp.prototype.test = function (this: RegExp, text: string) {
    calls++;
    return test.call(this, text);
  };
  try {
    run();
  } finally {
    String.prototype.slice = slice;
    RegExp.prototype.test = test;
  }
  return calls;
}

describe('extraction work', () => {
  it('is about four times as much for an article four times as long', () => {
    const short = longArticle(16 * 1024);
    const long = longArticle(64 * 1024);
    // Once first, so that what is cached per word (compromise's tags out of context) is cached for both.
    const found = extractArticle(long, 'warm-up.txt');
    expect([found.entities.length, found.claims.length]).toEqual([159, 528]);
    const ratio = workOf(() => extractArticle(long, 'long.txt')) / workOf(() => extractArticle(short, 'short.txt'));
    expect(ratio).toBeGreaterThan(3.5);
    expect(ratio).toBeLessThan(5);
  });
});
