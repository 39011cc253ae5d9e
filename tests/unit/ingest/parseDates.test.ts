import { dateNear, findDates } from '../../../server/ingest/parseDates';

const values = (text: string, documentDate = '2024-10-09') => findDates(text, documentDate).map((d) => d.value);

describe('findDates', () => {
  it('reads full dates, months with years and years', () => {
    expect(values('The blasts on September 26, 2022, damaged the lines.')).toEqual(['2022-09-26']);
    expect(values('It began in October 2022 and ended in 2024.')).toEqual(['2022-10', '2024']);
  });

  it('reads "since late 2022" and "early 2024" as years', () => {
    expect(values('in touch since late 2022')).toEqual(['2022']);
    expect(values('In early 2024, the agency reported')).toEqual(['2024']);
  });

  it('reads "mid-September 2020" as a month', () => {
    expect(values('not supplied since mid-September 2020')).toEqual(['2020-09']);
  });

  it('takes the year of a month without one from the document date', () => {
    expect(values('On August 30, the judge ruled.')).toEqual(['2024-08-30']);
    expect(values('in early September it reversed course')).toEqual(['2024-09']);
  });

  it('takes the year before for a month still to come', () => {
    expect(values('upheld it in December', '2025-01-21')).toEqual(['2024-12']);
  });

  it('reads a weekday as the last such day on or before the document date', () => {
    expect(values('said on Thursday that', '2025-08-01')).toEqual(['2025-07-31']);
    expect(values('and on Monday President Trump signed', '2025-01-21')).toEqual(['2025-01-20']);
  });
});

describe('dateNear', () => {
  it('picks the date closest to the cue', () => {
    const text = 'In 2019 the rule changed, and in May 2024 the department revoked licences.';
    expect(dateNear(text, text.indexOf('revoked'), '2025-05-22')).toBe('2024-05');
  });

  it('gives nothing when the sentence has no date', () => {
    expect(dateNear('Putin asked Musk not to activate Starlink.', 10, '2024-10-25')).toBeUndefined();
  });
});
