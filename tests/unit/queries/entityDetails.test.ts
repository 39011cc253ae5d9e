// One entity and its relations straight on literal graphs: grouped by edge type in
// vocabulary order, each seen from this entity (outgoing, incoming, undirected, a
// self-loop), strongest evidence first, then most claims, then the other end's name.
import type { EntityInput } from '../../../server/model/records';
import { entityDetails } from '../../../server/queries/entityDetails';
import { filterGraph } from '../../../server/queries/filterGraph';
import { literalGraph } from './literalGraph';
import { world, worldRefs } from './world';

const { graph, dataset } = world;

describe('entityDetails', () => {
  it('gives the entity record, its degree, its claims and its relations by type', () => {
    expect(entityDetails(graph, dataset, 'alice')).toEqual({
      entity: { id: 'alice', type: 'person', name: 'Alice Martin', aliases: ['A. Martin'] },
      degree: 3,
      claimCount: 4,
      relations: [
        {
          type: 'holds_position',
          typeLabel: 'holds position',
          edges: [
            {
              edge: 'alice|holds_position|acme',
              other: worldRefs.acme,
              direction: 'outgoing',
              status: 'confirmed',
              label: 'confirmed holds position',
              claimCount: 1,
            },
          ],
        },
        {
          type: 'in_contact_with',
          typeLabel: 'contact',
          edges: [
            {
              edge: 'alice|in_contact_with|bob',
              other: worldRefs.bob,
              direction: 'undirected',
              status: 'disputed',
              label: 'disputed contact',
              claimCount: 2,
            },
          ],
        },
        {
          type: 'requested',
          typeLabel: 'request',
          edges: [
            {
              edge: 'alice|requested|bob',
              other: worldRefs.bob,
              direction: 'outgoing',
              status: 'reported',
              label: 'request',
              claimCount: 1,
            },
          ],
        },
      ],
    });
  });

  it('sees relations from the other end as incoming, and a self-loop once, with itself as the other end', () => {
    expect(entityDetails(graph, dataset, 'bob')).toEqual({
      entity: { id: 'bob', type: 'person', name: 'Bob Lee', aliases: [] },
      // The self-loop counts twice in the degree, its claim once.
      degree: 5,
      claimCount: 5,
      relations: [
        {
          type: 'in_contact_with',
          typeLabel: 'contact',
          edges: [
            {
              edge: 'alice|in_contact_with|bob',
              other: worldRefs.alice,
              direction: 'undirected',
              status: 'disputed',
              label: 'disputed contact',
              claimCount: 2,
            },
          ],
        },
        {
          type: 'requested',
          typeLabel: 'request',
          edges: [
            {
              edge: 'alice|requested|bob',
              other: worldRefs.alice,
              direction: 'incoming',
              status: 'reported',
              label: 'request',
              claimCount: 1,
            },
          ],
        },
        {
          type: 'funded',
          typeLabel: 'funded',
          edges: [
            {
              edge: 'acme|funded|bob',
              other: worldRefs.acme,
              direction: 'incoming',
              status: 'reported',
              label: 'funded',
              claimCount: 1,
            },
          ],
        },
        {
          type: 'criticized',
          typeLabel: 'criticism',
          edges: [
            {
              edge: 'bob|criticized|bob',
              other: worldRefs.bob,
              direction: 'outgoing',
              status: 'reported',
              label: 'criticism',
              claimCount: 1,
            },
          ],
        },
      ],
    });
  });

  it('lists parallel relations of one type by the other end’s name when equally strong', () => {
    const acme = entityDetails(graph, dataset, 'acme');
    expect(acme?.entity).toEqual({
      id: 'acme',
      type: 'organization',
      kind: 'company',
      name: 'Acme Holdings',
      description: 'A holding company.',
      aliases: [],
    });
    expect(
      acme?.relations.map((group) => [group.type, group.edges.map((relation) => [relation.edge, relation.direction])]),
    ).toEqual([
      ['holds_position', [['alice|holds_position|acme', 'incoming']]],
      ['in_contact_with', [['acme|in_contact_with|carol', 'undirected']]],
      [
        'funded',
        [
          ['acme|funded|bob', 'outgoing'],
          ['acme|funded|carol', 'outgoing'],
        ],
      ],
    ]);
  });

  it('gives an entity without relations with none', () => {
    expect(entityDetails(graph, dataset, 'dave')).toEqual({
      entity: { id: 'dave', type: 'person', name: 'Dave Stone', aliases: [] },
      degree: 0,
      claimCount: 0,
      relations: [],
    });
  });

  it('gives nothing for an unknown id, or an entity the graph does not hold', () => {
    expect(entityDetails(graph, dataset, 'nobody')).toBeUndefined();
    const empty = literalGraph({ entities: [] });
    expect(entityDetails(empty.graph, empty.dataset, 'alice')).toBeUndefined();
    expect(
      entityDetails(filterGraph(graph, dataset, { nodeTypes: ['organization'] }), dataset, 'alice'),
    ).toBeUndefined();
  });

  it('describes the relations of the graph it is given, such as the graph known on a day', () => {
    const known = filterGraph(graph, dataset, { knownAt: '2022-01' });
    expect(
      entityDetails(known, dataset, 'alice')?.relations.flatMap((group) =>
        group.edges.map((relation) => [relation.edge, relation.status, relation.claimCount]),
      ),
    ).toEqual([
      ['alice|in_contact_with|bob', 'alleged', 1],
      ['alice|requested|bob', 'reported', 1],
    ]);
  });

  it('orders a type’s relations by status rank, then claims, then name, then edge key', () => {
    // x is in contact with six people: denied, alleged, reported with two claims, and
    // reported with one claim for Ann, Zed and a second Zed.
    const entities: EntityInput[] = [
      { id: 'x', type: 'person', name: 'X' },
      { id: 'p1', type: 'person', name: 'Pat' },
      { id: 'p2', type: 'person', name: 'Pam' },
      { id: 'p3', type: 'person', name: 'Zed' },
      { id: 'p4', type: 'person', name: 'Zoe' },
      { id: 'p5', type: 'person', name: 'Ann' },
      { id: 'p6', type: 'person', name: 'Zed' },
    ];
    const contact = (id: string, object: string, stance: string) => ({
      id,
      subject: 'x',
      type: 'in_contact_with',
      object,
      stance,
      record: { file: 'calls.csv', id },
    });
    const ranked = literalGraph({
      entities,
      claims: [
        contact('r1', 'p1', 'denies'),
        contact('r2', 'p2', 'alleges'),
        contact('r3', 'p3', 'asserts'),
        contact('r4', 'p4', 'asserts'),
        contact('r5', 'p4', 'asserts'),
        contact('r6', 'p5', 'asserts'),
        contact('r7', 'p6', 'asserts'),
      ],
    });
    const details = entityDetails(ranked.graph, ranked.dataset, 'x');
    expect(details?.claimCount).toBe(7);
    expect(
      details?.relations.map((group) =>
        group.edges.map((relation) => [relation.other.id, relation.status, relation.claimCount]),
      ),
    ).toEqual([
      [
        ['p4', 'reported', 2],
        ['p5', 'reported', 1],
        ['p3', 'reported', 1],
        ['p6', 'reported', 1],
        ['p2', 'alleged', 1],
        ['p1', 'denied', 1],
      ],
    ]);
  });
});
