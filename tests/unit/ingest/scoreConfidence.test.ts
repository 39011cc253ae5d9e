import type { CandidateClaim } from '../../../server/ingest/candidateClaim';
import type { EntityGroup } from '../../../server/ingest/resolveEntities';
import { scoreConfidence } from '../../../server/ingest/scoreConfidence';

const group = {
  key: 'k',
  id: 'k',
  name: 'K',
  type: 'organization',
  mentions: [],
  titles: new Set<string>(),
} as EntityGroup;
const candidate = (kind: CandidateClaim['kind'], viaReference = false): CandidateClaim => ({
  subject: group,
  type: 'owns',
  object: group,
  sentence: 0,
  quoteStart: 0,
  quoteEnd: 1,
  cueStart: 0,
  cueEnd: 1,
  rule: 'test',
  kind,
  viaReference,
});

describe('scoreConfidence', () => {
  it('ranks titles above possessives above verb patterns', () => {
    expect(scoreConfidence(candidate('title'), 'asserts')).toBe(0.9);
    expect(scoreConfidence(candidate('possessive'), 'asserts')).toBe(0.75);
    expect(scoreConfidence(candidate('verb'), 'asserts')).toBe(0.65);
  });

  it('costs an argument reached through a reference and rewards a stated stance', () => {
    expect(scoreConfidence(candidate('verb', true), 'asserts')).toBe(0.5);
    expect(scoreConfidence(candidate('verb', true), 'confirms')).toBe(0.55);
  });
});
