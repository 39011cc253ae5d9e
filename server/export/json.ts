// Graph JSON export: graphology's SerializedGraph with every edge's claims (quotes,
// sources, stances) so the exported graph can still be defended, and positions.
import type { EvidenceGraph } from '../model/evidenceGraph';
import type { SerializedEvidenceGraph } from '../model/graph';

export function toSerializedGraph(graph: EvidenceGraph): SerializedEvidenceGraph {
  return graph.export() as unknown as SerializedEvidenceGraph;
}

export function exportJson(graph: EvidenceGraph): string {
  return JSON.stringify(toSerializedGraph(graph), null, 2);
}
