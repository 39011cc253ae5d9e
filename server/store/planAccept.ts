// Accepting a proposal, as pure planning: given the dataset, the proposal and the reviewer's
// corrections, check them and return the accept entry that records the claim and the
// entities it creates, or throw the error that says what is wrong and where. An end may be
// an entity of the graph, a new entity that any proposal of the same document found (the
// review panel offers them all), or a new entity the reviewer names; a new entity that the
// graph already has is refused with 409 exactly as on POST /api/claims (curateClaims.ts).
// A corrected quote must be a verbatim passage of the document, checked as there too.
import type { Dataset } from '../model/dataset';
import { survivorOf } from '../model/entityRedirects';
import type { AcceptEntry, Corrections, EntityChoice, ReviewedProposal } from '../model/journalEntries';
import { claimSchema, type Claim, type Entity } from '../model/records';
import { edgeTypeAllows } from '../model/vocabulary';
import { liveClaimById } from '../graph/claimIndex';
import { claimIdFor } from './assignIds';
import { locateQuote, refuseDuplicate, resolveNewEntity, withQuoteAt } from './curateClaims';
import { WriteInputError, type WriteFieldError } from './writeErrors';

export interface AcceptContext {
  dataset: Dataset;
  /** A new entity that a proposal of this document found, by its id. */
  proposedEntity: (documentId: string, id: string) => Entity | undefined;
  at: string;
  author: string;
}

const oneOf = (values: Iterable<string>) => [...values].join(', ');

/** Subject or object: an entity of the graph, a proposed new entity of the document, or a new one. */
function resolveChoice(
  context: AcceptContext,
  proposal: ReviewedProposal,
  choice: EntityChoice,
  field: 'subject' | 'object',
  created: Entity[],
  errors: WriteFieldError[],
): Entity | undefined {
  const { dataset } = context;
  if (typeof choice !== 'string') return resolveNewEntity(choice, field, dataset, created, errors);
  const existing = dataset.entities.get(choice) ?? created.find((e) => e.id === choice);
  if (existing) return existing;
  const proposed = context.proposedEntity(proposal.document, choice);
  const survivor = survivorOf(dataset.redirects, choice);
  if (!proposed && survivor !== undefined) {
    errors.push({ path: field, message: `entity "${choice}" was merged into "${survivor}"; use "${survivor}"` });
    return undefined;
  }
  if (!proposed) {
    errors.push({ path: field, message: `unknown entity "${choice}"` });
    return undefined;
  }
  if (!dataset.vocabulary.nodeTypes.has(proposed.type)) {
    errors.push({
      path: field,
      message: `the proposed entity "${choice}" has unknown node type "${proposed.type}"; name a new entity instead`,
    });
    return undefined;
  }
  // Found new at ingest; the graph may have gained an entity of that name since.
  refuseDuplicate(dataset, field, proposed, false);
  created.push(proposed);
  return proposed;
}

/** The type, the stance and whether the type allows these ends. */
function relationErrors(dataset: Dataset, type: string, stance: string, subject?: Entity, object?: Entity) {
  const { vocabulary } = dataset;
  const errors: WriteFieldError[] = [];
  const edgeType = vocabulary.edgeTypes.get(type);
  if (!edgeType)
    errors.push({
      path: 'type',
      message: `unknown edge type "${type}"; expected one of ${oneOf(vocabulary.edgeTypes.keys())}`,
    });
  if (!vocabulary.stances.has(stance))
    errors.push({
      path: 'stance',
      message: `unknown stance "${stance}"; expected one of ${oneOf(vocabulary.stances.keys())}`,
    });
  if (edgeType && subject && object && !edgeTypeAllows(edgeType, subject.type, object.type)) {
    const allowedS = edgeType.subjectTypes.length ? edgeType.subjectTypes.join('/') : 'any';
    const allowedO = edgeType.objectTypes.length ? edgeType.objectTypes.join('/') : 'any';
    errors.push({
      path: 'type',
      message: `edge type "${type}" does not allow ${subject.type} → ${object.type} (allowed: ${allowedS} → ${allowedO})`,
    });
  }
  return errors;
}

export function planAccept(context: AcceptContext, proposal: ReviewedProposal, corrections: Corrections): AcceptEntry {
  const { dataset } = context;
  const errors: WriteFieldError[] = [];
  const created: Entity[] = [];
  const subject = resolveChoice(
    context,
    proposal,
    corrections.subject ?? proposal.claim.subject,
    'subject',
    created,
    errors,
  );
  const object = resolveChoice(
    context,
    proposal,
    corrections.object ?? proposal.claim.object,
    'object',
    created,
    errors,
  );
  const type = corrections.type ?? proposal.claim.type;
  const stance = corrections.stance ?? proposal.claim.stance;
  errors.push(...relationErrors(dataset, type, stance, subject, object));

  const document = dataset.documents.get(proposal.document);
  const quote = corrections.quote ?? proposal.claim.quote;
  let start: number | undefined;
  if (!document)
    errors.push({ path: '', message: `the proposal's document "${proposal.document}" is no longer in the dataset` });
  else if (corrections.quote !== undefined || corrections.start !== undefined || corrections.end !== undefined)
    start = locateQuote(document, quote, corrections.start, corrections.end, errors);
  if (errors.length > 0 || !subject || !object) throw new WriteInputError(errors);

  const date = corrections.date ?? proposal.claim.date;
  const attributedTo = corrections.attributedTo ?? proposal.claim.attributedTo;
  const claim: Claim = withQuoteAt(
    claimSchema.parse({
      id: claimIdFor(proposal.id, (candidate) => liveClaimById(dataset, candidate) !== undefined),
      subject: subject.id,
      type,
      object: object.id,
      stance,
      document: proposal.document,
      quote,
      ...(attributedTo !== undefined ? { attributedTo } : {}),
      ...(date !== undefined ? { date } : {}),
      ...(corrections.role !== undefined ? { role: corrections.role } : {}),
      // Who accepted it and when: a claim says who put it on the graph, as one added by hand does.
      addedBy: context.author,
      addedAt: context.at,
    }),
    document,
    start,
  );
  return {
    kind: 'accept',
    at: context.at,
    author: context.author,
    proposal: proposal.id,
    corrections,
    claim,
    entities: created,
  };
}
