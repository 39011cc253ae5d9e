// The graph under the shared filters (GraphFilters in server/model/api.ts), as a new
// graph; the unfiltered graph is returned as is. Claim filters (knownAt, documents) drop
// claims and recompute each edge's status from those that remain, so "what was known on
// day X" shows the status of that day; edge filters then apply to the recomputed edge.
// Entities stay even when no relation of theirs passes: the filters are about evidence.
import { edgeAttributesFromClaims, nodeSizeForDegree } from '../graph/buildGraph';
import { createEvidenceGraph, type EvidenceGraph } from '../model/evidenceGraph';
import type { GraphFilters } from '../model/api';
import type { Dataset } from '../model/dataset';
import { claimInDateRange, claimKnownOn } from '../model/claimFilters';
import { STEP, STEP_ITEMS } from '../steps';

export function hasGraphFilters(filters: GraphFilters): boolean {
  return Object.values(filters).some((value) => value !== undefined);
}

/** `checkpoint` is called every few thousand edges and may throw to abandon the work (a request's time budget). */
export function filterGraph(
  graph: EvidenceGraph,
  dataset: Pick<Dataset, 'vocabulary'>,
  filters: GraphFilters,
  checkpoint?: { check(): void },
): EvidenceGraph {
  const steps = filterGraphInSteps(graph, dataset, filters);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    checkpoint?.check();
  }
}

/** filterGraph in steps (server/steps.ts): a step every 4096 relations, for a streamed export. */
export function* filterGraphInSteps(
  graph: EvidenceGraph,
  dataset: Pick<Dataset, 'vocabulary'>,
  filters: GraphFilters,
): Generator<string, EvidenceGraph> {
  if (!hasGraphFilters(filters)) return graph;
  const nodeTypes = filters.nodeTypes && new Set(filters.nodeTypes);
  const edgeTypes = filters.edgeTypes && new Set(filters.edgeTypes);
  const statuses = filters.status && new Set(filters.status);
  const documents = filters.documents && new Set(filters.documents);
  const { knownAt, from, to, minClaims } = filters;

  const out = createEvidenceGraph();
  out.replaceAttributes({ ...graph.getAttributes() });
  // In one go: the background layout moves the served graph's nodes in place, and the copy must hold one layout's positions.
  graph.forEachNode((node, attributes) => {
    if (!nodeTypes || nodeTypes.has(attributes.type)) out.addNode(node, { ...attributes });
  });

  let steps = 0;
  for (const { edge, attributes, source, target, undirected } of graph.edgeEntries()) {
    if (++steps % STEP_ITEMS === 0) yield STEP;
    if (!out.hasNode(source) || !out.hasNode(target)) continue;
    if (edgeTypes && !edgeTypes.has(attributes.type)) continue;
    let kept = attributes;
    if (knownAt !== undefined || documents) {
      const claims = attributes.claims.filter(
        (claim) =>
          (knownAt === undefined || claimKnownOn(claim, knownAt)) &&
          (!documents || (claim.document !== undefined && documents.has(claim.document))),
      );
      if (claims.length === 0) continue;
      if (claims.length < attributes.claims.length) kept = edgeAttributesFromClaims(attributes.type, claims, dataset);
    }
    if ((from !== undefined || to !== undefined) && !kept.claims.some((claim) => claimInDateRange(claim, from, to)))
      continue;
    if (statuses && !statuses.has(kept.status)) continue;
    if (minClaims !== undefined && kept.claimCount < minClaims) continue;
    if (undirected) out.addUndirectedEdgeWithKey(edge, source, target, kept);
    else out.addDirectedEdgeWithKey(edge, source, target, kept);
  }

  // Degree and size describe the graph they are in, so an exported filtered graph is consistent.
  out.forEachNode((node) => {
    const degree = out.degree(node);
    out.mergeNodeAttributes(node, { degree, size: nodeSizeForDegree(degree) });
  });
  return out;
}
