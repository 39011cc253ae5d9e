// The timeline's bins (client/src/timelineBins.ts) on literal claims: exact bins, exact
// counts per stance, the pixel → bin mapping, brushes, Play's steps and stance colours.
import {
  binDays,
  binIndexAt,
  binIndexOf,
  binUnitFor,
  brushRange,
  dayFraction,
  dayInBin,
  makeBins,
  nextDocumentDate,
  stanceColours,
  timelineData,
} from '../../../client/src/timelineBins';
import vocabulary from '../../../graph-data/vocabulary.json';

// As the API serves it: every rule with its `none` list (zod's default).
const statuses = vocabulary.statuses.map((status) => ({ ...status, rule: { none: [], ...status.rule } }));

describe('binUnitFor and makeBins', () => {
  it('uses days up to 120 days, months up to 20 years, years beyond', () => {
    expect(binUnitFor('2024-01-01', '2024-04-29')).toBe('day'); // 120 days
    expect(binUnitFor('2024-01-01', '2024-04-30')).toBe('month');
    expect(binUnitFor('2005-06-01', '2024-12-31')).toBe('month');
    expect(binUnitFor('2004-06-01', '2024-01-01')).toBe('year');
  });

  it('makes whole months, from the first one’s month to the last one’s, across a year end', () => {
    expect(makeBins('2023-11-15', '2024-02-03', 'month')).toEqual([
      { start: '2023-11-01', end: '2023-11-30' },
      { start: '2023-12-01', end: '2023-12-31' },
      { start: '2024-01-01', end: '2024-01-31' },
      { start: '2024-02-01', end: '2024-02-29' },
    ]);
  });

  it('makes days and years', () => {
    expect(makeBins('2024-02-28', '2024-03-01', 'day')).toEqual([
      { start: '2024-02-28', end: '2024-02-28' },
      { start: '2024-02-29', end: '2024-02-29' },
      { start: '2024-03-01', end: '2024-03-01' },
    ]);
    expect(makeBins('1999-05-05', '2001-01-01', 'year')).toEqual([
      { start: '1999-01-01', end: '1999-12-31' },
      { start: '2000-01-01', end: '2000-12-31' },
      { start: '2001-01-01', end: '2001-12-31' },
    ]);
  });

  it('finds the bin of a day', () => {
    expect(binIndexOf('2024-02-10', '2023-11-01', 'month')).toBe(3);
    expect(binIndexOf('2024-03-01', '2024-02-28', 'day')).toBe(2);
    expect(binIndexOf('2001-07-01', '1999-01-01', 'year')).toBe(2);
  });
});

describe('timelineData', () => {
  const claims = [
    // Happened in January 2023, reported on 2024-03-04.
    { stance: 'alleges', date: '2023-01', documentDate: '2024-03-04' },
    // A year's precision: it touches every month of 2022.
    { stance: 'asserts', date: '2022', documentDate: '2024-03-04' },
    // No date of its own: only on the Known row.
    { stance: 'denies', documentDate: '2024-06-12' },
    // A span from 2023-03-20 to 2023-05-02, confirmed in September 2024.
    { stance: 'confirms', startDate: '2023-03-20', endDate: '2023-05-02', documentDate: '2024-09-20' },
    // Neither: not on the timeline.
    { stance: 'alleges' },
  ];
  const data = timelineData(claims);
  if (!data) throw new Error('expected a timeline');

  it('bins by month from January 2022 to September 2024', () => {
    expect(data.unit).toBe('month');
    expect(data.bins).toHaveLength(33);
    expect(data.bins[0]).toEqual({ start: '2022-01-01', end: '2022-01-31' });
    expect(data.bins[32]).toEqual({ start: '2024-09-01', end: '2024-09-30' });
  });

  it('counts each claim in every month its dates touch, by stance', () => {
    const nonEmpty = data.happened.flatMap((counts, i) =>
      Object.keys(counts).length ? [[data.bins[i].start, counts]] : [],
    );
    expect(nonEmpty).toEqual([
      ...Array.from({ length: 12 }, (_, m) => [`2022-${String(m + 1).padStart(2, '0')}-01`, { asserts: 1 }]),
      ['2023-01-01', { alleges: 1 }],
      ['2023-03-01', { confirms: 1 }],
      ['2023-04-01', { confirms: 1 }],
      ['2023-05-01', { confirms: 1 }],
    ]);
  });

  it('counts each claim once on the Known row, in its document’s month', () => {
    const nonEmpty = data.known.flatMap((counts, i) =>
      Object.keys(counts).length ? [[data.bins[i].start, counts]] : [],
    );
    expect(nonEmpty).toEqual([
      ['2024-03-01', { alleges: 1, asserts: 1 }],
      ['2024-06-01', { denies: 1 }],
      ['2024-09-01', { confirms: 1 }],
    ]);
  });

  it('is undefined when no claim has a date', () => {
    expect(timelineData([{ stance: 'asserts' }])).toBeUndefined();
  });

  it('uses day bins over a short span', () => {
    const short = timelineData([
      { stance: 'asserts', date: '2024-10-20', documentDate: '2024-10-25' },
      { stance: 'denies', documentDate: '2024-10-25' },
    ]);
    expect(short?.unit).toBe('day');
    expect(short?.bins.map((bin) => bin.start)).toEqual([
      '2024-10-20',
      '2024-10-21',
      '2024-10-22',
      '2024-10-23',
      '2024-10-24',
      '2024-10-25',
    ]);
    expect(short?.happened[0]).toEqual({ asserts: 1 });
    expect(short?.known[5]).toEqual({ asserts: 1, denies: 1 });
  });
});

