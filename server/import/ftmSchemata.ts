// How FollowTheMoney schemata map onto our vocabulary. FtM (the model of OCCRP Aleph and
// OpenSanctions) has thing schemata (Person, Company, Vessel…) that become entities, and
// interval schemata (Ownership, Directorship…) that link two things and become claims.
// A thing schema maps through FtM's own hierarchy (each schema's `extends` in
// followthemoney/schema/*.yaml): its own mapping if it has one, else its nearest
// ancestor's, so a Vessel (a Vehicle, an Asset) becomes an asset entity. The table in
// README.md ("Importing data") is this file in prose; keep them together.

import type { NodeType } from '../model/vocabulary';

export interface FtmNodeMapping {
  type: 'person' | 'organization' | 'asset';
  kind?: string;
}

/** The schemata each thing schema extends, in FtM's order (Company is an Organization first, an Asset second). */
export const FTM_SCHEMA_PARENTS: ReadonlyMap<string, readonly string[]> = new Map(
  Object.entries({
    LegalEntity: ['Thing'],
    Person: ['LegalEntity'],
    Organization: ['LegalEntity'],
    Company: ['Organization', 'Asset'],
    PublicBody: ['Organization'],
    Asset: ['Thing', 'Value'],
    Vehicle: ['Asset'],
    Vessel: ['Vehicle'],
    Airplane: ['Vehicle'],
    RealEstate: ['Asset'],
    Land: ['RealEstate'],
    Security: ['Asset'],
    BankAccount: ['Asset'],
    Contract: ['Asset'],
    License: ['Contract'],
  }),
);

// Maps, not objects: the schema names come from the input, and "constructor" must not find Object's.
export const FTM_NODE_SCHEMATA: ReadonlyMap<string, FtmNodeMapping> = new Map(
  Object.entries({
    Person: { type: 'person' },
    Organization: { type: 'organization', kind: 'other' },
    Company: { type: 'organization', kind: 'company' },
    PublicBody: { type: 'organization', kind: 'government' },
    LegalEntity: { type: 'organization', kind: 'other' },
    Asset: { type: 'asset', kind: 'other' },
    Vehicle: { type: 'asset', kind: 'vehicle' },
    Vessel: { type: 'asset', kind: 'vessel' },
    Airplane: { type: 'asset', kind: 'airplane' },
    RealEstate: { type: 'asset', kind: 'real_estate' },
    Security: { type: 'asset', kind: 'security' },
    BankAccount: { type: 'asset', kind: 'bank_account' },
    Contract: { type: 'asset', kind: 'contract' },
  }),
);

/** The mapping of a thing schema: its own, else the nearest ancestor's (breadth first); undefined for any other schema. */
export function ftmNodeMapping(schema: string): FtmNodeMapping | undefined {
  const queue = [schema];
  const seen = new Set<string>();
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    if (seen.has(next)) continue;
    seen.add(next);
    const mapping = FTM_NODE_SCHEMATA.get(next);
    if (mapping) return mapping;
    queue.push(...(FTM_SCHEMA_PARENTS.get(next) ?? []));
  }
  return undefined;
}

/** The node type assets become, added to an import's vocabulary when the base has none. */
export const FTM_ASSET_NODE_TYPE: Readonly<NodeType> = {
  id: 'asset',
  label: 'Asset',
  color: '#76b7b2',
  description:
    'Imported from FollowTheMoney: a thing of value (vessel, airplane, security, real estate…); its FtM schema is kept in the "schema" attribute.',
  kinds: ['vessel', 'airplane', 'vehicle', 'real_estate', 'security', 'bank_account', 'contract', 'other'],
};

/** The edge types whose object may be an asset once the asset type is added (Ownership's asset). */
export const FTM_ASSET_OBJECT_OF = ['owns'] as const;

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
export const FTM_COUNTRY_PROPERTIES = ['country', 'jurisdiction', 'nationality', 'flag'] as const;

/** Address entities are not nodes: their full text is copied onto the entities that point at them. */
export const FTM_ADDRESS_SCHEMA = 'Address';
export const FTM_ADDRESS_PROPERTY = 'addressEntity';
