// A claim found by a rule, before stance, date, attribution and confidence are added:
// who, what, whom, where in the body it was said and by which rule.
import type { EntityGroup } from './resolveEntities';

export type RuleKind = 'title' | 'apposition' | 'possessive' | 'body' | 'verb';

export interface CandidateClaim {
  subject: EntityGroup;
  type: string;
  object: EntityGroup;
  /** Sentence index. */
  sentence: number;
  /** Quote extent in the body. */
  quoteStart: number;
  quoteEnd: number;
  /** Where the cue words are (stance and dates are read around them). */
  cueStart: number;
  cueEnd: number;
  rule: string;
  kind: RuleKind;
  /** The rule itself states a denial. */
  denial?: boolean;
  /** The rule's own words hedge it ("blamed X for the attack"). */
  hedged?: boolean;
  /** The rule's own words are a party owning up to the act ("claimed responsibility for"). */
  confirmed?: boolean;
  /** An argument came from "it", "the company" and the like. */
  viaReference?: boolean;
}
