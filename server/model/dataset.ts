// The resolved dataset: every record checked and cross-referenced, ready to build the
// graph from. Claims carry the offsets of their quote in the document's text.
import type { EntityRedirect } from './entityRedirects';
import type { GivenPositions } from './layoutFile';
import type { Claim, DocumentRecord, Entity } from './records';
import type { VocabularyIndex } from './vocabulary';

export interface ResolvedClaim extends Claim {
  /** Offsets of the quote in its document's text (UTF-16 code units, end exclusive). */
  quoteStart?: number;
  quoteEnd?: number;
}

export interface Dataset {
  dataDir: string;
  vocabulary: VocabularyIndex;
  entities: Map<string, Entity>;
  documents: Map<string, DocumentRecord>;
  claims: ResolvedClaim[];
  /** Entities merged away, by their old id: where each went (entityRedirects.ts). */
  redirects: Map<string, EntityRedirect>;
  /** sha256 of the files read: changes whenever the data does. */
  contentHash: string;
  /** Positions from layout.json, by entity id: drawn as given instead of laid out (graph/layout.ts). */
  positions?: GivenPositions;
}
