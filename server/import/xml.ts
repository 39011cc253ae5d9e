// Reads GEXF and GraphML files: parses the XML with @xmldom/xmldom (stopping at the first
// error, with its line; it expands no entity declared in a DTD, so entity bombs and
// external entities are errors), refuses elements nested past MAX_XML_DEPTH, checks the
// root element is the expected format, and checks node and edge ids before graphology
// sees them, so that every error names a line.
import { DOMParser, type Document, type Element, type Node } from '@xmldom/xmldom';
import { MAX_XML_DEPTH } from '../model/inputLimits';
import { ImportError } from './importError';

/**
 * The deepest element nesting an XML input may have (libxml2's default limit too). A GEXF
 * or GraphML node sits 4 levels down and each level of a node hierarchy adds 2, so this
 * allows hierarchies about 125 nodes deep.
 */
export { MAX_XML_DEPTH };

export interface XmlItem {
  element: Element;
  id: string | undefined;
  line: number | undefined;
}

/** The Document class of @xmldom/xmldom, which graphology's parser factories need for their `instanceof` check. */
export const XmlDocument = new DOMParser().parseFromString('<t/>', 'application/xml').constructor as new () => Document;

function lineOf(node: { lineNumber?: number }): number | undefined {
  return typeof node.lineNumber === 'number' && node.lineNumber > 0 ? node.lineNumber : undefined;
}

export function parseXml(file: string, text: string): Document {
  let first: { level: string; message: string } | undefined;
  const parser = new DOMParser({
    onError(level, message) {
      if (level === 'warning') return;
      first ??= { level, message };
      throw new Error(message);
    },
  });
  let document: Document;
  try {
    document = parser.parseFromString(text, 'application/xml');
  } catch (error) {
    const locator = (error as { locator?: { lineNumber?: number } }).locator;
    const line = locator?.lineNumber !== undefined && locator.lineNumber > 0 ? locator.lineNumber : undefined;
    const message = first?.message ?? (error as Error).message;
    throw new ImportError({ file, line }, `malformed XML: ${message.replace(/^\[xmldom \w+\]\s*/, '').split('\n')[0]}`);
  }
  if (document.documentElement) checkNestingDepth(file, document.documentElement);
  return document;
}

/** Refuses the first element deeper than MAX_XML_DEPTH, walking the tree without recursion. */
function checkNestingDepth(file: string, root: Element): void {
  let node: Node = root;
  let depth = 1;
  for (;;) {
    if (depth > MAX_XML_DEPTH && node.nodeType === 1) {
      const tag = (node as Element).tagName;
      throw new ImportError(
        { file, line: lineOf(node) },
        `elements are nested more than ${MAX_XML_DEPTH} levels deep (this <${tag}> is at level ${depth}); files nested deeper are refused`,
      );
    }
    if (node.firstChild) {
      node = node.firstChild;
      depth++;
      continue;
    }
    for (;;) {
      if (node === root) return;
      if (node.nextSibling) {
        node = node.nextSibling;
        break;
      }
      node = node.parentNode!;
      depth--;
    }
  }
}

/** Refuses a well-formed file of another kind ("an SVG is not GEXF"). */
export function expectRoot(file: string, document: Document, localName: string, formatName: string): void {
  const root = document.documentElement;
  if (!root || root.localName !== localName) {
    throw new ImportError(
      { file, line: root ? lineOf(root) : undefined },
      `not a ${formatName} file: the root element is <${root?.tagName ?? 'nothing'}>, expected <${localName}>`,
    );
  }
}

function items(document: Document, tag: string): XmlItem[] {
  const out: XmlItem[] = [];
  const list = document.getElementsByTagName(tag);
  for (let i = 0; i < list.length; i++) {
    const element = list.item(i)!;
    out.push({ element, id: element.getAttribute('id') ?? undefined, line: lineOf(element) });
  }
  return out;
}

/**
 * The nodes and edges of a GEXF or GraphML document, checked: every node has a unique id,
 * every edge names two of them, and edge ids are unique. Graphology would otherwise fail
 * with a message that says neither the file nor the line.
 */
export function checkedNodesAndEdges(file: string, document: Document): { nodes: XmlItem[]; edges: XmlItem[] } {
  const nodes = items(document, 'node');
  const edges = items(document, 'edge');
  const nodeLines = new Map<string, number | undefined>();
  for (const node of nodes) {
    if (!node.id) throw new ImportError({ file, line: node.line }, 'a node has no id attribute');
    if (nodeLines.has(node.id))
      throw new ImportError(
        { file, line: node.line, record: node.id },
        `duplicate node id (first at line ${nodeLines.get(node.id)})`,
      );
    nodeLines.set(node.id, node.line);
  }
  const edgeLines = new Map<string, number | undefined>();
  for (const edge of edges) {
    const record = edge.id ?? (edge.line !== undefined ? `line ${edge.line}` : undefined);
    if (edge.id) {
      if (edgeLines.has(edge.id))
        throw new ImportError(
          { file, line: edge.line, record },
          `duplicate edge id (first at line ${edgeLines.get(edge.id)})`,
        );
      edgeLines.set(edge.id, edge.line);
    }
    for (const end of ['source', 'target'] as const) {
      const value = edge.element.getAttribute(end);
      if (!value) throw new ImportError({ file, line: edge.line, record }, `the edge has no ${end} attribute`);
      if (!nodeLines.has(value))
        throw new ImportError(
          { file, line: edge.line, record },
          `the edge's ${end} "${value}" is not a node of the file`,
        );
    }
  }
  return { nodes, edges };
}
