// Maps the type values found in imported files onto the vocabulary. A value that names
// one of our node or edge types (by id, label or a common synonym) becomes that type; an
// organisation kind ("company", "party", "ngo") becomes an organization of that kind. Any
// other value becomes a NEW type added to the output's vocabulary.json, so the user's own
// categories ("paper", "presented at") survive the import instead of being flattened.
import { edgeTypeAllows, type EdgeType, type NodeType, type Vocabulary } from '../model/vocabulary';
import { toIdentifier } from './identifiers';

export interface MappedNodeType {
  type: string;
  kind?: string;
}

/** The type of nodes whose source gives none. Added to the vocabulary only when used. */
export const UNSPECIFIED_NODE_TYPE = 'unspecified';
/** The edge type of edges whose source gives none, or whose type does not fit their ends. */
export const FALLBACK_EDGE_TYPE = 'linked_to';
/** More distinct new types than this means the attribute is not a type (e.g. a name). */
export const MAX_NEW_TYPES = 30;

// Maps, not objects: a type value such as "constructor" must not find an Object.prototype member.
const NODE_SYNONYMS = new Map<string, MappedNodeType>(
  Object.entries({
    people: { type: 'person' },
    persons: { type: 'person' },
    human: { type: 'person' },
    individual: { type: 'person' },
    natural_person: { type: 'person' },
    organisation: { type: 'organization' },
    organizations: { type: 'organization' },
    organisations: { type: 'organization' },
    org: { type: 'organization' },
    legal_entity: { type: 'organization', kind: 'other' },
    companies: { type: 'organization', kind: 'company' },
    business: { type: 'organization', kind: 'company' },
    firm: { type: 'organization', kind: 'company' },
    corporation: { type: 'organization', kind: 'company' },
    enterprise: { type: 'organization', kind: 'company' },
    entreprise: { type: 'organization', kind: 'company' },
    public_body: { type: 'organization', kind: 'government' },
    agency: { type: 'organization', kind: 'government' },
    political_party: { type: 'organization', kind: 'party' },
    nonprofit: { type: 'organization', kind: 'ngo' },
    non_profit: { type: 'organization', kind: 'ngo' },
    charity: { type: 'organization', kind: 'ngo' },
    countries: { type: 'country' },
    nation: { type: 'country' },
    territory: { type: 'country' },
    platform: { type: 'service' },
    product: { type: 'service' },
    software: { type: 'service' },
    app: { type: 'service' },
    website: { type: 'service' },
  }),
);

const EDGE_SYNONYMS = new Map<string, string>(
  Object.entries({
    owner_of: 'owns',
    owned: 'owns',
    controls: 'owns',
    runs: 'operates',
    operated: 'operates',
    unit_of: 'part_of',
    subsidiary_of: 'part_of',
    member: 'member_of',
    director_of: 'holds_position',
    employee_of: 'holds_position',
    works_for: 'holds_position',
    associate: 'associate_of',
    associated_with: 'associate_of',
    family: 'associate_of',
    contact: 'in_contact_with',
    contacted: 'in_contact_with',
    met: 'in_contact_with',
    funds: 'funded',
    financed: 'funded',
    paid: 'funded',
    payment: 'funded',
    donated_to: 'funded',
    sponsored: 'funded',
    sponsors: 'funded',
    supports: 'supported',
    endorsed: 'supported',
    criticised: 'criticized',
    criticizes: 'criticized',
    attacks: 'attacked',
    sanctions: 'sanctioned',
    uses: 'used',
    related_to: 'linked_to',
    link: 'linked_to',
    linked: 'linked_to',
  }),
);

// Colours for added types, chosen apart from the default vocabulary's Tableau palette.
const PALETTE = [
  '#17becf',
  '#bcbd22',
  '#8c564b',
  '#e377c2',
  '#7f7f7f',
  '#1f77b4',
  '#ff7f0e',
  '#2ca02c',
  '#d62728',
  '#9467bd',
  '#aec7e8',
  '#ffbb78',
  '#98df8a',
  '#ff9896',
  '#c5b0d5',
];

/**
 * Resolves type values against a vocabulary and extends a copy of it with new types.
 * One instance per import, so a value maps to the same type in every file.
 */
export class VocabularyBuilder {
  private readonly vocabulary: Vocabulary;
  private readonly nodeTypes = new Map<string, NodeType>();
  private readonly edgeTypes = new Map<string, EdgeType>();
  private readonly newIds = new Map<string, string>();
  private addedNodeTypes = 0;
  private addedEdgeTypes = 0;
  private readonly addedEdgeIds = new Set<string>();

  constructor(base: Vocabulary) {
    this.vocabulary = structuredClone(base);
    for (const t of this.vocabulary.nodeTypes) this.nodeTypes.set(t.id, t);
    for (const t of this.vocabulary.edgeTypes) this.edgeTypes.set(t.id, t);
  }

  /** The vocabulary with every type added so far. */
  result(): Vocabulary {
    return this.vocabulary;
  }

  /** Our node type for a raw value, without adding anything; undefined when none matches. */
  matchNodeType(raw: string): MappedNodeType | undefined {
    const id = toIdentifier(raw);
    if (id === undefined) return undefined;
    if (this.nodeTypes.has(id)) return { type: id };
    for (const t of this.nodeTypes.values()) if (toIdentifier(t.label) === id) return { type: t.id };
    const organization = this.nodeTypes.get('organization');
    if (organization?.kinds?.includes(id) && id !== 'other') return { type: 'organization', kind: id };
    const singular = id.endsWith('s') ? id.slice(0, -1) : undefined;
    if (singular && this.nodeTypes.has(singular)) return { type: singular };
    return NODE_SYNONYMS.get(id);
  }

