// Merging two entities, as pure planning like curateClaims.ts: given the dataset, the
// history and a request to merge entity `id` into `into` (or to undo a merge or a split),
// check it and return the one event that records it, or throw the error that says what
// is wrong. A merge moves every claim of `id` to `into`, adds `id`'s name and aliases to
// `into`'s aliases and takes `id` off the graph; the event keeps every state before and
// after, so its revert (a split) puts each back, refused while a later event changed one.
import { claimsOfEntity, liveClaimById } from '../graph/claimIndex';
import type { MergeEntityBody } from '../model/curationApi';
import {
  claimChangesOf,
  entityChangesOf,
  type EntityMergeEntry,
  type MergeEntitiesEntry,
  type SplitEntityEntry,
} from '../model/curationEvents';
import { sameRecord } from '../model/canonicalJson';
import type { Dataset } from '../model/dataset';
import { survivorOf } from '../model/entityRedirects';
import { entitySchema, type Claim, type Entity } from '../model/records';
import { edgeTypeAllows } from '../model/vocabulary';
import { liveClaim, type CurationContext } from './curateClaims';
import { checkEntityVersion, liveEntity } from './curateEntities';
import { WriteConflictError, WriteInputError } from './writeErrors';

const quoted = (ids: readonly string[]) => ids.map((id) => `"${id}"`).join(', ');
const claimsNamed = (ids: readonly string[]) => `${ids.length === 1 ? 'claim' : 'claims'} ${quoted(ids)}`;
const themOrIt = (ids: readonly string[]) => (ids.length === 1 ? 'it' : 'them');

/** The entity to merge into: live, not `id` itself, not merged away (else which one to use instead). */
function survivorFor(context: CurationContext, id: string, into: string): Entity {
  if (into === id)
    throw new WriteInputError([{ path: 'into', message: `entity "${id}" cannot be merged into itself` }]);
  const survivor = context.dataset.entities.get(into);
  if (survivor) return survivor;
  const end = survivorOf(context.dataset.redirects, into);
  if (end === undefined) throw new WriteInputError([{ path: 'into', message: `unknown entity "${into}"` }]);
  const event = context.history.lastEditOf(into);
  throw new WriteInputError([
    {
      path: 'into',
      message: `entity "${into}" was merged into "${end}"${event ? ` by event "${event.id}"` : ''}; merge into "${end}" instead`,
    },
  ]);
}

/** The live claims of `id`, in the dataset's order, as they are and as they are once moved to `into`. */
function movedClaims(context: CurationContext, id: string, into: string): Array<{ before: Claim; after: Claim }> {
  const moved: Array<{ before: Claim; after: Claim }> = [];
  for (const claim of claimsOfEntity(context.dataset, context.graph, id)) {
    const before = liveClaim(context, claim.id);
    const after = {
      ...before,
      subject: before.subject === id ? into : before.subject,
      object: before.object === id ? into : before.object,
    };
    moved.push({ before, after });
  }
  return moved;
}

/** Refuses claims that would join the survivor with itself, and (types differing) claims whose type would not allow it. */
function checkMovedClaims(dataset: Dataset, merged: Entity, survivor: Entity, moved: readonly { after: Claim }[]) {
  const what = `entity "${merged.id}" cannot be merged into "${survivor.id}"`;
  const loops = moved.filter(({ after }) => after.subject === after.object).map(({ after }) => after.id);
  if (loops.length > 0)
    throw new WriteConflictError(
      `${what}: ${claimsNamed(loops)} would join "${survivor.id}" with itself; correct or retract ${themOrIt(loops)} first`,
    );
  if (merged.type === survivor.type) return;
  const typeOf = (end: string) => (end === survivor.id ? survivor.type : dataset.entities.get(end)?.type);
  const broken = moved
    .filter(({ after }) => {
      const edgeType = dataset.vocabulary.edgeTypes.get(after.type);
      const [subject, object] = [typeOf(after.subject), typeOf(after.object)];
      return edgeType && subject && object && !edgeTypeAllows(edgeType, subject, object);
    })
    .map(({ after }) => after.id);
  if (broken.length > 0)
    throw new WriteConflictError(
      `${what} (${survivor.type}, not ${merged.type}): ${claimsNamed(broken)} ${broken.length === 1 ? 'does' : 'do'} not allow ${survivor.type} at its end; correct or retract ${themOrIt(broken)} first`,
    );
}

