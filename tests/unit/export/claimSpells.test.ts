// Gephi's timeline from the claims' dates: each claim's days, overlapping or touching ones
// merged into one spell, undated claims none.
import { claimSpell, claimSpells } from '../../../server/export/claimSpells';

describe('claimSpell', () => {
  it('covers every day of a date prefix', () => {
    expect(claimSpell({ date: '2022' })).toEqual({ start: '2022-01-01', end: '2022-12-31' });
    expect(claimSpell({ date: '2024-02' })).toEqual({ start: '2024-02-01', end: '2024-02-29' });
    expect(claimSpell({ date: '2022-10-05' })).toEqual({ start: '2022-10-05', end: '2022-10-05' });
  });

  it('covers a period from its start to its end, either end alone, or a period given backwards', () => {
    expect(claimSpell({ startDate: '2019', endDate: '2021-06' })).toEqual({ start: '2019-01-01', end: '2021-06-30' });
    expect(claimSpell({ startDate: '2019-03' })).toEqual({ start: '2019-03-01', end: '2019-03-31' });
    expect(claimSpell({ endDate: '2020' })).toEqual({ start: '2020-01-01', end: '2020-12-31' });
    expect(claimSpell({ startDate: '2021', endDate: '2019-05' })).toEqual({ start: '2019-05-01', end: '2021-12-31' });
  });

  it('gives nothing for a claim without a date', () => {
    expect(claimSpell({})).toBeUndefined();
  });
});

describe('claimSpells', () => {
  it('merges overlapping and touching days, keeps gaps, in time order', () => {
    expect(
      claimSpells([
        { date: '2024' },
        { date: '2022-10' },
        {},
        { date: '2022-11-01' },
        { date: '2020' },
        { date: '2021' },
      ]),
    ).toEqual([
      { start: '2020-01-01', end: '2021-12-31' },
      { start: '2022-10-01', end: '2022-11-01' },
      { start: '2024-01-01', end: '2024-12-31' },
    ]);
  });

  it('keeps a spell inside another one in it', () => {
    expect(claimSpells([{ date: '2022' }, { date: '2022-06-15' }])).toEqual([
      { start: '2022-01-01', end: '2022-12-31' },
    ]);
  });

  it('gives none for claims without dates', () => {
    expect(claimSpells([{}, {}])).toEqual([]);
  });
});
