// The stance of a claim in its sentence: `denies` when the cue is negated or denied,
// `confirms` when a party to the claim says it, `alleges` when the sentence hedges
// ("allegedly", "reportedly", "according to", "claims", "suspected") or a third party
// reports it, and `asserts` otherwise. Relations inside a noun phrase ("Russian President
// Vladimir Putin") are asserted.
export type StanceId = 'asserts' | 'alleges' | 'denies' | 'confirms';

export interface StanceInput {
  /** The sentence text and the cue's offsets relative to it. */
  text: string;
  cueStart: number;
  cueEnd: number;
  /** The rule itself states a denial ("had nothing to do with"). */
  denial?: boolean;
  /** The rule's own words are an accusation or suspicion ("blamed X for the attack"). */
  hedged?: boolean;
  /** The rule's own words are a party owning up to the act ("claimed responsibility for"). */
  confirmed?: boolean;
  /** Whether the speaker of the sentence's reporting verb is a party to the claim; undefined when nobody reports it. */
  speakerIsParty?: boolean;
  /** The reporting verb used, when there is one before the cue. */
  reportingVerb?: string;
  phrase?: boolean;
}

const HEDGES =
  /\b(?:(?:documents|records|filings|files|emails|messages|data)\s+(?:show|showed|shows|suggest|suggested|indicate|indicated|seen\s+by|reviewed\s+by|obtained\s+by)|allegedly|alleged|reportedly|purportedly|according to|claims?|claimed|claiming|suspected|believed to|believed|people familiar|sources said|blamed|blames|rumou?red|said to have|appears? to|is thought to|may have|(?:officials|sources|people|analysts|diplomats|investigators)\s+(?:say|said|told|believe))\b/i;
const DENIAL_BEFORE = /\b(?:den(?:ied|ies|y|ying)|rejected|refuted|dismissed)\b[^.;]{0,60}$/i;
const NEGATION_BEFORE =
  /\b(?:not|never|no longer|n't|no)\s+(?:[\w'’-]+\s+){0,2}$|\b(?:not|never)\s+been\s+(?:asked|told|ordered|allowed)\s+to\s+$/i;
const CONFIRMING = /^(?:said|says|say|confirmed|confirms|acknowledged|admitted|announced|stated|told)$/i;

export function detectStance(input: StanceInput): StanceId {
  if (input.phrase) return 'asserts';
  if (input.denial) return 'denies';
  const before = input.text.slice(0, input.cueStart);
  if (NEGATION_BEFORE.test(before.slice(-30)) || DENIAL_BEFORE.test(before)) return 'denies';
  if (input.hedged) return 'alleges';
  if (input.confirmed) return 'confirms';
  if (input.speakerIsParty && input.reportingVerb && CONFIRMING.test(input.reportingVerb)) return 'confirms';
  const cue = input.text.slice(input.cueStart, input.cueEnd);
  const withoutCue = input.text.slice(0, input.cueStart) + ' '.repeat(cue.length) + input.text.slice(input.cueEnd);
  if (HEDGES.test(withoutCue)) return 'alleges';
  if (input.reportingVerb && input.speakerIsParty === false) return 'alleges';
  return 'asserts';
}
