// Word lists that tell what a name is: the head words of organisation names, titles and
// roles that put a person in a position, place nouns, product nouns that mark a service,
// and the definite descriptions ("the company", "the judge") that refer back to an entity.
// These are general English cues, not names from any one article.

/** A capitalised word that ends (or heads) an organisation's name. */
export const ORGANIZATION_HEADS = new Set([
  'Department', 'Ministry', 'Court', 'Office', 'Administration', 'Bureau', 'Agency', 'Commission', 'Committee', 'Council',
  'Congress', 'Parliament', 'Senate', 'Assembly', 'Party', 'Navy', 'Army', 'Police', 'Guard', 'Forces', 'Corp', 'Corp.',
  'Corporation', 'Co', 'Co.', 'Inc', 'Inc.', 'Ltd', 'Ltd.', 'Group', 'Holdings', 'Bank', 'University', 'Institute', 'Journal',
  'Times', 'Post', 'Daily', 'News', 'Press', 'Union', 'Association', 'Foundation', 'Authority', 'Service', 'Services',
  'Board', 'Chamber', 'House', 'Kremlin', 'Pentagon', 'Circuit', 'Federation', 'Organization',
  'Organisation', 'Company', 'Network', 'Agency', 'Reserve', 'Directorate', 'Inquiry', 'Tribunal', 'Cabinet', 'Government',
  'Platforms', 'Technologies', 'Technology', 'Systems', 'Industries', 'Motors', 'Airlines', 'Pharmaceuticals', 'Labs', 'Capital',
  'Partners', 'Media', 'Communications', 'Telecom', 'Electronics', 'Solutions', 'Networks', 'Fund', 'Enterprises', 'LLC', 'AG', 'SA',
  'GmbH', 'PLC', 'Commission', 'Ministry', 'Senate', 'Parliament',
]);

/** Heads of organisation names that make a government body ("German Foreign Office" is part of Germany). */
export const GOVERNMENT_NAME_HEADS = new Set([
  'Department', 'Ministry', 'Office', 'Administration', 'Bureau', 'Agency', 'Commission', 'Police', 'Navy', 'Army', 'Forces',
  'Guard', 'Directorate', 'Parliament', 'Embassy', 'Consulate', 'Government', 'Cabinet', 'Service', 'Authority',
]);

/** Capitalised words that business names are made of ("Fjord Bulk", "Adriatic Advisory"): not personal names. */
export const COMPANY_NAME_WORDS = new Set([
  'Bulk', 'Shipping', 'Marine', 'Maritime', 'Trading', 'Mining', 'Energy', 'Oil', 'Gas', 'Steel', 'Ore', 'Metals', 'Capital',
  'Global', 'Digital', 'Logistics', 'Advisory', 'Consulting', 'Airways', 'Lines', 'Line', 'Store', 'Tankers', 'Tanker', 'Resources',
  'Investments', 'Ventures', 'Trust', 'Finance', 'Securities', 'Insurance', 'Refineries', 'Petroleum', 'Chemicals', 'Pharma',
  'Telecom', 'Semiconductor', 'Foods', 'Construction', 'Engineering', 'Management', 'Now', 'International', 'Nations',
]);

/** Lower-case nouns after a name that make it an organisation ("Houthi movement", "Wagner fighters"). */
export const ORGANIZATION_NOUNS_AFTER = /^(?:movement|militia|militias|rebels|insurgents|fighters|group|faction|party|government|company|firm|conglomerate)$/i;

/** Words after which "of" continues an organisation's name ("Ministry of Commerce"). */
export const OF_CONTINUES_AFTER = new Set([
  'Department', 'Ministry', 'Court', 'Office', 'Administration', 'Bureau', 'Agency', 'Commission', 'Committee', 'Council',
  'Bank', 'University', 'Institute', 'Union', 'Association', 'Republic', 'Kingdom', 'Federation', 'Chamber', 'Board',
  'Appeals', 'Industry', 'Secretary', 'Minister', 'Organization', 'Directorate', 'Academy', 'League', 'States', 'Emirates',
]);

