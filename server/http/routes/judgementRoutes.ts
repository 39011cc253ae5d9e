// The judgement of a duplicate candidate: POST /api/entities/{id}/not-same records that
// two entities are not the same, so GET /api/entities/{id}/duplicates and `claimgraph
// xref` never propose the pair again (in either direction). It is a curation event like
// the others: journalled and fsynced before the answer, listed by GET /api/history, and
// undone by POST /api/history/{eventId}/revert (curationRoutes.ts), which makes the pair
// a candidate again. Judging a pair that already stands judged writes nothing (200).
import { idPathSchema, noQuerySchema } from '../../model/api';
import { judgementResponseSchema, notSameBodySchema, type JudgementResponse } from '../../model/duplicatesApi';
import { WritesDisabledError } from '../errors';
import { authorOf } from './curationRoutes';
import { defineRoute, JsonResult, type RouteSpec } from '../route';

export const notSameRoute = defineRoute({
  method: 'post',
  path: '/api/entities/{id}/not-same',
  operationId: 'judgeNotSame',
  tag: 'curation',
  summary: 'Judge two entities not the same: the pair is never proposed as duplicates again, until reverted',
  guards: ['rateLimit', 'writeToken'],
  query: noQuerySchema,
  params: idPathSchema,
  body: { json: notSameBodySchema },
  response: {
    description: 'the pair already stood judged not the same: that judgement, nothing written',
    schema: judgementResponseSchema,
  },
  created: 'judged: the event',
  notFound: 'no entity with this id',
  handle: async ({ params, body }, context): Promise<JsonResult> => {
    if (!context.writes) throw new WritesDisabledError();
    const { created, event } = await context.writes.judgeNotSame(params.id, body.other, body.reason, authorOf(context));
    const answer: JudgementResponse = { created, event };
    return new JsonResult(answer, created ? 201 : 200);
  },
});

/** In the order the OpenAPI document lists them (after the curation API). */
export const judgementRoutes: RouteSpec[] = [notSameRoute];
