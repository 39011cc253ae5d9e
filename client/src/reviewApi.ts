// Typed calls to the write API (server/model/reviewApi.ts): the review queue, accept
// (with corrections) and reject. Writes carry the token the reviewer typed in, as
// "Authorization: Bearer <token>"; failures throw ApiError with the server's detail.
import type { AcceptBody, DecisionResponse, ProposalsResponse } from '../../server/model/reviewApi';
import { ApiError, problemMessage } from './api';

async function call<T>(url: string, init: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, headers: { accept: 'application/json', ...(init.headers as Record<string, string>) } });
  } catch {
    throw new ApiError(`Cannot reach the claimgraph server (${url}). Is it running?`, 0);
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  if (!response.ok) throw new ApiError(problemMessage(response.status, body, url), response.status);
  return body as T;
}

export function fetchPendingProposals(): Promise<ProposalsResponse> {
  return call('/api/proposals?status=pending&limit=500', { method: 'GET' });
}

export function acceptProposal(id: string, corrections: AcceptBody, token: string): Promise<DecisionResponse> {
  return call(`/api/proposals/${encodeURIComponent(id)}/accept`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(corrections),
  });
}

export function rejectProposal(id: string, token: string): Promise<DecisionResponse> {
  return call(`/api/proposals/${encodeURIComponent(id)}/reject`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
}
