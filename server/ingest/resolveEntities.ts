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
      /^,\s+(?:an?|the)\s+((?:[a-z][\w'’-]*\s+){0,3}[a-z][\w-]*)(?=\s*[,.;]|\s+(?:of|in|at|for|from|that|which|who|based|owned|run|controlled|behind)\b)/.exec(
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
  const named = mentions.filter((m) => m.source !== 'reference');
  const groups = groupMentions(body, named);
  mergeAcronyms(groups);
  mergeInitialisms(groups);
  mergeKnownAs(groups, named, body);
  mergePlurals(groups);
  mergeAppositiveBodies(groups, body);
  mergeDescribedBodies(groups, body);
  for (const group of groups.values()) nameGroup(group, body, known);
  mergeShortNames(groups);
  mergeSameExisting(groups);
  assignIds([...groups.values()], datasetEntities);
  return [...groups.values()].sort((a, b) => a.mentions[0].start - b.mentions[0].start);
}

/**
 * The group key of a mention: its country, its described body, or its name, where a lone
 * surname takes the one multi-word person name it ends ("Moraes", "Le Pen").
 */
function mentionKeyer(named: Mention[]): (mention: Mention) => string {
  // Multi-word person names, so that a lone surname can join one: each name under its last
  // word ("moraes") and under each run of its last words ("le pen").
  const byLastWord = new Map<string, Set<string>>();
  const byEnding = new Map<string, Set<string>>();
  const addTo = (index: Map<string, Set<string>>, key: string, name: string) => {
    const names = index.get(key);
    if (names) names.add(name);
    else index.set(key, new Set([name]));
  };
  for (const person of named) {
    if (person.type !== 'person' || !person.text.includes(' ')) continue;
    const name = normaliseName(person.text);
    addTo(byLastWord, name.split(' ').pop()!, name);
    for (let space = name.indexOf(' '); space !== -1; space = name.indexOf(' ', space + 1))
      addTo(byEnding, name.slice(space + 1), name);
  }
  return (mention: Mention): string => {
    if (mention.countryCode) return `country:${mention.countryCode}`;
    const byBody = bodyKey(mention);
    if (byBody) return byBody;
    const text = normaliseName(mention.text);
    // "Le Pen" after "Marine Le Pen": a surname of several words joins the one longer name it ends.
    const owners = (text.includes(' ') ? byEnding : byLastWord).get(text);
    if (owners?.size === 1) return `name:${[...owners][0]}`;
    // "Vadim Rusu … his nephew Artiom Rusu … Rusu denied": a surname two people share is the one introduced first.
    if (owners && owners.size > 1 && mention.type !== 'country') return `name:${[...owners][0]}`;
    return `name:${text}`;
  };
}

/** The mentions grouped by key (each mention notes its entityKey), in the order first mentioned. */
function groupMentions(body: string, named: Mention[]): Map<string, EntityGroup> {
  const keyOf = mentionKeyer(named);
  const groups = new Map<string, EntityGroup>();
  // Names by where they end, for the acronym in brackets just after one.
  const byEnd = new Map<number, Mention[]>();
  for (const m of named) {
    const list = byEnd.get(m.end);
    if (list) list.push(m);
    else byEnd.set(m.end, [m]);
  }
  for (const mention of named) {
    let key = keyOf(mention);
    // An acronym in brackets right after a name is that name: "Semiconductor Manufacturing International Corp (SMIC)".
    const previous =
      body.slice(mention.start - 2, mention.start) === ' (' && body[mention.end] === ')'
        ? byEnd.get(mention.start - 2)?.find((m) => m !== mention)
        : undefined;
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
  return groups;
}

/** Acronyms seen on their own elsewhere ("TSMC") join the group their bracketed use joined. */
function mergeAcronyms(groups: Map<string, EntityGroup>): void {
  const acronymOwner = new Map<string, string>();
  for (const group of groups.values())
    for (const m of group.mentions)
      if (/^[A-Z]{2,6}$/.test(m.text) && group.key !== `name:${normaliseName(m.text)}`)
        acronymOwner.set(`name:${normaliseName(m.text)}`, group.key);
  for (const [from, to] of acronymOwner) merge(groups, from, to);
}

/** A group's type from its mentions, its name and descriptors, and the dataset entity it matches, if any. */
function nameGroup(group: EntityGroup, body: string, known: Map<string, Entity>): void {
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

/**
 * A short name beside a company's full one: the same company ("Meta" and "Meta Platforms"), unless
 * the short name is used as a product ("access to X" beside "X Corp."), which makes it the company's service.
 */
function mergeShortNames(groups: Map<string, EntityGroup>): void {
  // Each entity under every run of its name's first words ("Meta" for "Meta Platforms").
  const byOpeningWords = new Map<string, EntityGroup[]>();
  for (const group of groups.values()) {
    for (let space = group.name.indexOf(' '); space !== -1; space = group.name.indexOf(' ', space + 1)) {
      const opening = group.name.slice(0, space);
      const list = byOpeningWords.get(opening);
      if (list) list.push(group);
      else byOpeningWords.set(opening, [group]);
    }
  }
  for (const group of [...groups.values()]) {
    if (group.existing || group.type === 'country') continue;
    // "Farid Mammadli … Farid is in detention": a lone first name that opens one person's name, and no other name, is that person.
    const people = (byOpeningWords.get(group.name) ?? []).filter((g) => groups.get(g.key) === g && g !== group);
    if (!group.name.includes(' ') && people.length === 1 && people[0].type === 'person' && !people[0].existing) {
      merge(groups, group.key, people[0].key);
      continue;
    }
    if (group.type === 'person') continue;
    // Any longer organisation name the short one opens ("Meridian" → "Meridian Tanker Management",
    // "the Treasury" → "Treasury Department"); one only, or the short name is ambiguous.
    // ("Gazprom Neft, the oil arm of … Gazprom": named side by side, they are two.)
    let sentencesOfGroup: Set<number> | undefined;
    const longer = (byOpeningWords.get(group.name) ?? []).filter(
      (g) =>
        groups.get(g.key) === g &&
        g !== group &&
        g.type === 'organization' &&
        !g.existing &&
        !g.mentions.some((m) => (sentencesOfGroup ??= new Set(group.mentions.map((n) => n.sentence))).has(m.sentence)),
    );
    const company = longer.length === 1 ? longer[0] : mostNamed(longer);
    if (!company) continue;
    const votes = group.mentions.reduce((sum, m) => sum + (m.serviceVotes ?? 0), 0);
    if (votes > 0 || group.type === 'service') group.type = 'service';
    else merge(groups, group.key, company.key);
  }
}

/**
 * "Harbourside" beside "Harbourside Athletic" (named twice), "Harbourside TV" and "Harbourside
 * Supporters' Trust" (once each): the short name is the one named more often than every other, if any.
 */
function mostNamed(candidates: EntityGroup[]): EntityGroup | undefined {
  const counts = candidates.map((g) => g.mentions.filter((m) => m.source !== 'reference').length);
  const top = Math.max(...counts);
  return counts.filter((c) => c === top).length === 1 ? candidates[counts.indexOf(top)] : undefined;
}

/** A group that matched the same dataset entity as another joins it. */
function mergeSameExisting(groups: Map<string, EntityGroup>): void {
  const byExisting = new Map<string, string>();
  for (const group of [...groups.values()]) {
    if (!group.existing) continue;
    const first = byExisting.get(group.existing.id);
    if (first) merge(groups, group.key, first);
    else byExisting.set(group.existing.id, group.key);
  }
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
  // Names of several words by their initials, and each entity's place in the map's order
  // (a mention's entity is the one its entityKey names: merges keep the two in step).
  const byInitials = new Map<string, Mention[]>();
  const order = new Map<EntityGroup, number>();
  for (const group of groups.values()) {
    order.set(group, order.size);
    for (const m of group.mentions) {
      if (!m.text.includes(' ')) continue;
      const key = initials(m.text.replace(/^[Tt]he\s+/, ''));
      const list = byInitials.get(key);
      if (list) list.push(m);
      else byInitials.set(key, [m]);
    }
  }
  for (const group of [...groups.values()]) {
    const short = group.mentions.find((m) => /^[A-Z]{2,6}$/.test(m.text))?.text;
    if (!short || group.key !== `name:${normaliseName(short)}`) continue;
    let full: EntityGroup | undefined;
    for (const m of byInitials.get(short) ?? []) {
      const g = groups.get(m.entityKey!);
      if (!g || g === group || g.type === 'person' || g.type === 'country') continue;
      if (!full || order.get(g)! < order.get(full)!) full = g;
    }
    if (full) merge(groups, group.key, full.key);
  }
}

/** "The Internal Security Service, known as KAPO": the second name is another name of the first. */
function mergeKnownAs(groups: Map<string, EntityGroup>, named: Mention[], body: string): void {
  const ends = new EndIndex(named);
  for (const mention of named) {
    if (mention.type === 'country' || !mention.entityKey) continue;
    const start = mention.fullStart ?? mention.start;
    // The words between ("…, also known as the") are at most six, so only names ending within six words can be the first name.
    const previous = ends
      .endingWithin(startOfWordsBefore(body, start, 6), start)
      .map((i) => named[i])
      .find(
        (m) =>
          m !== mention &&
          /^,?\s+(?:also\s+|commonly\s+|widely\s+|better\s+)?(?:known|referred\s+to)\s+as\s+(?:the\s+)?$/.test(
            body.slice(m.end, start),
          ),
      );
    if (previous?.entityKey && previous.type !== 'country' && previous.entityKey !== mention.entityKey)
      merge(groups, mention.entityKey, previous.entityKey);
  }
}

/** Mentions by where they end, to find the ones ending inside a stretch of the body. */
class EndIndex {
  private readonly byEnd: Array<{ end: number; index: number }>;
  constructor(mentions: Mention[]) {
    this.byEnd = mentions.map((m, index) => ({ end: m.end, index })).sort((a, b) => a.end - b.end || a.index - b.index);
  }

  /** Indexes (in the list given) of the mentions ending in [from, to], in list order. */
  endingWithin(from: number, to: number): number[] {
    let low = 0;
    let high = this.byEnd.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.byEnd[middle].end < from) low = middle + 1;
      else high = middle;
    }
    const found: number[] = [];
    for (let i = low; i < this.byEnd.length && this.byEnd[i].end <= to; i++) found.push(this.byEnd[i].index);
    return found.sort((a, b) => a - b);
  }
}

/** Where the `count`-th run of non-space characters before `offset` starts (0 if there are fewer). */
function startOfWordsBefore(body: string, offset: number, count: number): number {
  let at = offset;
  for (let run = 0; run < count && at > 0; run++) {
    while (at > 0 && /\s/.test(body[at - 1])) at--;
    while (at > 0 && !/\s/.test(body[at - 1])) at--;
  }
  return at;
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
  const order = new Map(all.map((g, i) => [g, i]));
  // Every mention by where it ends and where its written form starts.
  const byEnd = new Map<number, Mention[]>();
  const byStart = new Map<number, Mention[]>();
  for (const group of all) {
    for (const m of group.mentions) {
      for (const [index, at] of [
        [byEnd, m.end],
        [byStart, m.fullStart ?? m.start],
      ] as const) {
        const list = index.get(at);
        if (list) list.push(m);
        else index.set(at, [m]);
      }
    }
  }
  const isSpace = (at: number) => at < body.length && /\s/.test(body[at]);
  for (const group of all) {
    if (!group.key.startsWith('body:')) continue;
    for (const mention of group.mentions) {
      const start = mention.fullStart ?? mention.start;
      // "the FSB, Russia's domestic security service": a name ending in a comma and spaces just before.
      let comma = start;
      while (comma > 0 && /\s/.test(body[comma - 1])) comma--;
      const candidates = body[comma - 1] === ',' ? [...(byEnd.get(comma - 1) ?? [])] : [];
      // "Lithuania's parliament, the Seimas": a name starting after a comma, spaces and an optional "the ".
      if (body[mention.end] === ',') {
        let at = mention.end + 1;
        for (let word = 0; word < 2 && isSpace(at); word++) {
          const spaceStart = at;
          while (isSpace(at)) at++;
          for (let p = spaceStart + 1; p <= at; p++) {
            for (const m of byStart.get(p) ?? [])
              if (
                /^\s*(?:,|\.|\s+(?:has|have|had|is|was|said|says|will|would|urged|called))/.test(
                  body.slice(m.end, m.end + 12),
                )
              )
                candidates.push(m);
          }
          if (body.slice(at, at + 3) !== 'the') break;
          at += 3;
        }
      }
      // The first entity (in the map's order) with such a mention: the one the mention's entityKey names.
      let named: EntityGroup | undefined;
      for (const m of candidates) {
        const g = groups.get(m.entityKey!);
        if (!g || !g.key.startsWith('name:') || g.type === 'person') continue;
        if (!named || order.get(g)! < order.get(named)!) named = g;
      }
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
