// The one source of country names: the importers name `country:XX` entities with it and
// the extractor recognises and names countries in articles with it, so a country has the
// same name whichever way it entered. Built from the world-countries package (bundled, so
// nothing is fetched at run time), whose common names are the ones the press writes
// ("Russia", "South Korea", "DR Congo"), with demonyms and capitals for the extractor.
import worldCountries from 'world-countries';

export interface Country {
  /** ISO 3166-1 alpha-2, upper case ("RU"). */
  code: string;
  /** The name it is shown by ("Russia"). */
  name: string;
  officialName: string;
  /** Its other names in Latin letters ("Russian Federation", "USA"); never the name itself or the code. */
  aliases: string[];
  /** The English demonyms ("Russian"). */
  demonyms: string[];
  capitals: string[];
  unMember: boolean;
}

// Where English-language reporting still writes another name than world-countries' common
// one; world-countries' name stays an alias.
const DISPLAY_NAMES: Record<string, string> = { TR: 'Turkey' };

// An alternative spelling in plain Latin letters ("Russian Federation", "Congo-Brazzaville",
// "UK"), not one in another script ("Российская Федерация").
const LATIN_ALTERNATIVE = /^[A-Z][A-Za-z' ()-]+$/;

function toCountry(source: (typeof worldCountries)[number]): Country {
  const common = source.name.common;
  const name = DISPLAY_NAMES[source.cca2] ?? common;
  const alternatives = source.altSpellings.filter((alt) => alt !== source.cca2 && LATIN_ALTERNATIVE.test(alt));
  const aliases = [...new Set([common, ...alternatives])].filter((alias) => alias !== name);
  const demonym = source.demonyms?.eng;
  return {
    code: source.cca2,
    name,
    officialName: source.name.official,
    aliases,
    demonyms: demonym ? [...new Set([demonym.m, demonym.f])] : [],
    capitals: source.capital ?? [],
    unMember: source.unMember,
  };
}

/** Every country, in world-countries' order. */
export const countries: readonly Country[] = worldCountries.filter((c) => /^[A-Z]{2}$/.test(c.cca2)).map(toCountry);

const byCode = new Map(countries.map((c) => [c.code, c]));

/** The country of an ISO 3166-1 alpha-2 code ("RU"), if there is one. */
export function countryByCode(code: string): Country | undefined {
  return byCode.get(code);
}
