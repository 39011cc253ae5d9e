// Asks the server for the path a view requests, and hands on only the answer to the
// latest request: an answer to an earlier one (the ends, the strictness or the filters
// changed meanwhile) arrives too late and is dropped. When the explorer holds the whole
// graph and sees the ends unconnected under the path's filters, it says so without asking
// (the server's 404 would only confirm it, and the browser would log it as an error).
// Messages name the entities (pathOutcome.ts).
import { ApiError, fetchPath } from './api';
import type { PathResult } from './app';
import { type PathEnds, hasPathFilters, noPathMessage, noPathProblemMessage } from './pathOutcome';
import type { GraphFilters, PathRequest } from './state';

const NO_PATH_PROBLEM = 'urn:claimgraph:problem:no-path';

export interface PathRequests {
  /**
   * Asks for the path of `request` under `filters` and returns the result to show until
   * the answer comes (loading), or undefined when there is no request.
   */
  request(request: PathRequest | undefined, filters: GraphFilters): PathResult | undefined;
}

export interface PathKnowledge {
  /** An entity's name (its id when the explorer does not hold it). */
  name(id: string): string;
  /** False when the explorer knows there is no path (it holds the whole graph); true when it must ask. */
  mayConnect(request: PathRequest, filters: GraphFilters): boolean;
}

/** `settled` receives the answer (or the error) to the latest request. */
export function createPathRequests(knowledge: PathKnowledge, settled: (result: PathResult) => void): PathRequests {
  let latest = 0;
  return {
    request(request, filters) {
      const ticket = ++latest;
      if (!request) return undefined;
      const ends: PathEnds = {
        fromName: knowledge.name(request.from),
        toName: knowledge.name(request.to),
        strict: request.strict,
        filtered: hasPathFilters(filters),
      };
      if (!knowledge.mayConnect(request, filters)) return { request, loading: false, error: noPathMessage(ends) };
      fetchPath(request.from, request.to, filters, request.strict).then(
        (response) => {
          if (ticket === latest) settled({ request, response, loading: false });
        },
        (error: unknown) => {
          if (ticket === latest) settled({ request, loading: false, error: pathErrorText(error, ends) });
        },
      );
      return { request, loading: true };
    },
  };
}

function pathErrorText(error: unknown, ends: PathEnds): string {
  if (error instanceof ApiError && error.problem?.type === NO_PATH_PROBLEM)
    return noPathProblemMessage(ends, error.problem.errors ?? []);
  return error instanceof Error ? error.message : String(error);
}