  /** Our node type for a raw value; a value that matches none becomes a new node type. */
  nodeType(raw: string, attributeName: string): MappedNodeType {
    const matched = this.matchNodeType(raw);
    if (matched) return matched;
    const id = this.newIdentifier(raw, attributeName, 'node');
    if (!this.nodeTypes.has(id)) {
      const added: NodeType = {
        id,
        label: raw.trim() || id,
        color: this.nextColour(),
        description: `Imported: nodes whose "${attributeName}" is "${raw.trim()}".`,
      };
      this.addedNodeTypes++;
      this.nodeTypes.set(id, added);
      this.vocabulary.nodeTypes.push(added);
    }
    return { type: id };
  }

  /** Adds `nodeType` unless the vocabulary has a type of its id, and lets it be the object of `objectOf` (edge types that restrict their objects). */
  ensureNodeType(nodeType: NodeType, objectOf: readonly string[] = []): void {
    if (this.nodeTypes.has(nodeType.id)) return;
    this.nodeTypes.set(nodeType.id, nodeType);
    this.vocabulary.nodeTypes.push(nodeType);
    for (const id of objectOf) {
      const edgeType = this.edgeTypes.get(id);
      if (edgeType && edgeType.objectTypes.length > 0 && !edgeType.objectTypes.includes(nodeType.id))
        edgeType.objectTypes.push(nodeType.id);
    }
  }

  /** The type for nodes that have no type value; added to the vocabulary on first use. */
  unspecifiedNodeType(): MappedNodeType {
    if (!this.nodeTypes.has(UNSPECIFIED_NODE_TYPE)) {
      const added: NodeType = {
        id: UNSPECIFIED_NODE_TYPE,
        label: 'Unspecified',
        color: '#9d9d9d',
        description: 'Imported: nodes whose source gave no type.',
      };
      this.nodeTypes.set(added.id, added);
      this.vocabulary.nodeTypes.push(added);
    }
    return { type: UNSPECIFIED_NODE_TYPE };
  }

  /** Our edge type for a raw value, without adding anything; undefined when none matches. */
  matchEdgeType(raw: string): string | undefined {
    const id = toIdentifier(raw);
    if (id === undefined) return undefined;
    if (this.edgeTypes.has(id)) return id;
    for (const t of this.edgeTypes.values()) if (toIdentifier(t.label) === id) return t.id;
    return EDGE_SYNONYMS.get(id);
  }

  /** Our edge type for a raw value; a value that matches none becomes a new edge type open to any ends. */
  edgeType(raw: string, attributeName: string, directed: boolean): string {
    const matched = this.matchEdgeType(raw);
    if (matched && !this.addedEdgeIds.has(matched)) return matched;
    const id = matched ?? this.newIdentifier(raw, attributeName, 'edge');
    const existing = this.edgeTypes.get(id);
    if (existing) {
      // A value seen on both directed and undirected edges is kept directed: that loses nothing.
      if (directed) existing.directed = true;
      return id;
    }
    const added: EdgeType = {
      id,
      label: raw.trim() || id,
      directed,
      subjectTypes: [],
      objectTypes: [],
      color: this.nextColour(),
      description: `Imported: edges whose "${attributeName}" is "${raw.trim()}".`,
    };
    this.addedEdgeTypes++;
    this.addedEdgeIds.add(id);
    this.edgeTypes.set(id, added);
    this.vocabulary.edgeTypes.push(added);
    return id;
  }

  /** The kinds a node type allows ("company", "party"… for organization), if it has a list. */
  kindsOf(type: string): readonly string[] | undefined {
    return this.nodeTypes.get(type)?.kinds;
  }

  /** Whether an edge of `type` may join these node types (the vocabulary's subject/object rules). */
  allows(type: string, subjectType: string, objectType: string): boolean {
    const edgeType = this.edgeTypes.get(type);
    return edgeType !== undefined && edgeTypeAllows(edgeType, subjectType, objectType);
  }

  /** How many node and edge types this import added (not counting "unspecified"). */
  get added(): { nodeTypes: number; edgeTypes: number } {
    return { nodeTypes: this.addedNodeTypes, edgeTypes: this.addedEdgeTypes };
  }

  /** The id for a new type: the value as an identifier, prefixed by the attribute for numbers ("modularity_class_3"). */
  private newIdentifier(raw: string, attributeName: string, kind: 'node' | 'edge'): string {
    const key = `${kind}\0${raw.trim()}`;
    const known = this.newIds.get(key);
    if (known) return known;
    let id = toIdentifier(raw);
    if (id === undefined) {
      const prefix = toIdentifier(attributeName) ?? kind + '_type';
      // Values with no Latin letters or digits ("Компания") are numbered rather than merged.
      id = /[A-Za-z0-9]/.test(raw) ? (toIdentifier(`${prefix} ${raw}`) ?? prefix) : `${prefix}_${this.newIds.size + 1}`;
    }
    const taken = kind === 'node' ? this.nodeTypes : this.edgeTypes;
    const base = id;
    for (let n = 2; taken.has(id) && ![...this.newIds.values()].includes(id); n++) id = `${base}_${n}`;
    this.newIds.set(key, id);
    return id;
  }

  private nextColour(): string {
    return PALETTE[(this.addedNodeTypes + this.addedEdgeTypes) % PALETTE.length];
  }
}
