// Country names, short forms, demonyms and capitals (as metonyms: "Washington warned",
// "Moscow has blamed") from the one country source (model/countries), mapped to ISO alpha-2 codes.
import { countries } from '../model/countries';

export interface CountryInfo {
  code: string;
  name: string;
}

export type CountryFormKind = 'name' | 'demonym' | 'capital';

export interface CountryForm {
  country: CountryInfo;
  kind: CountryFormKind;
}

// Short forms that world-countries lists among two-letter codes we must not treat as words
// ("IT", "IN"), so only these are taken.
const SHORT_FORMS: Record<string, string> = {
  US: 'US',
  'U.S.': 'US',
  USA: 'US',
  America: 'US',
  UK: 'GB',
  'U.K.': 'GB',
  Britain: 'GB',
  'Great Britain': 'GB',
  UAE: 'AE',
  Emirates: 'AE',
  PRC: 'CN',
};

// Demonyms the press writes that world-countries lists otherwise ("Kirghiz", "Laotian") or not at all.
const EXTRA_DEMONYMS: Record<string, string> = {
  Kyrgyz: 'KG',
  Lao: 'LA',
  Kazakh: 'KZ',
  Tajik: 'TJ',
  Uzbek: 'UZ',
  Turkmen: 'TM',
  Emirati: 'AE',
  Burmese: 'MM',
  Belarusian: 'BY',
  Kosovar: 'XK',
};

function buildLexicon(): Map<string, CountryForm> {
  const forms = new Map<string, CountryForm>();
  const byCode = new Map<string, CountryInfo>();
  const add = (text: string, country: CountryInfo, kind: CountryFormKind) => {
    if (!text || forms.has(text)) return;
    forms.set(text, { country, kind });
  };
  for (const c of countries) byCode.set(c.code, { code: c.code, name: c.name });
  // Names first so that a name wins over another country's capital of the same spelling.
  for (const c of countries) {
    const info = byCode.get(c.code)!;
    add(c.name, info, 'name');
    if (c.officialName.length <= 40) add(c.officialName, info, 'name');
    // Short aliases ("UK", "USA") only through SHORT_FORMS: two- and three-letter words are too often not countries.
    for (const alias of c.aliases) if (alias.length >= 5) add(alias, info, 'name');
  }
  for (const [form, code] of Object.entries(SHORT_FORMS)) add(form, byCode.get(code)!, 'name');
  // Sovereign states first, so that "American" is the United States and not a territory.
  const sovereignFirst = [...countries].sort((a, b) => Number(b.unMember) - Number(a.unMember));
  for (const c of sovereignFirst) {
    const info = byCode.get(c.code)!;
    for (const d of c.demonyms) if (!d.includes(' or ')) add(d, info, 'demonym');
  }
  for (const [form, code] of Object.entries(EXTRA_DEMONYMS))
    if (byCode.has(code)) add(form, byCode.get(code)!, 'demonym');
  for (const c of sovereignFirst) {
    const info = byCode.get(c.code)!;
    for (const capital of c.capitals) add(capital.replace(/\s+D\.C\.$/, ''), info, 'capital');
  }
  add('Kiev', byCode.get('UA')!, 'capital');
  return forms;
}

const lexicon = buildLexicon();

/** The country a surface form names ("Chinese" → CN as demonym), if any; exact spelling. */
export function lookupCountry(text: string): CountryForm | undefined {
  return lexicon.get(text);
}

/** Every country form, longest first, for matching inside capitalised spans. */
export const countryFormsLongestFirst: string[] = [...lexicon.keys()].sort((a, b) => b.length - a.length);
