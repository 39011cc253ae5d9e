// The drawing rules: edge styles by status, curvatures of parallel edges, node sizes,
// neighbourhoods, and the reducers that combine them with hover, selection and path.
import Graph from 'graphology';
import { edgeDisplayLabel, edgeProgramKey, edgeStyles, withOpacity } from '../../../client/src/edgeStyle';
import { computeVisibility } from '../../../client/src/filters';
import { neighbourhood } from '../../../client/src/neighbourhood';
import { edgeCurvatures, LONE_EDGE_CURVATURE } from '../../../client/src/parallel';
import {
  FADED_EDGE_COLOUR,
  FADED_NODE_COLOUR,
  reduceEdge,
  reduceNode,
  type ViewModel,
} from '../../../client/src/reducers';
import { fitCamera, MIN_FIT_RATIO } from '../../../client/src/cameraFit';
import { MAX_NODE_SIZE, MIN_NODE_SIZE, nodeSizes, scaledSize } from '../../../client/src/sizing';
import type { EdgeAttributes, NodeAttributes } from '../../../server/model/graph';
import type { EvidenceGraph, EvidenceGraphAttributes } from '../../../server/model/evidenceGraph';
import vocabulary from '../../../graph-data/vocabulary.json';

const statuses = vocabulary.statuses as Parameters<typeof edgeStyles>[0] & Parameters<typeof computeVisibility>[2];
const styles = edgeStyles(statuses);

function edge(type: string, status: string, directed: boolean, stances: string[]): EdgeAttributes {
  return {
    type,
    label: type,
    typeLabel: type === 'in_contact_with' ? 'contact' : type,
    status,
    directed,
    color: '#e15759',
    size: 1,
    claimCount: stances.length,
    documents: [],
    claims: stances.map((stance, i) => ({ id: `${type}-${i}`, subject: 'a', object: 'b', stance })),
  };
}

/** a–b twice (contact disputed, request alleged), b→c reported, d alone. */
function sampleGraph(): EvidenceGraph {
  const g: EvidenceGraph = new Graph<NodeAttributes, EdgeAttributes, EvidenceGraphAttributes>({
    type: 'mixed',
    multi: true,
  });
  for (const [key, degree] of [
    ['a', 2],
    ['b', 3],
    ['c', 1],
    ['d', 0],
  ] as const) {
    g.addNode(key, {
      type: 'person',
      label: key.toUpperCase(),
      aliases: [],
      color: '#e15759',
      degree,
      size: 3,
      x: 0,
      y: 0,
    });
  }
  g.addUndirectedEdgeWithKey(
    'a|in_contact_with|b',
    'a',
    'b',
    edge('in_contact_with', 'disputed', false, ['alleges', 'denies']),
  );
  g.addDirectedEdgeWithKey('b|requested|a', 'b', 'a', edge('requested', 'alleged', true, ['alleges']));
  g.addDirectedEdgeWithKey('b|owns|c', 'b', 'c', edge('owns', 'reported', true, ['asserts']));
  return g;
}

describe('edge styles by status', () => {
  it('draws allegations dashed and lighter, disputes and denials dotted, denials faintest', () => {
    expect(Object.fromEntries([...styles].map(([id, s]) => [id, [s.pattern, s.opacity, s.width]]))).toEqual({
      confirmed: ['solid', 1, 1.6],
      reported: ['solid', 0.9, 1.2],
      alleged: ['dashed', 0.85, 1],
      disputed: ['dotted', 0.9, 1.2],
      denied: ['dotted', 0.4, 0.8],
    });
  });
  it('labels an edge by status prefix and type', () => {
    expect(edgeDisplayLabel(styles.get('alleged'), 'contact')).toBe('alleged contact');
    expect(edgeDisplayLabel(styles.get('reported'), 'contact')).toBe('contact');
  });
  it('names the program by pattern and arrow, and writes colours with opacity', () => {
    expect(edgeProgramKey('dashed', true)).toBe('dashedArrow');
    expect(edgeProgramKey('dotted', false)).toBe('dotted');
    expect(withOpacity('#e15759', 0.5)).toBe('rgba(225,87,89,0.5)');
  });
});

describe('edgeCurvatures', () => {
  it('bends parallel edges to different sides and a lone edge slightly', () => {
    const g = sampleGraph();
    const curvatures = edgeCurvatures(g);
    // a–b: two edges, sorted by key; b|requested|a runs against the pair's a→b order.
    expect(curvatures.get('a|in_contact_with|b')).toBe(Math.round((LONE_EDGE_CURVATURE - 0.175) * 1000) / 1000);
    expect(curvatures.get('b|requested|a')).toBe(-Math.round((LONE_EDGE_CURVATURE + 0.175) * 1000) / 1000);
    expect(curvatures.get('b|owns|c')).toBe(LONE_EDGE_CURVATURE);
  });
});

