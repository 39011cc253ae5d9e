// Every row of README's "Edge status" table, driven by the rules in vocabulary.json.
import { deriveEdgeStatus } from '../../../server/graph/deriveEdgeStatus';
import { vocabulary } from './fixtures';

const statuses = vocabulary.vocabulary.statuses;

describe('deriveEdgeStatus', () => {
  it.each<[string[], string]>([
    [['confirms'], 'confirmed'],
    [['confirms', 'asserts', 'alleges'], 'confirmed'],
    [['asserts'], 'reported'],
    [['asserts', 'alleges'], 'reported'],
    [['alleges'], 'alleged'],
    [['alleges', 'alleges'], 'alleged'],
    [['denies', 'alleges'], 'disputed'],
    [['denies', 'asserts'], 'disputed'],
    [['denies', 'confirms'], 'disputed'],
    [['denies'], 'denied'],
    [['denies', 'denies'], 'denied'],
  ])('%j → %s', (stances, expected) => {
    expect(deriveEdgeStatus(stances, statuses)).toBe(expected);
  });

  it('refuses an edge without claims', () => {
    expect(() => deriveEdgeStatus([], statuses)).toThrow('deriveEdgeStatus: an edge needs at least one claim');
  });

  it('refuses stances no rule covers', () => {
    expect(() => deriveEdgeStatus(['rumours'], statuses)).toThrow(
      'deriveEdgeStatus: no status rule matches the stances rumours',
    );
  });
});
