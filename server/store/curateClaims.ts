// Hand curation of claims, as pure planning: given the dataset, the history and a
// request, check it and return the one event that records it (add, correct, retract,
// revert), or throw the error that says what is wrong and where. The write store
// journals the event and applies it; replay applies the same event the same way.
import { findNearestPassage, type CurationHistory } from '../load';
import { liveClaimById } from '../graph/claimIndex';
import { sameRecord } from '../model/canonicalJson';
import type { ClaimEnd, AddClaimBody, CorrectClaimBody, CuratedNewEntity } from '../model/curationApi';
import {
  isClaimEvent,
  type AddClaimEntry,
  type CorrectClaimEntry,
  type RetractClaimEntry,
  type RevertEntry,
} from '../model/curationEvents';
import type { Dataset } from '../model/dataset';
import type { EvidenceGraph } from '../model/evidenceGraph';
import { survivorOf } from '../model/entityRedirects';
import { claimSchema, entitySchema, type Claim, type DocumentRecord, type Entity } from '../model/records';
import { edgeTypeAllows } from '../model/vocabulary';
import { normalizeText } from '../queries/normalizeText';
import { entityIdFor } from './assignIds';
import { countryCodeOfName } from './countryOfName';
import {
  CurationNotFoundError,
  DuplicateEntityError,
  StaleVersionError,
  WriteConflictError,
  WriteInputError,
  type WriteFieldError,
} from './writeErrors';

export interface CurationContext {
  dataset: Dataset;
  /** The served graph of `dataset` (an entity's claims are found through its relations). */
  graph: EvidenceGraph;
  history: CurationHistory;
  at: string;
  author: string;
}

const oneOf = (values: Iterable<string>) => [...values].join(', ');

/** Every offset at which `quote` starts in `text`. */
function occurrences(text: string, quote: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) found.push(at);
  return found;
}

/**
 * Where the quote sits in the document: at `start` (and `end`) when given, checked; else
 * its only occurrence. Returns the offset, or records why not in `errors`.
 */
export function locateQuote(
  document: DocumentRecord,
  quote: string,
  start: number | undefined,
  end: number | undefined,
  errors: WriteFieldError[],
): number | undefined {
  const text = document.text;
  if (start === undefined && end !== undefined) start = end - quote.length;
  if (start !== undefined) {
    if (end !== undefined && end - start !== quote.length) {
      errors.push({
        path: 'end',
        message: `end - start is ${end - start}, but the quote is ${quote.length} characters long`,
      });
      return undefined;
    }
    if (!text.startsWith(quote, start)) {
      const there = text.slice(Math.max(0, start), Math.max(0, start) + quote.length);
      errors.push({
        path: 'start',
        message: `the document's text at ${start}–${start + quote.length} is ${JSON.stringify(there)}, not the quote`,
      });
      return undefined;
    }
    return start;
  }
  const found = occurrences(text, quote);
  if (found.length === 0) {
    const nearest = findNearestPassage(text, quote);
    const hint = nearest ? `; nearest passage: ${JSON.stringify(nearest.text)}` : '';
    errors.push({ path: 'quote', message: `not found verbatim in document "${document.id}"${hint}` });
    return undefined;
  }
  if (found.length > 1) {
    errors.push({
      path: 'quote',
      message: `occurs ${found.length} times in document "${document.id}" (at offsets ${found.join(', ')}); send start to choose one`,
    });
    return undefined;
  }
  return found[0];
}

/** The entity whose name or an alias equals one of `names`, ignoring case and accents. */
function sameNamedEntity(dataset: Dataset, names: readonly string[]): { entity: Entity; name: string } | undefined {
  const wanted = new Set(names.map(normalizeText).filter((n) => n !== ''));
  for (const entity of dataset.entities.values()) {
    for (const name of [entity.name, ...entity.aliases]) if (wanted.has(normalizeText(name))) return { entity, name };
  }
  return undefined;
}

/** The country entity of the graph with this ISO code: `country:XX`, or another id with that countryCode. */
function countryEntity(dataset: Dataset, code: string): Entity | undefined {
  const keyed = dataset.entities.get(`country:${code}`);
  if (keyed) return keyed;
  for (const entity of dataset.entities.values())
    if (entity.type === 'country' && entity.countryCode === code) return entity;
  return undefined;
}

type NewEntityFields = Omit<CuratedNewEntity, 'createAnyway'>;

