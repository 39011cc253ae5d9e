// Asks the server for the path a view requests, and hands on only the answer to the
// latest request: an answer to an earlier one (the ends, the strictness or the filters
// changed meanwhile) arrives too late and is dropped.
import { ApiError, fetchPath } from './api';
import type { PathResult } from './app';
import type { GraphFilters, PathRequest } from './state';

export interface PathRequests {
  /**
   * Asks for the path of `request` under `filters` and returns the result to show until
   * the answer comes (loading), or undefined when there is no request.
   */
  request(request: PathRequest | undefined, filters: GraphFilters): PathResult | undefined;
}

/** `settled` receives the answer (or the error) to the latest request. */
export function createPathRequests(settled: (result: PathResult) => void): PathRequests {
  let latest = 0;
  return {
    request(request, filters) {
      if (!request) return undefined;
      const ticket = ++latest;
      fetchPath(request.from, request.to, filters, request.strict).then(
        (response) => {
          if (ticket === latest) settled({ request, response, loading: false });
        },
        (error: unknown) => {
          if (ticket === latest)
            settled({
              request,
              loading: false,
              error: error instanceof ApiError || error instanceof Error ? error.message : String(error),
            });
        },
      );
      return { request, loading: true };
    },
  };
}
