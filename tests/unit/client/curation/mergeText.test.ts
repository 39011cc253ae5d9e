// The merge controls' words (client/src/curation/mergeText.ts): the confirmation naming
// both entities and how many claims move, the line after a merge, a stale version, a
// candidate's score and a judgement recorded or already standing.
import {
  judgementDone,
  mergeDone,
  mergeQuestion,
  scoreText,
  staleMerge,
} from '../../../../client/src/curation/mergeText';
import type { CurationEntry, JudgeNotSameEntry } from '../../../../server/model/curationEvents';
import type { Claim, Entity } from '../../../../server/model/records';

const ann = { id: 'ann', name: 'Ann Émile' };
const annie = { id: 'a-emile', name: 'A. Emile' };
const at = '2026-05-01T10:20:03.123Z';

describe('the merge controls in words', () => {
  it('names both entities and how many claims move', () => {
    expect(mergeQuestion(annie, ann, 2)).toEqual({
      question: 'Merge A. Emile (a-emile) into Ann Émile (ann)?',
      effect:
        '2 claims of A. Emile move to Ann Émile; its name and aliases become aliases of Ann Émile, and A. Emile leaves the graph. Undo in the history splits them again.',
    });
    expect(mergeQuestion(annie, ann, 1).effect).toMatch(/^1 claim of A. Emile moves to Ann Émile; /);
    expect(mergeQuestion(annie, ann, 0).effect).toMatch(/^A. Emile has no claims to move; /);
  });

  it('says what a merge did from its event, and what a stale version means', () => {
    const claim: Claim = {
      id: 'c2',
      subject: 'a-emile',
      type: 'in_contact_with',
      object: 'bob',
      stance: 'alleges',
      document: 'jan',
      quote: 'q',
    };
    const merged: Entity = { id: 'a-emile', type: 'person', name: 'A. Emile', aliases: [] };
    const survivor: Entity = { id: 'ann', type: 'person', name: 'Ann Émile', aliases: ['Ann'] };
    const event: CurationEntry = {
      kind: 'mergeEntities',
      id: 'e3',
      at,
      author: 'eddie',
      entity: 'a-emile',
      into: 'ann',
      merged,
      mergedVersion: 2,
      before: survivor,
      after: { ...survivor, aliases: ['Ann', 'A. Emile'] },
      version: 2,
      claims: [{ claim: 'c2', before: claim, after: { ...claim, subject: 'ann' }, version: 2 }],
    };
    expect(mergeDone(event)).toBe('Merged A. Emile into Ann Émile (e3): 1 claim moved.');
    expect(staleMerge(annie, 3)).toBe(
      'Someone changed A. Emile since you opened this: it is at version 3 now. Reload to see it as it is, then merge again.',
    );
    expect(staleMerge(annie, undefined)).toMatch(/at version \? now/);
  });

  it('shows a score with two decimals and says whether a judgement was recorded', () => {
    expect(scoreText(0.8734)).toBe('score 0.87');
    expect(scoreText(1)).toBe('score 1.00');
    const event: JudgeNotSameEntry = {
      kind: 'judgeNotSame',
      id: 'e4',
      at,
      author: 'eddie',
      entity: 'ann',
      other: 'a-emile',
      before: 'unjudged',
      after: 'not-same',
    };
    expect(judgementDone({ created: true, event }, ann, annie)).toBe(
      'Judged Ann Émile and A. Emile not the same (e4): the pair is not proposed again. Undo it from the history.',
    );
    expect(judgementDone({ created: false, event }, ann, annie)).toBe(
      'Ann Émile and A. Emile were judged not the same already (e4).',
    );
  });
});
