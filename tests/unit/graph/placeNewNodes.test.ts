// A node a write adds is drawn beside its first placed neighbour where nothing is drawn,
// the same way every time; without a neighbour, inside the picture, again on a free spot.
import { applyDelta } from '../../../server/graph/applyDelta';
import { buildGraph } from '../../../server/graph/buildGraph';
import type { EvidenceGraph } from '../../../server/model/evidenceGraph';
import type { Claim } from '../../../server/model/records';
import { dataset, person } from './fixtures';

/** 100 people on a 10 × 10 grid, 10 apart, p00 at (0, 0): the gap is 45 / 10 / 2 = 4.5. */
function placedGrid() {
  const entities = Array.from({ length: 100 }, (_, i) => person(`p${String(i).padStart(2, '0')}`));
  const data = dataset(entities, [], [{ id: 'd1', date: '2024-01-02', title: 'Doc', text: 'they met' }]);
  const graph = buildGraph(data);
  graph.forEachNode((node, attributes) => {
    const i = Number(node.slice(1));
    Object.assign(attributes, { x: (i % 10) * 10, y: Math.floor(i / 10) * 10 });
  });
  return { data, graph };
}

const met = (id: string, subject: string, object: string): Claim => ({
  id,
  subject,
  type: 'in_contact_with',
  object,
  stance: 'asserts',
  document: 'd1',
  quote: 'they met',
});

function nearest(graph: EvidenceGraph, node: string): number {
  const { x, y } = graph.getNodeAttributes(node);
  let best = Infinity;
  graph.forEachNode((other, point) => {
    if (other !== node) best = Math.min(best, Math.hypot(point.x - x, point.y - y));
  });
  return best;
}

function addBeside(anchor: string, ids: string[]) {
  const { data, graph } = placedGrid();
  applyDelta(
    data,
    graph,
    {
      entities: ids.map((id) => person(id)),
      claims: ids.map((id) => ({ id: `c-${id}`, after: met(`c-${id}`, id, anchor) })),
    },
    'v0',
  );
  return graph;
}

describe('placeNewNodes', () => {
  it('puts a new node near its neighbour, no closer than the gap to any drawn node', () => {
    const graph = addBeside('p44', ['zed']);
    const { x, y } = graph.getNodeAttributes('zed');
    expect(Math.hypot(x - 40, y - 40)).toBeLessThanOrEqual(3 * 4.5 * 1.5);
    expect(nearest(graph, 'zed')).toBeGreaterThanOrEqual(4.5);
  });

  it('puts several new nodes beside the same neighbour apart from each other', () => {
    const graph = addBeside('p44', ['n1', 'n2', 'n3', 'n4', 'n5', 'n6', 'n7', 'n8']);
    for (const node of ['n1', 'n2', 'n3', 'n4', 'n5', 'n6', 'n7', 'n8'])
      expect(nearest(graph, node)).toBeGreaterThanOrEqual(4.5);
  });

  it('gives the same positions for the same graph and write', () => {
    const positions = (graph: EvidenceGraph) =>
      ['n1', 'n2'].map((n) => graph.getNodeAttributes(n)).map(({ x, y }) => [x, y]);
    expect(positions(addBeside('p07', ['n1', 'n2']))).toEqual(positions(addBeside('p07', ['n1', 'n2'])));
  });

  it('puts a node without neighbours inside the picture, on a free spot', () => {
    const { data, graph } = placedGrid();
    applyDelta(data, graph, { entities: [person('loner')] }, 'v0');
    const { x, y } = graph.getNodeAttributes('loner');
    expect([x >= -20 && x <= 110, y >= -20 && y <= 110]).toEqual([true, true]);
    expect(nearest(graph, 'loner')).toBeGreaterThanOrEqual(4.5);
  });
});
