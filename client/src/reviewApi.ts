// Typed calls to the write API (server/model/reviewApi.ts): the review queue (and every
// proposal of one document), accept
// (with corrections) and reject. Writes carry the token the reviewer typed in, as
// "Authorization: Bearer <token>"; failures throw ApiError with the server's detail.
import type { AcceptBody, DecisionResponse, ProposalsResponse } from '../../server/model/reviewApi';
import { requestJson } from './api';

export function fetchPendingProposals(): Promise<ProposalsResponse> {
  return requestJson('/api/proposals?status=pending&limit=500', { method: 'GET' });
}

/** Every proposal of one document, accepted, pending or rejected (the entities the panel offers). */
export function fetchDocumentProposals(documentId: string): Promise<ProposalsResponse> {
  const query = new URLSearchParams({ document: documentId, status: 'all', limit: '1000' });
  return requestJson(`/api/proposals?${query.toString()}`, { method: 'GET' });
}

export function acceptProposal(id: string, corrections: AcceptBody, token: string): Promise<DecisionResponse> {
  return requestJson(`/api/proposals/${encodeURIComponent(id)}/accept`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(corrections),
  });
}

export function rejectProposal(id: string, token: string): Promise<DecisionResponse> {
  return requestJson(`/api/proposals/${encodeURIComponent(id)}/reject`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
  });
}
