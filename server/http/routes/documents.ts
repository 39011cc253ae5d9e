// GET /api/documents and /api/documents/{id}: the sources, and one source with its text
// and the spans its claims quote; GET /api/documents/{id}/original: the file it was
// converted from (Markdown, a saved web page, a PDF), as a download.
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
import path from 'node:path';
import { ORIGINAL_CONTENT_TYPES } from '../../load/documentOriginals';
import { NotFoundError } from '../errors';
import { defineRoute, StoredFileResult, type RouteContext } from '../route';

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
    if (!document) throw noDocument(params.id);
    const original = context.writes?.original(params.id);
    if (!original) return document;
    return {
      ...document,
      original: {
        url: `/api/documents/${encodeURIComponent(params.id)}/original`,
        contentType: original.contentType,
        bytes: original.bytes,
      },
    };
  },
});

const noDocument = (id: string) =>
  new NotFoundError(`no document with id "${id}"`, [{ path: 'id', message: `no document with id "${id}"` }]);

export const documentOriginalRoute = defineRoute({
  path: '/api/documents/{id}/original',
  operationId: 'getDocumentOriginal',
  tag: 'documents',
  summary: 'The file a document was converted from (Markdown, a saved web page, a PDF), as a download',
  query: noQuerySchema,
  params: idPathSchema,
  response: {
    description: 'the original file, as an attachment',
    contentTypes: () => Object.values(ORIGINAL_CONTENT_TYPES),
  },
  notFound: 'no document with this id, or the document came as text and has no original',
  handle: ({ params }, context): StoredFileResult => {
    if (!context.snapshot.dataset.documents.has(params.id)) throw noDocument(params.id);
    const original = context.writes?.original(params.id);
    if (!original)
      throw new NotFoundError(`document "${params.id}" came as text: it has no original file`, [
        { path: 'id', message: `document "${params.id}" came as text: it has no original file` },
      ]);
    return new StoredFileResult(
      path.join(context.writes!.dataDir, original.file),
      original.contentType,
      original.fileName,
    );
  },
});
