// Turns a graph that graphology parsed from GEXF or GraphML into a SourceGraph, with the
// file's own edge ids (or their line numbers) as the records claims will cite.
import type { ParsedGraph } from './graphologyParsers';
import { ImportError } from './importError';
import type { SourceGraph } from './types';
import type { XmlItem } from './xml';
import { PROTO_STAND_IN } from './xmlHierarchy';

/** A copy of graphology's attributes, an attribute named "__proto__" back under its name (as an own property). */
function ownAttributes(attributes: Record<string, unknown>): Record<string, unknown> {
  const copy = { ...attributes };
  if (Object.hasOwn(copy, PROTO_STAND_IN)) {
    Object.defineProperty(copy, '__proto__', {
      value: copy[PROTO_STAND_IN],
      enumerable: true,
      writable: true,
      configurable: true,
    });
    delete copy[PROTO_STAND_IN];
  }
  return copy;
}

export function fromXmlGraph(
  file: string,
  graph: ParsedGraph,
  nodes: XmlItem[],
  edges: XmlItem[],
  nestedNodes = 0,
): SourceGraph {
  if (graph.size !== edges.length || graph.order !== nodes.length) {
    throw new ImportError(
      { file },
      `read ${nodes.length} nodes and ${edges.length} edges but graphology kept ${graph.order} and ${graph.size}`,
    );
  }
  const nodeLines = new Map(nodes.map((n) => [n.id!, n.line]));
  const source: SourceGraph = { file, nodes: [], edges: [] };
  if (nestedNodes > 0) {
    source.notes = [
      nestedNodes === 1
        ? `${file}: 1 node nested inside another node was imported as a node of its own (the hierarchy is not kept)`
        : `${file}: ${nestedNodes} nodes nested inside other nodes were imported as nodes of their own (the hierarchy is not kept)`,
    ];
  }
  graph.forEachNode((key, attributes) =>
    source.nodes.push({ key, attributes: ownAttributes(attributes), line: nodeLines.get(key) }),
  );
  // graphology keeps edges in document order, so the i-th edge is the i-th <edge> element.
  let index = 0;
  graph.forEachEdge((edge, attributes, sourceKey, targetKey) => {
    const item = edges[index++];
    const record = item.id ?? (item.line !== undefined ? `line ${item.line}` : `edge ${index}`);
    source.edges.push({
      source: sourceKey,
      target: targetKey,
      directed: graph.isDirected(edge),
      attributes: ownAttributes(attributes),
      record,
      line: item.line,
    });
  });
  return source;
}
