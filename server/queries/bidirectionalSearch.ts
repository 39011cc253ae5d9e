// The shortest path between two nodes of an unweighted graph: a breadth-first search
// from both ends at once, always widening the smaller fringe. It is the algorithm of
// graphology-shortest-path's `bidirectional`, visiting nodes in the same order (so it
// finds the same path), with its bookkeeping in Maps: the library keeps predecessors in
// plain objects and asks `node in predecessor`, which is true for every entity named
// after an Object.prototype member ("constructor", "toString"…), so it returned wrong
// paths or none for them.
import type { AbstractGraph } from 'graphology-types';

/** The nodes from `source` to `target`, both included, or null when they are not connected. */
export function bidirectionalSearch(graph: AbstractGraph, source: string, target: string): string[] | null {
  if (source === target) return [source];
  // Each node reached, with the node it was reached from (null at the search's own end).
  const predecessor = new Map<string, string | null>([[source, null]]);
  const successor = new Map<string, string | null>([[target, null]]);
  let forwardFringe = [source];
  let reverseFringe = [target];
  let meeting: string | undefined;

  outer: while (forwardFringe.length > 0 && reverseFringe.length > 0) {
    const forward = forwardFringe.length <= reverseFringe.length;
    const [reached, other] = forward ? [predecessor, successor] : [successor, predecessor];
    const current = forward ? forwardFringe : reverseFringe;
    const next: string[] = [];
    if (forward) forwardFringe = next;
    else reverseFringe = next;
    for (const node of current) {
      for (const neighbour of forward ? graph.outboundNeighbors(node) : graph.inboundNeighbors(node)) {
        if (!reached.has(neighbour)) {
          next.push(neighbour);
          reached.set(neighbour, node);
        }
        if (other.has(neighbour)) {
          meeting = neighbour;
          break outer;
        }
      }
    }
  }
  if (meeting === undefined) return null;

  const path: string[] = [];
  for (let node: string | null | undefined = meeting; node != null; node = predecessor.get(node)) path.unshift(node);
  for (let node = successor.get(meeting); node != null; node = successor.get(node)) path.push(node);
  return path;
}
