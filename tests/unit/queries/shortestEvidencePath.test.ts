// The shortest chain of evidence straight on the literal world: the whole answer, either
// direction of travel, parallel relations in one step (strongest evidence first), no
// path, a path too long, and a path that must go round a relation whose status the
// filters leave out.
import type { GraphFilters } from '../../../server/model/api';
import { filterGraph } from '../../../server/queries/filterGraph';
import { shortestEvidencePath, type PathParams } from '../../../server/queries/shortestEvidencePath';
import { simpleProjection } from '../../../server/queries/simpleProjection';
import { literalGraph } from './literalGraph';
import { world, worldEdges, worldRefs } from './world';

const { graph, dataset, projection, rank } = world;
const path = (params: Omit<PathParams, 'maxLength'> & { maxLength?: number }) =>
  shortestEvidencePath(graph, projection, { maxLength: 6, ...params }, rank);
/** The path under filters, as the route finds it: filter first, then search the filtered graph's projection. */
const pathUnder = (filters: GraphFilters, from: string, to: string) => {
  const filtered = filterGraph(graph, dataset, filters);
  return shortestEvidencePath(filtered, simpleProjection(filtered), { from, to, maxLength: 6 }, rank);
};
/** An edge as the path shows it: its attributes with its key and both ends named. */
const detail = (key: keyof typeof worldEdges) => {
  const [source, , target] = key.split('|') as [keyof typeof worldRefs, string, keyof typeof worldRefs];
  return { id: key, ...worldEdges[key], source: worldRefs[source], target: worldRefs[target] };
};
/** Each step as [from, to, the keys of its relations in order]. */
const steps = (outcome: ReturnType<typeof path>) =>
  outcome.found ? outcome.path.steps.map((step) => [step.from, step.to, step.edges.map((edge) => edge.id)]) : outcome;

describe('shortestEvidencePath', () => {
  it('gives the whole chain: the entities in order and every relation of each step with its claims', () => {
    expect(path({ from: 'alice', to: 'carol' })).toEqual({
      found: true,
      path: {
        from: worldRefs.alice,
        to: worldRefs.carol,
        length: 2,
        nodes: [worldRefs.alice, worldRefs.acme, worldRefs.carol],
        steps: [
          { from: 'alice', to: 'acme', edges: [detail('alice|holds_position|acme')] },
          // Two relations of different types between Acme and Carol, equally strong: by key.
          { from: 'acme', to: 'carol', edges: [detail('acme|funded|carol'), detail('acme|in_contact_with|carol')] },
        ],
      },
    });
  });

  it('puts the strongest evidence first among parallel relations', () => {
    // The request is reported, the contact disputed (stronger status before more claims).
    expect(steps(path({ from: 'alice', to: 'bob' }))).toEqual([
      ['alice', 'bob', ['alice|requested|bob', 'alice|in_contact_with|bob']],
    ]);
  });

  it('follows relations against their direction', () => {
    // Carol → Acme goes against "Acme funded Carol", Acme → Alice against "Alice holds a position at Acme".
    expect(steps(path({ from: 'carol', to: 'alice' }))).toEqual([
      ['carol', 'acme', ['acme|funded|carol', 'acme|in_contact_with|carol']],
      ['acme', 'alice', ['alice|holds_position|acme']],
    ]);
    expect(steps(path({ from: 'bob', to: 'acme' }))).toEqual([['bob', 'acme', ['acme|funded|bob']]]);
  });

  it('gives a path of no steps from an entity to itself, a self-loop notwithstanding', () => {
    expect(path({ from: 'bob', to: 'bob' })).toEqual({
      found: true,
      path: { from: worldRefs.bob, to: worldRefs.bob, length: 0, nodes: [worldRefs.bob], steps: [] },
    });
    expect(path({ from: 'dave', to: 'dave' })).toEqual({
      found: true,
      path: { from: worldRefs.dave, to: worldRefs.dave, length: 0, nodes: [worldRefs.dave], steps: [] },
    });
  });

  it('finds no path to an entity without relations', () => {
    expect(path({ from: 'alice', to: 'dave' })).toEqual({ found: false, reason: 'none' });
  });

  it('says how long the shortest path is when it is longer than maxLength', () => {
    expect(path({ from: 'alice', to: 'carol', maxLength: 1 })).toEqual({ found: false, reason: 'too-long', length: 2 });
    expect(path({ from: 'alice', to: 'carol', maxLength: 2 })).toMatchObject({ found: true, path: { length: 2 } });
  });

  it('goes round a relation whose status the filters leave out', () => {
    // Without the confirmed position and the disputed contact: Alice → Bob (the request) → Acme → Carol.
    expect(steps(pathUnder({ status: ['reported'] }, 'alice', 'carol'))).toEqual([
      ['alice', 'bob', ['alice|requested|bob']],
      ['bob', 'acme', ['acme|funded|bob']],
      ['acme', 'carol', ['acme|funded|carol', 'acme|in_contact_with|carol']],
    ]);
    expect(pathUnder({ status: ['alleged'] }, 'alice', 'carol')).toEqual({ found: false, reason: 'none' });
  });

  it('shows each relation as it stood on the knownAt day', () => {
    // On 2022-01-31 only the alleged contact and the request linked Alice and Bob; nothing reached Carol yet.
    const known = pathUnder({ knownAt: '2022-01' }, 'alice', 'bob');
    expect(known.found && known.path.steps[0].edges.map((edge) => [edge.id, edge.status, edge.claimCount])).toEqual([
      ['alice|requested|bob', 'reported', 1],
      ['alice|in_contact_with|bob', 'alleged', 1],
    ]);
    expect(pathUnder({ knownAt: '2022-01' }, 'alice', 'carol')).toEqual({ found: false, reason: 'none' });
  });

  it('takes the same path whatever the order of the claims, when two are equally short', () => {
    // A diamond: a–b–d and a–c–d.
    const entities = ['a', 'b', 'c', 'd'].map((id) => ({ id, type: 'person', name: id.toUpperCase() }));
    const claims = [
      ['a', 'b'],
      ['b', 'd'],
      ['a', 'c'],
      ['c', 'd'],
    ].map(([subject, object], i) => ({
      id: `r${i}`,
      subject,
      type: 'linked_to',
      object,
      stance: 'asserts',
      record: { file: 'links.csv', id: `row-${i}` },
    }));
    const forwards = literalGraph({ entities, claims });
    const backwards = literalGraph({ entities: [...entities].reverse(), claims: [...claims].reverse() });
    const route = (built: typeof forwards) =>
      steps(shortestEvidencePath(built.graph, built.projection, { from: 'a', to: 'd', maxLength: 6 }, built.rank));
    expect(route(forwards)).toEqual([
      ['a', 'b', ['a|linked_to|b']],
      ['b', 'd', ['b|linked_to|d']],
    ]);
    expect(route(backwards)).toEqual(route(forwards));
  });
});
