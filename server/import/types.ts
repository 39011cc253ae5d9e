// The shapes every importer shares: the intermediate "source graph" the generic graph
// formats (GEXF, GraphML, JSON, CSV) are read into, the mapping options, and the records
// an import produces before they are written as a data folder.
import type { GivenPositions } from '../model/layoutFile';
import type { Claim, EntityInput } from '../model/records';
import type { Vocabulary } from '../model/vocabulary';

export interface SourceNode {
  key: string;
  attributes: Record<string, unknown>;
  /** Where the node is in its file, for messages. */
  line?: number;
}

export interface SourceEdge {
  source: string;
  target: string;
  directed: boolean;
  attributes: Record<string, unknown>;
  /** The edge's citation: its id in the file, or its line or position when it has none. */
  record: string;
  line?: number;
  /** When the relation held, as an ISO date prefix (from a CSV date column). */
  date?: string;
}

/** One input file of a generic graph format, read but not yet mapped onto our vocabulary. */
export interface SourceGraph {
  /** The input file's base name: what claims cite. */
  file: string;
  nodes: SourceNode[];
  edges: SourceEdge[];
  /** What reading the file changed or left out, for the import summary. */
  notes?: string[];
}

/** How node and edge types are read from a generic graph's attributes. */
export interface TypeMappingOptions {
  /** Node attribute holding the type; given by the user (an error if absent) or guessed. */
  nodeTypeAttr?: string;
  edgeTypeAttr?: string;
  /** Type for nodes or edges without a value (mapped like a value). */
  defaultNodeType?: string;
  defaultEdgeType?: string;
}

/** Everything an import produces: the records of a data folder and what to tell the user. */
export interface ImportedData {
  entities: EntityInput[];
  claims: Claim[];
  vocabulary: Vocabulary;
  /** Notes for the user: guesses made, records skipped, references left dangling. */
  notes: string[];
  /** The file's own positions of every node, kept as layout.json (keptLayout.ts). */
  positions?: GivenPositions;
}
