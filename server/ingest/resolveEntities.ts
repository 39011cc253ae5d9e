// Groups mentions into entities: a surname joins the full name it ends ("Moraes" →
// "Alexandre de Moraes"), an acronym in brackets joins the name before it, a body named
// by description joins the named body that follows it ("China's internet regulator" →
// "Cyberspace Administration of China"), and every group is matched against the
// dataset's names and aliases so that known entities keep their ids.
import type { Entity } from '../model/records';
import { slugify } from '../model/slug';
import { lookupCountry } from './countryLexicon';
import type { EntityType, Mention } from './mention';
import { fullSurface } from './mention';

export interface EntityGroup {
  key: string;
  id: string;
  name: string;
  type: EntityType;
  mentions: Mention[];
  /** The dataset entity it matched, if any. */
  existing?: Entity;
  countryCode?: string;
  /** Titles written with its mentions ("Justice", "President"). */
  titles: Set<string>;
  /** Lower-case words that describe it where it is named ("the communications regulator Roskomnadzor",
   * "Adriatic Advisory Ltd, a consulting firm"): what "the regulator" or "the firm" can refer to. */
  descriptors?: string;
}

const GOVERNMENT_HEAD =
  /\b(?:Intelligence|Security)\s+Service\b|\b(Department|Ministry|Court|Office|Administration|Bureau|Agency|Commission|Committee|Council|Board|Tribunal|Parliament|Reserve|Congress|Parliament|Senate|Assembly|Navy|Army|Police|Forces|House|Kremlin|Pentagon|Authority|Directorate|Government|Cabinet|Union|Party|Treasury)\b|\b(ministry|regulator|intelligence|embassy|armed forces|prosecutor['’]s office|agency|watchdog|parliament|consulate|liaison office)\b/;
const MEDIA_HEAD =
  /\b(Journal|Times|Post|Daily|News|Press|Monde|Reuters|Bloomberg|Guardian|Telegraph|Herald|Tribune|Gazette)\b/;

export function isGovernmentBody(group: EntityGroup): boolean {
  return group.type === 'organization' && GOVERNMENT_HEAD.test(group.name);
}

const MEDIA_DESCRIPTOR =
  /\b(?:newspaper|daily|weekly|magazine|broadcaster|outlet|news agency|tabloid|channel|journal)\b/;

export function isCompany(group: EntityGroup): boolean {
  return (
    group.type === 'organization' &&
    !isGovernmentBody(group) &&
    !MEDIA_HEAD.test(group.name) &&
    !MEDIA_DESCRIPTOR.test(group.descriptors ?? '') &&
    group.existing?.kind !== 'government' &&
    group.existing?.kind !== 'media'
  );
}

/** The lower-case words written just before a name and in apposition after it. */
function describe(group: EntityGroup, body: string): string {
  const words: string[] = [];
  for (const m of group.mentions) {
    if (m.source === 'reference') continue;
    const start = m.fullStart ?? m.start;
    const before = /(?:^|[\s,(])((?:[a-z][\w-]*\s+){1,3})$/.exec(body.slice(Math.max(0, start - 50), start));
    if (before) words.push(before[1].trim());
    // Only a noun phrase that ends there ("X, a consulting firm in…"), not the next clause ("X, the party said").
    const after =
      /^,\s+(?:an?|the)\s+((?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*)(?=\s*[,.;]|\s+(?:of|in|at|for|from|that|which|who|based|owned|run|controlled|behind)\b)/.exec(
        body.slice(m.end, m.end + 80),
      );
    if (after) words.push(after[1].trim());
    // "the Georgian Dream party", "the Houthi movement": a lower-case head noun after the name.
    const head =
      /^\s+(party|movement|group|company|firm|exchange|bank|agency|ministry|militia|network|platform|app|service|channel|newspaper|broadcaster|regulator|watchdog|refinery|airline|insurer|union|alliance|bloc|drones?|missiles?|chips?|processors?|jets?|aircraft|pipelines?|satellites?|tankers?|ships?|vessels?|rockets?|software|tool)\b/.exec(
        body.slice(m.end, m.end + 30),
      );
    if (head) words.push(head[1]);
  }
  return words.join(' | ');
}

export function normaliseName(text: string): string {
  return text
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/[’]/g, "'")
    .replace(/\.$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A body named by description: its country and head noun ("CN|regulator"). */
function bodyKey(mention: Mention): string | undefined {
  if (mention.source !== 'body' || !mention.partOfCountry?.countryCode) return undefined;
  const head = mention.text
    .replace(/\s+in\s+\S+$/, '')
    .split(/\s+/)
    .pop()!
    .toLowerCase();
  return `body:${mention.partOfCountry.countryCode}|${head}`;
}

function datasetIndex(entities: Iterable<Entity>): Map<string, Entity> {
  const index = new Map<string, Entity>();
  for (const entity of entities) {
    for (const form of [entity.name, ...entity.aliases]) {
      const key = normaliseName(form);
      if (!index.has(key)) index.set(key, entity);
    }
  }
  return index;
}

export function resolveEntities(body: string, mentions: Mention[], datasetEntities: Iterable<Entity>): EntityGroup[] {
  const known = datasetIndex(datasetEntities);
  const groups = new Map<string, EntityGroup>();
  const named = mentions.filter((m) => m.source !== 'reference');
  // Multi-word person names, so that a lone surname can join one.
  const fullNames = named.filter((m) => m.type === 'person' && m.text.includes(' '));
  const keyOf = (mention: Mention): string => {
    if (mention.countryCode) return `country:${mention.countryCode}`;
    const byBody = bodyKey(mention);
    if (byBody) return byBody;
    const text = normaliseName(mention.text);
    if (!text.includes(' ')) {
      const owners = new Set(
        fullNames.filter((p) => normaliseName(p.text).split(' ').pop() === text).map((p) => normaliseName(p.text)),
      );
      if (owners.size === 1) return `name:${[...owners][0]}`;
    } else {
      // "Le Pen" after "Marine Le Pen": a surname of several words joins the one longer name it ends.
      const owners = new Set(
        fullNames.filter((p) => normaliseName(p.text).endsWith(` ${text}`)).map((p) => normaliseName(p.text)),
      );
      if (owners.size === 1) return `name:${[...owners][0]}`;
    }
    return `name:${text}`;
  };
  for (const mention of named) {
    let key = keyOf(mention);
    // An acronym in brackets right after a name is that name: "Semiconductor Manufacturing International Corp (SMIC)".
    const previous = named.find(
      (m) => m !== mention && body.slice(m.end, mention.start) === ' (' && body[mention.end] === ')',
    );
    if (previous?.entityKey) key = previous.entityKey;
    mention.entityKey = key;
    let group = groups.get(key);
    if (!group) {
      group = {
        key,
        id: '',
        name: '',
        type: mention.type,
        mentions: [],
        titles: new Set(),
        countryCode: mention.countryCode,
      };
      groups.set(key, group);
    }
    group.mentions.push(mention);
    if (mention.title) group.titles.add(mention.title);
  }
  // Acronyms seen on their own elsewhere ("TSMC") join the group their bracketed use joined.
  const acronymOwner = new Map<string, string>();
  for (const group of groups.values())
    for (const m of group.mentions)
      if (/^[A-Z]{2,6}$/.test(m.text) && group.key !== `name:${normaliseName(m.text)}`)
        acronymOwner.set(`name:${normaliseName(m.text)}`, group.key);
  for (const [from, to] of acronymOwner) merge(groups, from, to);
  mergeInitialisms(groups);
  mergeKnownAs(groups, named, body);
  mergePlurals(groups);
  mergeAppositiveBodies(groups, body);
  mergeDescribedBodies(groups, body);
  for (const group of groups.values()) {
    const types = group.mentions.map((m) => m.type);
    if (types.includes('country')) group.type = 'country';
    else if (types.includes('person')) group.type = 'person';
    else {
      const votes = group.mentions.reduce((sum, m) => sum + (m.serviceVotes ?? 0), 0);
      group.type = votes > 0 ? 'service' : 'organization';
    }
    group.name = chooseName(group);
    group.descriptors = describe(group, body);
    const match = findExisting(group, body, known);
    if (match) {
      group.existing = match;
      group.name = match.name;
      group.type = match.type as EntityType;
    }
  }
  // A short name beside a company's full one: the same company ("Meta" and "Meta Platforms"), unless
  // the short name is used as a product ("access to X" beside "X Corp."), which makes it the company's service.
  for (const group of [...groups.values()]) {
    if (group.existing || group.type === 'person' || group.type === 'country') continue;
    // Any longer organisation name the short one opens ("Meridian" → "Meridian Tanker Management",
    // "the Treasury" → "Treasury Department"); one only, or the short name is ambiguous.
    // ("Gazprom Neft, the oil arm of … Gazprom": named side by side, they are two.)
    const longer = [...groups.values()].filter(
      (g) =>
        g !== group &&
        g.type === 'organization' &&
        !g.existing &&
        g.name.startsWith(`${group.name} `) &&
        !g.mentions.some((m) => group.mentions.some((n) => n.sentence === m.sentence)),
    );
    const company = longer.length === 1 ? longer[0] : undefined;
    if (!company) continue;
    const votes = group.mentions.reduce((sum, m) => sum + (m.serviceVotes ?? 0), 0);
    if (votes > 0 || group.type === 'service') group.type = 'service';
    else merge(groups, group.key, company.key);
  }
  // A group that matched the same dataset entity as another joins it.
  const byExisting = new Map<string, string>();
  for (const group of [...groups.values()]) {
    if (!group.existing) continue;
    const first = byExisting.get(group.existing.id);
    if (first) merge(groups, group.key, first);
    else byExisting.set(group.existing.id, group.key);
  }
  assignIds([...groups.values()], datasetEntities);
  return [...groups.values()].sort((a, b) => a.mentions[0].start - b.mentions[0].start);
}

function merge(groups: Map<string, EntityGroup>, from: string, to: string): void {
  const source = groups.get(from);
  const target = groups.get(to);
  if (!source || !target || source === target) return;
  for (const m of source.mentions) {
    m.entityKey = to;
    target.mentions.push(m);
  }
  for (const title of source.titles) target.titles.add(title);
  target.mentions.sort((a, b) => a.start - b.start);
  groups.delete(from);
}

/** "EU" beside "European Union", "CISA" beside "Cybersecurity and Infrastructure Security Agency": one body. */
function mergeInitialisms(groups: Map<string, EntityGroup>): void {
  const initials = (name: string) =>
    name
      .split(/\s+/)
      .filter((w) => !/^(?:of|and|for|the|on|in|de|du|des)$/i.test(w))
      .map((w) => w[0])
      .join('')
      .toUpperCase();
  for (const group of [...groups.values()]) {
    const short = group.mentions.find((m) => /^[A-Z]{2,6}$/.test(m.text))?.text;
    if (!short || group.key !== `name:${normaliseName(short)}`) continue;
    const full = [...groups.values()].find(
      (g) =>
        g !== group &&
        g.type !== 'person' &&
        g.type !== 'country' &&
        g.mentions.some((m) => m.text.includes(' ') && initials(m.text.replace(/^[Tt]he\s+/, '')) === short),
    );
    if (full) merge(groups, group.key, full.key);
  }
}

/** "The Internal Security Service, known as KAPO": the second name is another name of the first. */
function mergeKnownAs(groups: Map<string, EntityGroup>, named: Mention[], body: string): void {
  for (const mention of named) {
    if (mention.type === 'country' || !mention.entityKey) continue;
    const start = mention.fullStart ?? mention.start;
    const previous = named.find(
      (m) =>
        m !== mention &&
        m.end <= start &&
        /^,?\s+(?:also\s+|commonly\s+|widely\s+|better\s+)?(?:known|referred\s+to)\s+as\s+(?:the\s+)?$/.test(
          body.slice(m.end, start),
        ),
    );
    if (previous?.entityKey && previous.type !== 'country' && previous.entityKey !== mention.entityKey)
      merge(groups, mention.entityKey, previous.entityKey);
  }
}

/** "the Houthis" beside "Houthi": a plural of a one-word name is that name. */
function mergePlurals(groups: Map<string, EntityGroup>): void {
  for (const group of [...groups.values()]) {
    const text = group.mentions[0]?.text;
    if (!text || !/^\p{Lu}[\p{L}]+s$/u.test(text) || !group.key.startsWith('name:')) continue;
    const singular = groups.get(`name:${normaliseName(text.slice(0, -1))}`);
    if (singular && singular !== group) merge(groups, group.key, singular.key);
  }
}

/** "the FSB, Russia's domestic security service": a body described in apposition to its name is that body. */
function mergeAppositiveBodies(groups: Map<string, EntityGroup>, body: string): void {
  const all = [...groups.values()];
  for (const group of all) {
    if (!group.key.startsWith('body:')) continue;
    for (const mention of group.mentions) {
      const start = mention.fullStart ?? mention.start;
      // "the FSB, Russia's domestic security service" and "Lithuania's parliament, the Seimas".
      const named = all.find(
        (g) =>
          g.key.startsWith('name:') &&
          g.type !== 'person' &&
          g.mentions.some(
            (m) =>
              (m.end <= start && /^,\s*$/.test(body.slice(m.end, start))) ||
              ((m.fullStart ?? m.start) >= mention.end &&
                /^,\s+(?:the\s+)?$/.test(body.slice(mention.end, m.fullStart ?? m.start)) &&
                /^\s*(?:,|\.|\s+(?:has|have|had|is|was|said|says|will|would|urged|called))/.test(
                  body.slice(m.end, m.end + 12),
                )),
          ),
      );
      if (named) {
        merge(groups, group.key, named.key);
        break;
      }
    }
  }
}

/** "China's internet regulator has summoned…  The Cyberspace Administration of China said…": one body. */
function mergeDescribedBodies(groups: Map<string, EntityGroup>, body: string): void {
  for (const group of [...groups.values()]) {
    if (!group.key.startsWith('body:')) continue;
    const code = group.key.slice(5, 7);
    const first = group.mentions[0];
    const country = [...groups.values()].find((g) => g.key === `country:${code}`);
    const countryForms = new Set(country?.mentions.map((m) => m.text) ?? []);
    const named = [...groups.values()].find((g) => {
      if (!g.key.startsWith('name:') || g.type === 'person') return false;
      const m = g.mentions[0];
      if (m.sentence < first.sentence || m.sentence > first.sentence + 2) return false;
      const written = body.slice(m.fullStart ?? m.start, m.end);
      const mentionsCountry = [...countryForms].some((form) =>
        new RegExp(`\\b${form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(written),
      );
      return mentionsCountry && GOVERNMENT_HEAD.test(m.text);
    });
    if (named) merge(groups, group.key, named.key);
  }
}

function chooseName(group: EntityGroup): string {
  if (group.countryCode) return lookupCountryName(group.countryCode, group);
  const proper = group.mentions.filter((m) => m.source === 'name');
  const pool = proper.length ? proper : group.mentions;
  const best = pool.reduce((a, b) => (b.text.length > a.text.length ? b : a));
  return best.text.replace(/^[Tt]he\s+/, '').replace(/[’]/g, "'");
}

function lookupCountryName(code: string, group: EntityGroup): string {
  for (const m of group.mentions) {
    const form = lookupCountry(m.text);
    if (form?.country.code === code) return form.country.name;
  }
  return group.mentions[0].text;
}

function findExisting(group: EntityGroup, body: string, known: Map<string, Entity>): Entity | undefined {
  if (group.countryCode) {
    for (const entity of known.values())
      if (entity.countryCode === group.countryCode || entity.id === `country:${group.countryCode}`) return entity;
  }
  const forms = [group.name, ...group.mentions.map((m) => m.text), ...group.mentions.map((m) => fullSurface(body, m))];
  for (const form of forms) {
    const entity = known.get(normaliseName(form));
    if (entity && (entity.type === group.type || group.type !== 'country')) return entity;
  }
  return undefined;
}

function assignIds(groups: EntityGroup[], datasetEntities: Iterable<Entity>): void {
  const taken = new Set<string>();
  for (const entity of datasetEntities) taken.add(entity.id);
  for (const group of groups) {
    if (group.existing) {
      group.id = group.existing.id;
      continue;
    }
    let id = group.countryCode ? `country:${group.countryCode}` : slugify(group.name);
    if (taken.has(id)) {
      let n = 2;
      while (taken.has(`${id}-${n}`)) n++;
      id = `${id}-${n}`;
    }
    taken.add(id);
    group.id = id;
  }
}
