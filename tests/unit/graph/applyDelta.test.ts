// applyDelta changes the dataset and graph in place; the graph it leaves must be the one
// buildGraph gives for the resulting data (nodes, relations, every attribute but
// positions), and the derived indexes that follow its changes must answer as ones built
// afresh. Random sequences of writes (add, correct, retract, bring back a claim, edit an
// entity, add one, merge two) are applied both ways and compared after every write.
import { applyDelta, type GraphDelta } from '../../../server/graph/applyDelta';
import { buildGraph } from '../../../server/graph/buildGraph';
import { claimIndexOf } from '../../../server/graph/claimIndex';
import type { Dataset, ResolvedClaim } from '../../../server/model/dataset';
import type { EvidenceGraph } from '../../../server/model/evidenceGraph';
import type { Claim, DocumentRecord, Entity } from '../../../server/model/records';
import { seededRandom } from '../../../server/model/random';
import { claimsByDocument, updateClaimsByDocument } from '../../../server/queries/documents';
import { buildEdgeKeyIndex, updateEdgeKeyIndex } from '../../../server/queries/edgeKeyIndex';
import { searchEntities } from '../../../server/queries/searchEntities';
import { buildSearchIndex, updateSearchIndex } from '../../../server/queries/searchIndex';
import { dataset as datasetOf, person } from './fixtures';

const documents: DocumentRecord[] = [
  { id: 'd1', date: '2024-01-02', title: 'Doc one', text: 'they met in Vienna and spoke' },
  { id: 'd2', date: '2024-03-04', title: 'Doc two', text: 'a payment was made; they met' },
];
const TYPES = ['in_contact_with', 'associate_of', 'funded', 'criticized'];
const STANCES = ['asserts', 'alleges', 'denies', 'confirms'];
const NAMES = ['Anna Berg', 'Boris Kahn', 'Clara Diaz', 'Dmitri Orlov', 'Anna Kahn', 'Eva Berg', 'Fedor Diaz'];
const QUERIES = ['anna', 'berg', 'kahn', 'dia', 'orlvo', 'eva berg', 'zed', 'renamed'];

/** The plain model: claims replaced where they stand, appended, or spliced out; what buildGraph reads. */
class Reference {
  entities = new Map<string, Entity>();
  claims: ResolvedClaim[] = [];
  apply(delta: GraphDelta, resolved: (claim: Claim) => ResolvedClaim): void {
    for (const entity of delta.entities ?? []) this.entities.set(entity.id, entity);
    for (const { id, after } of delta.claims ?? []) {
      const position = this.claims.findIndex((c) => c.id === id);
      if (after === null) {
        if (position !== -1) this.claims.splice(position, 1);
      } else if (position !== -1) this.claims[position] = resolved(after);
      else this.claims.push(resolved(after));
    }
    for (const id of delta.removedEntities ?? []) this.entities.delete(id);
  }
  dataset(): Dataset {
    return datasetOf([...this.entities.values()], [...this.claims], documents);
  }
}

function withoutPosition(attributes: object): object {
  const { x: _x, y: _y, ...rest } = attributes as { x: number; y: number };
  return rest;
}

function graphContents(graph: EvidenceGraph) {
  const nodes = graph
    .mapNodes((key, attributes) => [key, withoutPosition(attributes)] as const)
    .sort((a, b) => (a[0] < b[0] ? -1 : 1));
  const edges = graph
    .mapEdges((key, attributes, source, target, _s, _t, undirected) => [key, source, target, undirected, attributes])
    .sort((a, b) => ((a[0] as string) < (b[0] as string) ? -1 : 1));
  return { nodes, edges };
}

function searchAll(graph: EvidenceGraph, index: ReturnType<typeof buildSearchIndex>) {
  return QUERIES.map((q) => searchEntities(graph, index, { q, limit: 50, offset: 0 }));
}

/** One random write against the current data, as a delta. */
function randomDelta(random: () => number, data: Dataset, retracted: Claim[], step: number): GraphDelta {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const entityIds = [...data.entities.keys()];
  const live = data.claims;
  const newClaim = (id: string, subject = pick(entityIds), object = pick(entityIds)): Claim => ({
    id,
    subject,
    type: pick(TYPES),
    object,
    stance: pick(STANCES),
    document: pick(documents).id,
    quote: 'they met',
    ...(random() < 0.3 ? { date: pick(['2021', '2022-05', '2023-01-09']) } : {}),
  });
  const roll = random();
  if (roll < 0.3 || live.length === 0) return { claims: [{ id: `c${step}`, after: newClaim(`c${step}`) }] };
  if (roll < 0.45) {
    const claim = pick(live);
    const { quoteStart: _s, quoteEnd: _e, ...stored } = claim;
    const moved = random() < 0.5 ? { ...stored, stance: pick(STANCES) } : newClaim(claim.id);
    return { claims: [{ id: claim.id, after: moved }] };
  }
  if (roll < 0.6) {
    const claim = pick(live);
    const { quoteStart: _s, quoteEnd: _e, ...stored } = claim;
    retracted.push(stored);
    return { claims: [{ id: claim.id, after: null }] };
  }
  if (roll < 0.68 && retracted.length > 0) {
    const back = retracted.splice(Math.floor(random() * retracted.length), 1)[0];
    if (data.entities.has(back.subject) && data.entities.has(back.object))
      return { claims: [{ id: back.id, after: back }] };
  }
  if (roll < 0.78) {
    const entity = data.entities.get(pick(entityIds))!;
    return { entities: [{ ...entity, name: `${pick(NAMES)} Renamed`, aliases: random() < 0.5 ? [pick(NAMES)] : [] }] };
  }
  if (roll < 0.9) {
    const id = `new-${step}`;
    return { entities: [person(id, pick(NAMES))], claims: [{ id: `c${step}`, after: newClaim(`c${step}`, id) }] };
  }
  return mergeDelta(data, pick(entityIds), pick(entityIds));
}

