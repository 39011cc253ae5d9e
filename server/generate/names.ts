// Plausible names for synthetic entities, by node type: people, organizations of every
// kind, real countries (ISO 3166-1 alpha-2 ids such as country:RU) and services. Names
// repeat across a large dataset, as real ones do; ids never do (they carry a counter).
import { countries } from '../model/countries';
import type { Entity } from '../model/records';
import { slugify } from '../model/slug';
import type { NodeType } from '../model/vocabulary';
import type { Random } from '../model/random';

const FIRST_NAMES = [
  'Alina',
  'Boris',
  'Carmen',
  'Dmitry',
  'Elena',
  'Farid',
  'Greta',
  'Hiroshi',
  'Ines',
  'Jonas',
  'Katya',
  'Liam',
  'Marta',
  'Nikolai',
  'Olga',
  'Pavel',
  'Quentin',
  'Rosa',
  'Sergei',
  'Tamara',
  'Umar',
  'Vera',
  'Walter',
  'Xenia',
  'Yusuf',
  'Zofia',
  'Anton',
  'Bianca',
  'Cheng',
  'Dana',
  'Emil',
  'Fatima',
  'Goran',
  'Hana',
  'Igor',
  'Julia',
  'Kofi',
  'Lena',
  'Mikhail',
  'Nadia',
  'Oscar',
  'Priya',
  'Ramon',
  'Sofia',
  'Tomas',
  'Ulla',
  'Viktor',
  'Wen',
  'Yana',
  'Zoran',
];
const LAST_NAMES = [
  'Petrova',
  'Ivanov',
  'Garcia',
  'Sokolov',
  'Novak',
  'Haddad',
  'Lindqvist',
  'Tanaka',
  'Moreau',
  'Schmidt',
  'Kowalski',
  'Okafor',
  'Rossi',
  'Volkov',
  'Horvat',
  'Nguyen',
  'Fischer',
  'Kuznetsova',
  'Andersen',
  'Yilmaz',
  'Popescu',
  'Mendes',
  'Kim',
  'Weber',
  'Jansen',
  'Costa',
  'Morozov',
  'Silva',
  'Bauer',
  'Lebedev',
  'Duarte',
  'Hoffmann',
  'Orlov',
  'Varga',
  'Mazur',
  'Ferrari',
  'Chen',
  'Kovacs',
  'Pavlova',
  'Romero',
  'Sato',
  'Berg',
  'Markovic',
  'Nowak',
  'Dubois',
  'Zhukov',
  'Larsen',
  'Ortiz',
  'Belov',
  'Stein',
];
const WORDS = [
  'Northern',
  'Atlas',
  'Granite',
  'Meridian',
  'Silver',
  'Baltic',
  'Eastern',
  'Pioneer',
  'Summit',
  'Harbor',
  'Crescent',
  'Falcon',
  'Liberty',
  'Aurora',
  'Vanguard',
  'Horizon',
  'Steppe',
  'Cobalt',
  'Delta',
  'Frontier',
  'Orion',
  'Polar',
  'Sentinel',
  'Union',
];
const ORGANIZATION_PATTERNS = new Map<string, (a: string, b: string) => string>(
  Object.entries({
    company: (a, b) => `${a} ${b} Holdings`,
    media: (a, b) => `The ${a} ${b} Herald`,
    government: (a, b) => `Ministry of ${a} ${b} Affairs`,
    military: (a, b) => `${a} ${b} Brigade`,
    intelligence: (a, b) => `${a} ${b} Intelligence Directorate`,
    party: (a, b) => `${a} ${b} Party`,
    ngo: (a, b) => `${a} ${b} Foundation`,
    other: (a, b) => `${a} ${b} Council`,
  }),
);
const SERVICE_PREFIXES = [
  'Star',
  'Sky',
  'Net',
  'Cloud',
  'Blue',
  'Orbit',
  'Pay',
  'Chat',
  'Geo',
  'Data',
  'Wave',
  'Signal',
  'Swift',
  'Beam',
];
const SERVICE_SUFFIXES = ['link', 'net', 'pay', 'chat', 'map', 'cast', 'hub', 'box', 'mail', 'gram', 'sat', 'grid'];

/** Real countries in code order, so country ids look like the seed data's (country:RU). */
export const COUNTRIES = countries
  .map((c) => ({ code: c.code, name: c.name, official: c.officialName }))
  .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));

/** The `serial`-th entity of a node type (serial counts within the type, from 0). */
export function makeEntity(nodeType: NodeType, serial: number, random: Random): Entity {
  const suffix = serial.toString(36);
  switch (nodeType.id) {
    case 'person': {
      const first = random.pick(FIRST_NAMES);
      const last = random.pick(LAST_NAMES);
      const name = `${first} ${last}`;
      return {
        id: `${slugify(name)}-${suffix}`,
        type: 'person',
        name,
        aliases: [last, `${random.pick(WORDS)} official ${name}`],
        description: `Synthetic person number ${serial}.`,
      };
    }
    case 'country': {
      const country = COUNTRIES[serial % COUNTRIES.length];
      const aliases = country.official !== country.name ? [country.official] : [];
      return { id: `country:${country.code}`, type: 'country', name: country.name, aliases, countryCode: country.code };
    }
    case 'service': {
      const brand = `${random.pick(SERVICE_PREFIXES)}${random.pick(SERVICE_SUFFIXES)}`;
      const name = `${brand} ${suffix.toUpperCase()}`;
      return { id: `${slugify(brand)}-${suffix}`, type: 'service', name, aliases: [brand] };
    }
    default: {
      const kinds = nodeType.kinds ?? [];
      const kind = kinds.length > 0 ? random.pick(kinds) : undefined;
      const pattern: (a: string, b: string) => string =
        (kind ? ORGANIZATION_PATTERNS.get(kind) : undefined) ?? ((a, b) => `${a} ${b} ${nodeType.label}`);
      const base = pattern(random.pick(WORDS), random.pick(WORDS));
      const name = `${base} ${suffix.toUpperCase()}`;
      // The counter goes after the slug, so a long type label never cuts it off.
      const entity: Entity = { id: `${slugify(base)}-${suffix}`, type: nodeType.id, name, aliases: [base] };
      if (kind) entity.kind = kind;
      return entity;
    }
  }
}
