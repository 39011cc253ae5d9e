// How one entity is mentioned in query results: id, name and node type.
import type { EvidenceGraph } from '../model/evidenceGraph';
import type { EntityRef } from '../model/api';

export function entityRef(graph: EvidenceGraph, id: string): EntityRef {
  const attributes = graph.getNodeAttributes(id);
  return { id, name: attributes.label, type: attributes.type };
}
