// The entities within `depth` steps of one entity, along the relations the view shows
// (either direction): the "show only the neighbourhood" view.
import type { EvidenceGraph } from '../../server/model/evidenceGraph';
import type { Visibility } from './filters';

export function neighbourhood(
  graph: EvidenceGraph,
  centre: string,
  depth: number,
  visibility: Visibility,
): Set<string> {
  const reached = new Set<string>([centre]);
  let frontier = [centre];
  for (let step = 0; step < depth && frontier.length > 0; step++) {
    const next: string[] = [];
    for (const node of frontier) {
      graph.forEachEdge(node, (edge, _attributes, source, target) => {
        if (!visibility.edges.has(edge)) return;
        const other = source === node ? target : source;
        if (!reached.has(other) && visibility.nodes.has(other)) {
          reached.add(other);
          next.push(other);
        }
      });
    }
    frontier = next;
  }
  return reached;
}

/** The shown neighbours of a node: what hovering highlights. */
export function visibleNeighbours(graph: EvidenceGraph, node: string, visibility: Visibility): Set<string> {
  return neighbourhood(graph, node, 1, visibility);
}
