// How FollowTheMoney schemata map onto our vocabulary. FtM (the model of OCCRP Aleph and
// OpenSanctions) has thing schemata (Person, Company…) that become entities, and interval
// schemata (Ownership, Directorship…) that link two things and become claims. The table
// in README.md ("Importing data") is this file in prose; keep them together.

export interface FtmNodeMapping {
  type: 'person' | 'organization';
  kind?: string;
}

// Maps, not objects: the schema names come from the input, and "constructor" must not find Object's.
export const FTM_NODE_SCHEMATA: ReadonlyMap<string, FtmNodeMapping> = new Map(
  Object.entries({
    Person: { type: 'person' },
    Organization: { type: 'organization', kind: 'other' },
    Company: { type: 'organization', kind: 'company' },
    PublicBody: { type: 'organization', kind: 'government' },
    LegalEntity: { type: 'organization', kind: 'other' },
  }),
);

export interface FtmEdgeMapping {
  /** The property holding the subject's id, and the object's. */
  subject: string;
  object: string;
  type: string;
  /** Properties whose first value becomes the claim's role. */
  role?: string[];
}

export const FTM_EDGE_SCHEMATA: ReadonlyMap<string, FtmEdgeMapping> = new Map(
  Object.entries({
    Ownership: { subject: 'owner', object: 'asset', type: 'owns', role: ['role'] },
    Directorship: { subject: 'director', object: 'organization', type: 'holds_position', role: ['role'] },
    Employment: { subject: 'employee', object: 'employer', type: 'holds_position', role: ['role'] },
    Membership: { subject: 'member', object: 'organization', type: 'member_of', role: ['role'] },
    Family: { subject: 'person', object: 'relative', type: 'associate_of', role: ['relationship'] },
    Associate: { subject: 'person', object: 'associate', type: 'associate_of', role: ['relationship'] },
    UnknownLink: { subject: 'subject', object: 'object', type: 'linked_to', role: ['role'] },
    Representation: { subject: 'agent', object: 'client', type: 'acted_on_behalf_of', role: ['role'] },
    Payment: { subject: 'payer', object: 'beneficiary', type: 'funded' },
    Debt: { subject: 'creditor', object: 'debtor', type: 'funded' },
    Succession: { subject: 'predecessor', object: 'successor', type: 'linked_to' },
  }),
);

/** Sanction: the sanctioning country (or, without one, the authority) → the listed entity. */
export const FTM_SANCTION = { schema: 'Sanction', object: 'entity', type: 'sanctioned' } as const;

/** Thing properties naming countries; each becomes a linked_to claim to `country:XX`. */
export const FTM_COUNTRY_PROPERTIES = ['country', 'jurisdiction', 'nationality'] as const;

/** Address entities are not nodes: their full text is copied onto the entities that point at them. */
export const FTM_ADDRESS_SCHEMA = 'Address';
export const FTM_ADDRESS_PROPERTY = 'addressEntity';