/** Titles written before a person's name ("President", "Justice"), capitalised in text. */
export const PERSON_TITLES = new Set([
  'President', 'Vice-President', 'Prime', 'Minister', 'Justice', 'Judge', 'Secretary', 'Chancellor', 'Senator', 'Governor',
  'Mayor', 'General', 'Gen.', 'Admiral', 'Ambassador', 'King', 'Queen', 'Prince', 'Princess', 'Pope', 'Chairman', 'Chairwoman',
  'CEO', 'Spokesperson', 'Spokesman', 'Spokeswoman', 'Commissioner', 'Representative', 'Rep.', 'Sen.', 'Gov.', 'Dr.', 'Mr.',
  'Mrs.', 'Ms.', 'Director', 'Chief', 'Commander', 'Speaker', 'Leader', 'Premier', 'Foreign', 'Defence', 'Defense',
  'Vice', 'Deputy', 'Acting', 'Interim', 'Finance', 'Interior', 'Trade', 'Economy', 'Health', 'Energy', 'Attorney', 'Executive',
]);

/** Titles that say the person holds a position in the organisation or country before them. */
export const POSITION_TITLES = new Set([
  'president', 'vice-president', 'prime minister', 'minister', 'justice', 'judge', 'secretary', 'chancellor', 'senator', 'governor',
  'mayor', 'general', 'admiral', 'ambassador', 'king', 'queen', 'chairman', 'chairwoman', 'ceo', 'spokesperson', 'spokesman',
  'spokeswoman', 'commissioner', 'director', 'chief executive', 'chief', 'commander', 'commander-in-chief', 'speaker', 'leader',
  'premier', 'foreign minister', 'defence minister', 'defense minister', 'head', 'chief executive officer', 'executive',
]);

/** Lower-case role nouns written between an organisation and a name ("Kremlin spokesperson Dmitry Peskov"). */
export const ROLE_NOUNS = /^(spokesperson|spokesman|spokeswoman|chief executive|chief executive officer|chief|chairman|chairwoman|head|director|minister|secretary|president|ceo|founder|journalist|instructor|official|commander|commander-in-chief|envoy|ambassador|adviser|advisor|prosecutor|judge|lawyer|owner)$/i;

/** Role nouns that do not make a position ("the American journalist Seymour Hersh"). */
export const NON_POSITION_ROLES = /^(founder|journalist|instructor|lawyer|owner|official|adviser|advisor)$/i;

/** Lower-case nouns after a name that make it a place, not an entity of the graph. */
export const PLACE_NOUNS = /^(airport|coast|sea|river|city|region|province|state|street|square|island|islands|mountains|valley|port|border|bay|lake|ocean|peninsula|district|county)$/i;

/** Capitalised last words that make a span a place, law or list rather than an entity. */
export const NON_ENTITY_HEADS = new Set(['Sea', 'Ocean', 'River', 'Airport', 'Street', 'Square', 'Island', 'Islands', 'Coast', 'Circle',
  'Mountains', 'Desert', 'Gulf', 'Strait', 'Canal', 'Peninsula', 'Valley', 'Bay', 'Lake', 'Basin', 'Plateau', 'Avenue', 'Bridge', 'Stadium', 'Act', 'Law', 'List', 'Treaty', 'Agreement', 'Accord', 'Convention', 'Award', 'Prize', 'Summit', 'War', 'Day', 'Games', 'Cup']);

/** Nouns that make the name next to them a product or service ("the messaging app Telegram", "H20 chip"). */
export const SERVICE_NOUNS = /^(service|services|app|application|platform|network|social network|messaging app|site|website|chip|chips|processor|processors|smartphone|phone|tool|pipeline|pipelines|model|software|system|systems|satellite|satellites|device|browser|search engine|engine|product|console|car|vehicle|drone|drones|aircraft|jet|jets|missile|missiles|tank|tanks|rocket|rockets|tanker|ship|vessel|freighter|carrier)$/i;

