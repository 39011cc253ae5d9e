// "Not the same": the judgement a curator makes on a duplicate candidate, planned like
// curateEntities.ts. Given the dataset, the history and a request to judge two entities
// not the same (or to undo such a judgement), check it and return the one judgeNotSame
// event that records it. Judging a pair that already stands judged writes nothing: the
// standing judgement is the answer.
import type { JudgeNotSameEntry } from '../model/curationEvents';
import type { CurationContext } from './curateClaims';
import { CurationNotFoundError, WriteConflictError, WriteInputError } from './writeErrors';

export interface JudgementPlan {
  /** False when the pair already stood judged not the same: `event` is that judgement, nothing is written. */
  created: boolean;
  event: JudgeNotSameEntry;
}

export function planJudgeNotSame(
  context: CurationContext,
  id: string,
  other: string,
  reason: string | undefined,
): JudgementPlan {
  const { dataset, history } = context;
  if (!dataset.entities.has(id)) throw new CurationNotFoundError('entity', id);
  if (other === id)
    throw new WriteInputError([
      { path: 'other', message: 'an entity is always the same as itself: name another entity' },
    ]);
  if (!dataset.entities.has(other))
    throw new WriteInputError([{ path: 'other', message: `unknown entity "${other}"` }]);
  const last = history.lastJudgementOf(id, other);
  if (last?.after === 'not-same') return { created: false, event: last };
  return {
    created: true,
    event: {
      kind: 'judgeNotSame',
      id: history.nextId(),
      at: context.at,
      author: context.author,
      ...(reason !== undefined ? { reason } : {}),
      entity: id,
      other,
      before: last?.after ?? 'unjudged',
      after: 'not-same',
    },
  };
}

/** A judgement that puts the pair back as `event` found it; refused while a later judgement of the pair stands. */
export function planRevertJudgement(
  context: CurationContext,
  event: JudgeNotSameEntry,
  reason: string | undefined,
): JudgeNotSameEntry {
  const last = context.history.lastJudgementOf(event.entity, event.other)!;
  if (last.id !== event.id)
    throw new WriteConflictError(
      `event "${event.id}" cannot be reverted: event "${last.id}" (${last.kind} by ${last.author} at ${last.at}) judged entities "${event.entity}" and "${event.other}" after it; revert "${last.id}" first`,
    );
  return {
    kind: 'judgeNotSame',
    id: context.history.nextId(),
    at: context.at,
    author: context.author,
    ...(reason !== undefined ? { reason } : {}),
    entity: event.entity,
    other: event.other,
    before: event.after,
    after: event.before,
    reverts: event.id,
  };
}