/** The survivor with the merged entity's name and aliases among its aliases, once each, never its own name. */
function withAliasesOf(survivor: Entity, merged: Entity): Entity {
  const aliases = [...new Set([...survivor.aliases, merged.name, ...merged.aliases])].filter(
    (alias) => alias !== survivor.name,
  );
  return entitySchema.parse({ ...survivor, aliases });
}

export function planMergeEntities(
  context: CurationContext,
  id: string,
  body: MergeEntityBody,
  ifMatch: number | undefined,
): MergeEntitiesEntry {
  const merged = liveEntity(context, id, 'merge');
  const mergedVersion = checkEntityVersion(context, id, ifMatch);
  const survivor = survivorFor(context, id, body.into);
  const moved = movedClaims(context, id, survivor.id);
  checkMovedClaims(context.dataset, merged, survivor, moved);
  return {
    kind: 'mergeEntities',
    id: context.history.nextId(),
    at: context.at,
    author: context.author,
    ...(body.reason !== undefined ? { reason: body.reason } : {}),
    entity: id,
    into: survivor.id,
    merged,
    mergedVersion: mergedVersion + 1,
    before: survivor,
    after: withAliasesOf(survivor, merged),
    version: context.history.entityVersionOf(survivor.id) + 1,
    claims: moved.map(({ before, after }) => ({
      claim: before.id,
      before,
      after,
      version: context.history.versionOf(before.id) + 1,
    })),
  };
}

/** The claim as it stands now (its stored form), or null when it is not on the graph. */
function claimNow(context: CurationContext, id: string): Claim | null {
  // By the claim index: a split checks every moved claim, and a scan of the claims per claim was quadratic.
  return liveClaimById(context.dataset, id) ? liveClaim(context, id) : null;
}

/** Refuses to undo `event` while an entity or a claim it changed is no longer as it left it, naming the later event. */
function checkStillAsLeft(context: CurationContext, event: EntityMergeEntry): void {
  const refuse = (noun: string, id: string, later: { id: string; kind: string; author: string; at: string }) => {
    throw new WriteConflictError(
      `event "${event.id}" cannot be reverted: event "${later.id}" (${later.kind} by ${later.author} at ${later.at}) changed ${noun} "${id}" after it; revert "${later.id}" first`,
    );
  };
  for (const change of entityChangesOf(event)) {
    const now = context.dataset.entities.get(change.entity) ?? null;
    if (!sameRecord(now, change.after)) refuse('entity', change.entity, context.history.lastEditOf(change.entity)!);
  }
  for (const change of claimChangesOf(event)) {
    if (!sameRecord(claimNow(context, change.claim), change.after))
      refuse('claim', change.claim, context.history.lastEventOf(change.claim)!);
  }
}

/**
 * The event that undoes a merge (a split) or a split (a merge again): every state it
 * changed goes back. `ifMatch` is the survivor's version.
 */
export function planRevertMerge(
  context: CurationContext,
  event: EntityMergeEntry,
  reason: string | undefined,
  ifMatch: number | undefined,
): MergeEntitiesEntry | SplitEntityEntry {
  checkStillAsLeft(context, event);
  const version = checkEntityVersion(context, event.into, ifMatch);
  const undone = {
    id: context.history.nextId(),
    at: context.at,
    author: context.author,
    ...(reason !== undefined ? { reason } : {}),
    entity: event.entity,
    into: event.into,
    merged: event.merged,
    mergedVersion: context.history.entityVersionOf(event.entity) + 1,
    before: event.after,
    after: event.before,
    version: version + 1,
    claims: event.claims.map((moved) => ({
      claim: moved.claim,
      before: moved.after,
      after: moved.before,
      version: context.history.versionOf(moved.claim) + 1,
    })),
    reverts: event.id,
  };
  return event.kind === 'mergeEntities' ? { kind: 'splitEntity', ...undone } : { kind: 'mergeEntities', ...undone };
}
