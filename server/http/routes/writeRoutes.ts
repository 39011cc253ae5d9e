// The write API, declared like the read routes: POST /api/documents stores an article
// and its extracted claims as pending proposals (extracted in a worker, so the server
// answers other requests meanwhile); GET /api/proposals lists the review
// queue; POST /api/proposals/{id}/accept and /reject decide. Each declaration gives the
// guards (rate limit, then token), the body schema and the answers; the handler makes
// one WriteStore call and presents its result. The store commits each write (an
// fsync'ed journal line, or a PostgreSQL transaction) before these routes answer 2xx, and its errors become problems in the one
// error handler (errors.ts, problemOf).
import { edgeKey } from '../../graph/groupClaims';
import { idPathSchema, noQuerySchema } from '../../model/api';
import {
  acceptBodySchema,
  decisionResponseSchema,
  documentBodySchema,
  documentFileQuerySchema,
  documentTextQuerySchema,
  ingestResponseSchema,
  proposalsQuerySchema,
  proposalsResponseSchema,
  proposalViewSchema,
  type DecisionResponse,
  type DocumentFileQuery,
  type IngestResponse,
  type ProposalsResponse,
  type ProposalView,
} from '../../model/reviewApi';
import type { WriteStore } from '../../store/writeStore';
import { ProposalNotFoundError } from '../../store/writeErrors';
import { convertDocument, DocumentFormatError, ORIGINAL_EXTENSIONS, type DocumentFormat } from '../../ingest/formats';
import { UnprocessableDocumentProblem, WritesDisabledError } from '../errors';
import { defineRoute, JsonResult, type Guard, type RouteContext, type RouteSpec } from '../route';
import { presentProposal, presentProposals } from '../presentProposal';
import { authorOf } from './curationRoutes';

const writeGuards: Guard[] = ['rateLimit', 'writeToken'];

function writeStore(context: RouteContext): WriteStore {
  if (!context.writes) throw new WritesDisabledError();
  return context.writes;
}

/** A Markdown, HTML or PDF body in the seeds' format, with its original to keep; a file that has no text is a 422. */
async function convertedBody(
  document: { bytes: Uint8Array; format: DocumentFormat },
  query: DocumentFileQuery,
): Promise<{ text: string; fileName?: string; original: { bytes: Uint8Array; extension: string } }> {
  const { fileName, ...header } = query;
  if (document.format === 'text') throw new Error('a text/plain body is read as text, not as a document');
  try {
    const text = await convertDocument(fileName ?? 'the document', document.bytes, document.format, header);
    return { text, fileName, original: { bytes: document.bytes, extension: ORIGINAL_EXTENSIONS[document.format] } };
  } catch (error) {
    if (error instanceof DocumentFormatError) throw new UnprocessableDocumentProblem(error.message);
    throw error;
  }
}

export const ingestDocumentRoute = defineRoute({
  method: 'post',
  path: '/api/documents',
  operationId: 'ingestDocument',
  tag: 'review',
  summary: 'Store an article and its extracted claims as pending proposals',
  guards: writeGuards,
  query: noQuerySchema,
  body: {
    json: documentBodySchema,
    text: { field: 'text', query: documentTextQuerySchema },
    document: { query: documentFileQuerySchema },
  },
  description:
    "The article in the seeds' format (JSON or text/plain), or as it came: Markdown (text/markdown), a saved web page (text/html: the article found by readability) or a PDF (application/pdf: its text layer), with title, date and url in the query when the file lacks them. A converted document keeps its original, served by GET /api/documents/{id}/original.",
  response: { description: 'the same article was stored before: nothing was written', schema: ingestResponseSchema },
  created: 'stored, with its proposals',
  conflict: 'a different document already has this id',
  problems: {
    '413':
      'the body is too large, or the article is larger than the extractor takes (type urn:claimgraph:problem:article-too-large): split it into smaller documents',
    '415': 'the body is not JSON, text/plain, text/markdown, text/html or application/pdf',
    '422':
      'the extractor could not finish this article within its time or memory limit: split it into smaller documents; or (type urn:claimgraph:problem:unreadable-document) a document with no text to take, such as a scanned PDF',
  },
  handle: async ({ body, document, query }, context): Promise<JsonResult> => {
    const store = writeStore(context);
    const given: { text: string; fileName?: string; original?: { bytes: Uint8Array; extension: string } } = document
      ? await convertedBody(document, query as DocumentFileQuery)
      : body;
    // The extraction runs in a worker meanwhile; a request answered or dropped before it ends writes nothing.
    const result = await store.ingest(given.text, given.fileName, {
      author: authorOf(context),
      signal: context.signal,
      beforeWrite: () => context.stillWanted?.check(),
      ...(given.original ? { original: given.original } : {}),
    });
    // The snapshot after the write: it has the new document and entities.
    const { dataset } = context.store.current;
    const answer: IngestResponse = {
      created: result.created,
      document: { id: result.document.id, title: result.document.title, date: result.document.date },
      proposals: presentProposals(result.proposals, dataset),
      skipped: result.skipped,
      warnings: result.warnings,
    };
    return new JsonResult(answer, result.created ? 201 : 200, {
      Location: `/api/documents/${encodeURIComponent(result.document.id)}`,
    });
  },
});

