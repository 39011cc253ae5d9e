// What the explorer shows, derived from its state (client/src/viewDerivation.ts): the
// filters' visibility, the neighbourhood focus, the counts and totals, which changes
// re-derive what, and the path's items to highlight, on a four-entity literal graph.
import Graph from 'graphology';
import type { FacetCounts } from '../../../client/src/filters';
import { initialState, type UiState } from '../../../client/src/state';
import {
  type DerivedView,
  deriveView,
  focusView,
  nextState,
  pathChanged,
  pathHighlight,
  recountTotals,
  rederiveView,
  totalCounts,
} from '../../../client/src/viewDerivation';
import type { EdgeAttributes, NodeAttributes } from '../../../server/model/graph';
import type { EvidenceGraph, EvidenceGraphAttributes } from '../../../server/model/evidenceGraph';
import vocabulary from '../../../graph-data/vocabulary.json';

const statuses = vocabulary.statuses as Parameters<typeof deriveView>[2];

function node(type: string, label: string): NodeAttributes {
  return { type, label, aliases: [], color: '#4e79a7', degree: 1, size: 3, x: 0, y: 0 };
}

function edge(type: string, status: string, directed: boolean, stance: string): EdgeAttributes {
  return {
    type,
    label: type,
    typeLabel: type,
    status,
    directed,
    color: '#e15759',
    size: 1,
    claimCount: 1,
    documents: [],
    claims: [{ id: `${type}-1`, subject: 'a', object: 'b', stance }],
  };
}

/** a (person) – b (organization): contact disputed, b → a request alleged; b → c (country) owns reported; d (person) alone. */
function sampleGraph(): EvidenceGraph {
  const g: EvidenceGraph = new Graph<NodeAttributes, EdgeAttributes, EvidenceGraphAttributes>({
    type: 'mixed',
    multi: true,
  });
  g.addNode('a', node('person', 'A'));
  g.addNode('b', node('organization', 'B'));
  g.addNode('c', node('country', 'C'));
  g.addNode('d', node('person', 'D'));
  g.addUndirectedEdgeWithKey('a|in_contact_with|b', 'a', 'b', edge('in_contact_with', 'disputed', false, 'denies'));
  g.addDirectedEdgeWithKey('b|requested|a', 'b', 'a', edge('requested', 'alleged', true, 'alleges'));
  g.addDirectedEdgeWithKey('b|owns|c', 'b', 'c', edge('owns', 'reported', true, 'asserts'));
  return g;
}

const counted = (counts: FacetCounts) => ({
  nodeTypes: Object.fromEntries(counts.nodeTypes),
  edgeTypes: Object.fromEntries(counts.edgeTypes),
  statuses: Object.fromEntries(counts.statuses),
});

/** A derived view as plain, ordered values. */
function summary(derived: DerivedView) {
  return {
    filtered: { nodes: [...derived.filtered.nodes].sort(), edges: Object.fromEntries(derived.filtered.edges) },
    focus: derived.focus && [...derived.focus].sort(),
    shown: { nodes: [...derived.visibility.nodes].sort(), edges: Object.fromEntries(derived.visibility.edges) },
    counts: counted(derived.counts),
  };
}

const state = (change: Partial<UiState>): UiState => ({ ...initialState(), ...change });

