// What the path finder says when there is no path, in the entities' names ("No path from
// Elon Musk to Xi Jinping with only reported or confirmed relations"), and whether there
// can be one at all: with the whole graph in the browser the explorer sees that the two
// ends are not connected under the path's filters without asking the server, whose 404
// the browser would log as a console error. Pure, for jest.
import type { EvidenceGraph } from '../../server/model/evidenceGraph';
import type { Status } from '../../server/model/vocabulary';
import { strictStatuses } from './api';
import { computeVisibility } from './filters';
import { neighbourhood } from './neighbourhood';
import type { GraphFilters, PathRequest } from './state';

/**
 * The filters the server applies to a path: the view's, without the date range (on
 * /api/path `from` and `to` are the ends), and with only reported or confirmed when strict.
 */
export function pathFilters(filters: GraphFilters, strict: boolean): GraphFilters {
  const kept: GraphFilters = { ...filters, from: undefined, to: undefined };
  return strict ? { ...kept, status: strictStatuses(filters.status) } : kept;
}

/** Whether `to` can be reached from `from` along the relations the path's filters keep. */
export function connectedUnder(
  graph: EvidenceGraph,
  request: PathRequest,
  filters: GraphFilters,
  statuses: readonly Pick<Status, 'id' | 'rule'>[],
): boolean {
  if (!graph.hasNode(request.from) || !graph.hasNode(request.to)) return true; // the server decides
  const visibility = computeVisibility(graph, pathFilters(filters, request.strict), statuses);
  if (!visibility.nodes.has(request.from) || !visibility.nodes.has(request.to)) return false;
  return neighbourhood(graph, request.from, graph.order, visibility).has(request.to);
}

export interface PathEnds {
  fromName: string;
  toName: string;
  strict: boolean;
  /** The view has filters besides the date range and strictness. */
  filtered: boolean;
}

/** Whether the path's filters narrow the graph beyond what `strict` says. */
export function hasPathFilters(filters: GraphFilters): boolean {
  const { nodeTypes, edgeTypes, status, knownAt } = filters;
  return [nodeTypes, edgeTypes, status, knownAt].some((value) => value !== undefined);
}

function limits(ends: PathEnds): string {
  const strict = ends.strict ? ' with only reported or confirmed relations' : '';
  const filtered = ends.filtered ? ' under these filters' : '';
  return `${strict}${filtered}`;
}

/** No chain of relations connects the two ends. */
export function noPathMessage(ends: PathEnds): string {
  const limited = limits(ends);
  return limited === ''
    ? `No path from ${ends.fromName} to ${ends.toName}: no chain of relations connects them`
    : `No path from ${ends.fromName} to ${ends.toName}${limited}`;
}

/** The server's no-path problem, worded with the names: not connected, or connected only by a longer chain. */
export function noPathProblemMessage(
  ends: PathEnds,
  fieldErrors: readonly { path: string; message: string }[],
): string {
  const tooLong = fieldErrors.find((error) => error.path === 'maxLength');
  const steps = tooLong ? /has (\d+) steps/.exec(tooLong.message)?.[1] : undefined;
  if (steps === undefined) return noPathMessage(ends);
  return `The shortest path from ${ends.fromName} to ${ends.toName}${limits(ends)} has ${steps} steps, more than the path finder follows`;
}
