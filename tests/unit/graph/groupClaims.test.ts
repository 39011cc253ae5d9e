// Edges are derived: one per (subject, type, object), undirected types normalised.
import { edgeKey, groupClaims, groupsInStableOrder } from '../../../server/graph/groupClaims';
import { claim, vocabulary } from './fixtures';

describe('edgeKey', () => {
  it('keeps direction for directed types', () => {
    expect(edgeKey('b', 'requested', 'a', true)).toBe('b|requested|a');
  });
  it('sorts the ends of undirected types', () => {
    expect(edgeKey('b', 'in_contact_with', 'a', false)).toBe('a|in_contact_with|b');
    expect(edgeKey('a', 'in_contact_with', 'b', false)).toBe('a|in_contact_with|b');
  });
});

describe('groupClaims', () => {
  it('puts (A,B) and (B,A) of an undirected type on one edge', () => {
    const groups = groupClaims(
      [claim('bob', 'in_contact_with', 'alice', 'alleges'), claim('alice', 'in_contact_with', 'bob', 'denies')],
      vocabulary,
    );
    expect([...groups.keys()]).toEqual(['alice|in_contact_with|bob']);
    const group = groups.get('alice|in_contact_with|bob')!;
    expect([group.source, group.target, group.directed, group.claims.length]).toEqual(['alice', 'bob', false, 2]);
  });
  it('keeps (A,B) and (B,A) of a directed type apart', () => {
    const groups = groupClaims(
      [claim('bob', 'requested', 'alice', 'asserts'), claim('alice', 'requested', 'bob', 'asserts')],
      vocabulary,
    );
    expect([...groups.keys()]).toEqual(['bob|requested|alice', 'alice|requested|bob']);
  });
  it('keeps different types between the same pair apart', () => {
    const groups = groupClaims(
      [
        claim('a', 'requested', 'b', 'asserts'),
        claim('a', 'criticized', 'b', 'asserts'),
        claim('a', 'requested', 'b', 'alleges'),
      ],
      vocabulary,
    );
    expect([...groups.values()].map((g) => [g.key, g.claims.length])).toEqual([
      ['a|requested|b', 2],
      ['a|criticized|b', 1],
    ]);
  });
  it('refuses an unknown edge type', () => {
    expect(() => groupClaims([claim('a', 'hugged', 'b', 'asserts', { id: 'x1' })], vocabulary)).toThrow(
      'groupClaims: unknown edge type "hugged" in claim "x1"',
    );
  });
});

describe('groupsInStableOrder', () => {
  const types = [...vocabulary.edgeTypes.keys()];
  const keysOf = (claims: Parameters<typeof groupClaims>[0], ids: string[]) =>
    groupsInStableOrder(groupClaims(claims, vocabulary).values(), ids, types).map((g) => g.key);

  it('orders by source, type and target, whatever the order of the claims', () => {
    const claims = [
      claim('b', 'requested', 'a', 'asserts'),
      claim('a', 'requested', 'b', 'asserts'),
      claim('a', 'criticized', 'b', 'asserts'),
      claim('b', 'in_contact_with', 'a', 'alleges'),
    ];
    const expected = ['a|criticized|b', 'a|in_contact_with|b', 'a|requested|b', 'b|requested|a'];
    expect(keysOf(claims, ['b', 'a'])).toEqual(expected);
    expect(keysOf([...claims].reverse(), ['a', 'b'])).toEqual(expected);
  });

  it('puts an id before a longer id it is a prefix of (key order would not: "-" sorts before "|")', () => {
    const claims = [claim('ab-c', 'requested', 'x', 'asserts'), claim('ab', 'requested', 'x', 'asserts')];
    expect(keysOf(claims, ['x', 'ab-c', 'ab'])).toEqual(['ab|requested|x', 'ab-c|requested|x']);
    expect(['ab|requested|x', 'ab-c|requested|x'].sort()).toEqual(['ab-c|requested|x', 'ab|requested|x']);
  });

  it('refuses a group whose entity is not among the ids', () => {
    expect(() => keysOf([claim('a', 'requested', 'ghost', 'asserts')], ['a'])).toThrow(
      'groupsInStableOrder: unknown entity "ghost"',
    );
  });
});