describe('deriveView', () => {
  const graph = sampleGraph();

  it('shows everything without filters or neighbourhood, counted by type and status', () => {
    const derived = deriveView(graph, initialState(), statuses);
    expect(summary(derived)).toEqual({
      filtered: {
        nodes: ['a', 'b', 'c', 'd'],
        edges: { 'a|in_contact_with|b': 'disputed', 'b|requested|a': 'alleged', 'b|owns|c': 'reported' },
      },
      focus: undefined,
      shown: {
        nodes: ['a', 'b', 'c', 'd'],
        edges: { 'a|in_contact_with|b': 'disputed', 'b|requested|a': 'alleged', 'b|owns|c': 'reported' },
      },
      counts: {
        nodeTypes: { person: 2, organization: 1, country: 1 },
        edgeTypes: { in_contact_with: 1, requested: 1, owns: 1 },
        statuses: { disputed: 1, alleged: 1, reported: 1 },
      },
    });
    expect(derived.visibility).toBe(derived.filtered);
  });

  it('narrows what is shown to the selected entity’s neighbourhood at the depth', () => {
    expect(summary(deriveView(graph, state({ selectedNode: 'a', neighbourhoodDepth: 1 }), statuses))).toEqual({
      filtered: {
        nodes: ['a', 'b', 'c', 'd'],
        edges: { 'a|in_contact_with|b': 'disputed', 'b|requested|a': 'alleged', 'b|owns|c': 'reported' },
      },
      focus: ['a', 'b'],
      shown: { nodes: ['a', 'b'], edges: { 'a|in_contact_with|b': 'disputed', 'b|requested|a': 'alleged' } },
      counts: {
        nodeTypes: { person: 1, organization: 1 },
        edgeTypes: { in_contact_with: 1, requested: 1 },
        statuses: { disputed: 1, alleged: 1 },
      },
    });
    expect(summary(deriveView(graph, state({ selectedNode: 'a', neighbourhoodDepth: 2 }), statuses)).focus).toEqual([
      'a',
      'b',
      'c',
    ]);
  });

  it('has no neighbourhood for a selection without a depth', () => {
    const derived = deriveView(graph, state({ selectedNode: 'a' }), statuses);
    expect(derived.focus).toBeUndefined();
    expect(derived.visibility).toBe(derived.filtered);
  });

  it('walks the neighbourhood along the relations the filters keep only', () => {
    expect(
      summary(
        deriveView(
          graph,
          state({ filters: { status: ['reported'] }, selectedNode: 'a', neighbourhoodDepth: 1 }),
          statuses,
        ),
      ),
    ).toEqual({
      filtered: { nodes: ['a', 'b', 'c', 'd'], edges: { 'b|owns|c': 'reported' } },
      focus: ['a'],
      shown: { nodes: ['a'], edges: {} },
      counts: { nodeTypes: { person: 1 }, edgeTypes: {}, statuses: {} },
    });
  });

  it('shows nothing around a selected entity that the filters hide', () => {
    expect(
      summary(
        deriveView(
          graph,
          state({ filters: { nodeTypes: ['person', 'organization'] }, selectedNode: 'c', neighbourhoodDepth: 1 }),
          statuses,
        ),
      ),
    ).toEqual({
      filtered: { nodes: ['a', 'b', 'd'], edges: { 'a|in_contact_with|b': 'disputed', 'b|requested|a': 'alleged' } },
      focus: ['c'],
      shown: { nodes: [], edges: {} },
      counts: { nodeTypes: {}, edgeTypes: {}, statuses: {} },
    });
  });

  it('focuses a given visibility without recomputing it', () => {
    const filtered = deriveView(graph, initialState(), statuses).filtered;
    expect(focusView(graph, state({ selectedNode: 'c', neighbourhoodDepth: 1 }), filtered).filtered).toBe(filtered);
  });
});

describe('rederiveView', () => {
  const graph = sampleGraph();
  const before = state({ selectedNode: 'a', neighbourhoodDepth: 1 });
  const derived = deriveView(graph, before, statuses);

  it('keeps the derived view itself when neither filters, selection nor depth changed', () => {
    expect(
      rederiveView(graph, before, { ...before, sizeMode: 'pagerank', selectedEdge: 'b|owns|c' }, derived, statuses),
    ).toBe(derived);
  });

  it('recomputes only the focus when the depth or the selection changed', () => {
    const deeper = rederiveView(graph, before, { ...before, neighbourhoodDepth: 2 }, derived, statuses);
    expect(deeper.filtered).toBe(derived.filtered);
    expect(summary(deeper).focus).toEqual(['a', 'b', 'c']);
    const elsewhere = rederiveView(graph, before, { ...before, selectedNode: 'c' }, derived, statuses);
    expect(elsewhere.filtered).toBe(derived.filtered);
    expect(summary(elsewhere).shown).toEqual({ nodes: ['b', 'c'], edges: { 'b|owns|c': 'reported' } });
  });

  it('recomputes the visibility and the focus when the filters changed', () => {
    const after = { ...before, filters: { edgeTypes: ['requested'] } };
    expect(summary(rederiveView(graph, before, after, derived, statuses))).toEqual({
      filtered: { nodes: ['a', 'b', 'c', 'd'], edges: { 'b|requested|a': 'alleged' } },
      focus: ['a', 'b'],
      shown: { nodes: ['a', 'b'], edges: { 'b|requested|a': 'alleged' } },
      counts: { nodeTypes: { person: 1, organization: 1 }, edgeTypes: { requested: 1 }, statuses: { alleged: 1 } },
    });
  });
});

