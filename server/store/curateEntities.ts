// Hand curation of entities, as pure planning like curateClaims.ts: given the dataset,
// the history and a request to edit an entity (or to undo an edit), check it and return
// the one editEntity event that records it, or throw the error that says what is wrong.
// A type change must leave every claim of the entity allowed by its edge type.
import type { EditEntityBody } from '../model/curationApi';
import type { EditEntityEntry } from '../model/curationEvents';
import { sameRecord } from '../model/canonicalJson';
import type { Dataset } from '../model/dataset';
import { survivorOf } from '../model/entityRedirects';
import { entitySchema, type Entity } from '../model/records';
import { edgeTypeAllows } from '../model/vocabulary';
import type { CurationContext } from './curateClaims';
import {
  CurationNotFoundError,
  StaleVersionError,
  WriteConflictError,
  WriteInputError,
  type WriteFieldError,
} from './writeErrors';

/** The entity on the graph; 409 when it was merged away (naming the survivor to `verb` instead), else 404. */
export function liveEntity(context: CurationContext, id: string, verb: string): Entity {
  const entity = context.dataset.entities.get(id);
  if (entity) return entity;
  const survivor = survivorOf(context.dataset.redirects, id);
  if (survivor === undefined) throw new CurationNotFoundError('entity', id);
  const merge = context.history.lastEditOf(id);
  throw new WriteConflictError(
    `entity "${id}" was merged into "${survivor}"${merge ? ` by event "${merge.id}"` : ''}; ${verb} "${survivor}" instead`,
  );
}

export function checkEntityVersion(context: CurationContext, id: string, ifMatch: number | undefined): number {
  const current = context.history.entityVersionOf(id);
  if (ifMatch !== undefined && ifMatch !== current) throw new StaleVersionError(id, current, ifMatch, 'entity');
  return current;
}

/** The ids of the claims whose edge type would not allow `entity` at its end, in the dataset's order. */
function claimsBrokenBy(dataset: Dataset, entity: Entity): string[] {
  const typeOf = (id: string) => (id === entity.id ? entity.type : dataset.entities.get(id)?.type);
  const broken: string[] = [];
  for (const claim of dataset.claims) {
    if (claim.subject !== entity.id && claim.object !== entity.id) continue;
    const edgeType = dataset.vocabulary.edgeTypes.get(claim.type);
    const subjectType = typeOf(claim.subject);
    const objectType = typeOf(claim.object);
    if (!edgeType || subjectType === undefined || objectType === undefined) continue;
    if (!edgeTypeAllows(edgeType, subjectType, objectType)) broken.push(claim.id);
  }
  return broken;
}

/** Refuses a type whose change some claims of the entity do not allow, naming them. */
function checkClaimsAllow(dataset: Dataset, before: Entity, after: Entity, what: string): void {
  if (after.type === before.type) return;
  const broken = claimsBrokenBy(dataset, after);
  if (broken.length > 0)
    throw new WriteConflictError(
      `${what}: type "${after.type}" is not allowed at its end by ${broken.length === 1 ? 'claim' : 'claims'} ${broken
        .map((id) => `"${id}"`)
        .join(', ')}; correct or retract ${broken.length === 1 ? 'it' : 'them'} first`,
    );
}

export function planEditEntity(
  context: CurationContext,
  id: string,
  body: EditEntityBody,
  ifMatch: number | undefined,
): EditEntityEntry {
  const { dataset } = context;
  const before = liveEntity(context, id, 'edit');
  const version = checkEntityVersion(context, id, ifMatch);
  const errors: WriteFieldError[] = [];
  const type = body.type ?? before.type;
  const nodeType = dataset.vocabulary.nodeTypes.get(type);
  if (!nodeType)
    errors.push({
      path: 'type',
      message: `unknown node type "${type}"; expected one of ${[...dataset.vocabulary.nodeTypes.keys()].join(', ')}`,
    });
  const kind = body.kind === undefined ? before.kind : (body.kind ?? undefined);
  if (nodeType && kind !== undefined && nodeType.kinds && !nodeType.kinds.includes(kind))
    errors.push({
      path: 'kind',
      message: `unknown ${type} kind "${kind}"; expected one of ${nodeType.kinds.join(', ')}`,
    });
  if (errors.length > 0) throw new WriteInputError(errors);

  const optional = (field: 'description' | 'kind' | 'countryCode') => {
    const value = body[field] === undefined ? before[field] : body[field];
    return value === null || value === undefined ? {} : { [field]: value };
  };
  const name = body.name ?? before.name;
  const aliases = body.aliases ? [...new Set(body.aliases)].filter((alias) => alias !== name) : before.aliases;
  const { description: _d, kind: _k, countryCode: _c, ...kept } = before;
  const after = entitySchema.parse({
    ...kept,
    name,
    aliases,
    type,
    ...optional('description'),
    ...optional('kind'),
    ...optional('countryCode'),
  });
  if (sameRecord(after, before))
    throw new WriteInputError([
      { path: '', message: 'the edit changes nothing: every field given already has that value' },
    ]);
  checkClaimsAllow(dataset, before, after, `entity "${id}" cannot change type`);
  return {
    kind: 'editEntity',
    id: context.history.nextId(),
    at: context.at,
    author: context.author,
    ...(body.reason !== undefined ? { reason: body.reason } : {}),
    entity: id,
    before,
    after,
    version: version + 1,
  };
}

/** An edit that puts the entity back as `event` found it; refused while a later edit changed it. */
export function planRevertEntityEdit(
  context: CurationContext,
  event: EditEntityEntry,
  reason: string | undefined,
  ifMatch: number | undefined,
): EditEntityEntry {
  const now = context.dataset.entities.get(event.entity);
  if (!now || !sameRecord(now, event.after)) {
    const later = context.history.lastEditOf(event.entity)!;
    throw new WriteConflictError(
      `event "${event.id}" cannot be reverted: event "${later.id}" (${later.kind} by ${later.author} at ${later.at}) changed entity "${event.entity}" after it; revert "${later.id}" first`,
    );
  }
  const version = checkEntityVersion(context, event.entity, ifMatch);
  checkClaimsAllow(context.dataset, now, event.before, `event "${event.id}" cannot be reverted`);
  return {
    kind: 'editEntity',
    id: context.history.nextId(),
    at: context.at,
    author: context.author,
    ...(reason !== undefined ? { reason } : {}),
    entity: event.entity,
    before: now,
    after: event.before,
    version: version + 1,
    reverts: event.id,
  };
}