/** A new country's ISO code: the one given, else the one its name (or an alias) means in the countries lexicon. */
function countryCodeOf(fields: NewEntityFields): string | undefined {
  if (fields.type !== 'country') return undefined;
  if (fields.countryCode !== undefined) return fields.countryCode;
  for (const name of [fields.name, ...(fields.aliases ?? [])]) {
    const code = countryCodeOfName(name);
    if (code !== undefined) return code;
  }
  return undefined;
}

/**
 * Refuses (409, naming it) a new entity that the graph already has: the same country,
 * whatever `createAnyway` says (a country is keyed by its code), or an entity with the
 * same name or alias unless `createAnyway`.
 */
export function refuseDuplicate(dataset: Dataset, field: string, fields: NewEntityFields, createAnyway: boolean): void {
  const code = countryCodeOf(fields);
  const country = code !== undefined ? countryEntity(dataset, code) : undefined;
  if (code !== undefined && country) {
    throw new DuplicateEntityError(
      `${field}: ${JSON.stringify(fields.name)} is the country ${code}, which the graph has as "${country.id}" (${country.name}); send its id`,
      field,
      country,
    );
  }
  if (createAnyway) return;
  const match = sameNamedEntity(dataset, [fields.name, ...(fields.aliases ?? [])]);
  if (match) {
    throw new DuplicateEntityError(
      `${field}: an entity named ${JSON.stringify(match.name)} already exists: "${match.entity.id}" (${match.entity.name}, ${match.entity.type}); send its id, or add "createAnyway": true to create a new entity`,
      field,
      match.entity,
    );
  }
}

/** A new subject or object, checked against the vocabulary and the graph; pushed on `created`. */
export function resolveNewEntity(
  choice: CuratedNewEntity,
  field: 'subject' | 'object',
  dataset: Dataset,
  created: Entity[],
  errors: WriteFieldError[],
): Entity | undefined {
  const { vocabulary } = dataset;
  const { createAnyway, ...fields } = choice;
  const nodeType = vocabulary.nodeTypes.get(fields.type);
  if (!nodeType) {
    errors.push({
      path: `${field}.type`,
      message: `unknown node type "${fields.type}"; expected one of ${oneOf(vocabulary.nodeTypes.keys())}`,
    });
    return undefined;
  }
  if (fields.kind !== undefined && nodeType.kinds && !nodeType.kinds.includes(fields.kind)) {
    errors.push({
      path: `${field}.kind`,
      message: `unknown ${fields.type} kind "${fields.kind}"; expected one of ${oneOf(nodeType.kinds)}`,
    });
    return undefined;
  }
  // Subject and object naming the same new entity get one.
  const same = created.find((e) => e.type === fields.type && normalizeText(e.name) === normalizeText(fields.name));
  if (same) return same;
  refuseDuplicate(dataset, field, fields, createAnyway === true);
  const countryCode = countryCodeOf(fields);
  const keyed = countryCode !== undefined ? { ...fields, countryCode } : fields;
  // The id of an entity merged away stays its redirect's: a new entity never takes it.
  const taken = (id: string) =>
    dataset.entities.has(id) || dataset.redirects.has(id) || created.some((e) => e.id === id);
  const entity = entitySchema.parse({ ...keyed, id: entityIdFor(keyed, taken), aliases: fields.aliases ?? [] });
  created.push(entity);
  return entity;
}

/** Resolves subject or object: an existing entity, or a new one (created by the event). */
function resolveEnd(
  choice: ClaimEnd,
  field: 'subject' | 'object',
  dataset: Dataset,
  created: Entity[],
  errors: WriteFieldError[],
): Entity | undefined {
  if (typeof choice === 'string') {
    const existing = dataset.entities.get(choice) ?? created.find((e) => e.id === choice);
    const survivor = survivorOf(dataset.redirects, choice);
    if (!existing && survivor !== undefined)
      errors.push({ path: field, message: `entity "${choice}" was merged into "${survivor}"; use "${survivor}"` });
    else if (!existing) errors.push({ path: field, message: `unknown entity "${choice}"` });
    return existing;
  }
  return resolveNewEntity(choice, field, dataset, created, errors);
}

