// "Colour by" on a small literal graph (client/src/colouring.ts): the exact colour of
// every node and the legend for each choice, the file's own sizes, and how a link
// restores a colour choice or refuses one this graph cannot give.
import { colourNodes, colourOptions, communities, PALETTE, rampColour } from '../../../client/src/colouring';
import { reduceNode, type ViewModel } from '../../../client/src/reducers';
import { restoreLink } from '../../../client/src/restoreLink';
import { nodeSizes } from '../../../client/src/sizing';
import { defaultLook } from '../../../client/src/sourceLook';
import { initialState } from '../../../client/src/state';
import { stateToSearch } from '../../../client/src/url';
import { createEvidenceGraph, type EvidenceGraph } from '../../../server/model/evidenceGraph';

function node(graph: EvidenceGraph, key: string, attributes?: Record<string, unknown>): void {
  graph.addNode(key, {
    type: 'unspecified',
    label: key.toUpperCase(),
    aliases: [],
    color: '#999999',
    degree: 0,
    size: 3,
    x: 0,
    y: 0,
    ...(attributes && { attributes }),
  });
}

function link(graph: EvidenceGraph, source: string, target: string): void {
  graph.addUndirectedEdgeWithKey(`${source}|linked_to|${target}`, source, target, {
    type: 'linked_to',
    label: 'link',
    typeLabel: 'link',
    status: 'reported',
    directed: false,
    color: '#9aa5b1',
    size: 1,
    claimCount: 1,
    documents: [],
    claims: [],
  });
}

/** Two triangles a-b-c and d-e-f joined by c-d, and g alone. */
function sample(): EvidenceGraph {
  const graph = createEvidenceGraph();
  node(graph, 'a', { kind: 'lib', weight: 1, color: '#ff0000', size: 10 });
  node(graph, 'b', { kind: 'lib', weight: 3, color: 'rgb(0,128,0)', size: 2 });
  node(graph, 'c', { kind: 'app', weight: '5' });
  node(graph, 'd', { kind: 'app', weight: 2 });
  node(graph, 'e', { kind: 'test' });
  node(graph, 'f');
  node(graph, 'g', { kind: 'lib', color: 'red' });
  for (const [s, t] of [
    ['a', 'b'],
    ['b', 'c'],
    ['a', 'c'],
    ['c', 'd'],
    ['d', 'e'],
    ['e', 'f'],
    ['d', 'f'],
  ])
    link(graph, s, t);
  return graph;
}

const sorted = (colours: Map<string, string> | undefined) => Object.fromEntries([...(colours ?? [])].sort());

