// Summary figures of a (filtered) graph: counts by node type, edge type and status (every
// vocabulary entry listed, zeros included, in vocabulary order), the top entities by
// degree and by PageRank (graphology-metrics), and Louvain communities
// (graphology-communities-louvain, seeded so the same data gives the same groups).
import louvain from 'graphology-communities-louvain';
import pagerank from 'graphology-metrics/centrality/pagerank';
import type { EvidenceGraph } from '../model/evidenceGraph';
import { seededRandom } from '../model/random';
import type { StatsResponse } from '../model/api';
import type { VocabularyIndex } from '../model/vocabulary';
import { entityRef } from './entityRef';
import type { ProjectedGraph } from './simpleProjection';

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/** By vocabulary id, in vocabulary order; null-prototype, as the ids are the data's ("constructor" is a valid one). */
function zeroCounts(ids: readonly { id: string }[]): Record<string, number> {
  return Object.assign(Object.create(null) as Record<string, number>, Object.fromEntries(ids.map(({ id }) => [id, 0])));
}

function topBy(
  graph: EvidenceGraph,
  value: (node: string) => number,
  top: number,
  digits: number,
): StatsResponse['topByDegree'] {
  return graph
    .nodes()
    .map((node) => ({ ...entityRef(graph, node), value: round(value(node), digits) }))
    .sort((a, b) => b.value - a.value || a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1))
    .slice(0, top);
}

function communities(graph: EvidenceGraph, projection: ProjectedGraph): StatsResponse['communities'] {
  let membership: Record<string, number>;
  let modularity = 0;
  if (projection.size === 0) {
    membership = Object.fromEntries(projection.nodes().map((node, index) => [node, index]));
  } else {
    const result = louvain.detailed(projection, { getEdgeWeight: 'weight', rng: seededRandom(7) });
    membership = result.communities;
    modularity = result.modularity;
  }
  const groups = new Map<number, string[]>();
  for (const [node, community] of Object.entries(membership)) {
    const list = groups.get(community);
    if (list) list.push(node);
    else groups.set(community, [node]);
  }
  const byDegree = (a: string, b: string) => graph.degree(b) - graph.degree(a) || (a < b ? -1 : 1);
  const sorted = [...groups.values()].map((members) => members.sort(byDegree));
  sorted.sort((a, b) => b.length - a.length || (a[0] < b[0] ? -1 : 1));
  return {
    count: sorted.length,
    modularity: round(modularity, 6),
    groups: sorted.map((members, id) => ({
      id,
      label: graph.getNodeAttribute(members[0], 'label'),
      size: members.length,
      members,
    })),
  };
}

export function graphStats(
  graph: EvidenceGraph,
  projection: ProjectedGraph,
  vocabulary: VocabularyIndex,
  top: number,
): StatsResponse {
  const byNodeType = zeroCounts(vocabulary.vocabulary.nodeTypes);
  const byEdgeType = zeroCounts(vocabulary.vocabulary.edgeTypes);
  const byStatus = zeroCounts(vocabulary.vocabulary.statuses);
  graph.forEachNode((_node, attributes) => {
    byNodeType[attributes.type] = (byNodeType[attributes.type] ?? 0) + 1;
  });
  let claims = 0;
  const documents = new Set<string>();
  graph.forEachEdge((_edge, attributes) => {
    byEdgeType[attributes.type] = (byEdgeType[attributes.type] ?? 0) + 1;
    byStatus[attributes.status] = (byStatus[attributes.status] ?? 0) + 1;
    claims += attributes.claimCount;
    for (const document of attributes.documents) documents.add(document);
  });
  const ranks: Record<string, number> = projection.order === 0 ? {} : pagerank(projection, { getEdgeWeight: 'weight' });
  return {
    counts: { entities: graph.order, edges: graph.size, claims, documents: documents.size },
    byNodeType,
    byEdgeType,
    byStatus,
    topByDegree: topBy(graph, (node) => graph.degree(node), top, 0),
    topByPageRank: topBy(graph, (node) => (Object.hasOwn(ranks, node) ? ranks[node] : 0), top, 6),
    communities: communities(graph, projection),
  };
}
