// Source documents: a page of summaries, or one document with its text and the spans
// its claims quote (offsets into the text, UTF-16, end exclusive), in text order.
import type { DocumentResponse, DocumentsResponse, DocumentSummary, QuotedSpan } from '../model/api';
import type { Dataset, ResolvedClaim } from '../model/dataset';
import type { DocumentRecord } from '../model/records';
import { claimRank, liveClaimById, positionByRank } from '../graph/claimIndex';
import { edgeKey } from '../graph/groupClaims';
import type { GraphChange } from '../model/graphChange';

export type ClaimsByDocument = Map<string, ResolvedClaim[]>;

/** Built once (the snapshot holder caches it) and brought up to date by each write (updateClaimsByDocument). */
export function claimsByDocument(dataset: Pick<Dataset, 'claims'>): ClaimsByDocument {
  const map: ClaimsByDocument = new Map();
  for (const claim of dataset.claims) {
    if (claim.document === undefined) continue;
    const list = map.get(claim.document);
    if (list) list.push(claim);
    else map.set(claim.document, [claim]);
  }
  return map;
}

/** The map after a write: the changed claims leave their documents' lists and join their new ones in dataset order. */
export function updateClaimsByDocument(
  map: ClaimsByDocument,
  change: GraphChange,
  dataset: Pick<Dataset, 'claims'>,
): ClaimsByDocument {
  const ids = new Set<string>();
  const documents = new Set<string>();
  for (const { before, after } of change.claimChanges) {
    for (const claim of [before, after]) {
      if (!claim) continue;
      ids.add(claim.id);
      if (claim.document !== undefined) documents.add(claim.document);
    }
  }
  const rankOf = (claim: ResolvedClaim) => claimRank(dataset, claim.id);
  for (const document of documents) {
    const list = (map.get(document) ?? []).filter((claim) => !ids.has(claim.id));
    const joining = [...ids]
      .map((id) => liveClaimById(dataset, id))
      .filter((claim): claim is ResolvedClaim => claim?.document === document)
      .sort((a, b) => rankOf(a) - rankOf(b));
    for (const claim of joining) list.splice(positionByRank(list, rankOf(claim), rankOf), 0, claim);
    if (list.length > 0) map.set(document, list);
    else map.delete(document);
  }
  return map;
}

function summary(document: DocumentRecord, claims: ClaimsByDocument): DocumentSummary {
  const out: DocumentSummary = {
    id: document.id,
    title: document.title,
    date: document.date,
    length: document.text.length,
    claimCount: claims.get(document.id)?.length ?? 0,
  };
  if (document.url !== undefined) out.url = document.url;
  return out;
}

/** Newest first, then by id. */
export function listDocuments(
  dataset: Pick<Dataset, 'documents'>,
  claims: ClaimsByDocument,
  page: { limit: number; offset: number },
): DocumentsResponse {
  const all = [...dataset.documents.values()].sort((a, b) =>
    a.date === b.date ? (a.id < b.id ? -1 : 1) : a.date < b.date ? 1 : -1,
  );
  return {
    total: all.length,
    limit: page.limit,
    offset: page.offset,
    documents: all.slice(page.offset, page.offset + page.limit).map((d) => summary(d, claims)),
  };
}

export function documentDetails(
  dataset: Pick<Dataset, 'documents' | 'vocabulary'>,
  claims: ClaimsByDocument,
  id: string,
): DocumentResponse | undefined {
  const document = dataset.documents.get(id);
  if (!document) return undefined;
  const spans: QuotedSpan[] = [];
  for (const claim of claims.get(id) ?? []) {
    if (claim.quote === undefined || claim.quoteStart === undefined || claim.quoteEnd === undefined) continue;
    const directed = dataset.vocabulary.edgeTypes.get(claim.type)?.directed ?? true;
    spans.push({
      claim: claim.id,
      edge: edgeKey(claim.subject, claim.type, claim.object, directed),
      subject: claim.subject,
      type: claim.type,
      object: claim.object,
      stance: claim.stance,
      start: claim.quoteStart,
      end: claim.quoteEnd,
      quote: claim.quote,
    });
  }
  spans.sort((a, b) => a.start - b.start || a.end - b.end || (a.claim < b.claim ? -1 : 1));
  return { ...summary(document, claims), text: document.text, spans };
}
