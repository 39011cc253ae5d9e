// Relations stated inside a noun phrase rather than by a verb:
// - a title with its owner: "Russian President Vladimir Putin", "Kremlin spokesperson
//   Dmitry Peskov", "Commerce Secretary Gina Raimondo" → holds_position;
// - a corporate role with no owner written: "Chief executive Jensen Huang", "Its chief
//   executive, Shou Zi Chew" → holds_position in the company just spoken of;
// - a possessive: "Musk's Starlink service" → owns, "Huawei's Ascend processors" →
//   operates, "China's Ministry of Commerce" → part_of, "Nvidia's processors, the A100
//   and H100" → operates each;
// - a government body of a country: "Ukrainian military intelligence" → part_of;
// - a state company after a demonym: "the Russian state gas giant Gazprom" → owns.
import { edgeTypeAllows, type VocabularyIndex } from '../model/vocabulary';
import type { CandidateClaim, RuleKind } from './candidateClaim';
import type { Mention } from './mention';
import { NON_POSITION_ROLES, POSITION_TITLES } from './nameCues';
import { isCompany, isGovernmentBody, type EntityGroup } from './resolveEntities';

export interface PhraseContext {
  body: string;
  vocabulary: VocabularyIndex;
  groupOf(mention: Mention): EntityGroup | undefined;
  groups: EntityGroup[];
}

/** The entities' mentions arranged for the questions below, built once per article. */
interface PhraseIndex {
  /** Each sentence's mentions of any entity, entity by entity in `groups` order. */
  bySentence: Map<number, Mention[]>;
  /** The mentions given to nounPhraseRelations, by sentence, in their order. */
  givenBySentence: Map<number, Mention[]>;
  portfolios: Map<string, EntityGroup | undefined>;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const ROLE_BEFORE_NAME =
  /(?:^|\s)((?:chief executive(?: officer)?|(?:managing |senior |general )?partner|managing director|spokes(?:person|man|woman)|commander-in-chief|chief|chairman|chairwoman|head|director|minister|secretary|president|ceo|founder|journalist|instructor|ambassador|envoy|prosecutor|official|commander|adviser|advisor))(?:\s+of\s+[a-z][a-z ]{0,30}?)?\s*,?\s*$/i;
const CORPORATE_ROLE = /^(chief executive(?: officer)?|ceo|chairman|chairwoman|chief|founder|president)$/i;

/** "Vice Prime Minister" is a position because "prime minister" is. */
function isPositionTitle(title: string): boolean {
  const words = title.toLowerCase().split(/\s+/);
  return [words.join(' '), words.slice(-2).join(' '), words[words.length - 1]].some((t) => POSITION_TITLES.has(t));
}

function make(
  context: PhraseContext,
  subject: EntityGroup | undefined,
  type: string,
  object: EntityGroup | undefined,
  start: number,
  end: number,
  sentence: number,
  rule: string,
  kind: RuleKind,
): CandidateClaim | undefined {
  if (!subject || !object || subject.key === object.key) return undefined;
  const edgeType = context.vocabulary.edgeTypes.get(type);
  if (!edgeType || !edgeTypeAllows(edgeType, subject.type, object.type)) return undefined;
  return {
    subject,
    type,
    object,
    sentence,
    quoteStart: start,
    quoteEnd: end,
    cueStart: start,
    cueEnd: end,
    rule,
    kind,
  };
}

/** The organisation a "Commerce Secretary" heads: a named "Commerce Department" or "Ministry of Commerce". */
function organisationOfPortfolio(word: string, groups: EntityGroup[], index: PhraseIndex): EntityGroup | undefined {
  if (!index.portfolios.has(word)) {
    const portfolio = new RegExp(`\\b${word}\\b`);
    index.portfolios.set(
      word,
      groups.find(
        (g) =>
          g.type === 'organization' &&
          isGovernmentBody(g) &&
          portfolio.test(g.name) &&
          /Department|Ministry|Office/.test(g.name),
      ),
    );
  }
  return index.portfolios.get(word);
}

/** The company most recently named before an offset (an entity's mentions are in body order). */
function latestCompany(groups: EntityGroup[], before: number, allowService: boolean): EntityGroup | undefined {
  let best: { group: EntityGroup; at: number } | undefined;
  for (const group of groups) {
    if (!(isCompany(group) || (allowService && group.type === 'service'))) continue;
    let low = 0;
    let high = group.mentions.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (group.mentions[middle].start < before) low = middle + 1;
      else high = middle;
    }
    const latest = group.mentions[low - 1];
    if (latest && (!best || latest.start > best.at)) best = { group, at: latest.start };
  }
  return best?.group;
}

