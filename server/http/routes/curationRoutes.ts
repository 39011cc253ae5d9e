// The curation API, declared like the review routes: add a claim by hand
// (POST /api/claims), correct it (PATCH /api/claims/{id}), retract it
// (POST /api/claims/{id}/retract), read one (GET /api/claims/{id}), read the history
// (GET /api/history), undo an event (POST /api/history/{eventId}/revert), edit an
// entity (PATCH /api/entities/{id}) and merge it into another (POST /api/entities/{id}/merge).
// Each write makes one WriteStore call, which commits
// the event (journal or PostgreSQL) before the answer; PATCH, retract, merge and revert honour
// If-Match: "<version>" (412 when the claim or entity moved).
import { edgeKey } from '../../graph/groupClaims';
import { noQuerySchema } from '../../model/api';
import { stringifyWithEntry } from '../../model/entryText';
import {
  addClaimBodySchema,
  claimStateSchema,
  claimVersionPathSchema,
  correctClaimBodySchema,
  curationResponseSchema,
  editEntityBodySchema,
  entityCurationResponseSchema,
  entityVersionPathSchema,
  eventPathSchema,
  historyQuerySchema,
  historyResponseSchema,
  mergeEntityBodySchema,
  retractClaimBodySchema,
  revertBodySchema,
  type ClaimState,
  type CurationResponse,
  type EntityCurationResponse,
  type HistoryResponse,
} from '../../model/curationApi';
import { z } from 'zod';
import {
  isClaimEvent,
  type CurationEntry,
  type EditEntityEntry,
  type EntityMergeEntry,
} from '../../model/curationEvents';
import type { Claim } from '../../model/records';
import type { Dataset } from '../../model/dataset';
import { judgementResponseSchema, type JudgementResponse } from '../../model/duplicatesApi';
import { filterHistory } from '../../queries/curationHistory';
import type { WriteStore } from '../../store/writeStore';
import { CurationNotFoundError } from '../../store/writeErrors';
import { ValidationError, WritesDisabledError } from '../errors';
import { defineRoute, JsonResult, type Guard, type RouteContext, type RouteSpec } from '../route';

const writeGuards: Guard[] = ['rateLimit', 'writeToken'];
const STALE = 'If-Match named a version of the claim that is no longer current; errors[] gives the current one';
const STALE_ENTITY = 'If-Match named a version of the entity that is no longer current; errors[] gives the current one';

function writeStore(context: RouteContext): WriteStore {
  if (!context.writes) throw new WritesDisabledError();
  return context.writes;
}

/** Who made an API change: the signed-in user (the write guards admit no anonymous write). */
export function authorOf(context: RouteContext): string {
  if (!context.user) throw new Error('a write reached its handler without a user');
  return context.user.name;
}

/** If-Match: "3" (or 3, or W/"3") → 3; absent → undefined; `*` matches any version. */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '*') return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!match)
    throw new ValidationError([
      { path: 'If-Match', message: `expected a claim version such as "3", not ${JSON.stringify(header)}` },
    ]);
  return Number(match[1]);
}

function edgeOf(claim: Pick<Claim, 'subject' | 'type' | 'object'>, dataset: Dataset): string {
  const directed = dataset.vocabulary.edgeTypes.get(claim.type)?.directed ?? true;
  return edgeKey(claim.subject, claim.type, claim.object, directed);
}

function presentClaim(writes: WriteStore, id: string, dataset: Dataset): ClaimState {
  const state = writes.claimState(id);
  return { ...state, edge: edgeOf(state.claim, dataset) };
}

/** An entity write answers the entity it leaves on the graph: the edited one, a merge's survivor, a split's returned one. */
function presentEntityWrite(event: EditEntityEntry | EntityMergeEntry, context: RouteContext, status: number) {
  const id = event.kind === 'mergeEntities' ? event.into : event.entity;
  const entity = writeStore(context).entityState(id);
  const answer: EntityCurationResponse = { event, entity };
  return new JsonResult(
    answer,
    status,
    { ETag: `"${entity.version}"`, Location: `/api/entities/${encodeURIComponent(id)}` },
    // The event is in the answer twice (as the entity's last event too): serialised once, from the journal's text.
    stringifyWithEntry(answer, event),
  );
}

