// Who a claim is attributed to, when not the outlet itself: the source after "according
// to" (an entity when one is named there, else the words: "people familiar with the
// matter"), or the speaker of the reporting verb that introduces the claim ("Le Monde
// reported that…"), or unnamed sources ("intelligence sources who claim…").
export interface Speaker {
  /** Offsets relative to the sentence. */
  start: number;
  end: number;
  entityId?: string;
}

export interface AttributionInput {
  text: string;
  cueStart: number;
  /** Named mentions of the sentence with their entity ids, offsets relative to the sentence. */
  named: Speaker[];
  /** The speaker of the reporting verb before the cue, if any. */
  speaker?: Speaker;
  /** Ids of the claim's subject and object: a party speaking is not an attribution. */
  parties: string[];
}

export const REPORTING_VERB =
  /\b(said|says|say|told|reported|reports|claimed|claims|claim|confirmed|confirms|acknowledged|admitted|announced|stated|insisted|noted|warned|argued|wrote|cited|citing)\b/g;

export function findAttribution(input: AttributionInput): string | undefined {
  const according = /\b[Aa]ccording to\s+([^,.;]+)/.exec(input.text);
  if (according) {
    const start = according.index + according[0].length - according[1].length;
    const end = according.index + according[0].length;
    const named = input.named.filter((n) => n.start >= start && n.end <= end && n.entityId);
    if (named.length) return named[named.length - 1].entityId;
    return according[1].trim().slice(0, 120);
  }
  if (input.speaker?.entityId && !input.parties.includes(input.speaker.entityId)) return input.speaker.entityId;
  const sources =
    /\b((?:intelligence|unnamed|anonymous|diplomatic|security|government)\s+sources|people familiar with [\w\s]+?|a source in [^,.;]+?)(?:\s+who)?\s+(?:said|say|claim|claimed|told)\b/.exec(
      input.text,
    );
  if (sources && sources.index < input.cueStart) return sources[1];
  return undefined;
}
