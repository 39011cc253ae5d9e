// bidirectionalSearch: the shortest path of graphology-shortest-path's `bidirectional`
// (the same path, not just one as short), for any node keys, builtin names included.
import fc from 'fast-check';
import Graph from 'graphology';
import { bidirectional } from 'graphology-shortest-path/unweighted';
import { KeySafeGraph } from '../../../server/model/keySafeGraph';
import { bidirectionalSearch } from '../../../server/queries/bidirectionalSearch';
import { BUILTIN_NAMES } from '../../builtinNames';

const KEYS = [...BUILTIN_NAMES, 'a', 'b', 'c', 'd'];

/** A simple undirected graph over some of KEYS: which nodes, which pairs, which pair to search. */
const graphs = fc.uniqueArray(fc.constantFrom(...KEYS), { minLength: 2, maxLength: KEYS.length }).chain((nodes) =>
  fc.record({
    nodes: fc.constant(nodes),
    pairs: fc.array(fc.tuple(fc.nat(nodes.length - 1), fc.nat(nodes.length - 1)), { maxLength: nodes.length * 2 }),
    from: fc.nat(nodes.length - 1),
    to: fc.nat(nodes.length - 1),
  }),
);

function build<G extends Graph>(
  graph: G,
  nodes: readonly string[],
  pairs: ReadonlyArray<[number, number]>,
  key: (node: string) => string,
): G {
  for (const node of nodes) graph.addNode(key(node));
  for (const [a, b] of pairs) if (a !== b) graph.mergeEdge(key(nodes[a]), key(nodes[b]));
  return graph;
}

describe('bidirectionalSearch', () => {
  it('finds the path graphology-shortest-path finds, on the same graph with keys it can hold', () => {
    fc.assert(
      fc.property(graphs, ({ nodes, pairs, from, to }) => {
        const ours = build(new KeySafeGraph({ type: 'undirected' }), nodes, pairs, (node) => node);
        // The library's bookkeeping is a plain object: give it keys no object inherits.
        const theirs = build(new Graph({ type: 'undirected' }), nodes, pairs, (node) => `n-${node}`);
        const expected = bidirectional(theirs, `n-${nodes[from]}`, `n-${nodes[to]}`);
        expect(bidirectionalSearch(ours, nodes[from], nodes[to])).toEqual(
          expected && expected.map((node) => node.slice(2)),
        );
      }),
      { numRuns: 500 },
    );
  });

  it('links builtin-named nodes, and finds none between parts that are not linked', () => {
    const graph = new KeySafeGraph({ type: 'undirected' });
    for (const node of ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__', 'plain'])
      graph.addNode(node);
    graph.addEdge('constructor', 'toString');
    graph.addEdge('toString', 'valueOf');
    graph.addEdge('valueOf', '__proto__');
    graph.addEdge('hasOwnProperty', 'plain');
    expect(bidirectionalSearch(graph, 'constructor', '__proto__')).toEqual([
      'constructor',
      'toString',
      'valueOf',
      '__proto__',
    ]);
    expect(bidirectionalSearch(graph, '__proto__', 'constructor')).toEqual([
      '__proto__',
      'valueOf',
      'toString',
      'constructor',
    ]);
    expect(bidirectionalSearch(graph, 'valueOf', 'valueOf')).toEqual(['valueOf']);
    expect(bidirectionalSearch(graph, 'constructor', 'hasOwnProperty')).toBeNull();
    expect(bidirectionalSearch(graph, 'plain', 'toString')).toBeNull();
  });

  it('follows directed edges forward only', () => {
    const graph = new KeySafeGraph({ type: 'directed' });
    for (const node of ['constructor', 'toString', 'valueOf']) graph.addNode(node);
    graph.addEdge('constructor', 'toString');
    graph.addEdge('toString', 'valueOf');
    expect(bidirectionalSearch(graph, 'constructor', 'valueOf')).toEqual(['constructor', 'toString', 'valueOf']);
    expect(bidirectionalSearch(graph, 'valueOf', 'constructor')).toBeNull();
  });
});
