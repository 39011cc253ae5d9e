// A mention: one place in the body where an entity is named or referred to. Mentions are
// found per sentence (findMentions), grouped into entities (resolveEntities) and then
// read by the relation rules through their offsets.
export type EntityType = 'person' | 'organization' | 'country' | 'service';

export type MentionSource =
  /** A capitalised name ("Elon Musk", "Justice Department", "H20"). */
  | 'name'
  /** A country's name, demonym or capital. */
  | 'country'
  /** A government body named by description ("China's commerce ministry"). */
  | 'body'
  /** A definite description ("the company") or pronoun ("it"), resolved later. */
  | 'reference';

export interface Mention {
  /** Offsets of the name in the body (end exclusive). */
  start: number;
  end: number;
  text: string;
  type: EntityType;
  source: MentionSource;
  sentence: number;
  /** The longer written form with title or qualifier ("Russian President Vladimir Putin"). */
  fullStart?: number;
  fullEnd?: number;
  /** For countries: ISO code and which form named it. */
  countryCode?: string;
  countryForm?: 'name' | 'demonym' | 'capital';
  /** A demonym used as an adjective ("Brazilian bank accounts"): it names no argument. */
  modifier?: boolean;
  /** A name used before a noun ("US users", "TikTok employees"): an argument, but not what "it" refers to. */
  nounModifier?: boolean;
  /** A title or role written with the name ("President", "spokesperson"). */
  title?: string;
  /** The mention the title belongs to ("Kremlin" in "Kremlin spokesperson Dmitry Peskov"). */
  titleOwner?: Mention;
  /** A country this body belongs to ("China's Ministry of Commerce", "Ukrainian military intelligence"). */
  partOfCountry?: Mention;
  /** A name this one possesses: "Musk" in "Musk's Starlink service" points at Starlink. */
  possessorOf?: Mention;
  /** Votes for this name being a service (positive) or an organisation (negative). */
  serviceVotes?: number;
  /** For references: the words used ("the company", "it") and the entity it resolved to. */
  referenceWords?: string;
  /** Key of the entity the mention belongs to, set by resolveEntities. */
  entityKey?: string;
}

/** The surface form with title and qualifier, as written in the body. */
export function fullSurface(body: string, mention: Mention): string {
  return body.slice(mention.fullStart ?? mention.start, mention.fullEnd ?? mention.end);
}