/** `loser`'s claims moved to `survivor`, its names become aliases, and it leaves. */
function mergeDelta(data: Dataset, survivor: string, loser: string): GraphDelta {
  if (survivor === loser) return {};
  const moved = data.claims
    .filter((c) => c.subject === loser || c.object === loser)
    .map(({ quoteStart: _s, quoteEnd: _e, ...claim }) => ({
      id: claim.id,
      after: {
        ...claim,
        subject: claim.subject === loser ? survivor : claim.subject,
        object: claim.object === loser ? survivor : claim.object,
      },
    }));
  const kept = data.entities.get(survivor)!;
  const gone = data.entities.get(loser)!;
  const aliases = [...new Set([...kept.aliases, gone.name, ...gone.aliases])].filter((a) => a !== kept.name);
  return { entities: [{ ...kept, aliases }], claims: moved, removedEntities: [loser] };
}

function startingData(): Dataset {
  const entities = NAMES.map((name, i) => person(`p${i}`, name));
  return datasetOf(entities, [], documents);
}

describe('applyDelta', () => {
  it.each([1, 2, 3, 4, 5, 6])(
    'leaves the graph buildGraph builds, after each of 120 random writes (seed %i)',
    (seed) => {
      const random = seededRandom(seed);
      const data = startingData();
      const reference = new Reference();
      for (const entity of data.entities.values()) reference.entities.set(entity.id, entity);
      const graph = buildGraph(data);
      graph.forEachNode((node, attributes) => Object.assign(attributes, { x: node.length * 7, y: node.charCodeAt(1) }));
      let search = buildSearchIndex(graph);
      let edgeKeys = buildEdgeKeyIndex(graph);
      let byDocument = claimsByDocument(data);
      const retracted: Claim[] = [];
      for (let step = 0; step < 120; step++) {
        const delta = randomDelta(random, data, retracted, step);
        const positions = new Map(graph.mapNodes((node, { x, y }) => [node, { x, y }] as const));
        const change = applyDelta(data, graph, delta, `v${step}`);
        reference.apply(delta, (claim) => {
          const document = documents.find((d) => d.id === claim.document)!;
          const start = document.text.indexOf(claim.quote!);
          return { ...claim, quoteStart: start, quoteEnd: start + claim.quote!.length };
        });
        search = updateSearchIndex(search, change, graph);
        edgeKeys = updateEdgeKeyIndex(edgeKeys, change, graph);
        byDocument = updateClaimsByDocument(byDocument, change, data);

        const rebuilt = buildGraph(reference.dataset());
        expect(data.claims).toEqual(reference.claims);
        expect(graphContents(graph)).toEqual(graphContents(rebuilt));
        expect(searchAll(graph, search)).toEqual(searchAll(rebuilt, buildSearchIndex(rebuilt)));
        expect(edgeKeys).toEqual(buildEdgeKeyIndex(rebuilt));
        expect(byDocument).toEqual(claimsByDocument(reference.dataset()));
        expect([...claimIndexOf(data).byId.keys()].sort()).toEqual(reference.claims.map((c) => c.id).sort());
        for (const [node, position] of positions)
          if (graph.hasNode(node)) expect(graph.getNodeAttributes(node)).toMatchObject(position);
      }
    },
  );

  it('gives every touched node and relation a new attributes object and leaves the old ones as they were', () => {
    const data = startingData();
    const graph = buildGraph(data);
    applyDelta(data, graph, { claims: [{ id: 'a', after: claimBetween('a', 'p0', 'p1', 'asserts') }] }, 'v0');
    const edge = 'p0|funded|p1';
    const edgeBefore = graph.getEdgeAttributes(edge);
    const nodeBefore = graph.getNodeAttributes('p0');
    const snapshot = JSON.stringify([edgeBefore, nodeBefore]);
    applyDelta(data, graph, { claims: [{ id: 'b', after: claimBetween('b', 'p0', 'p1', 'denies') }] }, 'v1');
    applyDelta(data, graph, { entities: [{ ...data.entities.get('p0')!, name: 'Anna Other' }] }, 'v2');
    expect(JSON.stringify([edgeBefore, nodeBefore])).toBe(snapshot);
    expect(graph.getEdgeAttributes(edge)).toMatchObject({ status: 'disputed', claimCount: 2 });
    expect(graph.getNodeAttributes('p0')).toMatchObject({ label: 'Anna Other', degree: 1 });
  });

  it('refuses to remove an entity that still has relations, naming it', () => {
    const data = startingData();
    const graph = buildGraph(data);
    applyDelta(data, graph, { claims: [{ id: 'a', after: claimBetween('a', 'p0', 'p1', 'asserts') }] }, 'v0');
    expect(() => applyDelta(data, graph, { removedEntities: ['p1'] }, 'v1')).toThrow(
      'applyDelta: entity "p1" still has 1 relation(s); move its claims first',
    );
  });
});

function claimBetween(id: string, subject: string, object: string, stance: string): Claim {
  return { id, subject, type: 'funded', object, stance, document: 'd1', quote: 'they met' };
}
