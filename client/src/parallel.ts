// Curvatures that keep parallel relations apart: every edge between the same two
// entities gets its own bend, so two relations never hide each other. A lone edge gets a
// slight bend too (the curved program cannot draw a perfectly straight line).
import type { EvidenceGraph } from '../../server/model/evidenceGraph';

export const LONE_EDGE_CURVATURE = 0.08;
export const PARALLEL_STEP = 0.35;

export function edgeCurvatures(graph: EvidenceGraph): Map<string, number> {
  const byPair = new Map<string, { edge: string; flipped: boolean }[]>();
  graph.forEachEdge((edge, _attributes, source, target) => {
    const flipped = source > target;
    const pair = flipped ? `${target}\u0000${source}` : `${source}\u0000${target}`;
    const list = byPair.get(pair) ?? [];
    list.push({ edge, flipped });
    byPair.set(pair, list);
  });
  const curvatures = new Map<string, number>();
  for (const list of byPair.values()) {
    list.sort((a, b) => (a.edge < b.edge ? -1 : a.edge > b.edge ? 1 : 0));
    const middle = (list.length - 1) / 2;
    list.forEach(({ edge, flipped }, index) => {
      // Bends are measured in the pair's fixed orientation; an edge drawn the other way
      // round bends to the opposite side of its own direction, hence the sign.
      const bend = list.length === 1 ? LONE_EDGE_CURVATURE : LONE_EDGE_CURVATURE + (index - middle) * PARALLEL_STEP;
      curvatures.set(edge, Math.round((flipped ? -bend : bend) * 1000) / 1000);
    });
  }
  return curvatures;
}
