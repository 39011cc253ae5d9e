// The write API: POST /api/documents stores an article and its extracted
// claims as pending proposals; GET /api/proposals lists the review queue;
// POST /api/proposals/{id}/accept and /reject decide. Routes stay thin: guards
// (writeGuards.ts), a strict zod schema for the body, one WriteStore call, a presenter.
// The store journals and fsyncs each write before these routes answer 2xx.
import { Router, type NextFunction, type Request, type Response } from 'express';
import type { z } from 'zod';
import { edgeKey } from '../../graph/groupClaims';
import { idPathSchema, noQuerySchema } from '../../model/api';
import { acceptBodySchema, documentBodySchema, documentTextQuerySchema, proposalsQuerySchema, type DecisionResponse, type IngestResponse, type ProposalsResponse } from '../../model/reviewApi';
import type { WriteStore } from '../../store/writeStore';
import { DiskFullError, ProposalNotFoundError, WriteConflictError, WriteInputError, WritesNotOpenError } from '../../store/writeErrors';
import { MethodNotAllowedError, NotFoundError, type FieldError } from '../errors';
import type { GraphStore } from '../graphStore';
import { parseInput } from '../parseInput';
import { stillWithinBudget } from '../timeBudget';
import { presentProposal } from './presentProposal';
import { DEFAULT_BODY_LIMIT_BYTES, DEFAULT_WRITE_RATE_LIMIT, readBody, requireWriteToken, writeRateLimit, type WriteRateLimit } from './writeGuards';
import { ConflictError, InsufficientStorageError, InvalidBodyError, WritesDisabledError } from './writeProblems';

