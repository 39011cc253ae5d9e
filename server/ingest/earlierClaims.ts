// Claims that point back at claims made earlier in the article instead of naming both ends:
// - "Russia's Foreign Ministry condemned the sanctions", "The company called the decision
//   politically motivated": criticism of whoever did the act the noun refers to ("The operation
//   was backed by Canada": support for them);
// - "Halvorsen denied making any payments": a denial of the earlier claim of that kind about
//   the denier ("Halvorsen allegedly paid … to the party");
// - "…, an allegation Tehran has repeatedly denied": a denial of the claims just made about Tehran.
// The acts are looked up among the candidate claims of the sentences already read.
import type { CandidateClaim } from './candidateClaim';
import type { EntityGroup } from './resolveEntities';

/** Edge types that a noun for an act can refer to ("the sanctions" → sanctioned). */
const ACT_NOUNS: Array<{ nouns: RegExp; types: string[] }> = [
  {
    nouns: /^(?:sanctions|listing|designation|penalties|penalty|fines|fine|blacklisting|revocation|suspension)$/,
    types: ['sanctioned'],
  },
  {
    nouns:
      /^(?:strikes|airstrikes|attacks|raids|bombing|bombings|invasion|offensive|assault|shelling|operation|campaign)$/,
    types: ['attacked'],
  },
  {
    nouns: /^(?:ban|block|blocks|blockade|restrictions|curbs|controls|shutdown|closure|closures)$/,
    types: ['restricted_access', 'sanctioned'],
  },
  {
    nouns: /^(?:decision|decisions|measure|measures|move|order|orders|ruling|action|step|freeze)$/,
    types: ['sanctioned', 'restricted_access', 'requested', 'attacked'],
  },
  { nouns: /^(?:deal|takeover|acquisition|purchase|merger|buyout|sale)$/, types: ['owns'] },
];

/** What a denied act is called ("making any payments" → funded), by the first word or two after "denied". */
const DENIED_ACTS: Array<{ words: RegExp; types: string[] }> = [
  {
    words:
      /^(?:making\s+(?:any\s+)?payments?|having\s+(?:made|paid)|paying|any\s+payments?|any\s+donations?|donating|funding|financing|bankrolling)\b/,
    types: ['funded'],
  },
  {
    words:
      /^(?:meeting|having\s+met|any\s+(?:meetings?|contacts?)|contacting|having\s+contacted|speaking\s+(?:to|with)|talking\s+to)\b/,
    types: ['in_contact_with'],
  },
  {
    words: /^(?:passing|having\s+passed|supplying|having\s+supplied|providing|selling|sharing|leaking|handing)\b/,
    types: ['provided_access'],
  },
  {
    words: /^(?:any\s+(?:ties|links|connections?|relationship)|having\s+(?:any\s+)?(?:ties|links))\b/,
    types: ['linked_to'],
  },
  { words: /^(?:ordering|asking|requesting|instructing|urging)\b/, types: ['requested'] },
];

export function typesOfActNoun(noun: string): string[] {
  return ACT_NOUNS.find((a) => a.nouns.test(noun.toLowerCase()))?.types ?? [];
}

export function typesOfDeniedAct(words: string): string[] {
  return DENIED_ACTS.find((a) => a.words.test(words.toLowerCase()))?.types ?? [];
}

/**
 * Who did the act "the NOUN" refers to, seen from `critic` at body offset `before`: the act
 * done to the critic itself if there is one (the latest), else the first act whose own words
 * use the noun ("carried out air strikes" for "the strikes"), else the latest act of the kind.
 * Every subject of the chosen statement counts ("the United States and Britain").
 */
export function agentsOfAct(
  noun: string,
  critic: EntityGroup,
  before: number,
  prior: CandidateClaim[],
  body: string,
): EntityGroup[] {
  const types = typesOfActNoun(noun);
  const acts = prior.filter((c) => types.includes(c.type) && c.cueEnd <= before && c.kind === 'verb' && !c.denial);
  if (!acts.length) return [];
  const nounPattern = new RegExp(`\\b${noun.toLowerCase()}\\b`);
  // An act against the critic ("sanctions on the company … The company called the decision…").
  const against = ['sanctioned', 'restricted_access', 'requested', 'attacked'];
  const chosen =
    [...acts].reverse().find((c) => c.object.key === critic.key && against.includes(c.type)) ??
    acts.find((c) => nounPattern.test(body.slice(c.cueStart, c.cueEnd).toLowerCase())) ??
    acts[acts.length - 1];
  const agents = new Map<string, EntityGroup>();
  for (const c of acts)
    if (c.cueStart === chosen.cueStart && c.subject.key !== critic.key) agents.set(c.subject.key, c.subject);
  // In the order the article names them ("the United States and Britain").
  return [...agents.values()].sort((a, b) => (a.mentions[0]?.start ?? 0) - (b.mentions[0]?.start ?? 0));
}

/**
 * The latest earlier claim of one of `types` that `denier` made (within the last `window` sentences), whose object the denial is about.
 * `prior` holds the candidate claims in reading order, so the search stops at the first one too far back.
 */
export function deniedClaim(
  denier: EntityGroup,
  types: string[],
  sentence: number,
  prior: readonly CandidateClaim[],
  window = 2,
): CandidateClaim | undefined {
  for (let i = prior.length - 1; i >= 0; i--) {
    const c = prior[i];
    if (sentence - c.sentence > window) break;
    if (c.sentence > sentence || c.denial || c.kind !== 'verb') continue;
    if (
      types.includes(c.type) &&
      (c.subject.key === denier.key || (c.type === 'in_contact_with' && c.object.key === denier.key))
    )
      return c;
  }
  return undefined;
}
