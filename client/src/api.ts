// Typed calls to the claimgraph REST API. Types come from the server's zod contract
// (server/model/api.ts) as types only, so zod and the schemas do not ship to the browser.
// A failed call throws ApiError with the problem+json detail the server sent, so the UI
// can show what went wrong instead of a blank panel.
import type {
  DocumentResponse,
  EntitySearchResponse,
  GraphResponse,
  HealthResponse,
  NeighboursResponse,
  PathResponse,
  Problem,
  SessionResponse,
  VocabularyResponse,
} from '../../server/model/api';
import { authorizationHeader } from './session';
import type { GraphFilters } from './state';
import { filtersToQuery } from './url';

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly problem?: Problem,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

function isProblem(value: unknown): value is Problem {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Problem).title === 'string' &&
    typeof (value as Problem).detail === 'string'
  );
}

/** The message a person reads: the server's detail when it sent one. */
export function problemMessage(status: number, body: unknown, url: string): string {
  if (isProblem(body)) {
    // A field the detail already names is not said twice.
    const fields = body.errors
      ?.map((error) => `${error.path}: ${error.message}`)
      .filter((text) => !body.detail.includes(text))
      .join('; ');
    return fields ? `${body.title}: ${body.detail} (${fields})` : `${body.title}: ${body.detail}`;
  }
  return `The server answered ${status} for ${url}`;
}

/** Any JSON call to the API (reads and writes): problem+json answers and an unreachable server become ApiError. */
export async function requestJson<T>(url: string, init: RequestInit = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      ...init,
      // The signed-in user's token on every call (a form may send its own instead).
      headers: {
        accept: 'application/json',
        ...authorizationHeader(),
        ...(init.headers as Record<string, string> | undefined),
      },
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(`Cannot reach the claimgraph server (${url}). Is it running?`, 0);
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  if (!response.ok)
    throw new ApiError(problemMessage(response.status, body, url), response.status, isProblem(body) ? body : undefined);
  if (body === undefined) throw new ApiError(`The server sent no JSON for ${url}`, response.status);
  return body as T;
}

function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  return requestJson<T>(url, { signal });
}

function withQuery(path: string, params: URLSearchParams): string {
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

export function fetchVocabulary(): Promise<VocabularyResponse> {
  return getJson('/api/vocabulary');
}

/**
 * The whole graph, unfiltered: filters apply in the browser through the reducers. With
 * `top`, only that many of the most connected entities (a graph too large to draw whole).
 */
export function fetchGraph(top?: number): Promise<GraphResponse> {
  return getJson(top === undefined ? '/api/graph' : `/api/graph?top=${top}`);
}

/** Whether reads need signing in, whether writes are on, and who the stored token belongs to. */
export function fetchSession(): Promise<SessionResponse> {
  return getJson('/api/session');
}

export function fetchHealth(): Promise<HealthResponse> {
  return getJson('/api/health');
}

/** A neighbourhood whose relations carry their claims (`claims=all`), as the graph's do. */
export type NeighboursWithClaims = Omit<NeighboursResponse, 'edges'> & Pick<GraphResponse, 'edges'>;

/**
 * An entity and its direct relations, at most `limit` neighbours (hubs cut first): to open
 * more of a large graph. With every claim, since the filters and the relation panel read them.
 */
export function fetchNeighbours(id: string, limit: number): Promise<NeighboursWithClaims> {
  return getJson(`/api/entities/${encodeURIComponent(id)}/neighbors?depth=1&limit=${limit}&claims=all`);
}

export function searchEntities(q: string, limit: number, signal?: AbortSignal): Promise<EntitySearchResponse> {
  return getJson(withQuery('/api/entities', new URLSearchParams({ q, limit: String(limit) })), signal);
}

export function fetchDocument(id: string): Promise<DocumentResponse> {
  return getJson(`/api/documents/${encodeURIComponent(id)}`);
}

/** The shortest path under the view's filters; `strict` keeps only reported or confirmed relations. */
export function fetchPath(from: string, to: string, filters: GraphFilters, strict: boolean): Promise<PathResponse> {
  const params = filtersToQuery(strict ? { ...filters, status: strictStatuses(filters.status) } : filters);
  params.set('from', from);
  params.set('to', to);
  return getJson(withQuery('/api/path', params));
}

/** reported and confirmed, narrowed by the status filter when the view has one. */
export function strictStatuses(current: readonly string[] | undefined): string[] {
  const strict = ['reported', 'confirmed'];
  return current === undefined ? strict : strict.filter((status) => current.includes(status));
}

/** The download URL of the current view in an export format (json, gexf…). */
export function exportUrl(format: string, filters: GraphFilters): string {
  const params = filtersToQuery(filters);
  params.set('format', format);
  return withQuery('/api/export', params);
}
