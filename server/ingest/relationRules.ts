// The relation rules: cue words and their arrangement around slots, each mapped to an
// edge type of the vocabulary. Patterns run over masked sentences (maskSentence.ts), where
// "S" and "O" are slots captured as subject and object. When a pattern captures no
// subject, the subject is the nearest eligible name before the cue (active voice); when
// it captures no object, the object is the first name after it. Passive patterns ("run by
// S") capture the agent as subject and take the object from before the cue.
// These are general English patterns; none names an entity.

export type ArgumentSource = 'group' | 'before' | 'after' | 'event';

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
}

const S = '(?<s>⟦\\d+⟧)';
const O = '(?<o>⟦\\d+⟧)';
/** A few words, slots allowed, within the clause. */
const GAP = '(?:[^.;⟦]|⟦\\d+⟧){0,80}?';
/** Up to n plain words. */
const words = (n: number) => `(?:[\\w'’-]+\\s+){0,${n}}`;
const THE = '(?:the\\s+)?';
/** "sanctioned several Russian officials": a quantity before the name. */
const QUANTITY = '(?:(?:several|some|many|dozens\\s+of|a\\s+number\\s+of|two|three|four|five|six|\\d+)\\s+)?';
const EVENT = '(?:attack|attacks|sabotage|operation|bombing|explosions?|blasts?|strike|strikes)';

function rule(name: string, type: string, source: string, options: Partial<RelationRule> = {}): RelationRule {
  const pattern = new RegExp(source, 'gi');
  const hasS = source.includes('(?<s>');
  const hasO = source.includes('(?<o>');
  return { name, type, pattern, subject: hasS ? 'group' : 'before', object: hasO ? 'group' : 'after', ...options };
}

/** The passive form of a verb rule: "⟦O⟧ was invaded by ⟦S⟧" (the object comes before the cue). */
function passive(name: string, type: string, participles: string, options: Partial<RelationRule> = {}): RelationRule {
  return rule(name, type, `\\b(?:was|were|is|are|been|being|be)\\s+(?:[a-z]+ly\\s+)?(?:${participles})\\s+by\\s+${THE}${S}`, { object: 'before', ...options });
}

