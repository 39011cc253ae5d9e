// UI state ⇄ URL query string, so a view can be shared as a link and survives a reload.
// Filter parameters carry the API's names (nodeTypes, edgeTypes, status, from, to,
// knownAt), so a view's URL reads like the /api/graph query that shows the same graph.
// Reading is forgiving: a bad value is dropped and reported, the rest of the view stays.
import {
  MAX_NEIGHBOURHOOD_DEPTH,
  type CameraView,
  type ColourBy,
  type GraphFilters,
  type SizeMode,
  type UiState,
  initialState,
} from './state';
import { PLAIN_LOOK, type DefaultLook } from './sourceLook';

const FULL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const LIST_KEYS = ['nodeTypes', 'edgeTypes', 'status'] as const;
const DATE_KEYS = ['from', 'to', 'knownAt'] as const;
const SIZE_MODES: readonly SizeMode[] = ['degree', 'pagerank', 'source'];
const COLOUR_MODES: readonly string[] = ['type', 'source', 'community'];

/** A colour mode as the URL spells it: type, source, community or attribute:NAME. */
function parseColourBy(value: string): ColourBy | undefined {
  if (COLOUR_MODES.includes(value)) return value as ColourBy;
  return /^attribute:./s.test(value) ? (value as ColourBy) : undefined;
}

export interface ParsedView {
  state: UiState;
  /** What could not be read, for the user: `depth: expected 1, 2 or 3, got "9"`. */
  problems: string[];
}

function roundTo(value: number, digits: number): string {
  return String(Number(value.toFixed(digits)));
}

/** The view's query string; a colour and size mode that are the graph's default (`look`) are left out. */
export function stateToSearch(state: UiState, look: DefaultLook = PLAIN_LOOK): string {
  const params = new URLSearchParams();
  const filters = state.filters;
  for (const key of LIST_KEYS) {
    const list = filters[key];
    if (list !== undefined) params.set(key, list.join(','));
  }
  for (const key of DATE_KEYS) {
    const value = filters[key];
    if (value !== undefined) params.set(key, value);
  }
  if (state.sizeMode !== look.sizeMode) params.set('size', state.sizeMode);
  if (state.colourBy !== look.colourBy) params.set('colour', state.colourBy);
  if (state.selectedNode !== undefined) params.set('node', state.selectedNode);
  if (state.selectedEdge !== undefined) params.set('edge', state.selectedEdge);
  if (state.openDocument !== undefined) {
    params.set('doc', state.openDocument.id);
    if (state.openDocument.claim !== undefined) params.set('claim', state.openDocument.claim);
  }
  if (state.neighbourhoodDepth !== undefined) params.set('depth', String(state.neighbourhoodDepth));
  if (state.path !== undefined) {
    params.set('pathFrom', state.path.from);
    params.set('pathTo', state.path.to);
    if (state.path.strict) params.set('pathStrict', '1');
  }
  if (state.camera !== undefined) {
    const { x, y, ratio } = state.camera;
    params.set('cam', [roundTo(x, 4), roundTo(y, 4), roundTo(ratio, 4)].join(','));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

function parseList(value: string): string[] {
  return value === ''
    ? []
    : value
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item !== '');
}

function parseCamera(value: string): CameraView | undefined {
  const parts = value.split(',').map(Number);
  if (parts.length !== 3 || parts.some((part) => !Number.isFinite(part))) return undefined;
  const [x, y, ratio] = parts;
  if (ratio <= 0) return undefined;
  return { x, y, ratio };
}

/** The view a query string describes; what it leaves out of colour and size is the graph's default (`look`). */
export function stateFromSearch(search: string, look: DefaultLook = PLAIN_LOOK): ParsedView {
  const params = new URLSearchParams(search);
  const state: UiState = { ...initialState(), ...look };
  const problems: string[] = [];
  const filters: GraphFilters = {};

  for (const key of LIST_KEYS) {
    const value = params.get(key);
    if (value !== null) filters[key] = parseList(value);
  }
  for (const key of DATE_KEYS) {
    const value = params.get(key);
    if (value === null || value === '') continue;
    if (FULL_DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`))) filters[key] = value;
    else problems.push(`${key}: expected a date as YYYY-MM-DD, got "${value}"`);
  }
  state.filters = filters;

  const size = params.get('size');
  if (size !== null && (SIZE_MODES as readonly string[]).includes(size)) state.sizeMode = size as SizeMode;
  else if (size !== null) problems.push(`size: expected degree, pagerank or source, got "${size}"`);
  const colour = params.get('colour');
  const colourBy = colour === null ? undefined : parseColourBy(colour);
  if (colourBy !== undefined) state.colourBy = colourBy;
  else if (colour !== null)
    problems.push(`colour: expected type, source, community or attribute:NAME, got "${colour}"`);

  const node = params.get('node');
  if (node) state.selectedNode = node;
  const edge = params.get('edge');
  if (edge) state.selectedEdge = edge;
  const doc = params.get('doc');
  if (doc) {
    const claim = params.get('claim');
    state.openDocument = claim ? { id: doc, claim } : { id: doc };
  }

  const depth = params.get('depth');
  if (depth !== null) {
    const value = Number(depth);
    if (Number.isInteger(value) && value >= 1 && value <= MAX_NEIGHBOURHOOD_DEPTH) state.neighbourhoodDepth = value;
    else problems.push(`depth: expected 1, 2 or 3, got "${depth}"`);
  }

  const pathFrom = params.get('pathFrom');
  const pathTo = params.get('pathTo');
  if (pathFrom && pathTo) state.path = { from: pathFrom, to: pathTo, strict: params.get('pathStrict') === '1' };

  const cam = params.get('cam');
  if (cam !== null) {
    const camera = parseCamera(cam);
    if (camera) state.camera = camera;
    else problems.push(`cam: expected x,y,ratio as numbers, got "${cam}"`);
  }
  return { state, problems };
}

/** The API query for the current filters: the same names and comma lists the URL uses. */
export function filtersToQuery(filters: GraphFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of LIST_KEYS) {
    const list = filters[key];
    if (list !== undefined) params.set(key, list.join(','));
  }
  for (const key of DATE_KEYS) {
    const value = filters[key];
    if (value !== undefined) params.set(key, value);
  }
  return params;
}
