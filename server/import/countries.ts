// Country entities for imported data: `country:XX` keyed by the ISO 3166-1 alpha-2 code,
// named by the one country source (model/countries) that the extractor uses too. FtM also
// uses a few codes outside ISO 3166 (eu, zz, ua-dpr…); they are named here, or keep their code as name.
import { countryByCode } from '../model/countries';
import type { EntityInput } from '../model/records';

// Codes FollowTheMoney uses that ISO 3166-1 alpha-2 does not name.
const EXTRA_NAMES: Record<string, string> = {
  EU: 'European Union',
  ZZ: 'Global',
  SU: 'Soviet Union',
  CSHH: 'Czechoslovakia',
  YUCS: 'Yugoslavia',
  SUHH: 'Soviet Union',
  DDDE: 'East Germany',
  'UA-DPR': "Donetsk People's Republic",
  'UA-LPR': "Luhansk People's Republic",
  'UA-CRI': 'Crimea',
  'GE-AB': 'Abkhazia',
  'GE-SO': 'South Ossetia',
  'MD-PMR': 'Transnistria',
  'CY-TRNC': 'Northern Cyprus',
  'AZ-NK': 'Nagorno-Karabakh',
};

/** The normalised code of a country value ("ru" → "RU"), or undefined when it is not a code. */
export function normaliseCountryCode(value: string): string | undefined {
  const code = value.trim().toUpperCase();
  return /^[A-Z]{2}(?:-[A-Z]{2,4})?$|^[A-Z]{4}$/.test(code) ? code : undefined;
}

export function countryEntityId(code: string): string {
  return `country:${code}`;
}

/** The entity for a country code: the common short name ("Russia") with the others as aliases. */
export function countryEntity(code: string): EntityInput {
  const country = countryByCode(code);
  const entity: EntityInput = country
    ? { id: countryEntityId(code), type: 'country', name: country.name, aliases: [...country.aliases] }
    : { id: countryEntityId(code), type: 'country', name: EXTRA_NAMES[code] ?? code, aliases: [] };
  if (/^[A-Z]{2}$/.test(code)) entity.countryCode = code;
  return entity;
}