function presentWrite(event: CurationEntry, context: RouteContext, status: number): JsonResult {
  if (event.kind === 'judgeNotSame')
    return new JsonResult({ created: true, event } satisfies JudgementResponse, status);
  if (!isClaimEvent(event)) return presentEntityWrite(event, context, status);
  const { dataset } = context.store.current;
  const claim = presentClaim(writeStore(context), event.claim, dataset);
  const answer: CurationResponse = { event, claim };
  if (event.before !== null && event.after !== null) {
    const previousEdge = edgeOf(event.before, dataset);
    if (previousEdge !== claim.edge) answer.previousEdge = previousEdge;
  }
  return new JsonResult(answer, status, {
    ETag: `"${claim.version}"`,
    Location: `/api/claims/${encodeURIComponent(event.claim)}`,
  });
}

export const addClaimRoute = defineRoute({
  method: 'post',
  path: '/api/claims',
  operationId: 'addClaim',
  tag: 'curation',
  summary: 'Add a claim by hand: a verbatim quote of a document, its two entities, its type and stance',
  guards: writeGuards,
  query: noQuerySchema,
  body: { json: addClaimBodySchema },
  response: { description: 'never: a new claim answers 201', schema: curationResponseSchema },
  created: 'added: the event, the claim and its edge',
  conflict: 'a new entity has the name or an alias of an existing one (send "createAnyway": true to create it)',
  handle: async ({ body }, context): Promise<JsonResult> =>
    presentWrite(await writeStore(context).addClaim(body, authorOf(context)), context, 201),
});

export const claimRoute = defineRoute({
  path: '/api/claims/{id}',
  operationId: 'getClaim',
  tag: 'curation',
  summary: 'One claim, live or retracted, with its version (send it back as If-Match)',
  query: noQuerySchema,
  params: claimVersionPathSchema,
  response: { description: 'the claim', schema: claimStateSchema },
  notFound: 'no claim with this id',
  cacheable: false,
  handle: ({ params }, context): ClaimState => {
    if (!context.writes) throw new CurationNotFoundError('claim', params.id);
    return presentClaim(context.writes, params.id, context.snapshot.dataset);
  },
});

export const correctClaimRoute = defineRoute({
  method: 'patch',
  path: '/api/claims/{id}',
  operationId: 'correctClaim',
  tag: 'curation',
  summary: 'Correct a claim: a new version; the edge it leaves and the edge it joins are derived again',
  guards: writeGuards,
  query: noQuerySchema,
  params: claimVersionPathSchema,
  body: { json: correctClaimBodySchema },
  response: { description: 'corrected: the event and the claim', schema: curationResponseSchema },
  notFound: 'no claim with this id',
  conflict: 'the claim was retracted, or a new entity has the name of an existing one',
  preconditionFailed: STALE,
  handle: async ({ params, body, ifMatch }, context): Promise<JsonResult> =>
    presentWrite(
      await writeStore(context).correctClaim(params.id, body, parseIfMatch(ifMatch), authorOf(context)),
      context,
      200,
    ),
});

export const retractClaimRoute = defineRoute({
  method: 'post',
  path: '/api/claims/{id}/retract',
  operationId: 'retractClaim',
  tag: 'curation',
  summary: 'Retract a claim: it leaves every view, export and status; the history keeps it with who, when and why',
  guards: writeGuards,
  query: noQuerySchema,
  params: claimVersionPathSchema,
  body: { json: retractClaimBodySchema },
  response: { description: 'retracted: the event and the claim as it was', schema: curationResponseSchema },
  notFound: 'no claim with this id',
  conflict: 'the claim was already retracted',
  preconditionFailed: STALE,
  handle: async ({ params, body, ifMatch }, context): Promise<JsonResult> =>
    presentWrite(
      await writeStore(context).retractClaim(params.id, body.reason, parseIfMatch(ifMatch), authorOf(context)),
      context,
      200,
    ),
});