function titleClaims(mention: Mention, context: PhraseContext, index: PhraseIndex): CandidateClaim[] {
  const person = context.groupOf(mention);
  if (!person || person.type !== 'person') return [];
  const claims: Array<CandidateClaim | undefined> = [];
  const start = mention.fullStart ?? mention.start;
  if (mention.title && isPositionTitle(mention.title)) {
    if (mention.titleOwner) {
      const owner =
        mention.titleOwner.source === 'name' && mention.titleOwner.modifier && !context.groupOf(mention.titleOwner)
          ? organisationOfPortfolio(mention.titleOwner.text, context.groups, index)
          : (context.groupOf(mention.titleOwner) ??
            organisationOfPortfolio(mention.titleOwner.text, context.groups, index));
      claims.push(
        make(context, person, 'holds_position', owner, start, mention.end, mention.sentence, 'title', 'title'),
      );
    }
    return claims.filter((c): c is CandidateClaim => c !== undefined);
  }
  // A lower-case role written before the name: "Kremlin spokesperson Dmitry Peskov".
  const before = context.body.slice(Math.max(0, mention.start - 60), mention.start);
  const role = ROLE_BEFORE_NAME.exec(before);
  if (!role || NON_POSITION_ROLES.test(role[1])) return [];
  const roleStart = mention.start - before.length + role.index + role[0].indexOf(role[1]);
  const ownerText = context.body.slice(Math.max(0, roleStart - 60), roleStart);
  const ownerMention = findOwnerBefore(context, roleStart, mention.sentence, index);
  // "Kremlin spokesperson Dmitry Peskov", "the company's president of global affairs, Nick Clegg".
  // ("EU foreign policy chief Kaja Kallas": a few words of portfolio may come between.)
  if (ownerMention && /^(?:['’]s)?\s+(?:[a-z]+\s+){0,3}$/.test(context.body.slice(ownerMention.end, roleStart))) {
    const owner = context.groupOf(ownerMention);
    mention.fullStart = ownerMention.fullStart ?? ownerMention.start;
    mention.titleOwner = ownerMention;
    mention.title = role[1];
    claims.push(
      make(
        context,
        person,
        'holds_position',
        owner,
        mention.fullStart,
        mention.end,
        mention.sentence,
        'role before name',
        'title',
      ),
    );
  } else if (CORPORATE_ROLE.test(role[1]) && /(?:^|[.!?]\s+|\b[Ii]ts\s+|\b[Tt]heir\s+)$/.test(ownerText)) {
    const owner = latestCompany(context.groups, roleStart, /[Ii]ts\s+$/.test(ownerText));
    const quoteStart = /[Ii]ts\s+$/.test(ownerText) ? roleStart - 4 : roleStart;
    claims.push(
      make(
        context,
        person,
        'holds_position',
        owner,
        quoteStart,
        mention.end,
        mention.sentence,
        'corporate role',
        'title',
      ),
    );
  }
  return claims.filter((c): c is CandidateClaim => c !== undefined);
}

function findOwnerBefore(
  context: PhraseContext,
  offset: number,
  sentence: number,
  index: PhraseIndex,
): Mention | undefined {
  let best: Mention | undefined;
  for (const m of index.bySentence.get(sentence) ?? []) {
    if (m.end > offset) continue;
    if (m.source === 'reference' && !/^['’]s/.test(context.body.slice(m.end, m.end + 2))) continue;
    if (!best || m.end > best.end) best = m;
  }
  return best;
}

function possessiveClaims(mention: Mention, context: PhraseContext, index: PhraseIndex): CandidateClaim[] {
  const possessor = context.groupOf(mention);
  if (!possessor) return [];
  const claims: Array<CandidateClaim | undefined> = [];
  const targets: Mention[] = [];
  if (mention.possessorOf) targets.push(mention.possessorOf);
  // "Nvidia's most advanced processors, the A100 and H100": the appositive list is what is possessed.
  const after = context.body.slice(mention.end, mention.end + 120);
  const list = /^['’]s\s+(?:[a-z][\w-]*\s+){1,6}?[a-z]+s,\s+(?:the|including)\s+/.exec(after);
  if (list) {
    // The list's names follow one another, joined by commas or "and".
    const named = (index.bySentence.get(mention.sentence) ?? [])
      .filter((m) => m.source !== 'reference' && m.start >= mention.end + list[0].length)
      .sort((a, b) => a.start - b.start);
    let cursor = mention.end + list[0].length;
    for (const m of named) {
      if (!/^(?:\s*,\s*(?:and\s+)?|\s+and\s+|)$/.test(context.body.slice(cursor, m.start))) break;
      targets.push(m);
      cursor = m.end;
    }
  }
  for (const target of targets) {
    const possessed = context.groupOf(target);
    if (!possessed) continue;
    const start = mention.fullStart ?? mention.start;
    const end = Math.max(target.end, target.fullEnd ?? target.end);
    let type: string | undefined;
    if (possessed.type === 'person' && target.title && isPositionTitle(target.title) && !target.titleOwner)
      type = 'holds_position';
    else if (possessor.type === 'person' && (possessed.type === 'service' || isCompany(possessed))) type = 'owns';
    else if (possessor.type === 'organization' && possessed.type === 'service') type = 'operates';
    else if (
      (possessor.type === 'country' || isGovernmentBody(possessor)) &&
      possessed.type === 'organization' &&
      isGovernmentBody(possessed)
    )
      type = 'part_of';
    if (!type) continue;
    const serviceNoun =
      /^\s+(?:[a-z][\w-]*\s+){0,3}?(?:service|app|platform|processors?|chips?|smartphone|phone|network|tool)\b/.exec(
        context.body.slice(end, end + 50),
      );
    const reversed = type === 'part_of' || type === 'holds_position';
    claims.push(
      make(
        context,
        reversed ? possessed : possessor,
        type,
        reversed ? possessor : possessed,
        start,
        serviceNoun ? end + serviceNoun[0].length : end,
        mention.sentence,
        'possessive',
        'possessive',
      ),
    );
  }
  return claims.filter((c): c is CandidateClaim => c !== undefined);
}

function bodyClaims(mention: Mention, context: PhraseContext): CandidateClaim[] {
  if ((mention.source !== 'body' && mention.source !== 'name') || !mention.partOfCountry) return [];
  const body = context.groupOf(mention);
  const country = context.groupOf(mention.partOfCountry);
  const claim = make(
    context,
    body,
    'part_of',
    country,
    mention.fullStart ?? mention.start,
    mention.end,
    mention.sentence,
    'government body',
    'body',
  );
  return claim ? [claim] : [];
}

/** "the Central Bank of Kenya", "the Ministry of Mines of Zambia": a state body named after its country is part of it. */
function namedAfterCountryClaims(mention: Mention, context: PhraseContext): CandidateClaim[] {
  if (mention.source !== 'name') return [];
  const body = context.groupOf(mention);
  if (!body || body.type !== 'organization') return [];
  const tail = /\s(?:of|for)\s+(?:the\s+)?(\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)*)$/u.exec(mention.text);
  if (!tail || !(isGovernmentBody(body) || /^(?:Central|National|Reserve|State)\s+Bank\b/.test(mention.text)))
    return [];
  const country = context.groups.find(
    (g) => g.type === 'country' && (g.name === tail[1] || g.mentions.some((m) => m.text === tail[1])),
  );
  const claim = make(
    context,
    body,
    'part_of',
    country,
    mention.start,
    mention.end,
    mention.sentence,
    'body named after its country',
    'body',
  );
  return claim ? [claim] : [];
}

/** "the Russian state gas giant Gazprom", "Chinese state-owned China Mobile": the country owns what follows. */
function stateOwnedClaims(mention: Mention, index: PhraseIndex, context: PhraseContext): CandidateClaim[] {
  if (mention.source !== 'country' || mention.countryForm !== 'demonym') return [];
  const owned = (index.givenBySentence.get(mention.sentence) ?? []).find(
    (m) =>
      m.source === 'name' &&
      (m.fullStart ?? m.start) > mention.end &&
      /^\s+state(?:-owned|-run|-controlled)?\s+(?:[a-z-]+\s+){0,3}$/.test(
        context.body.slice(mention.end, m.fullStart ?? m.start),
      ),
  );
  if (!owned) return [];
  const claim = make(
    context,
    context.groupOf(mention),
    'owns',
    context.groupOf(owned),
    mention.start,
    owned.end,
    mention.sentence,
    'state-owned',
    'possessive',
  );
  return claim ? [claim] : [];
}

export function nounPhraseRelations(mentions: Mention[], context: PhraseContext): CandidateClaim[] {
  const index: PhraseIndex = { bySentence: new Map(), givenBySentence: new Map(), portfolios: new Map() };
  for (const group of context.groups) for (const m of group.mentions) pushTo(index.bySentence, m.sentence, m);
  for (const m of mentions) pushTo(index.givenBySentence, m.sentence, m);
  const claims: CandidateClaim[] = [];
  for (const mention of mentions) {
    if (mention.source === 'reference') continue;
    claims.push(...titleClaims(mention, context, index));
    claims.push(...possessiveClaims(mention, context, index));
    claims.push(...bodyClaims(mention, context));
    claims.push(...namedAfterCountryClaims(mention, context));
    claims.push(...stateOwnedClaims(mention, index, context));
  }
  return claims;
}
