// Typed calls to the curation API (server/model/curationApi.ts), the duplicate candidates
// and their judgement (server/model/duplicatesApi.ts) and the article upload
// (POST /api/documents): each write carries the write token as "Authorization: Bearer
// <token>" and, when it changes a claim or an entity, the version it was read at as
// If-Match, so a change made meanwhile answers 412 instead of being overwritten. Failures
// throw ApiError with the server's problem (its status and errors[]).
import type {
  AddClaimBody,
  ClaimState,
  CorrectClaimBody,
  CurationResponse,
  EditEntityBody,
  EntityCurationResponse,
  HistoryResponse,
  MergeEntityBody,
} from '../../server/model/curationApi';
import type { DuplicatesResponse, JudgementResponse, NotSameBody } from '../../server/model/duplicatesApi';
import type { EntityDetailsResponse } from '../../server/model/api';
import type { IngestResponse } from '../../server/model/reviewApi';
import { requestJson } from './api';

function write<T>(url: string, method: 'POST' | 'PATCH', token: string, body: unknown, version?: number): Promise<T> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  if (version !== undefined) headers['if-match'] = `"${version}"`;
  return requestJson<T>(url, { method, headers, body: JSON.stringify(body) });
}

const claimUrl = (id: string) => `/api/claims/${encodeURIComponent(id)}`;
const entityUrl = (id: string) => `/api/entities/${encodeURIComponent(id)}`;

export function ingestArticle(text: string, fileName: string | undefined, token: string): Promise<IngestResponse> {
  return write('/api/documents', 'POST', token, fileName === undefined ? { text } : { text, fileName });
}

export function fetchEntity(id: string): Promise<EntityDetailsResponse> {
  return requestJson(entityUrl(id));
}

export function fetchClaim(id: string): Promise<ClaimState> {
  return requestJson(claimUrl(id));
}

export function addClaim(body: AddClaimBody, token: string): Promise<CurationResponse> {
  return write('/api/claims', 'POST', token, body);
}

export function correctClaim(
  id: string,
  body: CorrectClaimBody,
  version: number,
  token: string,
): Promise<CurationResponse> {
  return write(claimUrl(id), 'PATCH', token, body, version);
}

export function retractClaim(id: string, reason: string, version: number, token: string): Promise<CurationResponse> {
  return write(`${claimUrl(id)}/retract`, 'POST', token, { reason }, version);
}

export function editEntity(
  id: string,
  body: EditEntityBody,
  version: number,
  token: string,
): Promise<EntityCurationResponse> {
  return write(entityUrl(id), 'PATCH', token, body, version);
}

/** Merges `id` into `body.into`; `version` is the version of `id` (If-Match). */
export function mergeEntity(
  id: string,
  body: MergeEntityBody,
  version: number,
  token: string,
): Promise<EntityCurationResponse> {
  return write(`${entityUrl(id)}/merge`, 'POST', token, body, version);
}

/** The entities that may be the same as `id`, best first. */
export function fetchDuplicates(id: string, limit = 10): Promise<DuplicatesResponse> {
  return requestJson(`${entityUrl(id)}/duplicates?limit=${limit}`);
}

/** Records that `id` and `body.other` are not the same entity: the pair is not proposed again. */
export function judgeNotSame(id: string, body: NotSameBody, token: string): Promise<JudgementResponse> {
  return write(`${entityUrl(id)}/not-same`, 'POST', token, body);
}

/** Newest first; `of` narrows it to one entity or one claim. */
export function fetchHistory(of: { entity: string } | { claim: string }, limit = 200): Promise<HistoryResponse> {
  const params = new URLSearchParams({ ...of, limit: String(limit) });
  return requestJson(`/api/history?${params.toString()}`);
}

export type RevertResponse = CurationResponse | EntityCurationResponse | JudgementResponse;

export function revertEvent(eventId: string, token: string): Promise<RevertResponse> {
  return write(`/api/history/${encodeURIComponent(eventId)}/revert`, 'POST', token, {});
}
