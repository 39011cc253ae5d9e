// sameRecord compares records field by field; it must say exactly what comparing their
// canonical JSON texts says, on the records a split compares and on the odd values JSON
// writes its own way (undefined fields, NaN, -0, holes, toJSON, class instances).
import { canonicalJson, sameRecord } from '../../../server/model/canonicalJson';
import { seededRandom } from '../../../server/model/random';

const claim = {
  id: 'c1',
  subject: 'person:a',
  type: 'employs',
  object: 'org:b',
  stance: 'asserts',
  document: 'd1',
  quote: 'A works for B.',
};

describe('sameRecord', () => {
  it.each<[string, unknown, unknown, boolean]>([
    [
      'the same claim, fields in another order',
      claim,
      { ...Object.fromEntries(Object.entries(claim).reverse()) },
      true,
    ],
    ['a claim with one field changed', claim, { ...claim, object: 'org:c' }, false],
    ['a claim with a field more', claim, { ...claim, quoteStart: 4 }, false],
    ['a field that is undefined is no field', claim, { ...claim, quoteStart: undefined }, true],
    ['null and a claim', null, claim, false],
    ['null and null', null, null, true],
    ['undefined and undefined', undefined, undefined, true],
    ['undefined and null', undefined, null, false],
    ['NaN is written null', { n: NaN }, { n: null }, true],
    ['-0 is written 0', [-0], [0], true],
    ['a hole is written null', [1, , 3], [1, null, 3], true],
    ['undefined in an array is written null', [undefined], [null], true],
    ['a string is not a number', { n: '1' }, { n: 1 }, false],
    ['an array is not an object', { a: [] }, { a: {} }, false],
    ['nested arrays of records', { aliases: ['x', 'y'] }, { aliases: ['x', 'y'] }, true],
    ['arrays in another order differ', { aliases: ['x', 'y'] }, { aliases: ['y', 'x'] }, false],
    ['toJSON is honoured', { at: new Date(0) }, { at: '1970-01-01T00:00:00.000Z' }, true],
    ['a Map writes {}', { m: new Map([[1, 2]]) }, { m: {} }, true],
    ['a function field is no field', { f: () => 1 }, {}, true],
  ])('%s', (_name, a, b, expected) => {
    expect(canonicalJson(a) === canonicalJson(b)).toBe(expected);
    expect(sameRecord(a, b)).toBe(expected);
    expect(sameRecord(b, a)).toBe(expected);
  });

  it('agrees with the canonical texts on 5,000 random pairs of near-identical values', () => {
    const next = seededRandom(7);
    const leaves = [0, -0, 1, 1.5, NaN, Infinity, '', 'a', 'b', true, false, null, undefined];
    const value = (depth: number): unknown => {
      const roll = next();
      if (depth > 2 || roll < 0.5) return leaves[Math.floor(next() * leaves.length)];
      if (roll < 0.75) return Array.from({ length: Math.floor(next() * 3) }, () => value(depth + 1));
      const keys = ['a', 'b', 'c'].filter(() => next() < 0.6);
      return Object.fromEntries(keys.map((key) => [key, value(depth + 1)]));
    };
    const mutate = (v: unknown): unknown => {
      if (next() < 0.2) return value(1);
      if (Array.isArray(v)) return v.map(mutate);
      if (v && typeof v === 'object')
        return Object.fromEntries(
          Object.entries(v)
            .reverse()
            .map(([k, inner]) => [k, mutate(inner)]),
        );
      return v;
    };
    let equal = 0;
    for (let i = 0; i < 5000; i++) {
      const a = value(0);
      const b = mutate(a);
      const expected = canonicalJson(a) === canonicalJson(b);
      if (expected) equal++;
      expect([i, sameRecord(a, b)]).toEqual([i, expected]);
    }
    // Both answers occur often enough for the comparison to mean something.
    expect(equal).toBeGreaterThan(1000);
    expect(equal).toBeLessThan(4000);
  });
});
