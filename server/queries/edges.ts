// Relations with every claim, optionally only those of some edge types or of one entity,
// in edge-key order so that pages are stable.
import type { EvidenceGraph } from '../graph/buildGraph';
import type { EdgesResponse } from '../model/api';
import { edgeDetail } from './edgeDetail';

export interface EdgesParams {
  types?: string[];
  entity?: string;
  limit: number;
  offset: number;
}

export function listEdges(graph: EvidenceGraph, params: EdgesParams): EdgesResponse {
  const types = params.types && new Set(params.types);
  const candidates = params.entity !== undefined ? graph.edges(params.entity) : graph.edges();
  const keys = candidates.filter((edge) => !types || types.has(graph.getEdgeAttribute(edge, 'type'))).sort();
  return {
    total: keys.length,
    limit: params.limit,
    offset: params.offset,
    edges: keys.slice(params.offset, params.offset + params.limit).map((edge) => edgeDetail(graph, edge)),
  };
}
