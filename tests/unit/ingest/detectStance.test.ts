import { detectStance, type StanceInput } from '../../../server/ingest/detectStance';

/** The cue is the first occurrence of `cue` in `text`. */
function stance(text: string, cue: string, extra: Partial<StanceInput> = {}) {
  const cueStart = text.indexOf(cue);
  return detectStance({ text, cueStart, cueEnd: cueStart + cue.length, ...extra });
}

describe('detectStance', () => {
  it('asserts a plain statement', () => {
    expect(stance('Russia invaded Ukraine in 2022.', 'invaded')).toBe('asserts');
  });

  it('alleges with a hedge: allegedly, reportedly, according to, claims', () => {
    expect(stance('Musk has allegedly been in regular touch with Putin.', 'in regular touch with')).toBe('alleges');
    expect(stance('TSMC reportedly supplied Huawei.', 'supplied')).toBe('alleges');
    expect(
      stance('TSMC halted shipments to Sophgo, according to people familiar with the matter.', 'halted shipments to'),
    ).toBe('alleges');
    expect(stance('The report further claims that Putin asked Musk not to act.', 'asked')).toBe('alleges');
  });

  it('denies when the cue is negated or denied', () => {
    expect(stance('TSMC said it had not supplied Huawei since 2020.', 'supplied')).toBe('denies');
    expect(stance('TikTok has consistently denied sharing data with the government.', 'sharing')).toBe('denies');
    expect(
      stance('Zelensky said Ukraine had nothing to do with the attack.', 'had nothing to do with', { denial: true }),
    ).toBe('denies');
  });

  it('confirms when a party to the claim says it', () => {
    expect(
      stance('The regulator said on Thursday that it had asked the company to submit documents.', 'asked', {
        reportingVerb: 'said',
        speakerIsParty: true,
      }),
    ).toBe('confirms');
  });

  it('alleges when a third party reports it', () => {
    expect(
      stance('Le Monde reported that Durov had met Macron.', 'met', {
        reportingVerb: 'reported',
        speakerIsParty: false,
      }),
    ).toBe('alleges');
  });

  it('asserts a relation stated inside a noun phrase even in a hedged sentence', () => {
    expect(
      stance('Russian President Vladimir Putin allegedly called.', 'Russian President Vladimir Putin', {
        phrase: true,
      }),
    ).toBe('asserts');
  });
});
