// Graph JSON → SourceGraph: graphology's SerializedGraph ({attributes, options, nodes:
// [{key, attributes}], edges: [{key?, source, target, attributes?, undirected?}]}) and, as
// a convenience, the sigma.js demo's own shape ({nodes: [{key, label, …}], edges:
// [[source, target]], clusters?}).
import { z } from 'zod';
import { locateJsonError } from '../load/locateJsonError';
import { formatFieldPath } from '../load/problems';
import { ImportError } from './importError';
import type { SourceGraph } from './types';

const keySchema = z
  .union([z.string().min(1), z.number()], { error: 'expected a key: a non-empty string or a number' })
  .transform(String);
const attributesSchema = z.record(z.string(), z.unknown());

const serializedGraphSchema = z.object({
  attributes: attributesSchema.optional(),
  options: z.object({ type: z.enum(['mixed', 'directed', 'undirected']).optional() }).optional(),
  nodes: z.array(z.object({ key: keySchema, attributes: attributesSchema.optional() })),
  edges: z.array(
    z.object({
      key: keySchema.optional(),
      source: keySchema,
      target: keySchema,
      attributes: attributesSchema.optional(),
      undirected: z.boolean().optional(),
    }),
  ),
});

const sigmaDemoSchema = z.object({
  nodes: z.array(z.looseObject({ key: keySchema })),
  edges: z.array(z.tuple([keySchema, keySchema])),
  clusters: z.array(z.looseObject({ key: keySchema, clusterLabel: z.string().optional() })).optional(),
});

function parseJson(file: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const located = locateJsonError(text);
    throw new ImportError(
      { file, line: located?.line },
      located ? located.message : `malformed JSON: ${(error as Error).message}`,
    );
  }
}

function schemaError(file: string, error: z.ZodError): ImportError {
  const issue = error.issues[0];
  const [collection, index] = issue.path;
  const record =
    (collection === 'nodes' || collection === 'edges') && typeof index === 'number'
      ? `${collection}[${index}]`
      : undefined;
  const field = formatFieldPath(issue.path);
  return new ImportError({ file, record }, `${field ? `field "${field}": ` : ''}${issue.message}`);
}

/** A node's or edge's own attributes, from the file as parsed: zod's copy would drop an own "__proto__" key without a word. */
function rawAttributes(raw: unknown, collection: 'nodes' | 'edges', index: number): Record<string, unknown> {
  const item = (raw as Record<string, Array<{ attributes?: Record<string, unknown> }>>)[collection][index];
  return { ...item.attributes };
}

function fromSerializedGraph(file: string, value: z.infer<typeof serializedGraphSchema>, raw: unknown): SourceGraph {
  const graphType = value.options?.type ?? 'mixed';
  const seen = new Set<string>();
  const nodes = value.nodes.map((node, index) => {
    if (seen.has(node.key))
      throw new ImportError({ file, record: `nodes[${index}]` }, `duplicate node key "${node.key}"`);
    seen.add(node.key);
    return { key: node.key, attributes: rawAttributes(raw, 'nodes', index) };
  });
  const edges = value.edges.map((edge, index) => ({
    source: edge.source,
    target: edge.target,
    directed: edge.undirected !== undefined ? !edge.undirected : graphType !== 'undirected',
    attributes: rawAttributes(raw, 'edges', index),
    record: edge.key ?? `edges[${index}]`,
  }));
  return { file, nodes, edges };
}

function fromSigmaDemo(file: string, value: z.infer<typeof sigmaDemoSchema>, raw: unknown): SourceGraph {
  const clusterLabels = new Map((value.clusters ?? []).map((c) => [c.key, c.clusterLabel]));
  const seen = new Set<string>();
  const rawNodes = (raw as { nodes: Array<Record<string, unknown>> }).nodes;
  const nodes = value.nodes.map(({ key }, index) => {
    const { key: _key, ...attributes } = rawNodes[index];
    if (seen.has(key)) throw new ImportError({ file, record: `nodes[${index}]` }, `duplicate node key "${key}"`);
    seen.add(key);
    const clusterLabel = attributes.cluster !== undefined ? clusterLabels.get(String(attributes.cluster)) : undefined;
    return { key, attributes: clusterLabel !== undefined ? { ...attributes, clusterLabel } : attributes };
  });
  const edges = value.edges.map(([source, target], index) => ({
    source,
    target,
    directed: true,
    attributes: {},
    record: `edges[${index}]`,
  }));
  return { file, nodes, edges };
}

export function readGraphJson(file: string, text: string): SourceGraph {
  const value = parseJson(file, text);
  if (
    !value ||
    typeof value !== 'object' ||
    Array.isArray(value) ||
    !Array.isArray((value as { nodes?: unknown }).nodes) ||
    !Array.isArray((value as { edges?: unknown }).edges)
  ) {
    throw new ImportError(
      { file },
      'not a graph JSON file: expected an object with "nodes" and "edges" arrays (a graphology SerializedGraph or a sigma.js demo dataset)',
    );
  }
  const edges = (value as { edges: unknown[] }).edges;
  if (edges.length > 0 && Array.isArray(edges[0])) {
    const parsed = sigmaDemoSchema.safeParse(value);
    if (!parsed.success) throw schemaError(file, parsed.error);
    return fromSigmaDemo(file, parsed.data, value);
  }
  const parsed = serializedGraphSchema.safeParse(value);
  if (!parsed.success) throw schemaError(file, parsed.error);
  return fromSerializedGraph(file, parsed.data, value);
}
