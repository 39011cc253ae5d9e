// The relation rules: cue words and their arrangement around slots, each mapped to an
// edge type of the vocabulary. Patterns run over masked sentences (maskSentence.ts), where
// "S" and "O" are slots captured as subject and object. When a pattern captures no
// subject, the subject is the nearest eligible name before the cue (active voice); when
// it captures no object, the object is the first name after it. Passive patterns ("run by
// S") capture the agent as subject and take the object from before the cue.
// These are general English patterns; none names an entity.

/** Where an argument comes from: a captured slot, the nearest name before or after the cue, the
 * article's event ("the attack"), whoever did the act a noun names ("condemned the sanctions"),
 * or the other end of an earlier claim that a denial points back to ("denied making any payments"). */
export type ArgumentSource = 'group' | 'before' | 'after' | 'event' | 'agents' | 'earlier';

export interface RelationRule {
  name: string;
  type: string;
  pattern: RegExp;
  subject: ArgumentSource;
  object: ArgumentSource;
  /** The pattern itself states a denial ("had nothing to do with"). */
  denial?: boolean;
  /** The pattern itself is an accusation or suspicion ("blamed X for the attack", "suspected of"): the claim is alleged. */
  hedged?: boolean;
  /** Edge type to use when the subject is a person and the vocabulary forbids `type` (a person "attacks" a judge in words). */
  personType?: string;
  /** The object may be a possessive pronoun ("serve as its representative"); otherwise "his account" names no object. */
  possessiveObject?: boolean;
  /** The object must not be a service (access rules: the service is the resource, the object the recipient). */
  objectNotService?: boolean;
  /** Edge type to use when the vocabulary forbids `type` between these ends ("runs the firm X": owns, not operates). */
  fallbackType?: string;
  /** The pattern itself is a party owning up to the act ("claimed responsibility for"): the claim is confirmed. */
  confirmed?: boolean;
  /** The object before the cue is the grammatical subject of a passive clause, so it must be able to be a subject. */
  objectIsClauseSubject?: boolean;
}

const S = '(?<s>⟦\\d+⟧)';
const O = '(?<o>⟦\\d+⟧)';
/** A few words, slots allowed, within the clause. */
const GAP = '(?:[^.;⟦]|⟦\\d+⟧){0,80}?';
/** Up to n plain words. */
const words = (n: number) => `(?:[\\w'’-]+\\s+){0,${n}}`;
/** An optional article, and a place compound ("Dubai-based") that is no part of the name after it. */
const THE = '(?:the\\s+)?(?:(?:[A-Z][a-z]+\\s+)?[A-Za-z]+-(?:based|registered|flagged|headquartered|listed)\\s+)?';
/** "sanctioned several Russian officials": a quantity before the name. */
const QUANTITY = '(?:(?:several|some|many|dozens\\s+of|a\\s+number\\s+of|two|three|four|five|six|\\d+)\\s+)?';
const EVENT = '(?:attack|attacks|sabotage|operation|bombing|explosions?|blasts?|strike|strikes)';
/** Adverbs between an auxiliary and its participle ("was already sanctioned", "is reportedly controlled"). */
const ADVERBS =
  '(?:(?:[a-z]+ly|already|also|later|first|since|long|not|never|then|still|once|now|previously|subsequently)\\s+){0,2}';
/** Words that name money ("more than 2 million euros", "donations"). */
const MONEY =
  '(?:euros?|dollars?|pounds?|rubles?|roubles?|yuan|francs?|reais|rupees?|lei|manat|shillings?|zloty|złoty|hryvnias?|lira|kron(?:er|or|a)|yen|baht|dinars?|dirhams?|riyals?|rand|pesos?|naira|tenge|lari|forint|leva|million|billion|money|funds|cash|donations?|payments?|bribes?|sums?|contributions?)';
/** Up to n words that do not open a clause or a prepositional phrase ("the messaging app", not "exports of"). */
const plainWords = (n: number) =>
  `(?:(?!(?:of|to|from|for|that|which|who|by|in|on|at|with|and)\\b)[a-z-]+\\s+){0,${n}}?`;

/** A description before a name, a demonym's country among its words ("the Swiss drugmaker", "the ⟦Swiss⟧ drugmaker"). */
const DESCRIBED = '(?:(?:[a-z-]+|⟦\\d+⟧(?=\\s+[a-z]))\\s+){0,4}?';

/** A role a person holds in an organisation or country ("chief compliance officer", "head of international payments"). */
export const ROLE =
  '(?:chief\\s+executive(?:\\s+officer)?|chief\\s+(?:[a-z-]+\\s+){0,2}officer|chief|chair|chairman|chairwoman|chairperson|(?:vice[\\s-])?president|(?:managing\\s+|executive\\s+|technical\\s+|general\\s+)?director|(?:general\\s+|regional\\s+|country\\s+)?manager|head(?:\\s+of\\s+[a-z-]+(?:\\s+[a-z-]+)?)?|spokes(?:man|woman|person)|secretary(?:-general)?|minister|governor|commissioner|commander|lobbyist|editor(?:-in-chief)?|treasurer|general\\s+counsel|adviser|advisor|envoy|ambassador|leader|(?:first-team\\s+)?coach|reporter|correspondent|representative)';
/** Words that may stand before a role ("former", "the country's mines", "its new regional"). */
const ROLE_MODIFIERS =
  '(?:(?:former|current|new|then|acting|interim|deputy|senior|long-?time|top)\\s+)?(?:[a-z-]+\\s+|⟦\\d+⟧\\s+(?=[a-z])){0,3}?';
/** Kin and personal ties that make two people associates. */
const KIN =
  '(?:husband|wife|spouse|son|daughter|brother|sister|father|mother|nephew|niece|cousin|uncle|aunt|son-in-law|daughter-in-law|brother-in-law|sister-in-law|father-in-law|associate|friend|business\\s+partner)';

/**
 * What may stand between "by" and the agent's name: a description ("businessman", "a former
 * agency officer,"), "the family of", a place before a description ("Hong Kong shipping magnate"),
 * or a possessor and a kin word ("Vlad's husband,"). The agent is never itself a possessor.
 */
const AGENT_DESCRIPTION =
  "(?:the\\s+family\\s+of\\s+)?(?:the\\s+|an?\\s+)?(?:[a-z-]+\\s+){0,3}?(?:⟦\\d+⟧\\s+(?=[a-z])(?:(?!(?:and|or|but|the|an?|of|to|in|on|at|by|with|for|from|who|which|that|said|says|called|and)\\b)[a-z-]+\\s+){1,3}?|⟦\\d+⟧['’]s\\s+(?:[a-z-]+\\s+){0,2}?[a-z-]+,?\\s+|[a-z-]+,\\s+)?";

function rule(name: string, type: string, source: string, options: Partial<RelationRule> = {}): RelationRule {
  const pattern = new RegExp(source, 'gi');
  const hasS = source.includes('(?<s>');
  const hasO = source.includes('(?<o>');
  return { name, type, pattern, subject: hasS ? 'group' : 'before', object: hasO ? 'group' : 'after', ...options };
}

/** The passive form of a verb rule: "⟦O⟧ was invaded by ⟦S⟧" (the object comes before the cue). */
function passive(name: string, type: string, participles: string, options: Partial<RelationRule> = {}): RelationRule {
  // "by Cypriot shipping magnate ⟦S⟧", "by the private equity firm ⟦S⟧": a description may come before the agent's name.
  return rule(
    name,
    type,
    `\\b(?:was|were|is|are|been|being|be)\\s+${ADVERBS}(?:${participles})\\s+(?:[\\d.,]+\\s+(?:[a-z]+\\s+){1,2})?(?:(?:from\\s+abroad|in\\s+part|partly|largely|mostly|secretly|directly|indirectly)\\s+)?by\\s+${THE}(?:${AGENT_DESCRIPTION}|(?:[a-z-]+\\s+){0,3}?(?:⟦\\d+⟧['’]s\\s+(?=⟦))?)${S}(?!['’]s)`,
    { object: 'before', objectIsClauseSubject: true, ...options },
  );
}

