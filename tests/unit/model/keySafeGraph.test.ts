// KeySafeGraph: graphology's Graph for node keys that are names of Object.prototype and
// Function.prototype members. Plain graphology mistakes them for neighbours of every
// node and corrupts `Object` when they get edges; these tests say what must hold instead,
// on every graph type our code builds, through every operation our code and graphology's
// libraries use.
import fs from 'node:fs';
import path from 'node:path';
import Graph from 'graphology';
import type { GraphOptions } from 'graphology-types';
import { KeySafeGraph } from '../../../server/model/keySafeGraph';
import { BUILTIN_NAMES } from '../../builtinNames';

const KINDS: Array<[string, Partial<GraphOptions>]> = [
  ['mixed multigraph', { type: 'mixed', multi: true, allowSelfLoops: true }],
  ['mixed simple graph', { type: 'mixed', multi: false, allowSelfLoops: true }],
  ['directed graph', { type: 'directed', multi: false, allowSelfLoops: false }],
  ['undirected graph', { type: 'undirected', multi: false, allowSelfLoops: false }],
];

/** Each builtin name linked to the next one (a chain), and "plain" alone. */
function chainGraph(options: Partial<GraphOptions>): KeySafeGraph {
  const graph = new KeySafeGraph(options);
  graph.addNode('plain');
  for (const name of BUILTIN_NAMES) graph.addNode(name, { label: name });
  BUILTIN_NAMES.forEach((name, i) => {
    if (i === 0) return;
    const key = `${BUILTIN_NAMES[i - 1]}|${name}`;
    if (options.type === 'undirected' || (options.type === 'mixed' && i % 2 === 0))
      graph.addUndirectedEdgeWithKey(key, BUILTIN_NAMES[i - 1], name);
    else graph.addDirectedEdgeWithKey(key, BUILTIN_NAMES[i - 1], name);
  });
  return graph;
}

const objectMembersBefore = Object.getOwnPropertyNames(Object).sort();
const functionMembersBefore = Object.getOwnPropertyNames(Function.prototype).sort();

afterEach(() => {
  // Plain graphology writes `previous` and `next` onto Object itself when a node called
  // "constructor" gets a second edge; nothing may write onto the built-ins.
  expect(Object.getOwnPropertyNames(Object).sort()).toEqual(objectMembersBefore);
  expect(Object.getOwnPropertyNames(Function.prototype).sort()).toEqual(functionMembersBefore);
  expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('previous');
});

describe('plain graphology (why KeySafeGraph exists)', () => {
  it('calls a node named after an Object.prototype member a neighbour of a node it has no edge to', () => {
    const graph = new Graph({ type: 'mixed', multi: true });
    graph.addNode('plain');
    graph.addNode('valueOf');
    expect(graph.areNeighbors('plain', 'valueOf')).toBe(true);
  });
});

