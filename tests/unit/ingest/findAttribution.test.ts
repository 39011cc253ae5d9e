import { findAttribution } from '../../../server/ingest/findAttribution';

describe('findAttribution', () => {
  it('names the entity after "according to"', () => {
    const text = 'According to The Wall Street Journal, Musk was in contact with the Kremlin.';
    const start = text.indexOf('The Wall Street Journal');
    expect(
      findAttribution({
        text,
        cueStart: text.indexOf('contact'),
        named: [{ start, end: start + 23, entityId: 'the-wall-street-journal' }],
        parties: ['elon-musk', 'kremlin'],
      }),
    ).toBe('the-wall-street-journal');
  });

  it('keeps the words after "according to" when no entity is named there', () => {
    const text = 'TSMC halted shipments to Sophgo, according to people familiar with the matter.';
    expect(findAttribution({ text, cueStart: 5, named: [], parties: ['tsmc', 'sophgo'] })).toBe(
      'people familiar with the matter',
    );
  });

  it('names a reporting third party but not a party to the claim', () => {
    const text = 'Le Monde reported that Durov had met Macron.';
    const speaker = { start: 0, end: 8, entityId: 'le-monde' };
    expect(
      findAttribution({
        text,
        cueStart: text.indexOf('met'),
        named: [speaker],
        speaker,
        parties: ['pavel-durov', 'emmanuel-macron'],
      }),
    ).toBe('le-monde');
    expect(
      findAttribution({
        text,
        cueStart: text.indexOf('met'),
        named: [speaker],
        speaker,
        parties: ['le-monde', 'emmanuel-macron'],
      }),
    ).toBeUndefined();
  });

  it('names unnamed sources', () => {
    const text = 'The report cites intelligence sources who claim that Musk spoke to Putin.';
    expect(
      findAttribution({ text, cueStart: text.indexOf('spoke'), named: [], parties: ['elon-musk', 'vladimir-putin'] }),
    ).toBe('intelligence sources');
  });
});
