// Relations with every claim, optionally only those of some edge types or of one entity,
// in edge-key order so that pages are stable.
import type { EvidenceGraph } from '../model/evidenceGraph';
import type { EdgesResponse } from '../model/api';
import { edgeDetail } from './edgeDetail';
import { edgeKeysOfTypes, type EdgeKeyIndex } from './edgeKeyIndex';

export interface EdgesParams {
  types?: string[];
  entity?: string;
  limit: number;
  offset: number;
}

/** `index` (edgeKeyIndex.ts), when given for this graph, answers lists without an entity without scanning every edge. */
export function listEdges(graph: EvidenceGraph, params: EdgesParams, index?: EdgeKeyIndex): EdgesResponse {
  const types = params.types && new Set(params.types);
  const keys =
    index && params.entity === undefined
      ? edgeKeysOfTypes(index, types)
      : (params.entity !== undefined ? graph.edges(params.entity) : graph.edges())
          .filter((edge) => !types || types.has(graph.getEdgeAttribute(edge, 'type')))
          .sort();
  return {
    total: keys.length,
    limit: params.limit,
    offset: params.offset,
    edges: keys.slice(params.offset, params.offset + params.limit).map((edge) => edgeDetail(graph, edge)),
  };
}
