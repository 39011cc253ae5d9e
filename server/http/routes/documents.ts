// GET /api/documents and /api/documents/{id}: the sources, and one source with its text
// and the spans its claims quote.
import {
  documentResponseSchema,
  documentsQuerySchema,
  documentsResponseSchema,
  idPathSchema,
  noQuerySchema,
  type DocumentResponse,
  type DocumentsResponse,
} from '../../model/api';
import { claimsByDocument, documentDetails, listDocuments, updateClaimsByDocument } from '../../queries/documents';
import { NotFoundError } from '../errors';
import { defineRoute, type RouteContext } from '../route';

const claimsIndex = ({ store, snapshot }: RouteContext) =>
  store.derived(snapshot, 'claimsByDocument', (s) => claimsByDocument(s.dataset), {
    update: (value, change, s) => updateClaimsByDocument(value, change, s.dataset),
  });

export const documentsRoute = defineRoute({
  path: '/api/documents',
  operationId: 'listDocuments',
  tag: 'documents',
  summary: 'The source documents, newest first, with how many claims quote each',
  query: documentsQuerySchema,
  response: { description: 'a page of documents', schema: documentsResponseSchema },
  handle: ({ query }, context): DocumentsResponse =>
    listDocuments(context.snapshot.dataset, claimsIndex(context), query),
});

export const documentRoute = defineRoute({
  path: '/api/documents/{id}',
  operationId: 'getDocument',
  tag: 'documents',
  summary: 'One document with its text and the spans its claims quote',
  query: noQuerySchema,
  params: idPathSchema,
  response: { description: 'the document', schema: documentResponseSchema },
  notFound: 'no document with this id',
  handle: ({ params }, context): DocumentResponse => {
    const document = documentDetails(context.snapshot.dataset, claimsIndex(context), params.id);
    if (!document)
      throw new NotFoundError(`no document with id "${params.id}"`, [
        { path: 'id', message: `no document with id "${params.id}"` },
      ]);
    return document;
  },
});