describe('node sizes', () => {
  it('scales by the square root between the minimum and maximum size', () => {
    expect(scaledSize(0, 4)).toBe(MIN_NODE_SIZE);
    expect(scaledSize(4, 4)).toBe(MAX_NODE_SIZE);
    expect(scaledSize(1, 4)).toBe(9.5);
  });
  it('sizes by degree or by PageRank', () => {
    const g = sampleGraph();
    expect(Object.fromEntries(nodeSizes(g, 'degree'))).toEqual({ a: 13.61, b: 16, c: 10.51, d: 3 });
    const byRank = nodeSizes(g, 'pagerank');
    expect(Math.max(...byRank.values())).toBe(MAX_NODE_SIZE);
    expect(byRank.get('d')).toBeLessThan(byRank.get('a') as number);
  });
});

describe('neighbourhood', () => {
  it('follows shown relations either way up to the depth', () => {
    const g = sampleGraph();
    const all = computeVisibility(g, {}, statuses);
    expect([...neighbourhood(g, 'c', 1, all)].sort()).toEqual(['b', 'c']);
    expect([...neighbourhood(g, 'c', 2, all)].sort()).toEqual(['a', 'b', 'c']);
    const noOwns = computeVisibility(g, { edgeTypes: ['in_contact_with', 'requested'] }, statuses);
    expect([...neighbourhood(g, 'c', 3, noOwns)]).toEqual(['c']);
  });
});

describe('reducers', () => {
  function model(overrides: Partial<ViewModel> = {}): ViewModel {
    const g = sampleGraph();
    return {
      graph: g,
      visibility: computeVisibility(g, {}, statuses),
      sizes: nodeSizes(g, 'degree'),
      curvatures: edgeCurvatures(g),
      styles,
      ...overrides,
    };
  }

  it('draws every node with the circle program at its size, and hides filtered ones', () => {
    const m = model();
    expect(reduceNode(m, 'a', { label: 'A', color: '#e15759' })).toEqual({
      label: 'A',
      color: '#e15759',
      type: 'circle',
      size: 13.61,
      zIndex: 1,
    });
    const filtered = model({ visibility: computeVisibility(m.graph, { nodeTypes: [] }, statuses) });
    expect(reduceNode(filtered, 'a', {}).hidden).toBe(true);
  });

  it('styles an edge by its status: dotted for disputed, dashed with arrow for alleged, label only on demand', () => {
    const m = model();
    expect(reduceEdge(m, 'a|in_contact_with|b', { size: 1 })).toEqual({
      size: 1.5 * 1.2,
      type: 'dotted',
      label: null,
      color: 'rgba(225,87,89,0.9)',
      curvature: -0.095,
      zIndex: 1,
    });
    expect(reduceEdge(m, 'b|requested|a', { size: 1 })).toMatchObject({
      type: 'dashedArrow',
      color: 'rgba(225,87,89,0.85)',
    });
  });

  it('on hover keeps the node and its neighbours, fades the rest, and labels the node’s edges', () => {
    const m = model({ hovered: { node: 'c', neighbours: new Set(['b', 'c']) } });
    expect(reduceNode(m, 'c', {})).toMatchObject({ highlighted: true, forceLabel: true });
    expect(reduceNode(m, 'b', {})).toMatchObject({ forceLabel: true, zIndex: 2 });
    expect(reduceNode(m, 'a', {})).toMatchObject({ color: FADED_NODE_COLOUR, label: null });
    expect(reduceEdge(m, 'b|owns|c', {})).toMatchObject({ forceLabel: true, label: 'owns' });
    expect(reduceEdge(m, 'a|in_contact_with|b', {})).toMatchObject({ color: FADED_EDGE_COLOUR, label: null });
  });

  it('hides what lies outside the neighbourhood and stresses the path', () => {
    const focused = model({ focus: new Set(['b', 'c']) });
    expect(reduceNode(focused, 'a', {}).hidden).toBe(true);
    expect(reduceEdge(focused, 'a|in_contact_with|b', {}).hidden).toBe(true);
    const path = model({ path: { nodes: new Set(['a', 'b']), edges: new Set(['b|requested|a']) } });
    expect(reduceEdge(path, 'b|requested|a', { size: 1 })).toMatchObject({
      size: 3,
      forceLabel: true,
      label: 'alleged requested',
    });
    expect(reduceEdge(path, 'b|owns|c', {})).toMatchObject({ color: FADED_EDGE_COLOUR });
    expect(reduceNode(path, 'c', {})).toMatchObject({ color: FADED_NODE_COLOUR });
  });
});

describe('fitCamera', () => {
  it('centres on the points and zooms to their extent with a margin', () => {
    expect(
      fitCamera([
        { x: 0.25, y: 0.5 },
        { x: 0.75, y: 0.625 },
        { x: 0.5, y: 0.55 },
      ]),
    ).toEqual({ x: 0.5, y: 0.5625, ratio: 0.7 });
  });
  it('never zooms closer than the minimum, nor farther than the whole graph', () => {
    expect(fitCamera([{ x: 0.5, y: 0.5 }])).toEqual({ x: 0.5, y: 0.5, ratio: MIN_FIT_RATIO });
    expect(
      fitCamera([
        { x: -1, y: 0 },
        { x: 2, y: 1 },
      ])?.ratio,
    ).toBe(1);
    expect(fitCamera([])).toBeUndefined();
  });
});