describe('colour by', () => {
  it('offers the type, the file colours when some node has one, communities and each attribute but color', () => {
    expect(colourOptions(sample()).map((option) => option.value)).toEqual([
      'type',
      'source',
      'community',
      'attribute:kind',
      'attribute:size',
      'attribute:weight',
    ]);
    const plain = createEvidenceGraph();
    node(plain, 'x');
    expect(colourOptions(plain).map((option) => option.value)).toEqual(['type', 'community']);
  });

  it('by type leaves the graph its own colours', () => {
    expect(colourNodes(sample(), 'type')).toEqual({});
  });

  it("by the file's colours takes hex and rgb() colours; the rest keep their type's", () => {
    const { colours, legend } = colourNodes(sample(), 'source');
    expect(sorted(colours)).toEqual({ a: '#ff0000', b: 'rgb(0,128,0)' });
    expect(legend).toEqual({
      note: "Colours from the imported file; 5 entities have none and keep their type's colour.",
      entries: [],
    });
  });

  it('by a categorical attribute: the palette, most frequent value first, and a colour for no value', () => {
    const { colours, legend } = colourNodes(sample(), 'attribute:kind');
    expect(sorted(colours)).toEqual({
      a: '#4e79a7',
      b: '#4e79a7',
      g: '#4e79a7',
      c: '#f28e2b',
      d: '#f28e2b',
      e: '#e15759',
      f: '#e1e5ea',
    });
    expect(legend).toEqual({
      note: 'Colour: kind.',
      entries: [
        { label: 'lib', colour: '#4e79a7', count: 3 },
        { label: 'app', colour: '#f28e2b', count: 2 },
        { label: 'test', colour: '#e15759', count: 1 },
        { label: 'no value', colour: '#e1e5ea', count: 1 },
      ],
    });
  });

  it('by a numeric attribute (numbers spelt as text too): the ramp from lowest to highest', () => {
    const { colours, legend } = colourNodes(sample(), 'attribute:weight');
    expect(sorted(colours)).toEqual({
      a: '#440154',
      d: '#334970',
      b: '#21918c',
      c: '#fde725',
      e: '#e1e5ea',
      f: '#e1e5ea',
      g: '#e1e5ea',
    });
    expect(legend).toEqual({
      note: 'Colour: weight, from low to high.',
      entries: [{ label: 'no value', colour: '#e1e5ea', count: 3 }],
      ramp: { min: 1, max: 5, stops: ['#440154', '#21918c', '#fde725'] },
    });
    expect([rampColour(0), rampColour(0.75), rampColour(1), rampColour(2)]).toEqual([
      '#440154',
      '#8fbc59',
      '#fde725',
      '#fde725',
    ]);
  });

  it('past twelve values, eleven get the palette and the rest one grey', () => {
    const graph = createEvidenceGraph();
    for (let i = 0; i < 14; i++)
      node(graph, `n${String(i).padStart(2, '0')}`, { group: `g${String(i).padStart(2, '0')}` });
    const { colours, legend } = colourNodes(graph, 'attribute:group');
    expect(legend!.entries.map((entry) => [entry.label, entry.colour, entry.count])).toEqual([
      ...PALETTE.slice(0, 11).map((colour, i) => [`g${String(i).padStart(2, '0')}`, colour, 1]),
      ['3 other values', '#b8bfc7', 3],
    ]);
    expect([colours!.get('n10'), colours!.get('n11'), colours!.get('n13')]).toEqual(['#bcbd22', '#b8bfc7', '#b8bfc7']);
  });

  it('by Louvain community: the two triangles and the loner, largest first, named after their hub', () => {
    const graph = sample();
    expect(communities(graph)).toEqual([['c', 'a', 'b'], ['d', 'e', 'f'], ['g']]);
    const { colours, legend } = colourNodes(graph, 'community');
    expect(sorted(colours)).toEqual({
      a: '#4e79a7',
      b: '#4e79a7',
      c: '#4e79a7',
      d: '#f28e2b',
      e: '#f28e2b',
      f: '#f28e2b',
      g: '#e15759',
    });
    expect(legend).toEqual({
      note: 'Louvain communities, largest first, each named after its most connected entity.',
      entries: [
        { label: 'C', colour: '#4e79a7', count: 3 },
        { label: 'D', colour: '#f28e2b', count: 3 },
        { label: 'G', colour: '#e15759', count: 1 },
      ],
    });
  });

  it('finds the same communities whatever order the graph was built in', () => {
    const forward = sample();
    const backward = createEvidenceGraph();
    for (const key of [...forward.nodes()].reverse()) backward.addNode(key, forward.getNodeAttributes(key));
    for (const edge of [...forward.edges()].reverse()) {
      const [s, t] = forward.extremities(edge);
      backward.addUndirectedEdgeWithKey(edge, s, t, forward.getEdgeAttributes(edge));
    }
    expect(communities(backward)).toEqual(communities(forward));
  });

  it('draws a node in its colour, and faded under a hover that leaves it out', () => {
    const graph = sample();
    const model: ViewModel = {
      graph,
      visibility: { nodes: new Set(graph.nodes()), edges: new Map() },
      sizes: new Map(),
      curvatures: new Map(),
      styles: new Map(),
      colours: colourNodes(graph, 'attribute:kind').colours,
    };
    expect(reduceNode(model, 'e', { color: '#999999' }).color).toBe('#e15759');
    expect(reduceNode({ ...model, hovered: { node: 'a', neighbours: new Set(['a', 'b']) } }, 'e', {}).color).toBe(
      '#d5d9df',
    );
  });
});

describe("the file's sizes", () => {
  it('map the file range onto ours (3 to 16); a node without one is smallest', () => {
    expect(Object.fromEntries(nodeSizes(sample(), 'source'))).toEqual({
      a: 16,
      b: 3,
      c: 3,
      d: 3,
      e: 3,
      f: 3,
      g: 3,
    });
  });
});

describe('a link and the look', () => {
  it('opens a graph with file colours and sizes in them, and writes only what differs from that', () => {
    const graph = sample();
    expect(defaultLook(graph)).toEqual({ colourBy: 'source', sizeMode: 'source' });
    const restored = restoreLink('', graph);
    expect(restored).toEqual({ state: { ...initialState(), colourBy: 'source', sizeMode: 'source' }, problems: [] });
    expect(stateToSearch(restored.state, defaultLook(graph))).toBe('');
    expect(stateToSearch({ ...restored.state, colourBy: 'type', sizeMode: 'degree' }, defaultLook(graph))).toBe(
      '?size=degree&colour=type',
    );
    expect(restoreLink('?size=degree&colour=community', graph).state).toMatchObject({
      colourBy: 'community',
      sizeMode: 'degree',
    });
  });

  it('drops a colour or size this graph cannot give, and says why', () => {
    expect(restoreLink('?colour=attribute:nope', sample())).toEqual({
      state: { ...initialState(), colourBy: 'source', sizeMode: 'source' },
      problems: ['colour: no entity has the attribute "nope"'],
    });
    const plain = createEvidenceGraph();
    node(plain, 'x');
    expect(restoreLink('?colour=source&size=source', plain)).toEqual({
      state: initialState(),
      problems: ['colour: no entity has a colour of its own', 'size: no entity has a size of its own'],
    });
    expect(restoreLink('?colour=rainbow', plain).problems).toEqual([
      'colour: expected type, source, community or attribute:NAME, got "rainbow"',
    ]);
  });
});
