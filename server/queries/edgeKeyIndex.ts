// Edge keys in key order, all of them and by edge type, built once per graph version so
// that a page of relations of a type is a slice instead of a scan and a sort of every
// edge on each request (700k relations at 100k entities). A write adds and removes the keys
// of the relations it added and dropped (updateEdgeKeyIndex).
import type { EvidenceGraph } from '../model/evidenceGraph';
import type { GraphChange } from '../model/graphChange';

export interface EdgeKeyIndex {
  all: string[];
  byType: Map<string, string[]>;
}

export function buildEdgeKeyIndex(graph: EvidenceGraph): EdgeKeyIndex {
  const all = graph.edges().sort();
  const byType = new Map<string, string[]>();
  for (const key of all) {
    const type = graph.getEdgeAttribute(key, 'type');
    let keys = byType.get(type);
    if (!keys) byType.set(type, (keys = []));
    keys.push(key);
  }
  return { all, byType };
}

/** The sorted keys of the edges of these types (all edges without types). */
export function edgeKeysOfTypes(index: EdgeKeyIndex, types?: ReadonlySet<string>): readonly string[] {
  if (!types) return index.all;
  const lists = [...types].map((type) => index.byType.get(type) ?? []);
  return lists.length === 1 ? lists[0] : lists.flat().sort();
}

/** Where `key` stands (or would stand) in sorted `keys`. */
function keyPosition(keys: readonly string[], key: string): number {
  let low = 0;
  let high = keys.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (keys[middle] < key) low = middle + 1;
    else high = middle;
  }
  return low;
}

function insertKey(keys: string[], key: string): void {
  const position = keyPosition(keys, key);
  if (keys[position] !== key) keys.splice(position, 0, key);
}

function removeKey(keys: string[] | undefined, key: string): void {
  if (!keys) return;
  const position = keyPosition(keys, key);
  if (keys[position] === key) keys.splice(position, 1);
}

/** The index after a write: relations added and dropped (a changed relation keeps its key and type). */
export function updateEdgeKeyIndex(index: EdgeKeyIndex, change: GraphChange, graph: EvidenceGraph): EdgeKeyIndex {
  for (const { key, type } of change.edgesRemoved) {
    removeKey(index.all, key);
    removeKey(index.byType.get(type), key);
    if (index.byType.get(type)?.length === 0) index.byType.delete(type);
  }
  for (const key of change.edgesAdded) {
    const type = graph.getEdgeAttribute(key, 'type');
    insertKey(index.all, key);
    let keys = index.byType.get(type);
    if (!keys) index.byType.set(type, (keys = []));
    insertKey(keys, key);
  }
  return index;
}