export const RELATION_RULES: RelationRule[] = [
  // Passive voice: the agent after "by" is the subject.
  passive('passive attacked', 'attacked', 'invaded|attacked|struck|bombed|shelled|annexed|sabotaged', {
    personType: 'criticized',
  }),
  passive('passive sanctioned', 'sanctioned', 'sanctioned|blacklisted|fined|penalized|penalised|banned'),
  passive('passive criticized', 'criticized', 'criticized|criticised|condemned|denounced|accused|rebuked|summoned'),
  passive('passive supported', 'supported', 'supported|backed|endorsed|defended|praised'),
  passive('passive funded', 'funded', 'funded|financed|bankrolled'),
  passive('passive contacted', 'in_contact_with', 'contacted|phoned|visited'),
  passive('passive requested', 'requested', 'asked|urged|ordered|instructed|directed|pressed|pressured'),
  passive('passive used', 'used', 'used|deployed'),
  passive('passive supplied', 'provided_access', 'supplied|provided|equipped'),
  passive('passive restricted', 'restricted_access', 'blocked|restricted|cut off|suspended|removed'),
  passive('passive owns', 'owns', 'owned|controlled|acquired|bought|purchased'),
  passive('passive operates', 'operates', 'run|operated|developed|launched', { fallbackType: 'owns' }),
  // "Nightjar is made by Halcyon": a maker operates its product (and owns no company it made).
  passive('passive made', 'operates', 'made|designed|built|produced|manufactured'),
  // "received 400,000 euros from S": the recipient, before the cue, is the object.
  rule(
    'passive received money from',
    'funded',
    `\\b(?:received|receives|receiving|accepted|accepts|took|taken|got)\\s+(?:[\\w.,$€£%-]+\\s+){0,6}?${MONEY}\\s+(?:[\\w-]+\\s+){0,3}?from\\s+${THE}${S}`,
    { object: 'before', objectIsClauseSubject: true },
  ),
  rule(
    'passive under sanctions',
    'sanctioned',
    `\\b(?:under|faces?|facing|hit\\s+with|subject\\s+to)\\s+${S}\\s+sanctions\\b`,
    { object: 'before', objectIsClauseSubject: true },
  ),
  // "Serbia buys most of its gas from Gazprom": the seller gives the buyer (before the cue) access.
  rule(
    'passive bought from',
    'provided_access',
    `\\b(?:buys|bought|buy|buying|imports|imported|import|importing|purchases|purchased|sources|sourced)\\s+(?:[\\w'’-]+\\s+|⟦\\d+⟧\\s+){0,5}?from\\s+${THE}(?:⟦\\d+⟧['’]s\\s+(?:[a-z-]+\\s+){0,2}?[a-z-]+,\\s+)?${S}(?!['’]s)`,
    { object: 'before', objectIsClauseSubject: true },
  ),
  rule('passive requests from', 'requested', `\\b(?:requests?|demands?|orders?|instructions?)\\s+from\\s+${THE}${S}`, {
    object: 'before',
    objectIsClauseSubject: true,
  }),
  // "The operation was backed by Canada and the Netherlands": support for whoever carried out the act.
  rule(
    'the act was backed by',
    'supported',
    `\\b[Tt]he\\s+(?:[a-z-]+\\s+)?(?<act>operation|strikes|airstrikes|attacks|raids|offensive|campaign)\\s+(?:was|were|has\\s+been|have\\s+been)\\s+(?:[a-z]+ly\\s+)?(?:backed|supported|endorsed|assisted|joined)\\s+by\\s+${THE}${S}`,
    { object: 'agents' },
  ),
  rule(
    "passive at S's request",
    'requested',
    `\\b(?:at|on|upon)\\s+${THE}${S}['’]s\\s+(?:request|orders?|behest|instructions?|urging|demand)`,
    { object: 'before', objectIsClauseSubject: true },
  ),
  // Reduced passives after a description: "Psiphon, a free circumvention tool funded by ⟦S⟧".
  rule(
    'funded by',
    'funded',
    `(?<!\\b(?:was|were|is|are|been|being|be)\\s+(?:[a-z]+\\s+)?)\\b(?:funded|financed|bankrolled)\\s+(?:in\\s+part\\s+|partly\\s+|largely\\s+)?by\\s+${THE}${S}`,
    { object: 'before' },
  ),
  rule(
    'backed by',
    'supported',
    `(?<!\\b(?:was|were|is|are|been|being|be)\\s+(?:[a-z]+\\s+)?)\\b(?:backed|supported|sponsored)\\s+by\\s+${THE}${S}`,
    { object: 'before' },
  ),
  rule(
    'S has been shielding O',
    'acted_on_behalf_of',
    `\\b(?:shield|shields|shielding|shielded|protect|protects|protecting|protected|covering\\s+for|covered\\s+for)\\s+${THE}${O}\\s+from\\b`,
  ),
  // Compound adjectives: "the Iran-backed Houthi movement", "a Kremlin-funded outlet", "state-owned".
  rule('S-backed O', 'supported', `${S}-(?:backed|supported|sponsored|allied|aligned)\\s+(?:[a-z-]+\\s+){0,2}?${O}`),
  rule('S-funded O', 'funded', `${S}-(?:funded|financed)\\s+(?:[a-z-]+\\s+){0,2}?${O}`),
  rule('S-owned O', 'owns', `${S}-(?:owned|controlled)\\s+(?:[a-z-]+\\s+){0,2}?${O}`),
  // in_contact_with
  rule(
    'in touch with',
    'in_contact_with',
    `\\bin\\s+(?:regular\\s+|frequent\\s+|secret\\s+|close\\s+|direct\\s+)?(?:touch|contact|talks)\\s+with\\s+${THE}${O}`,
  ),
  rule(
    'met',
    'in_contact_with',
    `\\b(?:met|meets|meeting|spoke|spoken|speaks|talked|held talks)\\s+(?:with\\s+|to\\s+)?${THE}(?:(?:(?:his|her|their|its|the)\\s+|⟦\\d+⟧['’]s\\s+)(?:[a-z-]+\\s+){0,2}?(?:[a-z-]+\\s+of\\s+(?:the\\s+)?⟦\\d+⟧|[a-z-]+),\\s+)?${O}(?!['’]s)`,
  ),
  // "toured the site with Sisavath", "reached an understanding with the terminal operator".
  rule(
    'toured with',
    'in_contact_with',
    `\\b(?:toured|visited|travell?ed|inspected)\\s+(?:[^.;⟦]|⟦\\d+⟧){0,60}?\\bwith\\s+${THE}(?:[a-z-]+\\s+){0,3}?(?:[a-z-]+,\\s+)?${O}(?!['’]s)`,
  ),
  rule(
    'reached an understanding with',
    'in_contact_with',
    `\\b(?:reached|struck|negotiated)\\s+(?:an?|the)\\s+(?:[a-z-]+\\s+)?(?:understanding|agreement|deal|settlement|compromise)\\s+with\\s+${THE}(?:[a-z-]+\\s+){0,2}?${O}`,
  ),
  // "met Norway's deputy foreign minister": meeting an unnamed official of a body is contact with the body.
  rule(
    "met O's official",
    'in_contact_with',
    `\\b(?:met|meets|meeting|spoke\\s+(?:with|to)|talked\\s+(?:with|to)|held\\s+talks\\s+with)\\s+${THE}${O}['’]s\\s+${ROLE_MODIFIERS}(?:${ROLE}|officials?|representatives?|delegation)\\b(?!,?\\s+⟦)`,
  ),
  // "acted in coordination with officers of X", "worked in close cooperation with X".
  rule(
    'in coordination with',
    'in_contact_with',
    `\\bin\\s+(?:close\\s+|direct\\s+)?(?:coordination|cooperation|collaboration|concert)\\s+with\\s+${THE}(?:(?:officers|officials|agents|members|representatives|staff)\\s+(?:of|from)\\s+${THE})?${O}`,
  ),
  rule('contacted', 'in_contact_with', `\\b(?:contacted|phoned|emailed|messaged)\\s+${THE}${O}`),
  rule(
    'communication with',
    'in_contact_with',
    `\\b(?:communications?|conversations?|phone calls?|calls?|talks|meetings?)\\s+with\\s+${THE}${O}`,
  ),
  rule("S's O contact", 'in_contact_with', `${S}['’]s\\s+${O}\\s+(?:contacts?|ties|meetings?|conversations?)\\b`),
  // requested
  rule(
    'asked O to',
    'requested',
    `\\b(?:asked|asks|urged|urges|demanded|told|tells|directed|directing|instructed|instructing|ordered|ordering|pressed|pressured|requested|called\\s+on|invited)\\s+${THE}(?:⟦\\d+⟧['’]s\\s+)?(?:[a-z][\\w-]*\\s+){0,3}${O}\\s+(?:not\\s+)?to\\b`,
  ),
  rule('lobbied', 'requested', `\\blobbied\\s+(?:[a-z]+\\s+){0,2}(?:in\\s+|at\\s+|of\\s+)?${THE}${O}`),
  rule('on the orders of', 'requested', `\\b(?:on|under)\\s+the\\s+orders?\\s+of\\s+${S}`, { object: 'before' }),
  // acted_on_behalf_of
  rule(
    'favour to',
    'acted_on_behalf_of',
    `\\b(?:favou?r\\s+(?:to|for)|on\\s+behalf\\s+of|(?:an\\s+)?agents?\\s+of|a\\s+proxy\\s+(?:for|of))\\s+${THE}${O}`,
  ),
  rule(
    'made for O by S',
    'acted_on_behalf_of',
    `\\b(?:made|manufactured|produced|built|fabricated)\\s+for\\s+${THE}${O}\\s+by\\s+${THE}${S}`,
  ),
  rule(
    'S made for O',
    'acted_on_behalf_of',
    `${S}\\s+(?:had\\s+|has\\s+)?(?:made|manufactured|produced|built|fabricated)\\s+(?:[a-z][\\w-]*\\s+){0,3}?for\\s+${THE}${words(3)}${O}`,
  ),
  rule(
    'spying for',
    'acted_on_behalf_of',
    `\\b(?:spying|spied|spy|spies|recruiting|recruited|recruits|recruit)\\s+(?:[a-z]+\\s+){0,2}?for\\s+${THE}${O}`,
  ),
  rule(
    "in O's interests",
    'acted_on_behalf_of',
    `\\b(?:acting|acted|act|acts|working|worked|work|works)\\s+(?:in|on)\\s+${O}['’]s\\s+(?:interests?|behalf)`,
  ),
  rule(
    'in the interests of',
    'acted_on_behalf_of',
    `\\b(?:acting|acted|act|acts|working|worked|work|works)\\s+in\\s+the\\s+interests?\\s+of\\s+${THE}${O}`,
  ),
  rule(
    'acting as a relay for',
    'acted_on_behalf_of',
    `\\b(?:acting|acted|act|acts|serving|served|serve|working|worked)\\s+as\\s+(?:an?\\s+)?(?:[a-z-]+\\s+)?(?:relay|proxy|agent|mouthpiece|conduit|front|intermediary|lobbyist)s?\\s+(?:for|of)\\s+${THE}${O}`,
  ),
  rule('for the benefit of', 'acted_on_behalf_of', `\\bfor\\s+the\\s+benefit\\s+of\\s+${THE}${O}`),
  rule(
    'accused of protecting',
    'acted_on_behalf_of',
    `(?<=\\b(?:accused|accusing|accuses|suspected|charged)\\s+[^.;]{0,60}?\\bof\\s+)(?:protecting|shielding|favou?ring|helping|covering\\s+for)\\s+${THE}${O}`,
  ),
  rule(
    'helped O evade',
    'acted_on_behalf_of',
    `\\b(?:help|helps|helped|helping|assisted|assisting|assists|assist)\\s+${THE}${O}\\s+(?:to\\s+)?(?:evade|avoid|circumvent|dodge|bypass|get\\s+around|skirt|obtain|acquire|launder|hide|conceal)\\b`,
  ),
  // provided_access
  rule(
    'passed to',
    'provided_access',
    `\\b(?:passing|passed|pass|passes|handing|handed|hand|leaking|leaked|leak|smuggling|smuggled)\\s+(?:[\\w'’-]+\\s+){0,4}?(?:over\\s+)?to\\s+(?:(?:an?|the)\\s+(?:[a-z-]+\\s+)?(?:officer|agent|official|representative|member|handler)s?\\s+of\\s+)?${THE}${O}`,
    { objectNotService: true },
  ),
  rule(
    'supplied',
    'provided_access',
    `(?<!\\b(?:from|against)\\s|(?<!(?:accused|accusing|accuses|suspected|charged|convicted)\\s+(?:⟦\\d+⟧|[a-z]+)\\s+)\\bof\\s)\\b(?:supplied|supplies|supply|supplying|delivered)\\s+(?:\\w+\\s+){0,1}?${THE}${O}`,
    { objectNotService: true },
  ),
  // "sell it chips": the recipient comes before the goods ("sell it" alone sells the thing).
  rule(
    'sold O goods',
    'provided_access',
    `(?<!\\b(?:from|against)\\s|(?<!(?:accused|accusing|accuses|suspected|charged|convicted)\\s+(?:⟦\\d+⟧|[a-z]+)\\s+)\\bof\\s)\\b(?:sold|sell|sells|selling)\\s+${THE}${O}\\s+(?:[a-z][\\w-]*\\s+){0,2}?[a-z]+s\\b`,
    { objectNotService: true },
  ),
  rule(
    'shipped to',
    'provided_access',
    `(?<!\\b(?:from|against)\\s|(?<!(?:accused|accusing|accuses|suspected|charged|convicted)\\s+(?:⟦\\d+⟧|[a-z]+)\\s+)\\bof\\s)\\b(?:shipped|ships|shipping|ship|sent|send|sends|sending|delivered|deliver|delivers|delivering|supplied|supplies|supply|supplying|provided|providing|donated|sold|sells|transferred|exported)\\s+(?!(?:[\\w.,$€£%-]+\\s+){0,5}?${MONEY}\\b)(?:[a-z][\\w-]*\\s+|⟦\\d+⟧\\s+){1,6}?to\\s+${THE}${O}`,
    { objectNotService: true },
  ),
  // "shared claims data with three partner firms, Allegra Dental, …".
  rule(
    'shared data with',
    'provided_access',
    `\\b(?:shared|shares|share|sharing)\\s+(?:[a-z-]+\\s+){0,4}?(?:data|information|records|files|details|intelligence|documents)\\s+with\\s+${THE}(?:[\\w-]+\\s+){0,3}?(?:[a-z-]+,\\s+)?${O}`,
  ),
  rule(
    'granted O aid',
    'provided_access',
    `\\b(?:granted|gave|giving|provided|offered|extended)\\s+${THE}${O}\\s+(?:[a-z][\\w-]*\\s+){0,3}(?:aid|access|loans?|support|funding|subsidies|assistance|weapons|arms|licen[cs]es?|permission|asylum|citizenship)\\b`,
  ),
  rule(
    'provided access to',
    'provided_access',
    `\\b(?:provided|gave|granted|offered|restored)\\s+${words(2)}access\\s+(?:to|for)\\s+${THE}${O}`,
    { objectNotService: true },
  ),
  rule(
    'shared with',
    'provided_access',
    `\\bshar(?:e|es|ed|ing)\\s+(?:[\\w'’-]+\\s+|⟦\\d+⟧\\s+){0,6}?with\\s+${THE}${O}`,
    { objectNotService: true },
  ),
  // restricted_access
  rule(
    'remove equipment made by O',
    'restricted_access',
    `\\b(?:remove|removes|removing|removed|strip|stripping|ban|bans|banning|banned|exclude|excluding|excluded|phase\\s+out|replace|replacing)\\s+(?:[a-z-]+\\s+){0,3}?(?:components|equipment|gear|parts|products|kit|technology|devices|hardware)\\s+(?:made|supplied|sold|built|produced|provided)\\s+by\\s+${THE}${O}`,
  ),
  rule(
    'blocked O',
    'restricted_access',
    `\\b(?:block|blocks|blocked|blocking|throttle|throttles|throttled|throttling|restrict|restricts|restricted|restricting)\\s+(?:access\\s+to\\s+)?${THE}${plainWords(2)}${O}(?!['’]s)`,
  ),
  rule(
    'cut off access to',
    'restricted_access',
    `\\b(?:cut|cutting|cuts|choke|choking|chokes)\\s+off\\s+${words(1)}access\\s+(?:to|for)\\s+${THE}${O}`,
    { objectNotService: false },
  ),
  rule(
    "cut off O's access",
    'restricted_access',
    `\\b(?:cut|cutting|cuts|choke|choking|chokes)\\s+off\\s+${THE}${O}['’]s\\s+access`,
  ),
  rule(
    'restricted exports to',
    'restricted_access',
    `\\b(?:restricted|restricting|restricts|restrict|banned|banning|halted|halting|halts|stopped|stopping|suspended|curbed|curbing|blocked|limited)\\s+(?:exports|shipments|sales|deliveries|supplies)\\b${GAP}\\bto\\s+${THE}${O}`,
    { objectNotService: true },
  ),
  // "has revoked the licence of Luano Copper Holdings", "withdrew Tarn Air's operating permit": a penalty on the holder.
  rule(
    'revoked the licence of O',
    'sanctioned',
    `\\b(?:revok(?:ed|es|ing|e)|withdr(?:ew|awn|awing)|cancell?(?:ed|ing))\\s+the\\s+(?:[a-z-]+\\s+)?(?:licen[cs]e|permit|concession|accreditation|registration|certificate)\\s+of\\s+${THE}${O}`,
  ),
  rule(
    "revoked O's licence",
    'sanctioned',
    `\\b(?:revok(?:ed|es|ing|e)|withdr(?:ew|awn|awing)|cancell?(?:ed|ing))\\s+${O}['’]s\\s+(?:[a-z-]+\\s+)?(?:licen[cs]e|permit|concession|accreditation|registration|certificate)\\b`,
  ),
  rule(
    'revoked licences',
    'restricted_access',
    `\\brevok(?:ed|es|ing)\\s+${words(3)}licen[cs]es\\b${GAP}\\b(?:to|for)\\s+${THE}${O}`,
    { objectNotService: true },
  ),
  rule(
    'exports to O require a licence',
    'restricted_access',
    `\\bexports?\\s+of\\b${GAP}\\bto\\s+${THE}${O}\\s+would\\s+(?:also\\s+)?require\\s+(?:a\\s+)?licen[cs]es?`,
    { objectNotService: true },
  ),
  rule(
    'shut off for',
    'restricted_access',
    `\\b(?:shut|switched|turned|cut)\\s+(?:[\\w'’-]+\\s+|⟦\\d+⟧\\s+){0,3}off\\s+for\\s+${THE}${O}`,
    { objectNotService: true },
  ),
  rule('removed from', 'restricted_access', `\\b(?:removed|pulled|delisted|banned)\\s+${O}\\s+from\\b`),
  rule(
    'stopped funding for',
    'restricted_access',
    `\\bstop(?:ped|ping|s)?\\s+funding\\s+for\\b${GAP}\\bfor\\s+${THE}${O}`,
    { objectNotService: true },
  ),
  // sanctioned
  rule(
    'added O to its sanctions list',
    'sanctioned',
    `\\badded\\s+${THE}${O}\\s+to\\s+(?:the\\s+|its\\s+|their\\s+)?(?:[a-z]+\\s+)?(?:sanctions\\s+list|blacklist|entity\\s+list|list\\s+of\\s+sanctioned)`,
  ),
  rule('suspended O', 'sanctioned', `\\b(?:suspended|suspends|banned|bans)\\s+${THE}${O}(?!['’]s|\\s+from\\b)`),
  rule(
    'sanctioned',
    'sanctioned',
    `\\b(?:sanctioned|sanctions|blacklisted|fined|penalized|penalised|imposed\\s+(?:sanctions|penalties|fines)\\s+on|barred|barring|bars)\\s+${THE}${QUANTITY}(?:(?:(?!(?:by|of|to|in|on|from|with|for|and|as)\\b)[a-z-]+\\s+){1,3}?(?=⟦))?(?:⟦\\d+⟧['’]s\\s+(?:[a-z-]+\\s+){0,2}[a-z-]+,?\\s+)?${O}(?!['’]s)`,
  ),
  rule(
    'S sanctions against O',
    'sanctioned',
    `${S}\\s+(?:[a-z]+\\s+)?(?:sanctions|penalties|embargo|restrictions)\\s+(?:against|on)\\s+${THE}${O}`,
  ),
  rule(
    'froze accounts of',
    'sanctioned',
    `\\b(?:froze|frozen|freezing|seized)\\s+${THE}(?:[\\w'’-]+\\s+){0,4}(?:accounts|assets|funds)\\s+of\\s+${THE}${O}`,
  ),
  rule(
    'ordered O suspended',
    'sanctioned',
    `\\b(?:ordered|order)\\s+${THE}${O}\\s+(?:to\\s+be\\s+)?(?:suspended|blocked|banned|shut\\s+down|closed)`,
  ),
  rule(
    "on S's entity list",
    'sanctioned',
    `\\bon\\s+${THE}${S}['’]s\\s+(?:Entity\\s+List|blacklist|sanctions\\s+list|trade\\s+blacklist)`,
    { object: 'before' },
  ),
  // in_contact_with by meetings and agreements: "toured the site with X", "reached an understanding with X".
  rule(
    'reached an agreement with',
    'in_contact_with',
    `\\b(?:reached|struck|signed|negotiated)\\s+(?:an?|the)\\s+(?:[a-z-]+\\s+)?(?:understanding|agreement|deal|settlement|accord)\\s+with\\s+${THE}(?:[a-z-]+\\s+){0,2}?${O}`,
  ),
  rule(
    'toured with',
    'in_contact_with',
    `\\b(?:toured|visited|travelled|traveled|dined|lunched)\\s+(?:[\\w'’-]+\\s+){0,5}?with\\s+${THE}(?:[a-z-]+\\s+){0,3}?${O}`,
  ),
  // attacked
  rule(
    'invaded',
    'attacked',
    `\\b(?:invaded|invading|invades|invade|attacked|attacking|attacks|attack|struck|strikes|bombed|bombing|shelled|shelling|annexed|sabotaged)\\s+${THE}${O}`,
    { personType: 'criticized' },
  ),
  rule(
    'hacked into',
    'attacked',
    `\\b(?:hacked(?:\\s+into)?|broke\\s+into|breaking\\s+into|breached|infiltrated|compromised|targeted)\\s+(?:[\\w'’-]+\\s+){0,6}?(?:of|at|in)\\s+${THE}${O}`,
  ),
  rule(
    'attacked many, including O',
    'attacked',
    `\\b(?:attacked|targeted|hacked|struck|hit)\\s+(?:[\\w,.-]+\\s+){1,8}?including\\s+${THE}${O}`,
  ),
  rule(
    "S's invasion of O",
    'attacked',
    `${S}['’]s\\s+(?:[a-z-]+\\s+)?(?:invasion|occupation|annexation|bombardment|bombing|shelling|war|attacks?|strikes?)\\s+(?:of|on|against)\\s+${THE}${O}`,
  ),
  rule(
    'carried out strikes on',
    'attacked',
    `\\b(?:carried\\s+out|launched|conducted|staged|mounted)\\s+(?:[a-z-]+\\s+){0,2}?(?:strikes|attacks|raids|airstrikes|bombings)\\s+(?:on|against)\\s+(?:[\\w-]+\\s+){0,5}?${O}`,
  ),
  rule(
    'claimed responsibility for an attack on',
    'attacked',
    `\\bclaimed\\s+responsibility\\s+for\\s+(?:an?|the)\\s+(?:[a-z-]+\\s+){0,2}?(?:attacks?|strikes?|bombings?|raids?|assault)\\s+(?:on|against)\\s+${THE}(?:[a-z-]+\\s+){0,2}?${O}`,
    { confirmed: true },
  ),
  rule(
    'seized',
    'attacked',
    `\\b(?:seized|seizing|hijacked|hijacking|raided|raiding|fought|fighting|fights|shot\\s+down|downed|torpedoed)\\s+(?:against\\s+)?${THE}${O}`,
  ),
  rule(
    'launched the invasion of',
    'attacked',
    `\\b(?:ordered|launched|began|started|carried\\s+out|coordinated|organi[sz]ed|planned|conducted|led|staged)\\s+(?:the|a|an)\\s+(?:[a-z-]+\\s+)?(?:invasion|attack|offensive|strikes?|assault|bombing|sabotage|raid)\\s+(?:of|on|against)\\s+${THE}${O}`,
  ),
  rule(
    'blamed O for the attack',
    'attacked',
    `\\bblam(?:ed|es|ing)\\s+${S}(?:\\s+and\\s+⟦\\d+⟧)?\\s+for\\s+the\\s+${EVENT}`,
    { object: 'event', hedged: true },
  ),
  rule(
    'planted the explosives',
    'attacked',
    `\\b(?:planted|planting|detonated|placed|plant)\\s+the\\s+(?:explosives|bombs?|charges|devices)`,
    { object: 'event' },
  ),
  rule(
    'suspected of the attack',
    'attacked',
    `\\bsuspected\\s+of\\s+(?:helping\\s+(?:to\\s+)?)?(?:plant(?:ing)?|carry(?:ing)?\\s+out|organi[sz](?:e|ing)|coordinat(?:e|ing)|sabotag(?:e|ing))`,
    { object: 'event', hedged: true },
  ),
  rule(
    'coordinators of the operation',
    'attacked',
    `\\b(?:coordinators?|organi[sz]ers?|perpetrators?|masterminds?|planners?)\\s+of\\s+the\\s+${EVENT}`,
    { object: 'event' },
  ),
  rule(
    'the attack was overseen by',
    'attacked',
    `\\bthe\\s+${EVENT}\\s+(?:had\\s+been|has\\s+been|was|were)\\s+(?:overseen|carried\\s+out|orchestrated|ordered|planned|coordinated|organi[sz]ed|conducted|led)\\s+by\\s+${S}`,
    { object: 'event' },
  ),
  rule(
    'denied knowledge of the attack',
    'attacked',
    `\\bden(?:ied|ies|y|ying)\\s+(?:any\\s+)?(?:knowledge\\s+of|involvement\\s+in|responsibility\\s+for|role\\s+in)\\s+the\\s+${EVENT}`,
    { object: 'event', denial: true },
  ),
  rule(
    'nothing to do with the attack',
    'attacked',
    `\\b(?:had|has|have)\\s+nothing\\s+to\\s+do\\s+with\\s+the\\s+${EVENT}`,
    { object: 'event', denial: true },
  ),
  // Criticism of an earlier act: "condemned the sanctions as illegal", "called the decision politically motivated".
  rule(
    'condemned the act',
    'criticized',
    `\\b(?:condemned|condemning|criticized|criticised|denounced|denouncing|called|calling|branded|slammed|decried|rejected|described)\\s+the\\s+(?:[a-z-]+\\s+)?(?<act>sanctions|listing|designation|penalties|penalty|fines|fine|revocation|suspension|closure|closures|strikes|airstrikes|attacks|raids|bombings?|invasion|offensive|assault|shelling|ban|block|blockade|restrictions|curbs|decision|measures?|move|order|ruling|action|freeze|deal|takeover|acquisition|purchase|merger|buyout)\\b(?!\\s+(?:of|on|against|by)\\b)`,
    { object: 'agents' },
  ),
  // "called the US sanctions \"a political weapon\"": criticism of the country or body named before the act.
  rule(
    'called the O sanctions',
    'criticized',
    `\\b(?:condemned|condemning|criticized|criticised|denounced|called|calling|branded|slammed|decried|rejected)\\s+(?:the\\s+)?${O}\\s+(?:[a-z-]+\\s+)?(?:sanctions|penalties|fine|fines|ban|decision|ruling|restrictions|strikes|blockade)\\b`,
  ),
  // criticized
  rule(
    'criticized',
    'criticized',
    `\\b(?:criticized|criticised|criticizing|criticising|criticizes|condemned|condemning|denounced|denouncing|accused|accusing|accuses|rebuked|slammed|summoned|summoning|charging|indicted|indicting|sued|suing|questioning\\s+whether|questioned\\s+whether)\\s+${THE}${O}(?!\\s+and\\s+⟦\\d+⟧\\s+for\\s+the\\s+${EVENT})`,
  ),
  // "calling him a dictator" is criticism; "called Netanyahu on Sunday" is a call.
  rule(
    'called O a',
    'criticized',
    `\\b(?:calling|called|calls|branded|branding|labelled|labeled|dubbed)\\s+${THE}${O}\\s+(?:a|an|the)\\s+`,
  ),
  rule(
    'called O on',
    'in_contact_with',
    `\\b(?:called|phoned|rang)\\s+${THE}${O}\\s+(?:on|last|this|by|late|early|twice|again)\\b`,
  ),
  rule(
    'blamed',
    'criticized',
    `\\bblam(?:ed|es|ing)\\s+${THE}${O}(?!(?:\\s+and\\s+${THE}⟦\\d+⟧)?\\s+for\\s+the\\s+${EVENT})`,
  ),
  rule('alleged that', 'criticized', `\\balleged\\s+that\\s+${THE}${O}`),
  // "called the SIS \"a political police\"", "called Farid \"a paid agent\"": a name and a quoted judgement.
  rule(
    'called O "…"',
    'criticized',
    `\\b(?:called|calling|calls|branded|labelled|labeled|dubbed)\\s+${THE}${O}\\s+["“]`,
  ),
  // "called his testimony \"an invention\"": a quoted judgement of what a person did or said is criticism of that person.
  rule(
    'called his act "…"',
    'criticized',
    `\\b(?:called|calling|calls|branded|labelled|labeled|dubbed|described)\\s+${O}\\s+(?:[a-z-]+\\s+)?(?:testimony|account|statements?|claims?|evidence|remarks|comments|version|story|allegations?|report|conduct|behaviou?r|actions?|policy|policies)\\s+(?:as\\s+)?["“]`,
    { possessiveObject: true },
  ),
  // "demanded that Zambia's Anti-Corruption Commission investigate the award".
  rule(
    'demanded that O act',
    'requested',
    `\\b(?:demanded|demands|demanding|urged|urges|asked|insisted|requested|called\\s+for)\\s+that\\s+${THE}(?:⟦\\d+⟧['’]s\\s+)?${O}\\s+(?:should\\s+|must\\s+)?(?!(?:is|was|were|are|had|has|have|did|would|will|could)\\b)[a-z]+`,
  ),
  // "urged both sides", "urged the developer to share": "urged" with any object.
  rule('urged O', 'requested', `\\b(?:urged|urges|urging|implored|pressed)\\s+${THE}${O}(?!['’]s)`),
  // "Kenya has faced pressure from the United States and the European Union to tighten oversight".
  rule(
    'under pressure from S to',
    'requested',
    `\\b(?:faced|faces|facing|under|came\\s+under|comes\\s+under)\\s+(?:[a-z]+\\s+)?pressure\\s+from\\s+${THE}${S}(?:\\s+and\\s+${THE}⟦\\d+⟧)*\\s+to\\b`,
    { object: 'before', objectIsClauseSubject: true },
  ),
  rule('appealed to', 'requested', `\\b(?:appealed|appeals|appealing|petitioned|wrote)\\s+to\\s+${THE}${O}`),
  // supported
  rule(
    'supported',
    'supported',
    `\\b(?:supported|supports|backed|backs|endorsed|endorses|sided\\s+with|sides\\s+with|campaigned\\s+for|defended|voted\\s+for|praised)\\s+${THE}${O}`,
  ),
  rule('S support for O', 'supported', `${S}\\s+(?:[a-z]+\\s+)?(?:support|backing|aid)\\s+(?:for|to)\\s+${THE}${O}`),
  rule(
    "involved in O's campaign",
    'supported',
    `\\b(?:got\\s+involved\\s+in|joined|worked\\s+on|donated\\s+to|campaigned\\s+in)\\s+${O}['’]s\\s+(?:[a-z]+\\s+)?campaign`,
  ),
  // funded
  rule('funded', 'funded', `\\b(?:funded|funds|financed|finances|bankrolled|paid\\s+for|invested\\s+in)\\s+${THE}${O}`),
  rule(
    'paid money to',
    'funded',
    `\\b(?:paid|pays|paying|pay|donated|donates|donating|gave|give|gives|giving|transferred|transfers|sent|funnelled|funneled|channelled|channeled|wired)\\s+(?:[\\w.,$€£%-]+\\s+){0,6}?${MONEY}\\s+(?:[\\w-]+\\s+){0,3}?(?:to|into)\\s+${THE}${O}`,
  ),
  rule(
    'invested an amount in',
    'funded',
    `\\b(?:invested|invests|investing|pumped|poured)\\s+(?:[\\w.,$€£-]+\\s+){1,4}?in(?:to)?\\s+${THE}${O}`,
  ),
  rule(
    'funded shipments to',
    'funded',
    `\\b(?:funded|financed|paid\\s+for|bankrolled)\\s+(?:[a-z][\\w-]*\\s+){1,4}?(?:to|for)\\s+${THE}${O}`,
  ),
  // "the ANB paid Adriatic Secure Solutions 1.2 million euros", "paid Adriatic Secure Solutions for …".
  rule(
    'paid O',
    'funded',
    `\\b(?:paid|pays|paying|lent|loaned|lends|awarded)\\s+${THE}${O}(?!['’]s)\\s+(?:[\\d$€£]|about|more|almost|nearly|at\\s+least|a\\s+|an\\s+|for\\b)`,
  ),
  // "signed a contract worth 1.9 billion dollars with X": the one who pays awards the contract.
  rule(
    'a contract worth with O',
    'funded',
    `\\b(?:signed|awarded|agreed|concluded)\\s+(?:an?|the)\\s+(?:[a-z-]+\\s+){0,4}?(?:contract|deal|agreement)\\s+(?:worth|valued\\s+at)\\s+(?:[\\w.,$€£-]+\\s+){1,6}?with\\s+${THE}(?:[a-z-]+\\s+){0,3}?${O}`,
  ),
  // "won contracts worth 410 million pounds from the Department for Transport": the payer comes after "from".
  rule(
    'won a contract from',
    'funded',
    `\\b(?:won|wins|winning|received|secured|was\\s+awarded|were\\s+awarded)\\s+(?:an?\\s+|the\\s+)?(?:[a-z-]+\\s+){0,3}?contracts?\\s+(?:worth\\s+(?:[\\w.,$€£-]+\\s+){1,6}?)?(?:from|with|by)\\s+${THE}${S}`,
    { object: 'before', objectIsClauseSubject: true },
  ),
  // "backed by a 90 million euro loan from the EBRD": the lender funds.
  rule(
    'a loan from',
    'funded',
    `\\b(?:backed|funded|financed)\\s+by\\s+an?\\s+(?:[\\w.,$€£-]+\\s+){0,5}?(?:loan|grant|credit|investment)\\s+from\\s+${THE}${S}`,
    { object: 'before' },
  ),
  // used
  rule(
    'used',
    'used',
    `(?<!\\b(?:that|of|for|by|from|about|against)\\s)\\b(?:used|using|uses|relied\\s+on|relying\\s+on|deployed|deploying)\\s+${THE}${O}`,
  ),
  rule('trained on', 'used', `\\btrained\\s+(?:[\\w'’-]+\\s+){0,5}on\\s+${THE}${O}`),
  rule(
    'was provided access to',
    'used',
    `\\b(?:was|were|had\\s+been|has\\s+been)\\s+(?:provided|given|granted|offered)\\s+${words(2)}access\\s+to\\s+${THE}${O}`,
  ),
  // owns
  rule(
    'owner of',
    'owns',
    `(?<!-)\\b(?:owner\\s+of|owns|owned|own|acquired|acquires|acquire|bought|buys|buy|controls|took\\s+control\\s+of|purchased|purchase)\\s+${THE}${plainWords(3)}${O}`,
  ),
  rule(
    'a stake in',
    'owns',
    `\\b(?:owns|owned|own|holds|held|hold|acquired|acquires|acquire|bought|buys|buy|took|takes|has|had|with)\\s+(?:an?|the|its|his|her)\\s+(?:[\\w.%-]+\\s+){0,3}?(?:stake|shareholding|holding|interest)\\s+in\\s+${THE}(?:[\\w'’-]+\\s+){0,4}?${O}`,
  ),
  // "40 percent of its shares are held by Copperbelt Horizon Ltd".
  rule(
    'percent of O are held by S',
    'owns',
    `\\b(?:[\\d.,]+\\s*(?:percent|per\\s+cent|%)|(?:a\\s+)?(?:majority|minority|controlling)\\s+(?:stake|share))\\s+(?:of|in)\\s+${O}(?:['’]s)?\\s+(?:[a-z-]+\\s+)?(?:shares|stock|capital)?\\s*(?:is|are|was|were)\\s+(?:now\\s+)?(?:held|owned|controlled)\\s+by\\s+${THE}${S}`,
    { possessiveObject: true },
  ),
  // "a joint venture in which the Thai developer Siam Hydro Power holds 70 percent".
  rule(
    'O, a venture in which S holds percent',
    'owns',
    `${O},\\s+(?:an?|the)\\s+(?:[a-z-]+\\s+){0,3}?(?:in|of)\\s+which\\s+${THE}(?:⟦\\d+⟧\\s+(?=[a-z]))?(?:[a-z-]+\\s+){0,3}?${S}\\s+(?:holds|owns|has|held|owned|had)\\s+(?:a\\s+)?[\\d.,]+\\s*(?:percent|per\\s+cent|%)`,
  ),
  // "the Muscat Horizon Fund, a state investment fund of Oman".
  rule(
    'O, a state fund of S',
    'owns',
    `${O},\\s+(?:an?|the)\\s+state(?:-owned|-run|-controlled)?\\s+(?:[a-z-]+\\s+){0,2}?(?:fund|company|firm|bank|agency|enterprise|broadcaster|holding|investor)\\s+of\\s+${THE}${S}`,
  ),
  rule(
    "O's largest shareholder is S",
    'owns',
    `${O}['’]s\\s+(?:largest|biggest|main|majority|controlling|principal|sole|ultimate)\\s+(?:shareholder|owner|investor|stakeholder|beneficiary)\\s+(?:is|was|,)\\s+${THE}(?:[\\w-]+\\s+){0,3}?${S}`,
  ),
  rule(
    "O, S's state-owned company",
    'owns',
    `${O},\\s+(?:the\\s+)?${S}['’]s\\s+(?:state-owned|state-run|state-controlled|government-owned)`,
  ),
  rule(
    'runs the firm',
    'operates',
    `\\b(?:runs|ran|operates|operated)\\s+(?!by\\b)(?:an?\\s+)?${THE}(?:[a-z][\\w'’-]*\\s+){0,4}?(?:[a-z][\\w'’-]*,\\s+)?${O}`,
    { fallbackType: 'owns' },
  ),
  rule(
    'owns percent of',
    'owns',
    `\\b(?:owns|owned|own|holds|held|controls|controlled|acquired|bought|buy|buys)\\s+(?:(?:a|an|the)\\s+)?(?:[\\d.,]+\\s*(?:percent|per\\s+cent|%)|majority|minority|controlling\\s+(?:stake|share)|half|stake|shares)\\s+(?:stake\\s+)?(?:of|in)\\s+${THE}${O}`,
  ),
  rule(
    'S, the arm of O',
    'part_of',
    `${S},\\s+(?:the|a|an|its)\\s+(?:[a-z-]+\\s+){0,2}(?:arm|unit|subsidiary|division|branch|affiliate|wing|department|agency)\\s+of\\s+${THE}${DESCRIBED}${O}(?!\\s+(?:[a-z-]+\\s+){1,2}⟦)`,
  ),
  rule("O's owner, S", 'owns', `${O}['’]s\\s+(?:[\\w-]+\\s+)?owner,?\\s+${S}`),
  rule(
    'owned by',
    'owns',
    `(?<!\\b(?:was|were|is|are|been|being|be)\\s+)\\b(?:owned|controlled|acquired|bought)\\s+by\\s+${THE}(?:${AGENT_DESCRIPTION})${S}(?!['’]s)`,
    { object: 'before' },
  ),
  rule(
    'S, the newspaper of O',
    'owns',
    `${O},\\s+(?:the|a|an)\\s+(?:official\\s+|state\\s+|main\\s+)?(?:newspaper|outlet|broadcaster|mouthpiece|publication|channel|daily|paper)\\s+of\\s+${THE}${S}`,
  ),
  // operates
  rule(
    'run by',
    'operates',
    `(?<!\\b(?:was|were|is|are|been|being|be)\\s+)\\b(?:run|operated|offered)\\s+by\\s+${THE}(?:[\\w'’-]+\\s+|⟦\\d+⟧['’]s\\s+){0,3}?${S}(?!['’]s)`,
    { object: 'before' },
  ),
  rule('the company behind', 'operates', `${S},?\\s+(?:the\\s+(?:company|firm|group)|⟦\\d+⟧)\\s+behind\\s+${THE}${O}`),
  rule(
    'released',
    'operates',
    `\\b(?:released|launched|unveiled|introduced|designed|rolled\\s+out)\\s+(?:its\\s+|the\\s+|a\\s+new\\s+|a\\s+|⟦\\d+⟧\\s+)?${O}`,
  ),
  rule(
    'O, an S tool',
    'operates',
    `${O},\\s+(?:an?|the|its)\\s+(?:[a-z][\\w-]*\\s+){0,2}${S}\\s+(?:[a-z][\\w-]*\\s+){0,2}(?:tool|app|application|service|platform|chip|processor|product|software)\\b`,
  ),
  rule(
    'O, the chip S designed',
    'operates',
    `${O},\\s+the\\s+(?:[a-z][\\w-]*\\s+){0,3}(?:chip|processor|app|application|service|platform|product|phone|smartphone|model|tool|software)\\s+(?:that\\s+)?${S}\\s+(?:had\\s+|has\\s+)?(?:designed|developed|built|made|launched|created|released)`,
  ),
  rule(
    'S released versions, the O',
    'operates',
    `${S}\\s+(?:responded\\s+with|released|launched|introduced|developed|unveiled|offered)\\s+(?:[a-z][\\w-]*\\s+){0,8}?(?:versions?|models?|chips?|processors?|products?|phones?|devices?)\\b[^.;⟦]{0,40},\\s+the\\s+${O}`,
  ),
  // "Apple's iMessage and FaceTime apps", "its Facebook and Instagram platforms", "the firm's cancer drugs Oncavir and Talprexa".
  rule(
    "S's A and B apps",
    'operates',
    `${S}['’]s\\s+(?:[a-z-]+\\s+){0,2}?${O}(?:,\\s+⟦\\d+⟧)*,?\\s+and\\s+⟦\\d+⟧\\s+(?:[a-z-]+\\s+)?(?:apps|platforms|services|products|brands|networks|tools|drugs|medicines|pipelines|vessels|ships|satellites|websites|sites|channels)\\b`,
  ),
  rule(
    "S's drugs A and B",
    'operates',
    `${S}['’]s\\s+(?:[a-z-]+\\s+){0,2}?(?:apps|platforms|services|products|brands|networks|tools|drugs|medicines|pipelines|vessels|ships|satellites|websites|channels)\\s+${O}`,
  ),
  // "Brisk Logistics is a unit of the Norwegian group Fjellnett Holdings".
  rule(
    'S is a unit of O',
    'part_of',
    `${S}\\s+(?:is|was|became|has\\s+been)\\s+(?:now\\s+)?(?:a|an|the)\\s+(?:[a-z-]+\\s+){0,2}(?:arm|unit|subsidiary|division|branch|affiliate)\\s+of\\s+${THE}${DESCRIBED}${O}(?!\\s+(?:[a-z-]+\\s+){1,2}⟦)`,
  ),
  // "CloudHarbor, a cloud-storage provider that is a unit of the Dutch technology group Tessaract Systems".
  rule(
    'S, a firm that is a unit of O',
    'part_of',
    `${S},\\s+(?:a|an|the)\\s+(?:[a-z-]+\\s+){0,4}?(?:that|which)\\s+is\\s+(?:now\\s+)?(?:a|an|the)\\s+(?:[a-z-]+\\s+){0,2}(?:arm|unit|subsidiary|division|branch|affiliate)\\s+of\\s+${THE}${DESCRIBED}${O}(?!\\s+(?:[a-z-]+\\s+){1,2}⟦)`,
  ),
  rule(
    "O's unit, S",
    'part_of',
    `${O}['’]s\\s+(?:[a-z-]+\\s+){0,2}(?:arm|unit|subsidiary|division|branch|affiliate)s?,?\\s+${S}`,
  ),
  // member_of: "Estonia and Latvia are members of the European Union".
  rule(
    'S are members of O',
    'member_of',
    `${S}\\s+(?:is|are|was|were|has\\s+been|have\\s+been|became|become)\\s+(?:both\\s+|all\\s+|also\\s+|now\\s+|long\\s+)?(?:an?\\s+|the\\s+)?(?:founding\\s+|full\\s+)?members?\\s+(?:states?\\s+)?of\\s+${THE}(?:[\\w'’-]+\\s+){0,2}?${O}`,
  ),
  // "the council, a regional body whose members are Austria, Hungary and Slovakia".
  rule(
    'O, whose members are S',
    'member_of',
    `${O}(?:,\\s+(?:an?|the)\\s+(?:[^,.;⟦]|⟦\\d+⟧){0,60}?)?,?\\s+whose\\s+(?:[a-z-]+\\s+)?members\\s+(?:are|were|include|included)\\s+${THE}${S}`,
  ),
  // "Mira Kovac, an opposition member of parliament from the Green Future party", "X, a member of the party".
  rule(
    'S, a member of parliament from O',
    'member_of',
    `${S},\\s+(?:an?|the)\\s+(?:[a-z-]+\\s+){0,2}?(?:member\\s+of\\s+parliament|member|MP|lawmaker|legislator|senator|councillor|councilor)\\s+(?:from|of|for)\\s+${THE}${O}`,
  ),
  // sanctioned: "added Corvex Systems and its Gulf unit to its Entity List".
  rule(
    'added O to the list',
    'sanctioned',
    `\\badded\\s+${THE}${O}(?:(?:,\\s*|,?\\s+and\\s+)(?:the\\s+)?⟦\\d+⟧)*\\s+to\\s+(?:its|the|a|their)\\s+(?:(?:[A-Za-z-]+|⟦\\d+⟧)\\s+){0,3}?(?:[Ll]ist|blacklist|register|⟦\\d+⟧)\\b`,
  ),
  // linked_to
  rule('founder of O, S', 'linked_to', `\\b(?:co-?)?founder\\s+of\\s+${THE}(?:[a-z][\\w'’-]*\\s+){0,3}?${O},\\s+${S}`),
  rule("O's founder, S", 'linked_to', `${O}['’]s\\s+(?:co-?)?founder,?\\s+(?:[a-z-]+\\s+){0,2}${S}`),
  rule(
    'associate of',
    'associate_of',
    `\\b(?:associate|ally|friend|confidant|business\\s+partner|protégé|protege|(?:son|daughter|brother|sister|wife|husband|father|mother|cousin|nephew|niece|uncle|aunt)(?:-in-law)?)s?\\s+of\\s+(?:the\\s+)?(?:⟦\\d+⟧['’]s\\s+)?(?:[a-z-]+,?\\s+){0,3}?${O}`,
    { fallbackType: 'linked_to' },
  ),
  rule(
    'founded',
    'linked_to',
    `\\b(?:founded|co-founded|founder\\s+of|created|set\\s+up|established)\\s+${THE}(?:[a-z][\\w'’-]*\\s+){0,3}?${O}`,
  ),
  rule('linked to', 'linked_to', `\\b(?:linked|tied|connected|affiliated)\\s+(?:to|with)\\s+${THE}${O}`),
  rule(
    "S's links to O",
    'linked_to',
    `${S}(?:['’]s)?\\s+(?:[a-z]+\\s+)?(?:relationship|relationships|ties|links|connections?)\\s+(?:with|to)\\s+${THE}${O}`,
  ),
  rule(
    'relationship with',
    'linked_to',
    `(?<!⟦\\d+⟧(?:['’]s)?\\s+(?:[a-z]+\\s+)?)\\b(?:business\\s+)?(?:relationship|relationships|ties|links|connections?)\\s+(?:with|to)\\s+${THE}${O}`,
  ),
  // holds_position
  // "the bank's chief compliance officer, Amina Farah", "Its chairman, Nurlan Abenov", "Tern's chief operating officer Lucas Ferreira".
  rule(
    "O's role, S",
    'holds_position',
    `${O}(?:['’]s\\s+${ROLE_MODIFIERS}|\\s+(?:(?:former|current|new|acting|interim|deputy|senior|top|then)\\s+)?(?:(?!(?:is|was|are|were|has|had|have|said|says|and|or|the|a|an|of)\\b)[a-z-]+\\s+)?)${ROLE}(?:\\s+(?:of|for)\\s+(?:[a-z-]+\\s+){0,2}?[a-z-]+)?,?\\s+(?:the\\s+)?(?:[a-z-]+\\s+){0,2}?${S}`,
    { possessiveObject: true },
  ),
  // "Chileshe Mwamba, the country's mines minister".
  rule("S, O's role", 'holds_position', `${S},\\s+(?:the\\s+)?${O}['’]s\\s+${ROLE_MODIFIERS}${ROLE}\\b`),
  // "Camille Durand is the Europe director of the Committee for Free Reporting".
  rule(
    'S is the role of O',
    'holds_position',
    `${S}\\s+(?:is|was|has\\s+been|became|remains)\\s+(?:the|a|an|its)\\s+${ROLE_MODIFIERS}${ROLE}\\s+(?:at|of|for|with)\\s+${THE}(?:[a-z-]+\\s+){0,3}?${O}`,
  ),
  // "the head of the ANB, Milan Kaluđerović", "the Europe director of the committee, X".
  rule(
    'the role of O, S',
    'holds_position',
    `\\b(?:the|its|a|an)\\s+${ROLE_MODIFIERS}${ROLE}\\s+(?:of|for|at)\\s+${THE}${O},\\s+${S}`,
  ),
  // "Sarah Whitcombe's husband, Transport Secretary James Whitcombe", "Rusu's nephew Artiom Rusu".
  rule("O's kin, S", 'associate_of', `${O}['’]s\\s+(?:[a-z-]+\\s+)?${KIN},?\\s+(?:the\\s+)?(?:[a-z-]+\\s+){0,2}?${S}`, {
    fallbackType: 'linked_to',
  }),
  // "Her lawyer, Ovidiu Stan": the lawyer acts for the client.
  rule(
    "O's lawyer, S",
    'acted_on_behalf_of',
    `${O}(?:['’]s)?\\s+(?:[a-z-]+\\s+)?(?:lawyer|attorney|counsel|solicitor|barrister|defence\\s+lawyer),?\\s+${S}`,
    { possessiveObject: true },
  ),
  // "Siam Hydro Power, which the Thai tycoon Somchai Rattanakorn founded and chairs".
  rule(
    'O, which S founded',
    'linked_to',
    `${O},\\s+which\\s+(?:the\\s+)?(?:⟦\\d+⟧['’]s\\s+)?(?:[a-z-]+\\s+|(?!⟦)[A-Z][a-z]+\\s+(?=[a-z-]+\\s)){0,3}?${S}\\s+(?:co-?)?(?:founded|set\\s+up|established|created)\\b`,
  ),
  rule(
    'O, which S founded and leads',
    'holds_position',
    `${O},\\s+which\\s+(?:the\\s+)?(?:⟦\\d+⟧['’]s\\s+)?(?:[a-z-]+\\s+|(?!⟦)[A-Z][a-z]+\\s+(?=[a-z-]+\\s)){0,3}?${S}\\s+(?:co-?)?(?:founded|set\\s+up|established|created)\\s+and\\s+(?:leads|chairs|runs|heads|directs|manages|led|chaired|ran|headed)\\b`,
  ),
  rule(
    'S, an adviser at O',
    'holds_position',
    `${S},\\s+(?:a|an|the|its|his|her)\\s+(?:former\\s+|senior\\s+|then\\s+|top\\s+)?(?:[a-z-]+\\s+){0,2}?(?:adviser|advisor|official|officer|executive|director|manager|spokesman|spokeswoman|spokesperson|employee|engineer|partner|minister|head|chief|chairman|chairwoman|president|commander|ambassador|analyst|reporter|correspondent|journalist|editor|lobbyist|researcher|coach|lawyer)(?:\\s+of\\s+[a-z-]+(?:\\s+[a-z-]+)?)?\\s+(?:at|of|for|with|in)\\s+${THE}(?:(?!(?:of|from|to|in|at|for|with|by|and)\\b)[a-z-]+\\s+|(?:⟦\\d+⟧|[A-Z][a-z]+)\\s+(?=[a-z-]+\\s)){0,3}?${O}(?!\\s+[a-z-]+\\s+⟦)`,
  ),
  // "Karl Ostrow, a former Solvay sales representative": the employer's name before the role in an apposition.
  rule(
    'S, a former O role',
    'holds_position',
    `${S},\\s+(?:a|an|the)\\s+(?:(?:former|current|senior|then|long-?time|veteran)\\s+)?${O}\\s+(?:[a-z-]+\\s+){0,2}?(?:${ROLE}|official|officer|executive|employee|engineer|partner|analyst|researcher|lawyer)\\b(?!\\s+(?:of|for|at|in|with)\\b)`,
  ),
  // "Anna Berg, a former banker at a fund, who is its chairman": a relative clause giving the role.
  rule(
    'S, who is its role',
    'holds_position',
    `${S},\\s+(?:(?:a|an|the)\\s+(?:[^,.;⟦]|⟦\\d+⟧){0,80}?,\\s+)?who\\s+(?:is|was|has\\s+been|had\\s+been|became|remains)\\s+(?:also\\s+|now\\s+)?(?:the\\s+)?${O}(?:['’]s)?\\s+${ROLE_MODIFIERS}${ROLE}\\b(?!\\s+(?:of|for|at)\\b)`,
    { possessiveObject: true },
  ),
  // "Vuković, who works for the independent news portal Luča": a relative clause naming the employer.
  rule(
    'S, who works for O',
    'holds_position',
    `${S},\\s+who\\s+(?:works|worked|has\\s+worked|writes|wrote|reports|reported)\\s+(?:as\\s+(?:an?\\s+)?(?:[a-z-]+\\s+){1,3})?(?:for|at)\\s+${THE}(?:[A-Za-z-]+\\s+){0,4}?${O}`,
  ),
  rule(
    'chairs',
    'holds_position',
    `\\b(?:chairs|chaired|chairing|heads|headed|heading|leads|led|leading)\\s+${THE}${O}(?!['’]s)`,
  ),
  rule(
    'named S as the leader of O',
    'holds_position',
    `\\b(?:named|identified|appointed|confirmed|elected|installed)\\s+(?:[a-z-]+\\s+){0,2}?${S}\\s+as\\s+(?:the\\s+|its\\s+|their\\s+)?(?:new\\s+|acting\\s+|interim\\s+)?(?:leader|head|chief|chief\\s+executive|chairman|chairwoman|president|director|commander|spokesman|spokeswoman|spokesperson)\\s+of\\s+${THE}(?:[a-z-]+\\s+){0,2}?${O}`,
  ),
  rule(
    "being O's leader",
    'holds_position',
    `\\b(?:being|been|is|was|as)\\s+(?:the\\s+)?${O}['’]s\\s+(?:former\\s+|current\\s+|new\\s+|then\\s+)?(?:leader|head|chief|chief\\s+executive|chairman|chairwoman|president|director|commander|spokesman|spokeswoman|spokesperson|founder)\\b`,
  ),
  rule(
    "S, O's former leader",
    'holds_position',
    `${S},\\s+(?:the\\s+)?${O}['’]s\\s+(?:former\\s+|current\\s+|new\\s+|then\\s+|longtime\\s+)?(?:leader|head|chief|chief\\s+executive|chairman|chairwoman|president|director|commander|spokesman|spokeswoman|spokesperson)\\b`,
  ),
  rule(
    'a spokesman for O, S',
    'holds_position',
    `\\b(?:spokes(?:man|woman|person)|leader|head|chief|commander|representative|ambassador|chairman|chairwoman)\\s+(?:for|of)\\s+${THE}${O},\\s+${S}`,
  ),
  rule(
    'S, then commander of O',
    'holds_position',
    `${S},\\s+(?:then\\s+|the\\s+|former\\s+|its\\s+|now\\s+)?(?:commander-in-chief|chief\\s+executive|president|chairman|chairwoman|head|director|spokesperson|spokesman|minister|secretary|CEO|leader|commander|chief)\\s+of\\s+${THE}${O}`,
  ),
  rule(
    'S would serve as its representative',
    'holds_position',
    `${S}\\s+(?:would|will|to)\\s+serve\\s+as\\s+${O}\\s+(?:[a-z]+\\s+)?(?:representative|chief|head|director|president|chairman|spokesperson)`,
    { possessiveObject: true },
  ),
  // Denials of earlier claims (last, so that the sentence's own claims are there to deny).
  // "Halvorsen … denied making any payments": the latest earlier claim of that kind by the denier.
  rule(
    'denied the earlier act',
    'linked_to',
    `\\bden(?:ied|ies|y|ying)\\s+(?<act>(?:ever\\s+)?(?:[a-z]+\\s+){0,2}[a-z]+)(?=[^⟦.;]*(?:[.;]|$))`,
    { object: 'earlier', denial: true },
  ),
  // "…supplying the Houthis, an allegation Tehran has repeatedly denied": the sentence's claims about the denier.
  rule(
    'an allegation S denied',
    'linked_to',
    `\\b(?:an?\\s+|the\\s+)?(?:allegations?|accusations?|claims?|charges?)\\s+(?:that\\s+)?${S}\\s+(?:has\\s+|have\\s+|had\\s+)?(?:[a-z]+ly\\s+)?(?:denied|rejected|dismissed|refuted)`,
    { object: 'earlier', denial: true },
  ),
];
