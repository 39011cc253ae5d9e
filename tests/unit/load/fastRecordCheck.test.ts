// The loader's fast path must never accept what zod would refuse or change: a record it
// settles is one zod returns unchanged, key order included. Literal cases, then random
// records mixing valid and broken fields, compared against the schemas themselves.
import fc from 'fast-check';
import { isSettledClaim, isSettledEntity } from '../../../server/load/fastRecordCheck';
import { claimSchema, entitySchema } from '../../../server/model/records';

const claim = {
  id: 'c1',
  subject: 'alice',
  type: 'funded',
  object: 'country:RU',
  stance: 'asserts',
  document: 'doc-1',
  quote: 'Alice paid',
  date: '2024-02',
};
const entity = { id: 'alice', type: 'person', name: 'Alice', aliases: ['Ali'], description: 'x' };

/** What the fast path promises: settled implies zod returns the same value, in the same key order. */
let settledCount = 0;
function agreesWithZod(schema: typeof claimSchema | typeof entitySchema, settled: boolean, value: unknown): boolean {
  if (!settled) return true;
  settledCount += 1;
  const parsed = schema.safeParse(value);
  return parsed.success && JSON.stringify(parsed.data) === JSON.stringify(value);
}

// Random records that are mostly valid: each field usually has a good value, sometimes a
// bad one (wrong type, empty, too long, not a date, null); a record's keys are sometimes shuffled.
const bad = fc.constantFrom<unknown>(
  '',
  ' ',
  'has space',
  'x'.repeat(5001),
  '2024-13',
  '2023-02-29',
  42,
  null,
  [],
  {},
  true,
);
const field = <T>(good: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: good as fc.Arbitrary<unknown>, weight: 12 }, { arbitrary: bad, weight: 1 });
const ids = fc.constantFrom('alice', 'country:RU', 'a.b_c-d', '9x');
const dates = fc.constantFrom('2024', '2024-02', '2024-02-29', '2019-12-31', '2020');
const withShuffledKeys = (value: Record<string, unknown>) =>
  fc.boolean().map((shuffle) => {
    const clean = JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
    return shuffle ? Object.fromEntries(Object.entries(clean).reverse()) : clean;
  });

describe('isSettledClaim', () => {
  it('settles a valid claim whose keys are in schema order', () => {
    expect(isSettledClaim(claim)).toBe(true);
    expect(
      isSettledClaim({
        id: 'c2',
        subject: 'a',
        type: 't',
        object: 'b',
        stance: 's',
        record: { file: 'f.json', id: 'r1', url: 'https://x.org/1' },
      }),
    ).toBe(true);
  });

  it('leaves to zod whatever zod would change or refuse', () => {
    const { id, ...rest } = claim;
    expect(isSettledClaim({ ...rest, id })).toBe(false); // valid, but zod reorders the keys
    expect(isSettledClaim({ ...claim, quote: undefined })).toBe(false); // neither quote nor record
    expect(isSettledClaim({ ...claim, date: '2024-13' })).toBe(false);
    expect(isSettledClaim({ ...claim, subject: 'has space' })).toBe(false);
    expect(isSettledClaim({ ...claim, startDate: '2024', endDate: '2023' })).toBe(false);
    expect(isSettledClaim({ ...claim, extra: 1 })).toBe(false);
    expect(isSettledClaim({ ...claim, document: undefined })).toBe(false);
    expect(isSettledClaim({ ...claim, attributes: [] })).toBe(false);
    expect(
      isSettledClaim(
        JSON.parse(
          '{"id":"c1","subject":"a","type":"t","object":"b","stance":"s","document":"d","quote":"q","__proto__":{}}',
        ),
      ),
    ).toBe(false);
    expect(isSettledClaim(null)).toBe(false);
    expect(isSettledClaim([claim])).toBe(false);
  });

  it('never settles a claim zod refuses or changes (random records)', () => {
    const arbitraryClaim = fc
      .record(
        {
          id: field(fc.constantFrom('c1', 'x'.repeat(200))),
          subject: field(ids),
          type: field(fc.constantFrom('funded', 'in_contact_with')),
          object: field(ids),
          stance: field(fc.constantFrom('asserts', 'denies')),
          document: field(fc.constant('doc-1')),
          quote: field(fc.constantFrom('Alice paid', 'q'.repeat(5000))),
          record: field(
            fc.record(
              {
                file: field(fc.constant('f.json')),
                id: field(fc.constant('r1')),
                url: field(fc.constantFrom('https://x.org', 'http://a.b/c')),
              },
              { requiredKeys: [] },
            ),
          ),
          attributedTo: field(fc.constant('officials')),
          date: field(dates),
          startDate: field(dates),
          endDate: field(dates),
          role: field(fc.constant('CEO')),
          summary: field(fc.constant('short')),
          attributes: field(fc.constant({ a: 1 })),
          unknown: fc.constant(undefined),
        },
        { requiredKeys: [] },
      )
      .chain(withShuffledKeys);
    settledCount = 0;
    fc.assert(
      fc.property(arbitraryClaim, (value) => agreesWithZod(claimSchema, isSettledClaim(value), value)),
      { numRuns: 3000, seed: 42 },
    );
    // The property means something only if the fast path did settle some of them.
    expect(settledCount).toBeGreaterThan(20);
  });
});

describe('isSettledEntity', () => {
  it('settles a valid entity with its aliases, in schema order', () => {
    expect(isSettledEntity(entity)).toBe(true);
    expect(isSettledEntity({ id: 'country:RU', type: 'country', name: 'Russia', aliases: [], countryCode: 'RU' })).toBe(
      true,
    );
  });

  it('leaves to zod an entity without aliases (zod fills them in) or with a bad field', () => {
    const { aliases: _aliases, ...withoutAliases } = entity;
    expect(isSettledEntity(withoutAliases)).toBe(false);
    expect(isSettledEntity({ ...entity, aliases: [''] })).toBe(false);
    expect(isSettledEntity({ ...entity, countryCode: 'ru' })).toBe(false);
    expect(isSettledEntity({ ...entity, name: '' })).toBe(false);
  });

  it('never settles an entity zod refuses or changes (random records)', () => {
    const arbitraryEntity = fc
      .record(
        {
          id: field(ids),
          type: field(fc.constantFrom('person', 'country')),
          name: field(fc.constantFrom('Alice', 'n'.repeat(500))),
          aliases: field(fc.array(fc.constantFrom('Ali', 'A.'), { maxLength: 3 })),
          description: field(fc.constant('about')),
          kind: field(fc.constant('media')),
          countryCode: field(fc.constantFrom('RU', 'UA')),
          attributes: field(fc.constant({ a: 1 })),
        },
        { requiredKeys: [] },
      )
      .chain(withShuffledKeys);
    settledCount = 0;
    fc.assert(
      fc.property(arbitraryEntity, (value) => agreesWithZod(entitySchema, isSettledEntity(value), value)),
      { numRuns: 3000, seed: 42 },
    );
    expect(settledCount).toBeGreaterThan(20);
  });
});