export const historyRoute = defineRoute({
  path: '/api/history',
  operationId: 'listHistory',
  tag: 'curation',
  summary: 'The curation history, newest first: each event with the claim before and after it',
  query: historyQuerySchema,
  response: { description: 'a page of events', schema: historyResponseSchema },
  cacheable: false,
  handle: ({ query }, { writes }): HistoryResponse => {
    const events = writes ? filterHistory(writes.curationEvents(), query) : [];
    return {
      total: events.length,
      offset: query.offset,
      limit: query.limit,
      events: events.slice(query.offset, query.offset + query.limit),
    };
  },
});

export const revertRoute = defineRoute({
  method: 'post',
  path: '/api/history/{eventId}/revert',
  operationId: 'revertEvent',
  tag: 'curation',
  summary: 'Undo an event with a new one; refused while a later event changed its claim or entity',
  guards: writeGuards,
  query: noQuerySchema,
  params: eventPathSchema,
  body: { json: revertBodySchema, optional: true },
  response: {
    description: 'never: a revert answers 201',
    schema: z.union([curationResponseSchema, entityCurationResponseSchema, judgementResponseSchema]),
  },
  created: 'reverted: the new event and the claim (or the entity) after it; a judgement: the new judgement',
  notFound: 'no event with this id',
  conflict: 'a later event changed the claim or entity: it names the event to revert first',
  preconditionFailed: STALE,
  handle: async ({ params, body, ifMatch }, context): Promise<JsonResult> =>
    presentWrite(
      await writeStore(context).revert(params.eventId, body.reason, parseIfMatch(ifMatch), authorOf(context)),
      context,
      201,
    ),
});

export const editEntityRoute = defineRoute({
  method: 'patch',
  path: '/api/entities/{id}',
  operationId: 'editEntity',
  tag: 'curation',
  summary: "Edit an entity's name, aliases, description, type, kind or country; the search finds it by its new names",
  guards: writeGuards,
  query: noQuerySchema,
  params: entityVersionPathSchema,
  body: { json: editEntityBodySchema },
  response: { description: 'edited: the event and the entity', schema: entityCurationResponseSchema },
  notFound: 'no entity with this id',
  conflict: 'the new type is not allowed at its end by some claims of the entity: it names them',
  preconditionFailed: STALE_ENTITY,
  handle: async ({ params, body, ifMatch }, context): Promise<JsonResult> =>
    presentEntityWrite(
      await writeStore(context).editEntity(params.id, body, parseIfMatch(ifMatch), authorOf(context)),
      context,
      200,
    ),
});

export const mergeEntityRoute = defineRoute({
  method: 'post',
  path: '/api/entities/{id}/merge',
  operationId: 'mergeEntity',
  tag: 'curation',
  summary:
    'Merge an entity into another: its claims move there, its name and aliases join its aliases, its id redirects there',
  guards: writeGuards,
  query: noQuerySchema,
  params: entityVersionPathSchema,
  body: { json: mergeEntityBodySchema },
  response: { description: 'merged: the event and the entity that stays', schema: entityCurationResponseSchema },
  notFound: 'no entity with this id',
  conflict:
    'the entity was merged already, or moving its claims would join the other entity with itself or put a type at an end its edge type does not allow: it names the claims',
  preconditionFailed: STALE_ENTITY,
  handle: async ({ params, body, ifMatch }, context): Promise<JsonResult> =>
    presentEntityWrite(
      await writeStore(context).mergeEntities(params.id, body, parseIfMatch(ifMatch), authorOf(context)),
      context,
      200,
    ),
});

/** The curation API, in the order the OpenAPI document lists it (after the review API). */
export const curationRoutes: RouteSpec[] = [
  addClaimRoute,
  claimRoute,
  correctClaimRoute,
  retractClaimRoute,
  historyRoute,
  revertRoute,
  editEntityRoute,
  mergeEntityRoute,
];
