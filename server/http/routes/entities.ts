// GET /api/entities (search), /api/entities/{id} (details and relations),
// /api/entities/{id}/neighbors (the ego network) and /api/entities/{id}/duplicates (the
// entities that may be the same one). The id of an entity merged away answers 301 to the
// entity it was merged into, at the same route.
import { NEIGHBOURHOOD_CAP } from '../../config';
import {
  entityDetailsResponseSchema,
  entitySearchQuerySchema,
  entitySearchResponseSchema,
  idPathSchema,
  neighboursQuerySchema,
  neighboursResponseSchema,
  noQuerySchema,
  type EntityDetailsResponse,
  type EntitySearchResponse,
  type NeighboursResponse,
} from '../../model/api';
import { duplicatesQuerySchema, duplicatesResponseSchema, type DuplicatesResponse } from '../../model/duplicatesApi';
import { buildDuplicateIndex } from '../../queries/duplicateIndex';
import { findDuplicates } from '../../queries/duplicates';
import { entityDetails } from '../../queries/entityDetails';
import { neighbours } from '../../queries/neighbours';
import { searchEntities } from '../../queries/searchEntities';
import { buildSearchIndex, updateSearchIndex } from '../../queries/searchIndex';
import { checkGraphFilters, nodeTypeErrors, redirectIfMerged, requireEntity } from '../checkAgainstData';
import { ValidationError } from '../errors';
import { filteredGraph, requireInGraph } from '../filteredGraph';
import { defineRoute, type RedirectResult } from '../route';

const MOVED = 'the entity was merged into another: Location names it, with the same query string';

export const searchEntitiesRoute = defineRoute({
  path: '/api/entities',
  operationId: 'searchEntities',
  tag: 'entities',
  summary: 'Ranked search over entity names and aliases (case, accent and typo tolerant)',
  description: 'Each hit says which name or alias matched and how (exact, prefix, words or fuzzy).',
  query: entitySearchQuerySchema,
  response: { description: 'the hits, best first', schema: entitySearchResponseSchema },
  handle: ({ query }, { store, snapshot }): EntitySearchResponse => {
    const errors = nodeTypeErrors('type', query.type, snapshot.dataset);
    if (errors.length > 0) throw new ValidationError(errors);
    const index = store.derived(snapshot, 'searchIndex', (s) => buildSearchIndex(s.graph), {
      update: (value, change, s) => updateSearchIndex(value, change, s.graph),
    });
    const { total, hits } = searchEntities(snapshot.graph, index, {
      q: query.q,
      types: query.type,
      limit: query.limit,
      offset: query.offset,
    });
    return { query: query.q, total, limit: query.limit, offset: query.offset, hits };
  },
});

export const entityRoute = defineRoute({
  path: '/api/entities/{id}',
  operationId: 'getEntity',
  tag: 'entities',
  summary: 'One entity, its degree and its relations grouped by type',
  query: noQuerySchema,
  params: idPathSchema,
  response: { description: 'the entity', schema: entityDetailsResponseSchema },
  movedPermanently: MOVED,
  notFound: 'no entity with this id',
  handle: ({ params }, { snapshot }): EntityDetailsResponse | RedirectResult => {
    const moved = redirectIfMerged(snapshot.dataset, params.id);
    if (moved) return moved;
    requireEntity(snapshot.dataset, params.id, 'id');
    return entityDetails(snapshot.graph, snapshot.dataset, params.id)!;
  },
});

/** Declared in server/config.ts; the description below states it. */
export { NEIGHBOURHOOD_CAP };

export const neighboursRoute = defineRoute({
  path: '/api/entities/{id}/neighbors',
  operationId: 'getNeighbors',
  tag: 'entities',
  summary: 'The ego network of an entity (depth 1 to 3) as a SerializedGraph',
  description: `With limit, at most that many entities besides the centre are kept (hubs are cut first) and attributes.omittedNodes says how many were left out. Without limit, a neighbourhood of more than ${NEIGHBOURHOOD_CAP} entities is cut the same way to ${NEIGHBOURHOOD_CAP}: attributes.limit is then ${NEIGHBOURHOOD_CAP} and omittedNodes counts the rest.`,
  query: neighboursQuerySchema,
  params: idPathSchema,
  response: { description: 'the ego network', schema: neighboursResponseSchema },
  movedPermanently: MOVED,
  notFound: 'no entity with this id',
  handle: ({ query, params }, context): NeighboursResponse | RedirectResult => {
    const moved = redirectIfMerged(context.snapshot.dataset, params.id, '/neighbors');
    if (moved) return moved;
    requireEntity(context.snapshot.dataset, params.id, 'id');
    checkGraphFilters(query, context.snapshot.dataset);
    const graph = filteredGraph(context, query);
    requireInGraph(graph, context, params.id, 'id');
    return neighbours(graph, {
      center: params.id,
      depth: query.depth,
      limit: query.limit,
      cap: context.limits.neighbourhoodCap,
      checkpoint: context.budget,
      claims: query.claims,
    });
  },
});

export const duplicatesRoute = defineRoute({
  path: '/api/entities/{id}/duplicates',
  operationId: 'getDuplicates',
  tag: 'entities',
  summary: 'Entities that may be the same as this one, best first, each with a score and the reasons',
  description:
    'Names and aliases are compared without case, accents, punctuation, titles or word order, other scripts transliterated, initials matched; shared neighbours and countries move the score. A pair judged "not the same" (POST /api/entities/{id}/not-same) is never proposed again, until that judgement is reverted. Not cached: judgements live in the curation history, not in the graph version.',
  query: duplicatesQuerySchema,
  params: idPathSchema,
  response: { description: 'the candidates, best first (ties by id)', schema: duplicatesResponseSchema },
  notFound: 'no entity with this id',
  cacheable: false,
  handle: ({ query, params }, { store, snapshot, writes }): DuplicatesResponse => {
    requireEntity(snapshot.dataset, params.id, 'id');
    const index = store.derived(snapshot, 'duplicateIndex', (s) => buildDuplicateIndex(s.graph));
    const { total, candidates } = findDuplicates(snapshot.graph, index, params.id, {
      limit: query.limit,
      minScore: query.minScore,
      notSame: writes ? (a, b) => writes.judgedNotSame(a, b) : undefined,
    })!;
    return { id: params.id, total, limit: query.limit, minScore: query.minScore, candidates };
  },
});