describe.each(KINDS)('KeySafeGraph, %s', (_kind, options) => {
  it('links, counts and lists the edges of every builtin-named node', () => {
    const graph = chainGraph(options);
    expect(graph.order).toBe(BUILTIN_NAMES.length + 1);
    expect(graph.size).toBe(BUILTIN_NAMES.length - 1);
    BUILTIN_NAMES.forEach((name, i) => {
      const expected = [
        i > 0 ? BUILTIN_NAMES[i - 1] : undefined,
        i < BUILTIN_NAMES.length - 1 ? BUILTIN_NAMES[i + 1] : undefined,
      ].filter((n) => n !== undefined);
      expect([name, graph.neighbors(name).sort()]).toEqual([name, [...expected].sort()]);
      expect([name, graph.degree(name)]).toEqual([name, expected.length]);
      expect(graph.edges(name).length).toBe(expected.length);
      if (i > 0) {
        expect(graph.hasEdge(BUILTIN_NAMES[i - 1], name)).toBe(true);
        expect(graph.areNeighbors(BUILTIN_NAMES[i - 1], name)).toBe(true);
        expect(graph.edges(BUILTIN_NAMES[i - 1], name)).toEqual([`${BUILTIN_NAMES[i - 1]}|${name}`]);
        if (!graph.multi) expect(graph.edge(BUILTIN_NAMES[i - 1], name)).toBe(`${BUILTIN_NAMES[i - 1]}|${name}`);
      }
      expect([
        name,
        graph.hasEdge('plain', name),
        graph.areNeighbors('plain', name),
        graph.edges('plain', name),
      ]).toEqual([name, false, false, []]);
      if (!graph.multi) expect([name, graph.edge('plain', name)]).toEqual([name, undefined]);
      expect([name, graph.hasDirectedEdge('plain', name), graph.hasUndirectedEdge('plain', name)]).toEqual([
        name,
        false,
        false,
      ]);
    });
    expect(graph.neighbors('plain')).toEqual([]);
  });

  it('answers hasEdge, hasDirectedEdge and hasUndirectedEdge of two nodes by the edge there is', () => {
    const graph = new KeySafeGraph(options);
    for (const node of ['hasOwnProperty', 'constructor', 'plain']) graph.addNode(node);
    const undirected = options.type === 'undirected';
    if (undirected) graph.addUndirectedEdge('hasOwnProperty', 'constructor');
    else graph.addDirectedEdge('hasOwnProperty', 'constructor');
    expect(graph.hasEdge('hasOwnProperty', 'constructor')).toBe(true);
    expect(graph.hasEdge('constructor', 'hasOwnProperty')).toBe(undirected);
    expect(graph.hasDirectedEdge('hasOwnProperty', 'constructor')).toBe(!undirected);
    expect(graph.hasUndirectedEdge('hasOwnProperty', 'constructor')).toBe(undirected);
    expect(graph.hasEdge('plain', 'hasOwnProperty')).toBe(false);
    expect(graph.hasEdge('missing', 'constructor')).toBe(false);
    // The one-argument forms (by edge key) are graphology's own.
    const [key] = graph.edges();
    expect([
      graph.hasEdge(key),
      graph.hasDirectedEdge(key),
      graph.hasUndirectedEdge(key),
      graph.hasEdge('no such edge'),
    ]).toEqual([true, !undirected, undirected, false]);
    expect(() => (graph.hasEdge as (...args: unknown[]) => boolean)('a', 'b', 'c')).toThrow(/invalid arity/);
  });

  it('stays key-safe through drop, clearEdges, copy, emptyCopy and export/import', () => {
    const graph = chainGraph(options);
    graph.dropNode('toString');
    expect(graph.hasNode('toString')).toBe(false);
    expect(graph.neighbors('toLocaleString')).toEqual(['propertyIsEnumerable']);
    expect(graph.neighbors('valueOf')).toEqual([]);
    graph.clearEdges();
    expect(graph.size).toBe(0);
    expect(graph.areNeighbors('constructor', 'valueOf')).toBe(false);
    graph.addEdge('constructor', 'valueOf');
    expect(graph.neighbors('constructor')).toEqual(['valueOf']);

    const copies = [graph.copy(), graph.emptyCopy(), graph.nullCopy()];
    for (const copy of copies) expect(copy).toBeInstanceOf(KeySafeGraph);
    const [copy, empty, blank] = copies;
    expect(copy.neighbors('constructor')).toEqual(['valueOf']);
    expect(empty.areNeighbors('constructor', 'valueOf')).toBe(false);
    empty.addEdge('valueOf', 'constructor');
    empty.addEdge('valueOf', '__proto__');
    expect(empty.neighbors('valueOf').sort()).toEqual(['__proto__', 'constructor']);
    expect([blank.order, blank.type, blank.multi]).toEqual([0, graph.type, graph.multi]);

    const imported = new KeySafeGraph(options);
    imported.import(chainGraph(options).export());
    expect(imported.neighbors('hasOwnProperty').sort()).toEqual(['constructor', 'isPrototypeOf']);
  });
});

describe('our code builds every graph as a KeySafeGraph', () => {
  // layoutWorker.ts is the one exception: it may import packages only, and its node keys
  // are the numbers 0…n-1.
  const EXEMPT = new Set(['server/model/keySafeGraph.ts', 'server/graph/layoutWorker.ts']);
  const root = path.join(__dirname, '..', '..', '..');

  function sources(dir: string): string[] {
    return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
      const relative = `${dir}/${entry.name}`;
      if (entry.isDirectory()) return sources(relative);
      return /\.ts$/.test(entry.name) ? [relative] : [];
    });
  }

  it('constructs no plain graphology graph in server/ or client/src/', () => {
    const offenders = [...sources('server'), ...sources('client/src')]
      .filter((file) => !EXEMPT.has(file))
      .filter((file) =>
        /new (Graph|DirectedGraph|UndirectedGraph|MultiGraph|MultiDirectedGraph|MultiUndirectedGraph)\b|Graph\.from\(|import (Graph|\{[^}]*\b(Directed|Undirected|Multi\w*)Graph\b[^}]*\}) from 'graphology'/.test(
          fs.readFileSync(path.join(root, file), 'utf8'),
        ),
      );
    expect(offenders).toEqual([]);
  });
});
