// ISO date prefixes: their length is their precision, and they must exist.
import { isValidIsoPrefix, prefixEnd, prefixStart } from '../../../server/model/dates';

describe('isValidIsoPrefix', () => {
  it.each(['2022', '2022-10', '2022-10-05', '2024-02-29'])('accepts %s', (value) =>
    expect(isValidIsoPrefix(value)).toBe(true),
  );
  it.each(['2022-13', '2022-00', '2023-02-29', '2022-04-31', '22', '2022-1', '2022/10', 'late 2022', ''])(
    'refuses %s',
    (value) => expect(isValidIsoPrefix(value)).toBe(false),
  );
});

describe('prefixStart and prefixEnd', () => {
  it('cover the whole period of a prefix', () => {
    expect([prefixStart('2022'), prefixEnd('2022')]).toEqual(['2022-01-01', '2022-12-31']);
    expect([prefixStart('2022-02'), prefixEnd('2022-02')]).toEqual(['2022-02-01', '2022-02-28']);
    expect([prefixStart('2024-02'), prefixEnd('2024-02')]).toEqual(['2024-02-01', '2024-02-29']);
    expect([prefixStart('2022-10-05'), prefixEnd('2022-10-05')]).toEqual(['2022-10-05', '2022-10-05']);
  });
});
