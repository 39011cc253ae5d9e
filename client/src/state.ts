// The explorer's UI state: everything a view depends on besides the data itself.
// It is plain data so it can round-trip through the URL (url.ts) and drive sigma's
// reducers (reducers.ts); panels change it only through `App.update` (explorer.ts).

/** The graph filters, named as the API names them so a view maps 1:1 onto /api queries. */
export interface GraphFilters {
  /** Node types to show; undefined shows every type. */
  nodeTypes?: string[];
  /** Edge types to show; undefined shows every type. */
  edgeTypes?: string[];
  /** Edge statuses to show (after `knownAt` recomputed them); undefined shows every status. */
  status?: string[];
  /** Keep relations with a claim dated on or after this day (YYYY-MM-DD). */
  from?: string;
  /** Keep relations with a claim dated on or before this day (YYYY-MM-DD). */
  to?: string;
  /** Replay what was known on this day: only claims from documents dated on or before it. */
  knownAt?: string;
}

/** Node size: by number of relations, by PageRank, or as the imported file gave it (sourceLook.ts). */
export type SizeMode = 'degree' | 'pagerank' | 'source';

/** What node colour says (colouring.ts): the type, the imported file's colours, the community, or one attribute's values. */
export type ColourBy = 'type' | 'source' | 'community' | `attribute:${string}`;

export interface CameraView {
  x: number;
  y: number;
  ratio: number;
}

export interface PathRequest {
  from: string;
  to: string;
  /** Use only relations whose status is reported or confirmed. */
  strict: boolean;
}

export interface UiState {
  filters: GraphFilters;
  sizeMode: SizeMode;
  colourBy: ColourBy;
  /** The selected entity (node key). */
  selectedNode?: string;
  /** The selected relation (edge key). */
  selectedEdge?: string;
  /** The open document, with the claim whose quote to scroll to. */
  openDocument?: { id: string; claim?: string };
  /** Show only the selected entity's neighbourhood at this depth (1 to 3). */
  neighbourhoodDepth?: number;
  path?: PathRequest;
  camera?: CameraView;
}

export const MAX_NEIGHBOURHOOD_DEPTH = 3;

export function initialState(): UiState {
  return { filters: {}, sizeMode: 'degree', colourBy: 'type' };
}

/** The filters that differ from "show everything": what a view must carry to be restored. */
export function isFilterActive(filters: GraphFilters): boolean {
  return Object.values(filters).some((value) => value !== undefined);
}

/**
 * Toggles one value of an inclusion list whose `undefined` means "all of `universe`".
 * Returns undefined again when every value is included, so the default stays short.
 */
export function toggleInList(
  current: readonly string[] | undefined,
  value: string,
  included: boolean,
  universe: readonly string[],
): string[] | undefined {
  const set = new Set(current ?? universe);
  if (included) set.add(value);
  else set.delete(value);
  if (universe.every((item) => set.has(item)) && set.size === universe.length) return undefined;
  return universe.filter((item) => set.has(item));
}
