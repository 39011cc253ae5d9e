// GEXF and GraphML let nodes hold nodes: GEXF hierarchies (<node><nodes><node>…) and
// GraphML nested graphs (<node><graph><node>…). graphology's parsers read each node's
// attributes with getElementsByTagName on the node, which also returns every descendant's:
// the time grows with the square of the depth (3,000 levels took 11 s, 10,000 more than
// two minutes) and a parent took its last descendant's values as its own. This makes, in
// one pass, a copy of the document in which every node and edge sits in the top-level
// container, in document order, so that a node's elements are only its own.
import { DOMImplementation, type Document, type Element, type Node } from '@xmldom/xmldom';

export interface HierarchyShape {
  /** The record elements and the tag of the container each belongs in (GEXF node → nodes). */
  containerOf: Readonly<Record<string, string>>;
  /** Attributes whose value names an attribute of the records (declarations and their uses). */
  attributeNames: ReadonlyArray<readonly [element: string, attribute: string]>;
}

export const GEXF_HIERARCHY: HierarchyShape = {
  containerOf: { node: 'nodes', edge: 'edges' },
  attributeNames: [
    ['attribute', 'id'],
    ['attribute', 'title'],
    ['attvalue', 'for'],
    ['attvalue', 'id'],
  ],
};

export const GRAPHML_HIERARCHY: HierarchyShape = {
  containerOf: { node: 'graph', edge: 'graph' },
  attributeNames: [
    ['key', 'id'],
    ['key', 'attr.name'],
    ['data', 'key'],
  ],
};

/**
 * An attribute named "__proto__" would vanish inside graphology (it assigns `data[name] =`),
 * so the copy names it this instead; fromXmlGraph gives the record its real name back,
 * and the import summary says what became of it.
 */
export const PROTO_STAND_IN = '\uFDEF__proto__';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;

export interface FlatDocument {
  document: Document;
  /** How many nodes were nested inside another node or edge. */
  nestedNodes: number;
}

interface Frame {
  next: Node | null;
  /** Where copies of the children go; undefined while lifting records out of a nested container. */
  copy: Element | undefined;
  insideRecord: boolean;
}

export function flattenHierarchy(source: Document, shape: HierarchyShape): FlatDocument {
  const document = new DOMImplementation().createDocument(null, '', null);
  const containerTags = new Set(Object.values(shape.containerOf));
  const renamed = new Map(shape.attributeNames.map(([element, attribute]) => [`${element} ${attribute}`, true]));
  const topContainer = new Map<string, Element>();
  const waiting = new Map<string, Element[]>();
  let nestedNodes = 0;

  const copyElement = (original: Element): Element => {
    const element = document.createElementNS(original.namespaceURI, original.tagName);
    const attributes = original.attributes;
    for (let i = 0; i < attributes.length; i++) {
      const attribute = attributes.item(i)!;
      const value =
        attribute.value === '__proto__' && renamed.has(`${original.tagName} ${attribute.name}`)
          ? PROTO_STAND_IN
          : attribute.value;
      // As xmldom's parser does: setAttributeNS would look each name up in a list, quadratic in the count.
      const copy = document.createAttributeNS(attribute.namespaceURI, attribute.name);
      copy.value = copy.nodeValue = value;
      element.setAttributeNode(copy);
    }
    element.lineNumber = original.lineNumber;
    element.columnNumber = original.columnNumber;
    return element;
  };

  /** A record lifted out of a nested container goes to the end of the top-level one (its document position). */
  const lift = (tag: string, record: Element) => {
    const container = topContainer.get(shape.containerOf[tag]);
    if (container) container.appendChild(record);
    else waiting.set(shape.containerOf[tag], [...(waiting.get(shape.containerOf[tag]) ?? []), record]);
  };

  const root = source.documentElement!;
  const rootCopy = copyElement(root);
  document.appendChild(rootCopy);
  const stack: Frame[] = [{ next: root.firstChild, copy: rootCopy, insideRecord: false }];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1];
    const child = frame.next;
    if (child === null) {
      stack.pop();
      continue;
    }
    frame.next = child.nextSibling;
    if (child.nodeType === TEXT_NODE || child.nodeType === CDATA_SECTION_NODE) {
      const data = (child as unknown as { data: string }).data;
      frame.copy?.appendChild(
        child.nodeType === TEXT_NODE ? document.createTextNode(data) : document.createCDATASection(data),
      );
      continue;
    }
    if (child.nodeType !== ELEMENT_NODE) continue; // comments and processing instructions
    const element = child as Element;
    const tag = element.tagName;
    const isRecord = Object.hasOwn(shape.containerOf, tag);
    const isContainer = containerTags.has(tag);
    if (frame.copy === undefined || (isContainer && frame.insideRecord)) {
      // Inside a nested container: records are lifted out, containers searched, the rest (a nested graph's own data) left out.
      if (isRecord) {
        const record = copyElement(element);
        lift(tag, record);
        if (tag === 'node') nestedNodes++;
        stack.push({ next: element.firstChild, copy: record, insideRecord: true });
      } else if (isContainer) stack.push({ next: element.firstChild, copy: undefined, insideRecord: true });
      continue;
    }
    const copy = copyElement(element);
    frame.copy.appendChild(copy);
    if (isContainer && !topContainer.has(tag)) {
      topContainer.set(tag, copy);
      for (const record of waiting.get(tag) ?? []) copy.appendChild(record);
      waiting.delete(tag);
    }
    stack.push({ next: element.firstChild, copy, insideRecord: frame.insideRecord || isRecord });
  }
  // GEXF edges nested in nodes, in a file without a top-level <edges>: give them one beside <nodes>.
  for (const [tag, records] of waiting) {
    const sibling = [...topContainer.values()][0];
    const parent = sibling?.parentNode as Element | null | undefined;
    if (!parent) continue;
    const container = document.createElementNS(sibling.namespaceURI, tag);
    parent.appendChild(container);
    for (const record of records) container.appendChild(record);
  }
  return { document, nestedNodes };
}