describe('nextState', () => {
  it('merges the change into a new state', () => {
    const before = state({ selectedNode: 'a', neighbourhoodDepth: 2 });
    expect(nextState(before, { selectedNode: 'b' })).toEqual(state({ selectedNode: 'b', neighbourhoodDepth: 2 }));
    expect(before).toEqual(state({ selectedNode: 'a', neighbourhoodDepth: 2 }));
  });

  it('drops the neighbourhood depth with the selection', () => {
    expect(nextState(state({ selectedNode: 'a', neighbourhoodDepth: 2 }), { selectedNode: undefined })).toEqual(
      state({ selectedNode: undefined, neighbourhoodDepth: undefined }),
    );
    expect(nextState(initialState(), { neighbourhoodDepth: 1 }).neighbourhoodDepth).toBeUndefined();
  });
});

describe('pathChanged', () => {
  const request = { from: 'a', to: 'c', strict: false };
  const withPath = state({ path: request });

  it('asks again for another request, or for none', () => {
    expect(pathChanged(initialState(), withPath)).toBe(true);
    expect(pathChanged(withPath, state({ path: { ...request, strict: true } }))).toBe(true);
    expect(pathChanged(withPath, initialState())).toBe(true);
  });

  it('asks again under new filters only while there is a request', () => {
    expect(pathChanged(withPath, { ...withPath, filters: { status: ['reported'] } })).toBe(true);
    expect(pathChanged(initialState(), state({ filters: { status: ['reported'] } }))).toBe(false);
  });

  it('does not ask again for changes besides the path and the filters', () => {
    expect(pathChanged(withPath, { ...withPath, selectedNode: 'b', sizeMode: 'pagerank' })).toBe(false);
  });
});

describe('pathHighlight', () => {
  it('highlights nothing before an answer or without a path', () => {
    expect(pathHighlight(undefined)).toBeUndefined();
    expect(pathHighlight({})).toBeUndefined();
  });

  it('highlights the path’s entities and every relation of each step', () => {
    const response = {
      nodes: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
      steps: [{ edges: [{ id: 'b|requested|a' }, { id: 'a|in_contact_with|b' }] }, { edges: [{ id: 'b|owns|c' }] }],
    };
    expect(pathHighlight({ response })).toEqual({
      nodes: new Set(['a', 'b', 'c']),
      edges: new Set(['b|requested|a', 'a|in_contact_with|b', 'b|owns|c']),
    });
  });
});

describe('totals', () => {
  it('count the whole graph and are recounted in place when it grows', () => {
    const graph = sampleGraph();
    const totals = totalCounts(graph, statuses);
    expect(counted(totals)).toEqual({
      nodeTypes: { person: 2, organization: 1, country: 1 },
      edgeTypes: { in_contact_with: 1, requested: 1, owns: 1 },
      statuses: { disputed: 1, alleged: 1, reported: 1 },
    });
    const { nodeTypes } = totals;
    graph.addNode('e', node('organization', 'E'));
    graph.addDirectedEdgeWithKey('d|owns|e', 'd', 'e', edge('owns', 'confirmed', true, 'confirms'));
    recountTotals(graph, statuses, totals);
    expect(totals.nodeTypes).toBe(nodeTypes);
    expect(counted(totals)).toEqual({
      nodeTypes: { person: 2, organization: 2, country: 1 },
      edgeTypes: { in_contact_with: 1, requested: 1, owns: 2 },
      statuses: { disputed: 1, alleged: 1, reported: 1, confirmed: 1 },
    });
  });
});