describe('the strip’s interactions', () => {
  it('maps x to a bin, clamped to the strip', () => {
    // 10 bins over 500 px starting at x = 70: 50 px each.
    expect(binIndexAt(70, 70, 500, 10)).toBe(0);
    expect(binIndexAt(119.9, 70, 500, 10)).toBe(0);
    expect(binIndexAt(120, 70, 500, 10)).toBe(1);
    expect(binIndexAt(569, 70, 500, 10)).toBe(9);
    expect(binIndexAt(10, 70, 500, 10)).toBe(0);
    expect(binIndexAt(900, 70, 500, 10)).toBe(9);
  });

  it('turns a brush, either way, into the first bin’s first day and the last bin’s last day', () => {
    const bins = makeBins('2022-10-01', '2022-12-31', 'month');
    expect(brushRange(bins, 0, 2)).toEqual({ from: '2022-10-01', to: '2022-12-31' });
    expect(brushRange(bins, 2, 1)).toEqual({ from: '2022-11-01', to: '2022-12-31' });
    expect(brushRange(bins, 1, 1)).toEqual({ from: '2022-11-01', to: '2022-11-30' });
  });

  it('finds the day at a point of a bin, and where a day lies in its bin', () => {
    const february = { start: '2024-02-01', end: '2024-02-29' };
    expect(binDays(february)).toBe(29);
    expect(dayInBin(february, 0)).toBe('2024-02-01');
    expect(dayInBin(february, 0.5)).toBe('2024-02-15');
    expect(dayInBin(february, 0.9999)).toBe('2024-02-29');
    expect(dayInBin(february, 1)).toBe('2024-02-29');
    expect(dayFraction(february, '2024-02-01')).toBeCloseTo(0.5 / 29, 10);
    expect(dayFraction(february, '2024-02-29')).toBeCloseTo(28.5 / 29, 10);
  });

  it('steps Play through the document dates, and ends after the last', () => {
    const dates = ['2024-03-04', '2024-06-12', '2024-09-20'];
    expect(nextDocumentDate(dates, undefined)).toBe('2024-03-04');
    expect(nextDocumentDate(dates, '2023-01-01')).toBe('2024-03-04');
    expect(nextDocumentDate(dates, '2024-03-04')).toBe('2024-06-12');
    expect(nextDocumentDate(dates, '2024-06-13')).toBe('2024-09-20');
    expect(nextDocumentDate(dates, '2024-09-20')).toBeUndefined();
  });

  it('colours each stance as the status one claim of it gives', () => {
    expect(Object.fromEntries(stanceColours(vocabulary.stances, statuses))).toEqual({
      asserts: '#455a64',
      alleges: '#f9a825',
      denies: '#757575',
      confirms: '#2e7d32',
    });
  });
});
