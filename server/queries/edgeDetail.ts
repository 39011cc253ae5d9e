// An edge as the API shows it on its own: its attributes (status, claims with quotes
// and sources, dates) plus its key and both ends named.
import type { EvidenceGraph } from '../model/evidenceGraph';
import type { EdgeDetail } from '../model/api';
import { entityRef } from './entityRef';

export function edgeDetail(graph: EvidenceGraph, edge: string): EdgeDetail {
  return {
    id: edge,
    ...graph.getEdgeAttributes(edge),
    source: entityRef(graph, graph.source(edge)),
    target: entityRef(graph, graph.target(edge)),
  };
}
