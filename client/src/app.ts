// What every panel may use: the data, the current state and view, and the actions that
// change the state. explorer.ts implements it; panels only see this interface, so they do
// not depend on each other or on sigma.
import type { PathResponse, VocabularyResponse } from '../../server/model/api';
import type { Colouring } from './colouring';
import type { EdgeStyle } from './edgeStyle';
import type { EvidenceGraph } from '../../server/model/evidenceGraph';
import type { FacetCounts, Visibility } from './filters';
import type { UiState } from './state';

export interface PathResult {
  request: UiState['path'];
  response?: PathResponse;
  error?: string;
  loading: boolean;
}

export interface App {
  vocabulary: VocabularyResponse;
  graph: EvidenceGraph;
  styles: Map<string, EdgeStyle>;
  /** Counts over the whole graph, for "shown of total". */
  totals: FacetCounts;
  state(): UiState;
  /** The node colours of the current "Colour by", and their legend. */
  colouring(): Colouring;
  visibility(): Visibility;
  counts(): FacetCounts;
  pathResult(): PathResult | undefined;
  /** The dates of the documents behind the graph's claims, each once, earliest first. */
  documentDates(): readonly string[];
  /** Changes the state; panels and the graph redraw, the URL follows. */
  update(change: Partial<UiState>): void;
  /** Selects an entity and moves the camera to it. */
  selectNode(node: string): void;
  selectEdge(edge: string): void;
  /** Selects a relation and moves the camera, if need be, so that both its ends are in view. */
  revealEdge(edge: string): void;
  /** The view as a PNG, `scale` times its size on the page. */
  exportPng(scale: number): Promise<Blob>;
  /** Counts the changes of the graph's items (writes, merged neighbourhoods): panels redraw when it moves. */
  graphRevision(): number;
  /** Shows a message to the user in the notice area. */
  notify(message: string, kind: 'error' | 'info'): void;
}

/** The display name of an entity id, or the id itself for a free-text attribution. */
export function entityName(app: Pick<App, 'graph'>, id: string): string {
  return app.graph.hasNode(id) ? app.graph.getNodeAttribute(id, 'label') : id;
}