/** Checks the type, the stance and that the type allows these ends (else lists the types that do). */
function checkRelation(dataset: Dataset, type: string, stance: string, subject?: Entity, object?: Entity) {
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
    const allowing = [...vocabulary.edgeTypes.values()]
      .filter((t) => edgeTypeAllows(t, subject.type, object.type))
      .map((t) => t.id);
    errors.push({
      path: 'type',
      message: `edge type "${type}" does not allow ${subject.type} → ${object.type}; ${
        allowing.length > 0 ? `the types that do: ${allowing.join(', ')}` : 'no edge type does'
      }`,
    });
  }
  return errors;
}

function nextClaimId(documentId: string, context: CurationContext): string {
  for (let n = 1; ; n++) {
    const id = `${documentId}.m${n}`;
    if (liveClaimById(context.dataset, id) === undefined && context.history.lastEventOf(id) === undefined) return id;
  }
}

/** The claim as it stands on the graph now (in its stored form), or why not. */
export function liveClaim(context: CurationContext, id: string): Claim {
  const found = liveClaimById(context.dataset, id);
  if (found) {
    const { quoteStart, quoteEnd: _end, ...claim } = found;
    const document = claim.document !== undefined ? context.dataset.documents.get(claim.document) : undefined;
    return withQuoteAt(claim, document, quoteStart);
  }
  const retracted = context.history.retracted(id);
  if (retracted)
    throw new WriteConflictError(
      `claim "${id}" was retracted by event "${retracted.event.id}"; revert that event to bring it back`,
    );
  throw new CurationNotFoundError('claim', id);
}

export function checkVersion(context: CurationContext, claimId: string, ifMatch: number | undefined): number {
  const current = context.history.versionOf(claimId);
  if (ifMatch !== undefined && ifMatch !== current) throw new StaleVersionError(claimId, current, ifMatch);
  return current;
}

/** The claim with its quote's offset kept only when the first occurrence is not the one meant. */
export function withQuoteAt(claim: Claim, document: DocumentRecord | undefined, start: number | undefined): Claim {
  const { quoteStart: _old, ...rest } = claim;
  if (document && claim.quote !== undefined && start !== undefined && document.text.indexOf(claim.quote) !== start)
    return { ...rest, quoteStart: start };
  return rest;
}

export function planAddClaim(context: CurationContext, body: AddClaimBody): AddClaimEntry {
  const { dataset } = context;
  const errors: WriteFieldError[] = [];
  const document = dataset.documents.get(body.document);
  let start: number | undefined;
  if (!document) errors.push({ path: 'document', message: `unknown document "${body.document}"` });
  else start = locateQuote(document, body.quote, body.start, body.end, errors);
  const created: Entity[] = [];
  const subject = resolveEnd(body.subject, 'subject', dataset, created, errors);
  const object = resolveEnd(body.object, 'object', dataset, created, errors);
  errors.push(...checkRelation(dataset, body.type, body.stance, subject, object));
  if (errors.length > 0 || !subject || !object || !document) throw new WriteInputError(errors);
  const claim = withQuoteAt(
    claimSchema.parse({
      id: nextClaimId(document.id, context),
      subject: subject.id,
      type: body.type,
      object: object.id,
      stance: body.stance,
      document: document.id,
      quote: body.quote,
      ...(body.attributedTo !== undefined ? { attributedTo: body.attributedTo } : {}),
      ...(body.date !== undefined ? { date: body.date } : {}),
      ...(body.role !== undefined ? { role: body.role } : {}),
      addedBy: context.author,
      addedAt: context.at,
    }),
    document,
    start,
  );
  return {
    kind: 'addClaim',
    id: context.history.nextId(),
    at: context.at,
    author: context.author,
    ...(body.reason !== undefined ? { reason: body.reason } : {}),
    claim: claim.id,
    before: null,
    after: claim,
    version: 1,
    entities: created,
  };
}

