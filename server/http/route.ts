// A route declared as data: its path, its input schemas, its response schema and a thin
// handler. The app registers routes from these declarations and the OpenAPI document
// is generated from the very same ones, so the two cannot drift apart.
import type { z } from 'zod';
import type { GraphSnapshot } from '../model/evidenceGraph';
import type { GraphSnapshotHolder } from './snapshotHolder';
import type { Checkpoint } from './timeBudget';

/** A download (the export route) rather than a JSON body. */
export class FileResult {
  constructor(
    readonly body: string,
    readonly contentType: string,
    readonly filename: string,
  ) {}
}

export interface RouteContext {
  store: GraphSnapshotHolder;
  /** The snapshot this request reads: taken once, so a concurrent replace cannot mix versions. */
  snapshot: GraphSnapshot;
  /** The request's time budget: long work calls check() between steps (503 once it has run out). */
  budget: Checkpoint;
  /** Size caps configured for this server (server/http/hardeningConfig.ts). */
  limits: RouteLimits;
}

export interface RouteLimits {
  maxExportClaims: number;
}

export type QuerySchema = z.ZodObject;

export interface RouteSpec<Q extends QuerySchema = QuerySchema, P extends QuerySchema = QuerySchema> {
  /** OpenAPI-style path, e.g. /api/entities/{id}. */
  path: string;
  operationId: string;
  tag: string;
  summary: string;
  description?: string;
  query: Q;
  params?: P;
  /** The 200 body: a JSON schema, or the content types of a download. */
  response: { description: string; schema: z.ZodType } | { description: string; contentTypes: () => string[] };
  /** Whether the route answers 404 (unknown id, no path). */
  notFound?: string;
  /** GET responses are cacheable (ETag + 304) unless they describe the running server. */
  cacheable?: boolean;
  handle(input: { query: z.output<Q>; params: z.output<P> }, context: RouteContext): unknown;
}

/** Keeps the handler's input typed by its schemas, then erases the types for the route list. */
export function defineRoute<Q extends QuerySchema, P extends QuerySchema = QuerySchema>(spec: RouteSpec<Q, P>): RouteSpec {
  return spec as unknown as RouteSpec;
}

/** /api/entities/{id} → /api/entities/:id */
export function expressPath(path: string): string {
  return path.replace(/\{(\w+)\}/g, ':$1');
}
