// What a crash test remembers: every write the server answered 2xx, which must all be
// there after a SIGKILL and a restart. Shared by tests/api/crash.test.ts and the
// hardening suite's longer crash loop. Curated claims are followed by tests/api/crash.test.ts.
export interface Acknowledged {
  documents: Set<string>;
  accepted: Map<string, { claimId: string; edge: string }>;
  /** Answered 2xx, but the kill cut the body off: the claim id is unknown, the decision must be there. */
  acceptedUnread: Set<string>;
  rejected: Set<string>;
  /**
   * Claims added by hand and then curated: the states each may be in. The last acknowledged
   * event's, or also that of a write the kill cut off before its answer (it may have landed).
   */
  curated: Map<string, Array<{ status: 'live' | 'retracted'; stance: string }>>;
  /**
   * Entities created by a hand-added claim and then merged into the claim's object (and
   * some split off again): whether each may be merged away now, as for `curated`.
   */
  merged: Map<string, boolean[]>;
  /** The kinds of curation event acknowledged so far. */
  curationKinds: Set<string>;
}

export function noneAcknowledged(): Acknowledged {
  return {
    documents: new Set(),
    accepted: new Map(),
    acceptedUnread: new Set(),
    rejected: new Set(),
    curated: new Map(),
    merged: new Map(),
    curationKinds: new Set(),
  };
}
