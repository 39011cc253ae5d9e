// Edge keys in key order, all of them and by edge type, built once per graph version so
// that a page of relations of a type is a slice instead of a scan and a sort of every
// edge on each request (700k relations at 100k entities).
import type { EvidenceGraph } from '../model/evidenceGraph';

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