/** Lower-case heads of government bodies named by description ("China's commerce ministry", "Ukrainian military intelligence"). */
export const GOVERNMENT_BODY = /^(?:(?:[a-z-]+\s){0,2})(ministry|regulator|military intelligence|intelligence service|intelligence agency|intelligence|embassy|armed forces|navy|army|prosecutor's office|security service|consulate|parliament|agency|watchdog|central bank|liaison office|representative office)$/;

/** Lower-case nouns after a demonym or country that mean the country itself ("Ukrainian authorities", "US government"). */
export const COUNTRY_AS_BODY = /^(government|authorities|officials|administration|lawmakers|police|troops|forces|state|military|diplomats|prosecutors|regulators|intelligence agencies|security services|agencies)$/;

/** Words that never start an entity's name when written capitalised at the start of a sentence. */
export const FUNCTION_WORDS = new Set([
  'The', 'A', 'An', 'In', 'On', 'At', 'By', 'For', 'From', 'With', 'After', 'Before', 'During', 'Since', 'Until', 'As', 'But',
  'And', 'Or', 'If', 'When', 'While', 'Though', 'Although', 'This', 'That', 'These', 'Those', 'It', 'Its', 'He', 'She', 'His',
  'Her', 'They', 'Their', 'We', 'Our', 'According', 'However', 'Meanwhile', 'Also', 'Still', 'Yet', 'Then', 'Now', 'Once',
  'Shortly', 'Weeks', 'Days', 'Months', 'Years', 'Four', 'Three', 'Two', 'One', 'Some', 'Many', 'Several', 'Under', 'Over',
  'Responding', 'Acting', 'To', 'Of', 'Later', 'Earlier', 'Last', 'Next', 'There', 'Here', 'What', 'Who', 'Why', 'How',
]);

export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Definite descriptions that refer back to an entity, and what kind of entity they want. */
export interface DescriptionCue {
  pattern: RegExp;
  type: 'person' | 'organization' | 'country' | 'service';
  /** A word the entity's name or title must contain (the judge → "Justice" or "Judge"). */
  nameHint?: RegExp;
  /** Organisations only: whether it wants a company (not a government body). */
  company?: boolean;
}

export const DESCRIPTION_CUES: DescriptionCue[] = [
  { pattern: /^the (?:[a-z]+ )?(?:company|firm|group|chipmaker|carmaker|giant)$/i, type: 'organization', company: true },
  { pattern: /^the (?:department)$/i, type: 'organization', nameHint: /Department/ },
  { pattern: /^the (?:ministry)$/i, type: 'organization', nameHint: /Ministry|ministry/ },
  { pattern: /^the (?:[A-Z][a-z]+ )?regulator$/i, type: 'organization', nameHint: /regulator|Administration|Commission|Authority/ },
  { pattern: /^the (?:court)$/i, type: 'organization', nameHint: /Court/ },
  { pattern: /^the (?:commission)$/i, type: 'organization', nameHint: /Commission/ },
  { pattern: /^the (?:agency)$/i, type: 'organization', nameHint: /Agency|agency/ },
  { pattern: /^the (?:board)$/i, type: 'organization', nameHint: /Board/ },
  { pattern: /^the (?:platform|app|social network|site|website|service|network|messaging app)$/i, type: 'service' },
  { pattern: /^the (?:judge|justice)$/i, type: 'person', nameHint: /Justice|Judge|judge/ },
  { pattern: /^the president$/, type: 'person', nameHint: /President/ },
  { pattern: /^the prime minister$/i, type: 'person', nameHint: /Prime Minister|prime minister/ },
  { pattern: /^the minister$/i, type: 'person', nameHint: /Minister|minister/ },
  { pattern: /^the (?:businessman|businesswoman|tycoon|magnate|billionaire)$/i, type: 'person' },
  { pattern: /^the party$/i, type: 'organization', nameHint: /Party|party/ },
  { pattern: /^the bloc$/i, type: 'organization', nameHint: /Union|bloc|alliance/ },
  { pattern: /^the insurer$/i, type: 'organization', nameHint: /insurer|Insurance|Assurance/ },
  { pattern: /^the (?:country|nation)$/i, type: 'country' },
  { pattern: /^the government$/i, type: 'country' },
];
