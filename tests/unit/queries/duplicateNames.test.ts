// Two names compared as duplicate candidates are: case, accents, punctuation, titles and
// word order set aside, other scripts transliterated, initials and one-letter slips paired.
// Each case gives the exact score and the words that say how.
import { compareNames, looseKey, oneEditApart, parseName } from '../../../server/queries/duplicateNames';

const name = (text: string) => parseName(text, 'name')!;
const alias = (text: string) => parseName(text, 'alias')!;

describe('parseName', () => {
  it('keeps lower-case ASCII words, transliterated, without titles and legal forms', () => {
    expect(parseName('Mr. Vladímir PUTIN', 'name')).toEqual({
      text: 'Mr. Vladímir PUTIN',
      field: 'name',
      words: ['vladimir', 'putin'],
      keys: ['vladimir', 'putin'],
      leftOut: ['mr'],
      transliterated: false,
    });
    expect(parseName('Дмитрий Песков', 'alias')).toEqual({
      text: 'Дмитрий Песков',
      field: 'alias',
      words: ['dmitriy', 'peskov'],
      keys: ['dmitri', 'peskov'],
      leftOut: [],
      transliterated: true,
    });
  });

  it('keeps a name that is nothing but titles whole, and has nothing for a name without letters or digits', () => {
    expect(name('The President').words).toEqual(['the', 'president']);
    expect(parseName('★ — ★', 'alias')).toBeUndefined();
  });
});

describe('looseKey and oneEditApart', () => {
  it('spells loosely: y as i, w as v, ph as f, ck as k, doubled letters once', () => {
    expect(['Dmitry', 'dmitrii', 'Peskow', 'Philipp', 'Zuckerberg'].map((w) => looseKey(w.toLowerCase()))).toEqual([
      'dmitri',
      'dmitri',
      'peskov',
      'filip',
      'zukerberg',
    ]);
  });

  it('finds words one insertion, deletion, substitution or swap apart, and no further', () => {
    expect(oneEditApart('musk', 'muks')).toBe(true);
    expect(oneEditApart('musk', 'mush')).toBe(true);
    expect(oneEditApart('musk', 'musky')).toBe(true);
    expect(oneEditApart('elon', 'lon')).toBe(true);
    expect(oneEditApart('musk', 'mask')).toBe(true);
    expect(oneEditApart('musk', 'sumk')).toBe(false);
    expect(oneEditApart('musk', 'mu')).toBe(false);
  });
});

describe('compareNames', () => {
  const compare = compareNames;

  it('scores the same name 1, whatever the case, accents and punctuation', () => {
    expect(compare(name('Elon Musk'), name('ELON  MÚSK.'))).toEqual({ score: 1, how: 'the same name' });
  });

  it('knows a name transliterated from another script', () => {
    expect(compare(name('Vladimir Putin'), alias('Владимир Путин'))).toEqual({
      score: 1,
      how: 'the same name, transliterated',
    });
    expect(compare(name('Dmitry Peskov'), alias('Дмитрий Песков'))).toEqual({
      score: 0.975,
      how: 'a variant spelling, transliterated',
    });
  });

  it('pairs words in another order, initials, a middle initial and one-letter slips', () => {
    expect(compare(name('Elon Musk'), alias('Musk, Elon'))).toEqual({
      score: 0.95,
      how: 'the same words in another order',
    });
    expect(compare(name('Elon Musk'), name('E. Musk'))).toEqual({ score: 0.85, how: 'initials match' });
    expect(compare(name('Elon Musk'), name('Musk, E.'))).toEqual({ score: 0.8075, how: 'initials match' });
    expect(compare(name('Elon Musk'), name('Elon R. Musk'))).toEqual({
      score: 2 / 2.25,
      how: 'the same but for a middle initial',
    });
    expect(compare(name('Elon Musk'), name('Elon Muks'))).toEqual({ score: 0.925, how: 'spelled one letter apart' });
  });

  it('leaves out titles and legal forms, and says so', () => {
    expect(compare(name('Gazprom PJSC'), name('Gazprom'))).toEqual({
      score: 1,
      how: 'the same name, leaving out "pjsc"',
    });
    expect(compare(name('Elon Musk'), alias('Mr Musk'))).toEqual({
      score: 0.5,
      how: 'one name is part of the other, leaving out "mr"',
    });
  });

  it('gives half at most to one word of an alias, and little to names with words the other lacks', () => {
    expect(compare(alias('Musk'), name('Musk'))).toEqual({ score: 0.5, how: 'the same single word' });
    expect(compare(name('Starlink'), name('Starlink'))).toEqual({ score: 1, how: 'the same name' });
    expect(compare(name('Alina Petrova'), name('Alina Ivanov'))).toEqual({
      score: 0.25,
      how: '1 of 3 words in common',
    });
    expect(compare(name('E. Musk'), name('K. Musk'))).toEqual({ score: 0.25, how: '1 of 3 words in common' });
  });

  it('finds no match when no word pairs up, or only initials do', () => {
    expect(compare(name('Elon Musk'), name('Vladimir Putin'))).toBeUndefined();
    expect(compare(name('E. M.'), name('Elon Musk'))).toBeUndefined();
  });
});
