// A route declared as data: its method and path, its input schemas (path, query, body),
// the guards it stands behind, its answers and a thin handler. The app registers routes
// from these declarations (registerRoute.ts) and the OpenAPI document is generated from
// the very same ones (openapi.ts), reads and writes alike, so the two cannot drift apart.
import type { z } from 'zod';
import type { ServerConfig } from '../config';
import type { DocumentFormat } from '../ingest/formats';
import type { AccessGroup, User } from '../model/access';
import type { WriteStore } from '../store/writeStore';
import type { GraphSnapshot } from '../model/evidenceGraph';
import type { GraphSnapshotHolder } from './snapshotHolder';
import type { Checkpoint } from './timeBudget';
import type { UserDirectory } from './access';

/**
 * A download (the export route) rather than a JSON body, streamed from `chunks` and cut
 * after `maxBytes` bytes (server/http/sendFile.ts). `chunks` may throw an HttpProblem
 * before its first text to refuse the download; for a HEAD (`checksOnly`) it only checks.
 */
export class FileResult {
  constructor(
    readonly chunks: (checksOnly: boolean) => Iterable<string>,
    readonly contentType: string,
    readonly filename: string,
    readonly maxBytes: number,
  ) {}
}

/** A read's answer that is a file kept in the data folder (a document's original), sent as a download. */
export class StoredFileResult {
  constructor(
    /** The file's absolute path. */
    readonly file: string,
    readonly contentType: string,
    readonly filename: string,
  ) {}
}

/** A JSON answer with its own status and headers (a write's 201 and Location). */
export class JsonResult {
  constructor(
    readonly body: unknown,
    readonly status: number = 200,
    readonly headers: Record<string, string> = {},
    /** JSON.stringify(body), when the handler has it cheaper (a merge's answer: stringifyWithEntry). */
    readonly text?: string,
  ) {}
}

/** A read's answer that the resource moved for good: 301 to `path`, keeping the request's query string. */
export class RedirectResult {
  constructor(
    readonly path: string,
    readonly body: unknown,
  ) {}
}

export interface RouteContext {
  store: GraphSnapshotHolder;
  /** The data folder's write store; absent when the server was started without writes. */
  writes?: WriteStore;
  /** The snapshot this request reads: taken once, so a concurrent replace cannot mix versions. A write's is the one before it: it presents its result from store.current. */
  snapshot: GraphSnapshot;
  /** The request's time budget: long work calls check() between steps (503 once it has run out). */
  budget: Checkpoint;
  /** Size caps configured for this server (server/config.ts). */
  limits: RouteLimits;
  /** Writes only: aborted once the request has ended without the handler's answer (answered 503, or dropped), so asynchronous work stops. */
  signal?: AbortSignal;
  /** Writes only: throws once the request must not write any more (answered, dropped, or past its budget); call it between asynchronous work and the write. */
  stillWanted?: Checkpoint;
  /** Who sent the request (server/http/access.ts); undefined when anonymous. A write always has one: its author. */
  user?: User;
  /** Whether this server's reads need a reader's token (private reads). */
  readsNeedToken: boolean;
  /** Who the server knows (access.ts). */
  users: UserDirectory;
}

export type RouteLimits = Pick<ServerConfig, 'maxExportClaims' | 'neighbourhoodCap' | 'topMaxClaims'> & {
  /** The most bytes one export may send (DEFAULT_MAX_EXPORT_BYTES in hardeningConfig.ts). */
  maxExportBytes: number;
};

export type QuerySchema = z.ZodObject;

/**
 * What stands in front of a write, in the order given: the rate limit of writes per address
 * (writeGuards.ts), then `writeToken`: writes must be on, and the request's user must hold
 * the role of the route's access group (access.ts), counted by the per-user rate limit.
 */
export type Guard = 'rateLimit' | 'writeToken';

/** A request body: JSON with a strict schema, and optionally a text/plain alternative. */
export interface BodySpec<B extends z.ZodType = z.ZodType> {
  /** The JSON body; strict, so a field a client may not set is refused by name. */
  json: B;
  /**
   * A text/plain body is also taken: it becomes the JSON body's `field`, and the query
   * parameters `query` accepts (instead of the route's) join it, before `json` checks the whole.
   */
  text?: { field: string; query: QuerySchema };
  /**
   * A Markdown, HTML or PDF body is also taken: the handler gets its bytes and format as
   * `document` (and no `body`), with the query parameters `query` accepts.
   */
  document?: { query: QuerySchema };
  /** Without a body the JSON schema reads {}. */
  optional?: boolean;
}

export interface RouteSpec<
  Q extends QuerySchema = QuerySchema,
  P extends QuerySchema = QuerySchema,
  B extends z.ZodType = z.ZodType,
> {
  /** Default get; a get also answers HEAD. */
  method?: 'get' | 'post' | 'patch';
  /** OpenAPI-style path, e.g. /api/entities/{id}. */
  path: string;
  operationId: string;
  tag: string;
  summary: string;
  description?: string;
  query: Q;
  params?: P;
  body?: BodySpec<B>;
  guards?: readonly Guard[];
  /**
   * Who may call the route (server/model/access.ts): default `read` for a GET and `curate`
   * for a write; `public` for the page's own needs (health, the session), open to anyone.
   */
  access?: AccessGroup | 'public';
  /** The 200 body: a JSON schema, or the content types of a download. */
  response: { description: string; schema: z.ZodType } | { description: string; contentTypes: () => string[] };
  /** Whether the route answers 201 (a write that created something), with the 200 body's schema. */
  created?: string;
  /** Whether the route answers 301 with Location (an id that moved for good: a merged entity). */
  movedPermanently?: string;
  /** Whether the route answers 404 (unknown id, no path). */
  notFound?: string;
  /** Whether the route answers 409 (a write contradicting an earlier one). */
  conflict?: string;
  /** The route's own refusals besides those above, its body's and its guards': status → when it answers it. */
  problems?: Record<string, string>;
  /** Whether the route takes If-Match: "<version>" and answers 412 when the version moved. */
  preconditionFailed?: string;
  /** GET responses are cacheable (ETag + 304) unless they describe the running server or the review queue. */
  cacheable?: boolean;
  /** The answer, or (writes only) a promise of it. */
  handle(
    input: {
      query: z.output<Q>;
      params: z.output<P>;
      body: z.output<B>;
      /** A document body (BodySpec.document): its bytes and the format its Content-Type names. */
      document?: { bytes: Uint8Array; format: DocumentFormat };
      /** The If-Match header of a write, as sent (routes with preconditionFailed read it). */
      ifMatch?: string;
    },
    context: RouteContext,
  ): unknown;
}

/** Keeps the handler's input typed by its schemas, then erases the types for the route list. */
export function defineRoute<
  Q extends QuerySchema,
  P extends QuerySchema = QuerySchema,
  B extends z.ZodType = z.ZodType,
>(spec: RouteSpec<Q, P, B>): RouteSpec {
  return spec as unknown as RouteSpec;
}

/** /api/entities/{id} → /api/entities/:id */
export function expressPath(path: string): string {
  return path.replace(/\{(\w+)\}/g, ':$1');
}
