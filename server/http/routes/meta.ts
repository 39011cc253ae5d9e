// GET /api/health and GET /api/vocabulary: what the server serves and the vocabulary
// (node types, edge types, stances, statuses with their colours and labels).
import {
  healthResponseSchema,
  noQuerySchema,
  vocabularyResponseSchema,
  type HealthResponse,
  type VocabularyResponse,
} from '../../model/api';
import { defineRoute } from '../route';

export const healthRoute = defineRoute({
  path: '/api/health',
  operationId: 'getHealth',
  tag: 'meta',
  summary: 'Status of the server and counts of the data it serves',
  query: noQuerySchema,
  response: { description: 'the server is up', schema: healthResponseSchema },
  cacheable: false,
  access: 'public',
  handle: (_input, { snapshot, user, readsNeedToken }): HealthResponse => {
    if (readsNeedToken && !user) return { status: 'ok' };
    return {
      status: 'ok',
      version: snapshot.version,
      counts: {
        entities: snapshot.dataset.entities.size,
        edges: snapshot.graph.size,
        claims: snapshot.dataset.claims.length,
        documents: snapshot.dataset.documents.size,
      },
    };
  },
});

export const vocabularyRoute = defineRoute({
  path: '/api/vocabulary',
  operationId: 'getVocabulary',
  tag: 'meta',
  summary: 'Node types, edge types, stances and statuses, with labels and colours',
  query: noQuerySchema,
  response: { description: 'the vocabulary of the dataset', schema: vocabularyResponseSchema },
  handle: (_input, { snapshot }): VocabularyResponse => {
    const { nodeTypes, edgeTypes, stances, statuses } = snapshot.dataset.vocabulary.vocabulary;
    return { nodeTypes, edgeTypes, stances, statuses };
  },
});
