// The country a new entity's name means ("Ukraine", "ukraine", "Russian Federation"), read
// from the one country source (model/countries: names, official names, other spellings),
// compared as search compares names (case and accents ignored). A new country entity is
// keyed by its ISO code, so the name of a country the graph has leads to that entity.
import { countries } from '../model/countries';
import { normalizeText } from '../queries/normalizeText';

const codeByName = new Map<string, string>();
for (const country of countries)
  for (const name of [country.name, country.officialName, ...country.aliases]) {
    const key = normalizeText(name);
    // Two-letter spellings ("UK") are too often not countries; the first country to claim a name keeps it.
    if (key.length > 2 && !codeByName.has(key)) codeByName.set(key, country.code);
  }

/** The ISO 3166-1 alpha-2 code of the country this name means, if any. */
export function countryCodeOfName(name: string): string | undefined {
  return codeByName.get(normalizeText(name));
}
