// What the merge controls say, in words: the confirmation naming both entities and how
// many claims move, the line after a merge, a stale version, a duplicate candidate's
// score and a recorded judgement. Pure, so jest checks the exact texts.
import type { CurationEntry } from '../../../server/model/curationEvents';
import type { JudgementResponse } from '../../../server/model/duplicatesApi';

export interface Named {
  id: string;
  name: string;
}

const claims = (count: number) => `${count} claim${count === 1 ? '' : 's'}`;

/** "Merge E. Musk (e-musk) into Elon Musk (elon-musk)?" and what follows from it. */
export function mergeQuestion(merged: Named, into: Named, claimCount: number): { question: string; effect: string } {
  const moving =
    claimCount === 0
      ? `${merged.name} has no claims to move`
      : `${claims(claimCount)} of ${merged.name} ${claimCount === 1 ? 'moves' : 'move'} to ${into.name}`;
  return {
    question: `Merge ${merged.name} (${merged.id}) into ${into.name} (${into.id})?`,
    effect: `${moving}; its name and aliases become aliases of ${into.name}, and ${merged.name} leaves the graph. Undo in the history splits them again.`,
  };
}

/** What a merge did, from its event: "Merged E. Musk into Elon Musk (e1): 2 claims moved." */
export function mergeDone(event: CurationEntry): string {
  if (event.kind !== 'mergeEntities') return `Recorded ${event.id}.`;
  return `Merged ${event.merged.name} into ${event.after.name} (${event.id}): ${claims(event.claims.length)} moved.`;
}

/** A 412 on a merge: the merged entity changed since the confirmation read it. */
export function staleMerge(merged: Named, current: number | undefined): string {
  return `Someone changed ${merged.name} since you opened this: it is at version ${current ?? '?'} now. Reload to see it as it is, then merge again.`;
}

/** 0.8734 → "score 0.87". */
export function scoreText(score: number): string {
  return `score ${score.toFixed(2)}`;
}

/** What a "not the same" judgement did, or that it already stood. */
export function judgementDone(result: JudgementResponse, entity: Named, other: Named): string {
  const pair = `${entity.name} and ${other.name}`;
  return result.created
    ? `Judged ${pair} not the same (${result.event.id}): the pair is not proposed again. Undo it from the history.`
    : `${pair} were judged not the same already (${result.event.id}).`;
}
