// Which claims the time filters keep, claim by claim: a claim's span runs from the start
// of its earliest date prefix to the end of its latest, and touches a range or not; a
// claim was known on a day when its document is dated on or before that day's end.
import { claimInDateRange, claimKnownOn } from '../../../server/model/claimFilters';

describe('claimInDateRange', () => {
  it('never keeps a claim without dates, even without bounds', () => {
    expect(claimInDateRange({}, '2020', '2030')).toBe(false);
    expect(claimInDateRange({})).toBe(false);
  });

  it('keeps a dated claim when no bound is given', () => {
    expect(claimInDateRange({ date: '2021' })).toBe(true);
  });

  it('reads each prefix as the whole period it names', () => {
    // "2021-02" runs from 2021-02-01 to 2021-02-28.
    expect(claimInDateRange({ date: '2021-02' }, '2021-02-28')).toBe(true);
    expect(claimInDateRange({ date: '2021-02' }, '2021-03-01')).toBe(false);
    expect(claimInDateRange({ date: '2021-02' }, undefined, '2021-02-01')).toBe(true);
    expect(claimInDateRange({ date: '2021-02' }, undefined, '2021-01-31')).toBe(false);
    // A bound given as a year or month covers all of it too.
    expect(claimInDateRange({ date: '2021-12-31' }, undefined, '2021')).toBe(true);
    expect(claimInDateRange({ date: '2020-01-01' }, '2020')).toBe(true);
    // A leap year's February ends on the 29th.
    expect(claimInDateRange({ date: '2024-02' }, '2024-02-29')).toBe(true);
  });

  it('spans from the earliest to the latest of date, startDate and endDate', () => {
    const tenure = { startDate: '2019-05', endDate: '2023' };
    expect(claimInDateRange(tenure, '2021-01-01', '2021-01-31')).toBe(true);
    expect(claimInDateRange(tenure, '2024')).toBe(false);
    expect(claimInDateRange(tenure, undefined, '2019-04-30')).toBe(false);
    // The fields' roles do not matter, only the extremes.
    expect(claimInDateRange({ date: '2025', startDate: '2019' }, '2022', '2022')).toBe(true);
  });
});

describe('claimKnownOn', () => {
  it('knows a claim from the day its document is dated', () => {
    expect(claimKnownOn({ documentDate: '2022-03-15' }, '2022-03-15')).toBe(true);
    expect(claimKnownOn({ documentDate: '2022-03-15' }, '2022-03-14')).toBe(false);
  });

  it('reads a month or year as its last day', () => {
    expect(claimKnownOn({ documentDate: '2022-03-31' }, '2022-03')).toBe(true);
    expect(claimKnownOn({ documentDate: '2022-12-31' }, '2022')).toBe(true);
    expect(claimKnownOn({ documentDate: '2023-01-01' }, '2022')).toBe(false);
  });

  it('never knows a claim without a dated document (a record reference)', () => {
    expect(claimKnownOn({}, '9999')).toBe(false);
  });
});
