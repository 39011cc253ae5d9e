// The sentence a synthetic news article uses to state one claim, worded by its stance
// (asserts, alleges, denies, confirms) so the text reads like the seeds; the claim's
// quote is that sentence, so it occurs verbatim in the document by construction.
import type { EdgeType } from '../model/vocabulary';

/** Past-tense phrases for the embedded vocabulary's edge types; others use their label. */
const PHRASES = new Map<string, string>(
  Object.entries({
    holds_position: 'held a position in',
    owns: 'owned',
    operates: 'operated',
    part_of: 'was part of',
    member_of: 'was a member of',
    associate_of: 'was an associate of',
    in_contact_with: 'was in contact with',
    requested: 'made a request to',
    acted_on_behalf_of: 'acted on behalf of',
    provided_access: 'provided access to',
    restricted_access: 'restricted the access of',
    funded: 'funded',
    supported: 'supported',
    criticized: 'criticized',
    used: 'used',
    attacked: 'attacked',
    sanctioned: 'sanctioned',
    linked_to: 'was linked to',
  }),
);

export function relationPhrase(edgeType: EdgeType): string {
  return PHRASES.get(edgeType.id) ?? `had a "${edgeType.label}" relation with`;
}

export interface SentenceParts {
  subject: string;
  object: string;
  phrase: string;
  stance: string;
  /** Free text such as "in March 2021"; makes sentences about the same pair differ. */
  when: string;
  source?: string;
}

export function claimSentence(parts: SentenceParts): string {
  const { subject, object, phrase, when } = parts;
  switch (parts.stance) {
    case 'asserts':
      return `${subject} ${phrase} ${object} ${when}`;
    case 'alleges':
      return `${subject} allegedly ${phrase} ${object} ${when}, according to ${parts.source ?? 'people familiar with the matter'}`;
    case 'denies':
      return `A spokesperson for ${subject} denied that ${subject} ${phrase} ${object} ${when}`;
    case 'confirms':
      return `${subject} confirmed that it ${phrase} ${object} ${when}`;
    default:
      return `A source with the stance "${parts.stance}" said that ${subject} ${phrase} ${object} ${when}`;
  }
}
