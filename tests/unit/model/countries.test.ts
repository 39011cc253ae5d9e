// One country source for the importers and the extractor: a code has one name whichever
// way the country entered, every written form of it resolves to that code, and countries
// with similar names stay apart.
import fs from 'node:fs';
import path from 'node:path';
import { countryEntity } from '../../../server/import/countries';
import { extractArticle } from '../../../server/ingest/extractArticle';
import { lookupCountry } from '../../../server/ingest/countryLexicon';
import { countries, countryByCode } from '../../../server/model/countries';

const seedEntities = JSON.parse(
  fs.readFileSync(path.join(__dirname, '../../../graph-data/entities.json'), 'utf8'),
) as Array<{ id: string; type: string; name: string }>;
const codeOf = (text: string) => lookupCountry(text)?.country.code;

describe('the country source', () => {
  it('holds the 250 ISO 3166-1 alpha-2 countries, each code once', () => {
    expect(countries.length).toBe(250);
    expect(new Set(countries.map((c) => c.code)).size).toBe(250);
    for (const c of countries) expect(c.code).toMatch(/^[A-Z]{2}$/);
  });

  it("names the seed data's countries as the seed data does", () => {
    const seedCountries = seedEntities.filter((e) => e.type === 'country').map((e) => [e.id, e.name]);
    expect(seedCountries).toEqual([
      ['country:RU', 'Russia'],
      ['country:UA', 'Ukraine'],
      ['country:TW', 'Taiwan'],
      ['country:CN', 'China'],
      ['country:US', 'United States'],
    ]);
    expect(seedCountries.map(([id]) => [id, countryByCode(id.slice('country:'.length))?.name])).toEqual(seedCountries);
  });

  it('gives import and ingest the same name for every code', () => {
    const disagreements = countries.flatMap((c) => {
      const imported = countryEntity(c.code);
      const ingested = lookupCountry(imported.name)?.country;
      return imported.name === c.name && ingested?.code === c.code && ingested.name === c.name
        ? []
        : [[c.code, imported.name, ingested]];
    });
    expect(disagreements).toEqual([]);
  });
});

describe('Turkey and Türkiye', () => {
  it('are both TR, shown as Turkey', () => {
    expect(['Turkey', 'Türkiye', 'Turkiye', 'Republic of Turkey', 'Turkish', 'Ankara'].map(codeOf)).toEqual([
      'TR',
      'TR',
      'TR',
      'TR',
      'TR',
      'TR',
    ]);
    expect(lookupCountry('Türkiye')?.country.name).toBe('Turkey');
    expect(countryEntity('TR')).toEqual({
      id: 'country:TR',
      type: 'country',
      name: 'Turkey',
      aliases: ['Türkiye', 'Turkiye', 'Republic of Turkey'],
      countryCode: 'TR',
    });
  });

  it('are one entity in an article that writes both', () => {
    const result = extractArticle(
      ' date 2024-11-02 Drones for Kenya\nTurkey supplied drones to Kenya. Türkiye denied it on Monday.\n',
      '201_test.txt',
    );
    expect(result.entities.filter((e) => e.type === 'country').map((e) => [e.id, e.name, e.aliases])).toEqual([
      ['country:TR', 'Turkey', ['Türkiye']],
      ['country:KE', 'Kenya', []],
    ]);
  });
});

describe('the two Congos', () => {
  it('have two names and every form of each resolves to its own code', () => {
    expect([countryEntity('CD').name, countryEntity('CG').name]).toEqual(['DR Congo', 'Republic of the Congo']);
    expect(
      [
        'DR Congo',
        'Democratic Republic of the Congo',
        'Democratic Republic of Congo',
        'Congo-Kinshasa',
        'Kinshasa',
      ].map(codeOf),
    ).toEqual(['CD', 'CD', 'CD', 'CD', 'CD']);
    expect(['Republic of the Congo', 'Congo', 'Congo-Brazzaville', 'Brazzaville'].map(codeOf)).toEqual([
      'CG',
      'CG',
      'CG',
      'CG',
    ]);
  });

  it('stay two entities in an article that names both', () => {
    const result = extractArticle(
      ' date 2024-11-02 Border talks\nDR Congo accused the Republic of the Congo of helping Rwanda.\n',
      '201_test.txt',
    );
    expect(result.entities.map((e) => [e.id, e.name])).toEqual([
      ['country:CD', 'DR Congo'],
      ['country:CG', 'Republic of the Congo'],
      ['country:RW', 'Rwanda'],
    ]);
  });
});

describe('imported country entities', () => {
  it('carry the other Latin-letter names as aliases, never the code or another script', () => {
    expect(countryEntity('RU')).toEqual({
      id: 'country:RU',
      type: 'country',
      name: 'Russia',
      aliases: ['Russian Federation'],
      countryCode: 'RU',
    });
    expect(countryEntity('US').aliases).toEqual(['USA', 'United States of America']);
    expect(countryEntity('GB').aliases).toEqual(['UK', 'Great Britain']);
  });

  it('name the FtM codes outside ISO 3166-1 from their own table, or by their code', () => {
    expect(countryEntity('EU')).toEqual({
      id: 'country:EU',
      type: 'country',
      name: 'European Union',
      aliases: [],
      countryCode: 'EU',
    });
    expect(countryEntity('UA-DPR')).toEqual({
      id: 'country:UA-DPR',
      type: 'country',
      name: "Donetsk People's Republic",
      aliases: [],
    });
    expect(countryEntity('QQ')).toEqual({
      id: 'country:QQ',
      type: 'country',
      name: 'QQ',
      aliases: [],
      countryCode: 'QQ',
    });
  });
});
