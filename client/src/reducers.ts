// sigma's nodeReducer and edgeReducer, computed from the view model alone: filters,
// neighbourhood, hover, selection and path change what is drawn without touching the
// graph's data or positions. Pure (no sigma import) so jest can test them.
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import { edgeDisplayLabel, edgeProgramKey, type EdgeStyle, withOpacity } from './edgeStyle';
import type { EvidenceGraph } from '../../server/model/evidenceGraph';
import type { Visibility } from './filters';

export const FADED_NODE_COLOUR = '#d5d9df';
/** Thinner edges than this lose their dash pattern and colour on screen. */
export const MIN_EDGE_SIZE = 1.5;
export const FADED_EDGE_COLOUR = 'rgba(180,186,194,0.18)';

export interface ViewModel {
  graph: EvidenceGraph;
  visibility: Visibility;
  sizes: Map<string, number>;
  /** Node colours by the chosen "Colour by" (colouring.ts); undefined: the graph's type colours. */
  colours?: Map<string, string>;
  curvatures: Map<string, number>;
  styles: Map<string, EdgeStyle>;
  /** When set, only these nodes are shown (the neighbourhood view). */
  focus?: Set<string>;
  hovered?: { node: string; neighbours: Set<string> };
  selectedNode?: string;
  selectedEdge?: string;
  path?: { nodes: Set<string>; edges: Set<string> };
}

type NodeData = Partial<NodeDisplayData>;
type EdgeData = Partial<EdgeDisplayData> & { curvature?: number };

export function isNodeShown(model: ViewModel, node: string): boolean {
  return model.visibility.nodes.has(node) && (model.focus === undefined || model.focus.has(node));
}

export function isEdgeShown(model: ViewModel, edge: string): boolean {
  if (!model.visibility.edges.has(edge)) return false;
  if (model.focus === undefined) return true;
  const [source, target] = model.graph.extremities(edge);
  return model.focus.has(source) && model.focus.has(target);
}

/** sigma reads `type` as the program to draw with; our `type` attribute is the entity's type. */
export const NODE_PROGRAM = 'circle';

export function reduceNode(model: ViewModel, node: string, data: NodeData): NodeData {
  const out: NodeData = {
    ...data,
    type: NODE_PROGRAM,
    size: model.sizes.get(node) ?? data.size,
    color: model.colours?.get(node) ?? data.color,
  };
  if (!isNodeShown(model, node)) return { ...out, hidden: true };
  const inPath = model.path?.nodes.has(node) ?? false;
  const hoverFaded = model.hovered !== undefined && !model.hovered.neighbours.has(node);
  const pathFaded = model.path !== undefined && !inPath;
  if (node === model.selectedNode) return { ...out, highlighted: true, forceLabel: true, zIndex: 3 };
  if (model.hovered?.node === node) return { ...out, highlighted: true, forceLabel: true, zIndex: 3 };
  if (hoverFaded || pathFaded) return { ...out, color: FADED_NODE_COLOUR, label: null, zIndex: 0 };
  if (inPath || model.hovered !== undefined) return { ...out, forceLabel: true, zIndex: 2 };
  return { ...out, zIndex: 1 };
}

export function reduceEdge(model: ViewModel, edge: string, data: EdgeData): EdgeData {
  const attributes = model.graph.getEdgeAttributes(edge);
  // sigma reads `type` as the edge program; our `type` attribute is the relation's type.
  if (!isEdgeShown(model, edge)) return { ...data, type: edgeProgramKey('solid', attributes.directed), hidden: true };
  const status = model.visibility.edges.get(edge) ?? attributes.status;
  const style = model.styles.get(status);
  const pattern = style?.pattern ?? 'solid';
  const out: EdgeData = {
    ...data,
    type: edgeProgramKey(pattern, attributes.directed),
    label: edgeDisplayLabel(style, attributes.typeLabel),
    color: withOpacity(attributes.color, style?.opacity ?? 1),
    size: Math.max(MIN_EDGE_SIZE, data.size ?? attributes.size) * (style?.width ?? 1),
    curvature: model.curvatures.get(edge) ?? 0.08,
    zIndex: 1,
  };
  const [source, target] = model.graph.extremities(edge);
  const inPath = model.path?.edges.has(edge) ?? false;
  const touchesHover = model.hovered !== undefined && (source === model.hovered.node || target === model.hovered.node);
  if (edge === model.selectedEdge || inPath) return { ...out, size: (out.size ?? 1) * 2, forceLabel: true, zIndex: 3 };
  if (model.path !== undefined || (model.hovered !== undefined && !touchesHover))
    return { ...out, color: FADED_EDGE_COLOUR, label: null, zIndex: 0 };
  if (touchesHover) return { ...out, forceLabel: true, zIndex: 2 };
  // Edge labels only where the user looks (hover, selection, path): all at once pile up.
  return { ...out, label: null };
}