export const RELATION_RULES: RelationRule[] = [
  // Passive voice: the agent after "by" is the subject.
  passive('passive attacked', 'attacked', 'invaded|attacked|struck|bombed|shelled|annexed|sabotaged', { personType: 'criticized' }),
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
  passive('passive operates', 'operates', 'run|operated|developed|launched'),
  // in_contact_with
  rule('in touch with', 'in_contact_with', `\\bin\\s+(?:regular\\s+|frequent\\s+|secret\\s+|close\\s+|direct\\s+)?(?:touch|contact|talks)\\s+with\\s+${THE}${O}`),
  rule('met', 'in_contact_with', `\\b(?:met|meets|meeting|spoke|speaks|talked|held talks)\\s+(?:with\\s+|to\\s+)?${THE}${O}`),
  rule('contacted', 'in_contact_with', `\\b(?:contacted|phoned|emailed|messaged)\\s+${THE}${O}`),
  rule('communication with', 'in_contact_with', `\\b(?:communications?|conversations?|phone calls?|calls?|talks|meetings?)\\s+with\\s+${THE}${O}`),
  rule("S's O contact", 'in_contact_with', `${S}['’]s\\s+${O}\\s+(?:contacts?|ties|meetings?|conversations?)\\b`),
  // requested
  rule('asked O to', 'requested', `\\b(?:asked|asks|urged|urges|demanded|told|tells|directed|directing|instructed|instructing|ordered|ordering|pressed|pressured|requested|called\\s+on|invited)\\s+${THE}(?:[a-z][\\w-]*\\s+){0,3}${O}\\s+(?:not\\s+)?to\\b`),
  rule('lobbied', 'requested', `\\blobbied\\s+(?:[a-z]+\\s+){0,2}(?:in\\s+|at\\s+|of\\s+)?${THE}${O}`),
  rule('on the orders of', 'requested', `\\b(?:on|under)\\s+the\\s+orders?\\s+of\\s+${S}`, { object: 'before' }),
  // acted_on_behalf_of
  rule('favour to', 'acted_on_behalf_of', `\\b(?:favou?r\\s+(?:to|for)|on\\s+behalf\\s+of|(?:an\\s+)?agents?\\s+of|a\\s+proxy\\s+(?:for|of))\\s+${THE}${O}`),
  rule('made for O by S', 'acted_on_behalf_of', `\\b(?:made|manufactured|produced|built|fabricated)\\s+for\\s+${THE}${O}\\s+by\\s+${THE}${S}`),
  rule('S made for O', 'acted_on_behalf_of', `${S}\\s+(?:had\\s+|has\\s+)?(?:made|manufactured|produced|built|fabricated)\\s+(?:[a-z][\\w-]*\\s+){0,3}?for\\s+${THE}${words(3)}${O}`),
  // provided_access
  rule('supplied', 'provided_access', `(?<!\\b(?:from|against|of)\\s)\\b(?:supplied|supplies|supply|supplying|delivered)\\s+(?:\\w+\\s+){0,1}?${THE}${O}`, { objectNotService: true }),
  // "sell it chips": the recipient comes before the goods ("sell it" alone sells the thing).
  rule('sold O goods', 'provided_access', `(?<!\\b(?:from|against|of)\\s)\\b(?:sold|sell|sells|selling)\\s+${THE}${O}\\s+(?:[a-z][\\w-]*\\s+){0,2}?[a-z]+s\\b`, { objectNotService: true }),
  rule('shipped to', 'provided_access', `(?<!\\b(?:from|against|of)\\s)\\b(?:shipped|ships|shipping|ship|sent|send|sends|sending|delivered|deliver|delivers|delivering|supplied|provided|providing|donated|sold|transferred|exported)\\s+(?:[a-z][\\w-]*\\s+|⟦\\d+⟧\\s+){1,4}?to\\s+${THE}${O}`, { objectNotService: true }),
  rule('granted O aid', 'provided_access', `\\b(?:granted|gave|giving|provided|offered|extended)\\s+${THE}${O}\\s+(?:[a-z][\\w-]*\\s+){0,3}(?:aid|access|loans?|support|funding|subsidies|assistance|weapons|arms|licen[cs]es?|permission|asylum|citizenship)\\b`),
  rule('provided access to', 'provided_access', `\\b(?:provided|gave|granted|offered|restored)\\s+${words(2)}access\\s+(?:to|for)\\s+${THE}${O}`, { objectNotService: true }),
  rule('shared with', 'provided_access', `\\bshar(?:e|es|ed|ing)\\s+(?:[\\w'’-]+\\s+|⟦\\d+⟧\\s+){0,6}?with\\s+${THE}${O}`, { objectNotService: true }),
  // restricted_access
  rule('cut off access to', 'restricted_access', `\\b(?:cut|cutting|cuts|choke|choking|chokes)\\s+off\\s+${words(1)}access\\s+(?:to|for)\\s+${THE}${O}`, { objectNotService: false }),
  rule("cut off O's access", 'restricted_access', `\\b(?:cut|cutting|cuts|choke|choking|chokes)\\s+off\\s+${THE}${O}['’]s\\s+access`),
  rule('restricted exports to', 'restricted_access', `\\b(?:restricted|restricting|restricts|restrict|banned|banning|halted|halting|halts|stopped|stopping|suspended|curbed|curbing|blocked|limited)\\s+(?:exports|shipments|sales|deliveries|supplies)\\b${GAP}\\bto\\s+${THE}${O}`, { objectNotService: true }),
  rule('revoked licences', 'restricted_access', `\\brevok(?:ed|es|ing)\\s+${words(3)}licen[cs]es\\b${GAP}\\b(?:to|for)\\s+${THE}${O}`, { objectNotService: true }),
  rule('exports to O require a licence', 'restricted_access', `\\bexports?\\s+of\\b${GAP}\\bto\\s+${THE}${O}\\s+would\\s+(?:also\\s+)?require\\s+(?:a\\s+)?licen[cs]es?`, { objectNotService: true }),
  rule('shut off for', 'restricted_access', `\\b(?:shut|switched|turned|cut)\\s+(?:[\\w'’-]+\\s+|⟦\\d+⟧\\s+){0,3}off\\s+for\\s+${THE}${O}`, { objectNotService: true }),
  rule('removed from', 'restricted_access', `\\b(?:removed|pulled|delisted|banned)\\s+${O}\\s+from\\b`),
  rule('stopped funding for', 'restricted_access', `\\bstop(?:ped|ping|s)?\\s+funding\\s+for\\b${GAP}\\bfor\\s+${THE}${O}`, { objectNotService: true }),
  // sanctioned
  rule('sanctioned', 'sanctioned', `\\b(?:sanctioned|sanctions|blacklisted|fined|penalized|penalised|imposed\\s+(?:sanctions|penalties|fines)\\s+on)\\s+${THE}${QUANTITY}${O}`),
  rule('froze accounts of', 'sanctioned', `\\b(?:froze|frozen|freezing|seized)\\s+${THE}(?:[\\w'’-]+\\s+){0,4}(?:accounts|assets|funds)\\s+of\\s+${THE}${O}`),
  rule('ordered O suspended', 'sanctioned', `\\b(?:ordered|order)\\s+${THE}${O}\\s+(?:to\\s+be\\s+)?(?:suspended|blocked|banned|shut\\s+down|closed)`),
  rule("on S's entity list", 'sanctioned', `\\bon\\s+${THE}${S}['’]s\\s+(?:Entity\\s+List|blacklist|sanctions\\s+list|trade\\s+blacklist)`, { object: 'before' }),
  // attacked
  rule('invaded', 'attacked', `\\b(?:invaded|invading|invades|invade|attacked|attacking|attacks|attack|struck|strikes|bombed|bombing|shelled|shelling|annexed|sabotaged)\\s+${THE}${O}`, { personType: 'criticized' }),
  rule('launched the invasion of', 'attacked', `\\b(?:ordered|launched|began|started|carried\\s+out|coordinated|organi[sz]ed|planned|conducted|led|staged)\\s+(?:the|a|an)\\s+(?:[a-z-]+\\s+)?(?:invasion|attack|offensive|strikes?|assault|bombing|sabotage|raid)\\s+(?:of|on|against)\\s+${THE}${O}`),
  rule('blamed O for the attack', 'attacked', `\\bblam(?:ed|es|ing)\\s+${S}(?:\\s+and\\s+⟦\\d+⟧)?\\s+for\\s+the\\s+${EVENT}`, { object: 'event', hedged: true }),
  rule('planted the explosives', 'attacked', `\\b(?:planted|planting|detonated|placed|plant)\\s+the\\s+(?:explosives|bombs?|charges|devices)`, { object: 'event' }),
  rule('suspected of the attack', 'attacked', `\\bsuspected\\s+of\\s+(?:helping\\s+(?:to\\s+)?)?(?:plant(?:ing)?|carry(?:ing)?\\s+out|organi[sz](?:e|ing)|coordinat(?:e|ing)|sabotag(?:e|ing))`, { object: 'event', hedged: true }),
  rule('coordinators of the operation', 'attacked', `\\b(?:coordinators?|organi[sz]ers?|perpetrators?|masterminds?|planners?)\\s+of\\s+the\\s+${EVENT}`, { object: 'event' }),
  rule('the attack was overseen by', 'attacked', `\\bthe\\s+${EVENT}\\s+(?:had\\s+been|has\\s+been|was|were)\\s+(?:overseen|carried\\s+out|orchestrated|ordered|planned|coordinated|organi[sz]ed|conducted|led)\\s+by\\s+${S}`, { object: 'event' }),
  rule('denied knowledge of the attack', 'attacked', `\\bden(?:ied|ies|y|ying)\\s+(?:any\\s+)?(?:knowledge\\s+of|involvement\\s+in|responsibility\\s+for|role\\s+in)\\s+the\\s+${EVENT}`, { object: 'event', denial: true }),
  rule('nothing to do with the attack', 'attacked', `\\b(?:had|has|have)\\s+nothing\\s+to\\s+do\\s+with\\s+the\\s+${EVENT}`, { object: 'event', denial: true }),
  // criticized
  rule('criticized', 'criticized', `\\b(?:criticized|criticised|criticizing|criticising|criticizes|condemned|condemning|denounced|denouncing|accused|accusing|accuses|rebuked|slammed|summoned|summoning|questioning\\s+whether|questioned\\s+whether)\\s+${THE}${O}(?!\\s+and\\s+⟦\\d+⟧\\s+for\\s+the\\s+${EVENT})`),
  // "calling him a dictator" is criticism; "called Netanyahu on Sunday" is a call.
  rule('called O a', 'criticized', `\\b(?:calling|called|calls|branded|branding|labelled|labeled|dubbed)\\s+${THE}${O}\\s+(?:a|an|the)\\s+`),
  rule('called O on', 'in_contact_with', `\\b(?:called|phoned|rang)\\s+${THE}${O}\\s+(?:on|last|this|by|late|early|twice|again)\\b`),
  rule('blamed', 'criticized', `\\bblam(?:ed|es|ing)\\s+${THE}${O}(?!(?:\\s+and\\s+${THE}⟦\\d+⟧)?\\s+for\\s+the\\s+${EVENT})`),
  rule('alleged that', 'criticized', `\\balleged\\s+that\\s+${THE}${O}`),
  // supported
  rule('supported', 'supported', `\\b(?:supported|supports|backed|backs|endorsed|endorses|sided\\s+with|sides\\s+with|campaigned\\s+for|defended|voted\\s+for|praised)\\s+${THE}${O}`),
  rule('S support for O', 'supported', `${S}\\s+(?:[a-z]+\\s+)?(?:support|backing|aid)\\s+(?:for|to)\\s+${THE}${O}`),
  rule("involved in O's campaign", 'supported', `\\b(?:got\\s+involved\\s+in|joined|worked\\s+on|donated\\s+to|campaigned\\s+in)\\s+${O}['’]s\\s+(?:[a-z]+\\s+)?campaign`),
  // funded
  rule('funded', 'funded', `\\b(?:funded|funds|financed|finances|bankrolled|paid\\s+for|invested\\s+in)\\s+${THE}${O}`),
  rule('invested an amount in', 'funded', `\\b(?:invested|invests|investing|pumped|poured)\\s+(?:[\\w.,$€£-]+\\s+){1,4}?in(?:to)?\\s+${THE}${O}`),
  rule('funded shipments to', 'funded', `\\b(?:funded|financed|paid\\s+for|bankrolled)\\s+(?:[a-z][\\w-]*\\s+){1,4}?(?:to|for)\\s+${THE}${O}`),
  // used
  rule('used', 'used', `(?<!\\b(?:that|of|for|by|from|about|against)\\s)\\b(?:used|using|uses|relied\\s+on|relying\\s+on|deployed|deploying)\\s+${THE}${O}`),
  rule('trained on', 'used', `\\btrained\\s+(?:[\\w'’-]+\\s+){0,5}on\\s+${THE}${O}`),
  rule('was provided access to', 'used', `\\b(?:was|were|had\\s+been|has\\s+been)\\s+(?:provided|given|granted|offered)\\s+${words(2)}access\\s+to\\s+${THE}${O}`),
  // owns
  rule('owner of', 'owns', `\\b(?:owner\\s+of|owns|owned|acquired|acquires|bought|buys|controls|took\\s+control\\s+of|purchased)\\s+${THE}(?:[a-z][\\w'’-]*\\s+){0,3}?${O}`),
  rule("O's owner, S", 'owns', `${O}['’]s\\s+(?:[\\w-]+\\s+)?owner,?\\s+${S}`),
  rule('owned by', 'owns', `(?<!\\b(?:was|were|is|are|been|being|be)\\s+)\\b(?:owned|controlled|acquired|bought)\\s+by\\s+${THE}${S}`, { object: 'before' }),
  rule('S, the newspaper of O', 'owns', `${O},\\s+(?:the|a|an)\\s+(?:official\\s+|state\\s+|main\\s+)?(?:newspaper|outlet|broadcaster|mouthpiece|publication|channel|daily|paper)\\s+of\\s+${THE}${S}`),
  // operates
  rule('run by', 'operates', `(?<!\\b(?:was|were|is|are|been|being|be)\\s+)\\b(?:run|operated|offered)\\s+by\\s+${THE}(?:[\\w'’-]+\\s+|⟦\\d+⟧['’]s\\s+){0,3}?${S}(?!['’]s)`, { object: 'before' }),
  rule('the company behind', 'operates', `${S},?\\s+(?:the\\s+(?:company|firm|group)|⟦\\d+⟧)\\s+behind\\s+${THE}${O}`),
  rule('released', 'operates', `\\b(?:released|launched|unveiled|introduced|designed|rolled\\s+out)\\s+(?:its\\s+|the\\s+|a\\s+new\\s+|a\\s+|⟦\\d+⟧\\s+)?${O}`),
  rule('O, an S tool', 'operates', `${O},\\s+(?:an?|the|its)\\s+(?:[a-z][\\w-]*\\s+){0,2}${S}\\s+(?:[a-z][\\w-]*\\s+){0,2}(?:tool|app|application|service|platform|chip|processor|product|software)\\b`),
  rule('O, the chip S designed', 'operates', `${O},\\s+the\\s+(?:[a-z][\\w-]*\\s+){0,3}(?:chip|processor|app|application|service|platform|product|phone|smartphone|model|tool|software)\\s+(?:that\\s+)?${S}\\s+(?:had\\s+|has\\s+)?(?:designed|developed|built|made|launched|created|released)`),
  rule('S released versions, the O', 'operates', `${S}\\s+(?:responded\\s+with|released|launched|introduced|developed|unveiled|offered)\\s+(?:[a-z][\\w-]*\\s+){0,8}?(?:versions?|models?|chips?|processors?|products?|phones?|devices?)\\b[^.;⟦]{0,40},\\s+the\\s+${O}`),
  // linked_to
  rule('founded', 'linked_to', `\\b(?:founded|co-founded|founder\\s+of|created|set\\s+up|established)\\s+${THE}(?:[a-z][\\w'’-]*\\s+){0,3}?${O}`),
  rule('linked to', 'linked_to', `\\b(?:linked|tied|connected|affiliated)\\s+(?:to|with)\\s+${THE}${O}`),
  rule('relationship with', 'linked_to', `\\b(?:business\\s+)?(?:relationship|relationships|ties|links|connections?)\\s+(?:with|to)\\s+${THE}${O}`),
  // holds_position
  rule('S, then commander of O', 'holds_position', `${S},\\s+(?:then\\s+|the\\s+|former\\s+|its\\s+|now\\s+)?(?:commander-in-chief|chief\\s+executive|president|chairman|chairwoman|head|director|spokesperson|spokesman|minister|secretary|CEO|leader|commander|chief)\\s+of\\s+${THE}${O}`),
  rule('S would serve as its representative', 'holds_position', `${S}\\s+(?:would|will|to)\\s+serve\\s+as\\s+${O}\\s+(?:[a-z]+\\s+)?(?:representative|chief|head|director|president|chairman|spokesperson)`, { possessiveObject: true }),
];
