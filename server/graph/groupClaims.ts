// Claims are the system of record; edges are derived. An edge is the group of claims
// with the same (subject, type, object); for undirected types the two ends are put in a
// fixed order so that "A contacted B" and "B contacted A" land on one edge.
import type { ResolvedClaim } from '../model/dataset';
import type { VocabularyIndex } from '../model/vocabulary';

export interface ClaimGroup {
  key: string;
  source: string;
  target: string;
  type: string;
  directed: boolean;
  claims: ResolvedClaim[];
}

/** The edge key: `subject|type|object`, ends sorted for undirected types. */
export function edgeKey(subject: string, type: string, object: string, directed: boolean): string {
  return directed || subject <= object ? `${subject}|${type}|${object}` : `${object}|${type}|${subject}`;
}

export function groupClaims(claims: readonly ResolvedClaim[], vocabulary: VocabularyIndex): Map<string, ClaimGroup> {
  const groups = new Map<string, ClaimGroup>();
  for (const claim of claims) {
    const edgeType = vocabulary.edgeTypes.get(claim.type);
    if (!edgeType) throw new Error(`groupClaims: unknown edge type "${claim.type}" in claim "${claim.id}"`);
    const directed = edgeType.directed;
    const key = edgeKey(claim.subject, claim.type, claim.object, directed);
    let group = groups.get(key);
    if (!group) {
      const inOrder = directed || claim.subject <= claim.object;
      group = { key, source: inOrder ? claim.subject : claim.object, target: inOrder ? claim.object : claim.subject, type: claim.type, directed, claims: [] };
      groups.set(key, group);
    }
    group.claims.push(claim);
  }
  return groups;
}
