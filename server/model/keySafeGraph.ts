// The graphology Graph every graph of ours is made of (createEvidenceGraph, the import
// parsers, the projection), safe for any node key.
// graphology (0.26) indexes each node's neighbours in plain objects keyed by the
// neighbour's key (`nodeData.out[target]`), so for a node named after a member of
// Object.prototype ("constructor", "valueOf", "toString"…) it finds the inherited member
// there: adding an edge to such a node links the edge into `Object` itself, and listing
// its edges throws a TypeError. Entity ids are user data and may be any such word, so
// KeySafeGraph keeps graphology's API and storage but gives each node's adjacency
// objects that inherit nothing, and answers the three questions graphology asks of them with
// `adjacency.hasOwnProperty(target)` (hasEdge, hasDirectedEdge and hasUndirectedEdge of
// two nodes) with Object.hasOwn. It relies on internals of graphology 0.26: the
// instance's `NodeDataClass`, whose `clear()` creates the adjacency objects `in`, `out`
// and `undirected`, and the `_nodes` Map; the constructor refuses to run if they are
// gone, and tests/unit/model/keySafeGraph.test.ts holds it to the keys that break plain
// graphology.
import Graph from 'graphology';
import type { Attributes, GraphOptions } from 'graphology-types';

/** The adjacency indexes a graphology node data object may carry, by graph type. */
const ADJACENCY_INDEXES = ['in', 'out', 'undirected'] as const;
/**
 * The prototype of every adjacency object: no members, and no prototype of its own, so a
 * lookup finds only what the graph stored. Object.create(null) would do the same, but V8
 * keeps such objects in its slower dictionary mode from the start: at 100k nodes and 700k
 * relations that cost 17% more heap and 20% more build time than plain graphology; these
 * cost nothing measurable.
 */
const NO_MEMBERS: object = Object.freeze(Object.create(null));

interface NodeData {
  clear(): void;
  out?: object;
  undirected?: object;
}
type NodeDataClass = new (key: string, attributes: Attributes) => NodeData;

const keySafeClasses = new Map<NodeDataClass, NodeDataClass>();

/** graphology's node data class for one graph type, with adjacency objects that inherit nothing. */
function keySafeNodeData(base: NodeDataClass): NodeDataClass {
  let safe = keySafeClasses.get(base);
  if (!safe) {
    safe = class KeySafeNodeData extends base {
      override clear(): void {
        super.clear();
        const indexes = this as unknown as Record<string, unknown>;
        for (const index of ADJACENCY_INDEXES)
          if (Object.hasOwn(indexes, index)) indexes[index] = Object.create(NO_MEMBERS);
      }
    };
    keySafeClasses.set(base, safe);
  }
  return safe;
}

export class KeySafeGraph<
  NodeAttributes extends Attributes = Attributes,
  EdgeAttributes extends Attributes = Attributes,
  GraphAttributes extends Attributes = Attributes,
> extends Graph<NodeAttributes, EdgeAttributes, GraphAttributes> {
  constructor(options?: Partial<GraphOptions>) {
    super(options);
    const internals = this as unknown as { NodeDataClass?: NodeDataClass };
    if (typeof internals.NodeDataClass !== 'function') {
      throw new Error(
        'KeySafeGraph: this graphology has no NodeDataClass; check server/graph/keySafeGraph.ts against the installed version',
      );
    }
    internals.NodeDataClass = keySafeNodeData(internals.NodeDataClass);
    if (!(this.#nodes() instanceof Map))
      throw new Error(
        'KeySafeGraph: this graphology keeps no _nodes Map; check server/graph/keySafeGraph.ts against the installed version',
      );
  }

  #nodes(): Map<string, NodeData> {
    return (this as unknown as { _nodes: Map<string, NodeData> })._nodes;
  }

  /** Whether `source` has `target` in one of these adjacency indexes. */
  #adjacent(source: unknown, target: unknown, indexes: ReadonlyArray<'out' | 'undirected'>): boolean {
    const data = this.#nodes().get(String(source));
    if (!data) return false;
    const key = String(target);
    return indexes.some((index) => data[index] !== undefined && Object.hasOwn(data[index], key));
  }

  override hasDirectedEdge(...args: [unknown] | [unknown, unknown]): boolean {
    if (args.length !== 2) return super.hasDirectedEdge(...(args as [unknown]));
    return this.type !== 'undirected' && this.#adjacent(args[0], args[1], ['out']);
  }

  override hasUndirectedEdge(...args: [unknown] | [unknown, unknown]): boolean {
    if (args.length !== 2) return super.hasUndirectedEdge(...(args as [unknown]));
    return this.type !== 'directed' && this.#adjacent(args[0], args[1], ['undirected']);
  }

  override hasEdge(...args: [unknown] | [unknown, unknown]): boolean {
    if (args.length !== 2) return super.hasEdge(...(args as [unknown]));
    return this.#adjacent(args[0], args[1], ['out', 'undirected']);
  }

  /** graphology's nullCopy builds a plain Graph; copy() and emptyCopy() start from it, so they stay key-safe through this. */
  override nullCopy(options?: Partial<GraphOptions>): KeySafeGraph<NodeAttributes, EdgeAttributes, GraphAttributes> {
    const copy = new KeySafeGraph<NodeAttributes, EdgeAttributes, GraphAttributes>({
      type: this.type,
      multi: this.multi,
      allowSelfLoops: this.allowSelfLoops,
      ...options,
    });
    copy.replaceAttributes({ ...this.getAttributes() });
    return copy;
  }
}
