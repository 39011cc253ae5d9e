// The graph under the shared filters (GraphFilters in server/model/api.ts), as a new
// graph; the unfiltered graph is returned as is. Claim filters (knownAt, documents) drop
// claims and recompute each edge's status from those that remain, so "what was known on
// day X" shows the status of that day; edge filters then apply to the recomputed edge.
// Entities stay even when no relation of theirs passes: the filters are about evidence.
import { edgeAttributesFromClaims, nodeSizeForDegree } from '../graph/buildGraph';
import { createEvidenceGraph, type EvidenceGraph } from '../model/evidenceGraph';
import type { GraphFilters } from '../model/api';
import type { EdgeAttributes } from '../model/graph';
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

/** Every relation of a graph as it was at one moment: parallel arrays (an object per relation would double the memory). */
interface CapturedEdges {
  keys: string[];
  sources: string[];
  targets: string[];
  undirected: boolean[];
  attributes: EdgeAttributes[];
}

/**
 * The graph's relations in one synchronous step. Writes change the served graph in place
 * (server/graph/applyDelta.ts) but never a published attributes object, so what is taken
 * here stays the version it was taken from while later steps run across event-loop turns.
 */
function captureEdges(graph: EvidenceGraph): CapturedEdges {
  const captured: CapturedEdges = { keys: [], sources: [], targets: [], undirected: [], attributes: [] };
  graph.forEachEdge((edge, attributes, source, target, _sa, _ta, undirected) => {
    captured.keys.push(edge);
    captured.sources.push(source);
    captured.targets.push(target);
    captured.undirected.push(undirected);
    captured.attributes.push(attributes);
  });
  return captured;
}

/** The relation as the filters keep it (its claims narrowed, its status derived again), or undefined. */
function keptEdge(
  attributes: EdgeAttributes,
  dataset: Pick<Dataset, 'vocabulary'>,
  filters: GraphFilters,
  sets: { edgeTypes?: Set<string>; statuses?: Set<string>; documents?: Set<string> },
): EdgeAttributes | undefined {
  const { knownAt, from, to, minClaims } = filters;
  const { edgeTypes, statuses, documents } = sets;
  if (edgeTypes && !edgeTypes.has(attributes.type)) return undefined;
  let kept = attributes;
  if (knownAt !== undefined || documents) {
    const claims = attributes.claims.filter(
      (claim) =>
        (knownAt === undefined || claimKnownOn(claim, knownAt)) &&
        (!documents || (claim.document !== undefined && documents.has(claim.document))),
    );
    if (claims.length === 0) return undefined;
    if (claims.length < attributes.claims.length) kept = edgeAttributesFromClaims(attributes.type, claims, dataset);
  }
  if ((from !== undefined || to !== undefined) && !kept.claims.some((claim) => claimInDateRange(claim, from, to)))
    return undefined;
  if (statuses && !statuses.has(kept.status)) return undefined;
  if (minClaims !== undefined && kept.claimCount < minClaims) return undefined;
  return kept;
}

/**
 * filterGraph in steps (server/steps.ts): a step every 4096 relations, for a streamed
 * export. What it reads of `graph` it takes in its first step, so the graph it returns is
 * of the version it began on whatever writes land during the later steps. `copy`: return
 * a graph of its own even without filters (a streamed export reads it across turns).
 */
export function* filterGraphInSteps(
  graph: EvidenceGraph,
  dataset: Pick<Dataset, 'vocabulary'>,
  filters: GraphFilters,
  options: { copy?: boolean } = {},
): Generator<string, EvidenceGraph> {
  if (!hasGraphFilters(filters) && !options.copy) return graph;
  const nodeTypes = filters.nodeTypes && new Set(filters.nodeTypes);
  const sets = {
    edgeTypes: filters.edgeTypes && new Set(filters.edgeTypes),
    statuses: filters.status && new Set(filters.status),
    documents: filters.documents && new Set(filters.documents),
  };

  const out = createEvidenceGraph();
  out.replaceAttributes({ ...graph.getAttributes() });
  // In one go, with the relations: the background layout moves the served graph's nodes in place, and writes change it.
  graph.forEachNode((node, attributes) => {
    if (!nodeTypes || nodeTypes.has(attributes.type)) out.addNode(node, { ...attributes });
  });
  const edges = captureEdges(graph);

  for (let i = 0; i < edges.keys.length; i++) {
    if ((i + 1) % STEP_ITEMS === 0) yield STEP;
    const source = edges.sources[i];
    const target = edges.targets[i];
    if (!out.hasNode(source) || !out.hasNode(target)) continue;
    const kept = keptEdge(edges.attributes[i], dataset, filters, sets);
    if (!kept) continue;
    if (edges.undirected[i]) out.addUndirectedEdgeWithKey(edges.keys[i], source, target, kept);
    else out.addDirectedEdgeWithKey(edges.keys[i], source, target, kept);
  }

  // Degree and size describe the graph they are in, so an exported filtered graph is consistent.
  out.forEachNode((node) => {
    const degree = out.degree(node);
    out.mergeNodeAttributes(node, { degree, size: nodeSizeForDegree(degree) });
  });
  return out;
}
