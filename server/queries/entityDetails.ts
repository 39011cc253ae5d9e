// One entity with its degree and its relations grouped by edge type (in vocabulary
// order): for each relation the edge id, the other end, the direction as seen from this
// entity, the status and the number of claims. Strongest evidence first in each group.
import type { EvidenceGraph } from '../model/evidenceGraph';
import type { EntityDetailsResponse, Relation } from '../model/api';
import type { Dataset } from '../model/dataset';
import { entityRef } from './entityRef';
import { statusRank } from './statusRank';

export function entityDetails(
  graph: EvidenceGraph,
  dataset: Pick<Dataset, 'entities' | 'vocabulary'>,
  id: string,
): EntityDetailsResponse | undefined {
  const entity = dataset.entities.get(id);
  if (!entity || !graph.hasNode(id)) return undefined;
  const rank = statusRank(dataset.vocabulary);
  const byType = new Map<string, Relation[]>();
  let claimCount = 0;
  graph.forEachEdge(id, (edge, attributes, source, target, _sourceAttributes, _targetAttributes, undirected) => {
    const other = source === id ? target : source;
    const direction: Relation['direction'] = undirected ? 'undirected' : source === id ? 'outgoing' : 'incoming';
    const relation: Relation = {
      edge,
      other: entityRef(graph, other),
      direction,
      status: attributes.status,
      label: attributes.label,
      claimCount: attributes.claimCount,
    };
    claimCount += attributes.claimCount;
    const list = byType.get(attributes.type);
    if (list) list.push(relation);
    else byType.set(attributes.type, [relation]);
  });
  const relations: EntityDetailsResponse['relations'] = [];
  for (const edgeType of dataset.vocabulary.vocabulary.edgeTypes) {
    const edges = byType.get(edgeType.id);
    if (!edges) continue;
    edges.sort(
      (a, b) =>
        rank(a.status) - rank(b.status) ||
        b.claimCount - a.claimCount ||
        a.other.name.localeCompare(b.other.name) ||
        (a.edge < b.edge ? -1 : 1),
    );
    relations.push({ type: edgeType.id, typeLabel: edgeType.label, edges });
  }
  return { entity, degree: graph.degree(id), claimCount, relations };
}
