// Maps generic graphs (GEXF, GraphML, JSON, CSV, read into SourceGraphs) onto our
// records: each node becomes an entity, each edge one claim with stance "asserts" that
// cites its file and record. Node and edge types come from an attribute (see
// typeMapping.ts); every other attribute is kept in `attributes`.
import type { Claim, EntityInput } from '../model/records';
import type { Vocabulary } from '../model/vocabulary';
import { IdAllocator } from './identifiers';
import { ImportError, refuseDeepAttributes } from './importError';
import {
  FALLBACK_EDGE_TYPE,
  MAX_NEW_TYPES,
  UNSPECIFIED_NODE_TYPE,
  VocabularyBuilder,
  type MappedNodeType,
} from './typeMapping';
import type { ImportedData, SourceGraph, TypeMappingOptions } from './types';

/** The attribute name tried when the user names none. */
export const DEFAULT_TYPE_ATTRIBUTE = 'type';
/** Aliases longer than an entity's names may be (see entitySchema) stay attributes. */
const MAX_NAME = 500;

/** A type value as text: strings trimmed, numbers and booleans spelt out; anything else has none. */
function typeValue(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function attributeNames(graphs: SourceGraph[], of: 'nodes' | 'edges'): string[] {
  const names = new Set<string>();
  for (const graph of graphs)
    for (const item of graph[of]) for (const name of Object.keys(item.attributes)) names.add(name);
  return [...names].sort();
}

/** Checks the type attribute exists; explains what happens when it does not. */
function checkTypeAttribute(
  graphs: SourceGraph[],
  of: 'nodes' | 'edges',
  given: string | undefined,
  flag: string,
  fallback: string,
  fallbackGiven: boolean,
  notes: string[],
): string {
  const attribute = given ?? DEFAULT_TYPE_ATTRIBUTE;
  const items: Array<{ attributes: Record<string, unknown> }> = graphs.flatMap(
    (g): Array<{ attributes: Record<string, unknown> }> => g[of],
  );
  if (items.length === 0) return attribute;
  const present = items.some((item) => typeValue(item.attributes[attribute]) !== undefined);
  if (present) return attribute;
  const files = graphs.map((g) => g.file).join(', ');
  const found = attributeNames(graphs, of);
  const foundText = found.length ? found.join(', ') : 'none';
  const noun = of === 'nodes' ? 'node' : 'edge';
  if (given !== undefined) {
    throw new ImportError(
      { file: files },
      `no ${noun} has the attribute "${given}" named by ${flag}; the ${noun} attributes are: ${foundText}`,
    );
  }
  // With a default type given, the user already said what untyped items are.
  if (!fallbackGiven)
    notes.push(
      `${files}: no ${noun} has an attribute "${attribute}", so every ${noun} is imported as ${fallback}; name the ${noun} type attribute with ${flag} NAME (${noun} attributes: ${foundText})`,
    );
  return attribute;
}

function parsedJson(value: unknown): unknown {
  if (typeof value !== 'string') return undefined;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

/**
 * Our own exports (GEXF, GraphML, CSV, JSON) carry entity fields as attributes: kind,
 * description, countryCode, aliases and attributes (the last two as JSON in flat formats).
 * Taking them back makes export → import give the same entities; values that do not fit
 * stay ordinary attributes.
 */
function takeOwnFields(
  entity: EntityInput,
  attributes: Record<string, unknown>,
  kinds: readonly string[] | undefined,
): void {
  const { kind, description, countryCode, aliases, attributes: nested } = attributes;
  if (entity.kind === undefined && typeof kind === 'string' && kinds?.includes(kind)) {
    entity.kind = kind;
    delete attributes.kind;
  }
  if (typeof description === 'string' && description.trim() && description.length <= 5000) {
    entity.description = description;
    delete attributes.description;
  }
  if (entity.type === 'country' && typeof countryCode === 'string' && /^[A-Z]{2}$/.test(countryCode)) {
    entity.countryCode = countryCode;
    delete attributes.countryCode;
  }
  const aliasList = Array.isArray(aliases) ? aliases : parsedJson(aliases);
  if (
    Array.isArray(aliasList) &&
    aliasList.every((a) => typeof a === 'string' && a.trim() !== '' && a.length <= MAX_NAME)
  ) {
    entity.aliases = aliasList as string[];
    delete attributes.aliases;
  }
  const nestedObject =
    nested !== null && typeof nested === 'object' && !Array.isArray(nested) ? nested : parsedJson(nested);
  if (nestedObject !== null && typeof nestedObject === 'object' && !Array.isArray(nestedObject)) {
    delete attributes.attributes;
    // defineProperty: an own "__proto__" stays an attribute (the import summary tells what becomes of it).
    for (const [name, value] of Object.entries(nestedObject))
      if (!Object.hasOwn(attributes, name))
        Object.defineProperty(attributes, name, { value, enumerable: true, writable: true, configurable: true });
  }
}

export function mapSourceGraphs(
  graphs: SourceGraph[],
  options: TypeMappingOptions,
  baseVocabulary: Vocabulary,
): ImportedData {
  const notes: string[] = graphs.flatMap((graph) => graph.notes ?? []);
  const vocabulary = new VocabularyBuilder(baseVocabulary);
  const nodeFallbackText = options.defaultNodeType ? `"${options.defaultNodeType}"` : '"unspecified"';
  const edgeFallbackText = `"${options.defaultEdgeType ?? FALLBACK_EDGE_TYPE}"`;
  const nodeTypeAttr = checkTypeAttribute(
    graphs,
    'nodes',
    options.nodeTypeAttr,
    '--node-type-attr',
    nodeFallbackText,
    options.defaultNodeType !== undefined,
    notes,
  );
  const edgeTypeAttr = checkTypeAttribute(
    graphs,
    'edges',
    options.edgeTypeAttr,
    '--edge-type-attr',
    edgeFallbackText,
    options.defaultEdgeType !== undefined,
    notes,
  );
  const nodes = mapNodes(graphs, options, vocabulary, nodeTypeAttr);
  const { claims, fellBack } = mapEdges(graphs, options, vocabulary, edgeTypeAttr, nodes);
  notes.push(...vocabularyNotes(graphs, vocabulary, baseVocabulary, nodeTypeAttr, edgeTypeAttr));
  if (fellBack > 0)
    notes.push(
      `${fellBack} edge${fellBack === 1 ? '' : 's'} imported as ${FALLBACK_EDGE_TYPE} because their type does not allow the types of their ends (the original type is kept in the claim's attributes)`,
    );
  return { entities: nodes.entities, claims, vocabulary: vocabulary.result(), notes };
}

/** The entities made of the graphs' nodes, and how to find them by node key. */
interface MappedNodes {
  entities: EntityInput[];
  entityIdByKey: Map<string, string>;
  entityById: Map<string, EntityInput>;
}

function mapNodes(
  graphs: SourceGraph[],
  options: TypeMappingOptions,
  vocabulary: VocabularyBuilder,
  nodeTypeAttr: string,
): MappedNodes {
  const ids = new IdAllocator('node');
  const nodes: MappedNodes = { entities: [], entityIdByKey: new Map(), entityById: new Map() };
  const nodeTypeOf = (raw: string | undefined): MappedNodeType => {
    const value = raw ?? options.defaultNodeType;
    return value === undefined ? vocabulary.unspecifiedNodeType() : vocabulary.nodeType(value, nodeTypeAttr);
  };
  for (const graph of graphs) {
    for (const node of graph.nodes) {
      // The same key in several files is the same node: the first file describes it.
      if (nodes.entityIdByKey.has(node.key)) continue;
      const id = ids.take(node.key);
      nodes.entityIdByKey.set(node.key, id);
      const { [nodeTypeAttr]: rawType, label, ...rest } = node.attributes;
      const rawTypeText = typeValue(rawType);
      const mapped = nodeTypeOf(rawTypeText);
      const attributes: Record<string, unknown> = { ...rest };
      // Keep the source's own word when ours differs ("entreprise" → organization/company).
      if (rawType !== undefined && rawTypeText !== mapped.type) attributes[nodeTypeAttr] = rawType;
      if (id !== node.key) attributes.sourceKey = node.key;
      const labelText =
        typeof label === 'string' && label.trim() ? label.trim() : typeof label === 'number' ? String(label) : node.key;
      if (typeof label !== 'string' && label !== undefined && typeof label !== 'number') attributes.label = label;
      // Text too long for its field is cut, and counted, when the import ends (textReview.ts).
      const entity: EntityInput = { id, type: mapped.type, name: labelText, aliases: [] };
      if (mapped.kind) entity.kind = mapped.kind;
      takeOwnFields(entity, attributes, vocabulary.kindsOf(mapped.type));
      refuseDeepAttributes({ file: graph.file, line: node.line, record: node.key }, attributes);
      if (Object.keys(attributes).length > 0) entity.attributes = attributes;
      nodes.entities.push(entity);
      nodes.entityById.set(id, entity);
    }
  }
  return nodes;
}

/** One claim per edge; fellBack counts the edges kept as the fallback type because their ends do not fit theirs. */
function mapEdges(
  graphs: SourceGraph[],
  options: TypeMappingOptions,
  vocabulary: VocabularyBuilder,
  edgeTypeAttr: string,
  nodes: MappedNodes,
): { claims: Claim[]; fellBack: number } {
  const claims: Claim[] = [];
  const claimIds = new Set<string>();
  let fellBack = 0;
  for (const graph of graphs) {
    for (const edge of graph.edges) {
      const subject = nodes.entityIdByKey.get(edge.source);
      const object = nodes.entityIdByKey.get(edge.target);
      if (subject === undefined || object === undefined) {
        const missing = subject === undefined ? edge.source : edge.target;
        throw new ImportError(
          { file: graph.file, line: edge.line, record: edge.record },
          `the edge refers to a node "${missing}" that is not defined`,
        );
      }
      const subjectType = nodes.entityById.get(subject)!.type;
      const objectType = nodes.entityById.get(object)!.type;
      const { [edgeTypeAttr]: rawType, label, ...rest } = edge.attributes;
      const rawTypeText = typeValue(rawType) ?? options.defaultEdgeType;
      let type =
        rawTypeText === undefined ? FALLBACK_EDGE_TYPE : vocabulary.edgeType(rawTypeText, edgeTypeAttr, edge.directed);
      const attributes: Record<string, unknown> = { ...rest };
      if (!vocabulary.allows(type, subjectType, objectType)) {
        // "owns" between two papers cannot be drawn as owns; keep the link and the word.
        fellBack++;
        type = FALLBACK_EDGE_TYPE;
      }
      if (rawType !== undefined && typeValue(rawType) !== type) attributes[edgeTypeAttr] = rawType;
      let id = `${graph.file}#${edge.record}`.slice(0, 190);
      for (let n = 2; claimIds.has(id); n++) id = `${graph.file}#${edge.record}`.slice(0, 190) + `~${n}`;
      claimIds.add(id);
      const claim: Claim = {
        id,
        subject,
        type,
        object,
        stance: 'asserts',
        record: { file: graph.file, id: edge.record },
      };
      if (edge.date !== undefined) claim.date = edge.date;
      if (typeof label === 'string' && label.trim()) claim.summary = label.trim();
      else if (label !== undefined) attributes.label = label;
      refuseDeepAttributes({ file: graph.file, line: edge.line, record: edge.record }, attributes);
      if (Object.keys(attributes).length > 0) claim.attributes = attributes;
      claims.push(claim);
    }
  }
  return { claims, fellBack };
}

/** Refuses a type attribute with too many values that are none of our types; otherwise notes the types it added. */
function vocabularyNotes(
  graphs: SourceGraph[],
  vocabulary: VocabularyBuilder,
  baseVocabulary: Vocabulary,
  nodeTypeAttr: string,
  edgeTypeAttr: string,
): string[] {
  const added = vocabulary.added;
  if (added.nodeTypes > MAX_NEW_TYPES || added.edgeTypes > MAX_NEW_TYPES) {
    const [noun, attribute, count] =
      added.nodeTypes > MAX_NEW_TYPES
        ? ['node', nodeTypeAttr, added.nodeTypes]
        : ['edge', edgeTypeAttr, added.edgeTypes];
    throw new ImportError(
      { file: graphs.map((g) => g.file).join(', ') },
      `the ${noun} attribute "${attribute}" has ${count} values that are none of our types; a type attribute should have at most ${MAX_NEW_TYPES} (choose another with --${noun}-type-attr)`,
    );
  }
  if (added.nodeTypes + added.edgeTypes === 0) return [];
  const vocabularyResult = vocabulary.result();
  const newNodeTypes = vocabularyResult.nodeTypes
    .slice(baseVocabulary.nodeTypes.length)
    .map((t) => t.id)
    .filter((t) => t !== UNSPECIFIED_NODE_TYPE);
  const newEdgeTypes = vocabularyResult.edgeTypes.slice(baseVocabulary.edgeTypes.length).map((t) => t.id);
  const parts = [
    newNodeTypes.length ? `node types ${newNodeTypes.join(', ')}` : '',
    newEdgeTypes.length ? `edge types ${newEdgeTypes.join(', ')}` : '',
  ].filter(Boolean);
  return [`added to vocabulary.json: ${parts.join('; ')}`];
}