export interface WriteRoutesOptions {
  store: GraphStore;
  /** The data folder's write store; without one every write answers 403. */
  writes?: WriteStore;
  /** CLAIMGRAPH_TOKEN: unset or empty turns writes off (403). */
  token?: string;
  /** Per client address; false turns the limit off. */
  rateLimit?: WriteRateLimit | false;
  bodyLimitBytes?: number;
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

/** A strict body schema's failure as field errors; unknown fields (ids, status…) are named and refused. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const errors: FieldError[] = [];
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) errors.push({ path: formatPath([...issue.path, key]), message: 'unknown field: it cannot be set by a client' });
    } else if (issue.code === 'invalid_type' && issue.path.length === 0) {
      errors.push({ path: '', message: 'expected a JSON object' });
    } else if (issue.code === 'invalid_union' && issue.path.length > 0) {
      errors.push({ path: formatPath(issue.path), message: 'expected an entity id, or a new entity {name, type, kind?, aliases?, description?, countryCode?}' });
    } else errors.push({ path: formatPath(issue.path), message: issue.message });
  }
  throw new InvalidBodyError(errors);
}

/** The store's errors in HTTP terms. */
function asHttpProblem(error: unknown): unknown {
  if (error instanceof WriteInputError) return new InvalidBodyError(error.errors);
  if (error instanceof ProposalNotFoundError) return new NotFoundError(error.message, [{ path: 'id', message: error.message }]);
  if (error instanceof WriteConflictError) return new ConflictError(error.message);
  if (error instanceof WritesNotOpenError) return new WritesDisabledError();
  if (error instanceof DiskFullError) return new InsufficientStorageError();
  return error;
}

function proposalId(req: Request): string {
  return parseInput(idPathSchema, { id: req.params.id }, 'path').id;
}

export function writeRoutes(options: WriteRoutesOptions): Router {
  const { store, writes } = options;
  const router = Router();
  const limitBytes = options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES;
  const guards = [
    ...(options.rateLimit === false ? [] : [writeRateLimit(options.rateLimit ?? DEFAULT_WRITE_RATE_LIMIT)]),
    requireWriteToken(writes?.writable ? options.token : undefined),
  ];
  const writeStore = (): WriteStore => {
    if (!writes) throw new WritesDisabledError();
    return writes;
  };
  const noStore = { 'Cache-Control': 'no-store' };

  router.post('/api/documents', ...guards, readBody(['text', 'json'], limitBytes), stillWithinBudget, (req, res) => {
    let text: string;
    let fileName: string | undefined;
    if (typeof req.body === 'string') {
      text = req.body;
      fileName = parseInput(documentTextQuerySchema, req.query as Record<string, unknown>, 'query').fileName;
      if (text === '') throw new InvalidBodyError([{ path: 'text', message: 'the article text is empty' }]);
    } else {
      parseInput(noQuerySchema, req.query as Record<string, unknown>, 'query');
      ({ text, fileName } = parseBody(documentBodySchema, req.body));
    }
    try {
      const result = writeStore().ingest(text, fileName);
      const { dataset } = store.current;
      const body: IngestResponse = {
        created: result.created,
        document: { id: result.document.id, title: result.document.title, date: result.document.date },
        proposals: result.proposals.map((p) => presentProposal(p, dataset)),
        skipped: result.skipped,
      };
      res.status(result.created ? 201 : 200).set({ ...noStore, Location: `/api/documents/${encodeURIComponent(result.document.id)}` }).json(body);
    } catch (error) {
      throw asHttpProblem(error);
    }
  });

  router.get('/api/proposals', (req, res) => {
    const query = parseInput(proposalsQuerySchema, req.query as Record<string, unknown>, 'query');
    const { dataset } = store.current;
    const all = writes ? writes.proposals({ status: query.status === 'all' ? undefined : query.status, document: query.document }) : [];
    const body: ProposalsResponse = {
      total: all.length,
      offset: query.offset,
      limit: query.limit,
      proposals: all.slice(query.offset, query.offset + query.limit).map((p) => presentProposal(p, dataset)),
    };
    res.set(noStore).json(body);
  });

  router.get('/api/proposals/:id', (req, res) => {
    parseInput(noQuerySchema, req.query as Record<string, unknown>, 'query');
    const id = proposalId(req);
    try {
      if (!writes) throw new ProposalNotFoundError(id);
      res.set(noStore).json(presentProposal(writes.proposal(id), store.current.dataset));
    } catch (error) {
      throw asHttpProblem(error);
    }
  });

  router.post('/api/proposals/:id/accept', ...guards, readBody(['json'], limitBytes, true), stillWithinBudget, (req, res) => {
    parseInput(noQuerySchema, req.query as Record<string, unknown>, 'query');
    const id = proposalId(req);
    const corrections = parseBody(acceptBodySchema, req.body ?? {});
    try {
      const result = writeStore().accept(id, corrections);
      const { dataset } = store.current;
      const body: DecisionResponse = { created: result.created, proposal: presentProposal(result.proposal, dataset) };
      if (result.claim) {
        body.claim = result.claim;
        const edgeType = dataset.vocabulary.edgeTypes.get(result.claim.type);
        body.edge = edgeKey(result.claim.subject, result.claim.type, result.claim.object, edgeType?.directed ?? true);
      }
      res.status(result.created ? 201 : 200).set(noStore).json(body);
    } catch (error) {
      throw asHttpProblem(error);
    }
  });

  router.post('/api/proposals/:id/reject', ...guards, readBody(['json'], limitBytes, true), stillWithinBudget, (req, res) => {
    parseInput(noQuerySchema, req.query as Record<string, unknown>, 'query');
    const id = proposalId(req);
    parseBody(noQuerySchema, req.body ?? {});
    try {
      const result = writeStore().reject(id);
      const body: DecisionResponse = { created: result.created, proposal: presentProposal(result.proposal, store.current.dataset) };
      res.status(200).set(noStore).json(body);
    } catch (error) {
      throw asHttpProblem(error);
    }
  });

  // Other methods on these paths: 405 naming the one they answer.
  const onlyAnswers = (method: string) => (req: Request, res: Response, next: NextFunction) => {
    res.set('Allow', method === 'GET' ? 'GET, HEAD' : method);
    next(new MethodNotAllowedError(`${req.method} is not allowed on ${req.path}; it answers ${method}`));
  };
  router.all('/api/proposals', onlyAnswers('GET'));
  router.all('/api/proposals/:id', onlyAnswers('GET'));
  router.all('/api/proposals/:id/accept', onlyAnswers('POST'));
  router.all('/api/proposals/:id/reject', onlyAnswers('POST'));

  return router;
}
