// Country entities for imported data: `country:XX` keyed by the ISO 3166-1 alpha-2 code,
// named with i18n-iso-countries (bundled, so nothing is fetched at run time). FtM also
// uses a few codes outside ISO 3166 (eu, xk, zz, ua-dpr…); they keep their code as name.
import countries from 'i18n-iso-countries';
import type { EntityInput } from '../model/records';

// Codes FollowTheMoney uses that i18n-iso-countries does not name.
const EXTRA_NAMES: Record<string, string> = {
  EU: 'European Union',
  ZZ: 'Global',
  'SU': 'Soviet Union',
  'CSHH': 'Czechoslovakia',
  'YUCS': 'Yugoslavia',
  'SUHH': 'Soviet Union',
  'DDDE': 'East Germany',
  'UA-DPR': 'Donetsk People\'s Republic',
  'UA-LPR': 'Luhansk People\'s Republic',
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
  const names = /^[A-Z]{2}$/.test(code) ? countries.getName(code, 'en', { select: 'all' }) ?? [] : [];
  const official = names[0];
  const alias = names[1];
  // The alias is the everyday name ("Russia", "Iran") unless it is a bare abbreviation ("UK").
  const name = alias && alias.length > 3 ? alias : (official ?? EXTRA_NAMES[code] ?? code);
  const entity: EntityInput = { id: countryEntityId(code), type: 'country', name, aliases: names.filter((n) => n !== name) };
  if (/^[A-Z]{2}$/.test(code)) entity.countryCode = code;
  return entity;
}