export const listProposalsRoute = defineRoute({
  path: '/api/proposals',
  operationId: 'listProposals',
  tag: 'review',
  summary: 'The review queue',
  query: proposalsQuerySchema,
  response: { description: 'a page of proposals', schema: proposalsResponseSchema },
  cacheable: false,
  // Unreviewed proposals are the investigation's unpublished work: editors only.
  access: 'review',
  handle: ({ query }, { store, writes }): ProposalsResponse => {
    const { dataset } = store.current;
    const all = writes
      ? writes.proposals({ status: query.status === 'all' ? undefined : query.status, document: query.document })
      : [];
    return {
      total: all.length,
      offset: query.offset,
      limit: query.limit,
      proposals: presentProposals(all.slice(query.offset, query.offset + query.limit), dataset),
    };
  },
});

export const proposalRoute = defineRoute({
  path: '/api/proposals/{id}',
  operationId: 'getProposal',
  tag: 'review',
  summary: 'One proposal',
  query: noQuerySchema,
  params: idPathSchema,
  response: { description: 'the proposal', schema: proposalViewSchema },
  notFound: 'no proposal with this id',
  cacheable: false,
  access: 'review',
  handle: ({ params }, { store, writes }): ProposalView => {
    if (!writes) throw new ProposalNotFoundError(params.id);
    return presentProposal(writes.proposal(params.id), store.current.dataset);
  },
});

export const acceptProposalRoute = defineRoute({
  method: 'post',
  path: '/api/proposals/{id}/accept',
  operationId: 'acceptProposal',
  tag: 'review',
  summary: 'Accept a proposal, with optional corrections: it becomes a claim on the graph',
  guards: writeGuards,
  query: noQuerySchema,
  params: idPathSchema,
  body: { json: acceptBodySchema, optional: true },
  response: { description: 'already accepted: the same claim, nothing written', schema: decisionResponseSchema },
  created: 'accepted: the claim and its edge',
  notFound: 'no proposal with this id',
  conflict: 'the proposal was decided the other way',
  handle: async ({ params, body }, context): Promise<JsonResult> => {
    const result = await writeStore(context).accept(params.id, body ?? {}, authorOf(context));
    const { dataset } = context.store.current;
    const answer: DecisionResponse = { created: result.created, proposal: presentProposal(result.proposal, dataset) };
    if (result.claim) {
      answer.claim = result.claim;
      const edgeType = dataset.vocabulary.edgeTypes.get(result.claim.type);
      answer.edge = edgeKey(result.claim.subject, result.claim.type, result.claim.object, edgeType?.directed ?? true);
    }
    return new JsonResult(answer, result.created ? 201 : 200);
  },
});

export const rejectProposalRoute = defineRoute({
  method: 'post',
  path: '/api/proposals/{id}/reject',
  operationId: 'rejectProposal',
  tag: 'review',
  summary: 'Reject a proposal',
  guards: writeGuards,
  query: noQuerySchema,
  params: idPathSchema,
  body: { json: noQuerySchema, optional: true },
  response: { description: 'rejected (created is false when it already was)', schema: decisionResponseSchema },
  notFound: 'no proposal with this id',
  conflict: 'the proposal was decided the other way',
  handle: async ({ params }, context): Promise<DecisionResponse> => {
    const result = await writeStore(context).reject(params.id, authorOf(context));
    return { created: result.created, proposal: presentProposal(result.proposal, context.store.current.dataset) };
  },
});

/** The review API, in the order the OpenAPI document lists it (after the read routes). */
export const writeRoutes: RouteSpec[] = [
  ingestDocumentRoute,
  listProposalsRoute,
  proposalRoute,
  acceptProposalRoute,
  rejectProposalRoute,
];