export function planCorrectClaim(
  context: CurationContext,
  id: string,
  body: CorrectClaimBody,
  ifMatch: number | undefined,
): CorrectClaimEntry {
  const { dataset } = context;
  const before = liveClaim(context, id);
  const version = checkVersion(context, id, ifMatch);
  const errors: WriteFieldError[] = [];
  const created: Entity[] = [];
  const subject = resolveEnd(body.subject ?? before.subject, 'subject', dataset, created, errors);
  const object = resolveEnd(body.object ?? before.object, 'object', dataset, created, errors);
  const type = body.type ?? before.type;
  const stance = body.stance ?? before.stance;
  errors.push(...checkRelation(dataset, type, stance, subject, object));

  const document = before.document !== undefined ? dataset.documents.get(before.document) : undefined;
  const quote = body.quote ?? before.quote;
  let start: number | undefined = before.quoteStart ?? (document && quote ? document.text.indexOf(quote) : undefined);
  if (body.quote !== undefined || body.start !== undefined || body.end !== undefined) {
    if (!document || quote === undefined)
      errors.push({ path: 'quote', message: `claim "${id}" cites a record, not a document; it has no quote to set` });
    else start = locateQuote(document, quote, body.start, body.end, errors);
  }
  if (errors.length > 0 || !subject || !object) throw new WriteInputError(errors);

  const optional = (field: 'date' | 'attributedTo' | 'role') => {
    const value = body[field] === undefined ? before[field] : body[field];
    return value === null || value === undefined ? {} : { [field]: value };
  };
  const { date: _d, attributedTo: _a, role: _r, quote: _q, quoteStart: _s, ...kept } = before;
  const after = withQuoteAt(
    claimSchema.parse({
      ...kept,
      subject: subject.id,
      type,
      object: object.id,
      stance,
      ...(quote !== undefined ? { quote } : {}),
      ...optional('attributedTo'),
      ...optional('date'),
      ...optional('role'),
    }),
    document,
    start,
  );
  if (sameRecord(after, before))
    throw new WriteInputError([
      { path: '', message: 'the correction changes nothing: every field given already has that value' },
    ]);
  return {
    kind: 'correctClaim',
    id: context.history.nextId(),
    at: context.at,
    author: context.author,
    ...(body.reason !== undefined ? { reason: body.reason } : {}),
    claim: id,
    before,
    after,
    version: version + 1,
    entities: created,
  };
}

export function planRetractClaim(
  context: CurationContext,
  id: string,
  reason: string,
  ifMatch: number | undefined,
): RetractClaimEntry {
  const before = liveClaim(context, id);
  const version = checkVersion(context, id, ifMatch);
  return {
    kind: 'retractClaim',
    id: context.history.nextId(),
    at: context.at,
    author: context.author,
    reason,
    claim: id,
    before,
    after: null,
    version: version + 1,
    entities: [],
  };
}

/** The claim's state now: live, or absent (null). */
function currentState(context: CurationContext, claimId: string): Claim | null {
  try {
    return liveClaim(context, claimId);
  } catch (error) {
    if (error instanceof WriteConflictError || error instanceof CurationNotFoundError) return null;
    throw error;
  }
}

export function planRevert(
  context: CurationContext,
  eventId: string,
  reason: string | undefined,
  ifMatch: number | undefined,
): RevertEntry {
  const event = context.history.get(eventId);
  if (!event) throw new CurationNotFoundError('event', eventId);
  if (!isClaimEvent(event)) throw new Error(`event "${eventId}" changes entities: curateEntities.ts undoes it`);
  const now = currentState(context, event.claim);
  // Undoing is only safe while the claim is as this event left it: a later change depends on it.
  if (!sameRecord(now, event.after)) {
    const later = context.history.lastEventOf(event.claim)!;
    throw new WriteConflictError(
      `event "${eventId}" cannot be reverted: event "${later.id}" (${later.kind} by ${later.author} at ${later.at}) changed claim "${event.claim}" after it; revert "${later.id}" first`,
    );
  }
  const version = checkVersion(context, event.claim, ifMatch);
  const before = event.before;
  if (before !== null) {
    const errors: WriteFieldError[] = [];
    for (const end of [before.subject, before.object]) {
      const survivor = survivorOf(context.dataset.redirects, end);
      if (survivor !== undefined && !context.dataset.entities.has(end))
        throw new WriteConflictError(
          `event "${eventId}" cannot be reverted: its claim's entity "${end}" was merged into "${survivor}" by event "${context.history.lastEditOf(end)?.id}"; revert that merge first`,
        );
    }
    const subject = context.dataset.entities.get(before.subject);
    const object = context.dataset.entities.get(before.object);
    errors.push(...checkRelation(context.dataset, before.type, before.stance, subject, object));
    if (errors.length > 0)
      throw new WriteConflictError(`event "${eventId}" cannot be reverted: ${errors.map((e) => e.message).join('; ')}`);
  }
  return {
    kind: 'revert',
    id: context.history.nextId(),
    at: context.at,
    author: context.author,
    ...(reason !== undefined ? { reason } : {}),
    reverts: eventId,
    claim: event.claim,
    before: now,
    after: before,
    version: version + 1,
    entities: [],
  };
}
