// Every API route, in the order the OpenAPI document lists them: the read routes
// (apiRoutes), then the review API's (writeRoutes.ts), then the curation API's
// (curationRoutes.ts), then the judgements of duplicate candidates (judgementRoutes.ts).
// Add a route here.
import type { RouteSpec } from '../route';
import { edgeRoute, edgesRoute } from './edges';
import { documentOriginalRoute, documentRoute, documentsRoute } from './documents';
import { duplicatesRoute, entityRoute, neighboursRoute, searchEntitiesRoute } from './entities';
import { exportRoute } from './export';
import { graphRoute } from './graph';
import { healthRoute, vocabularyRoute } from './meta';
import { openApiRoute } from './openapi';
import { pathRoute } from './path';
import { statsRoute } from './stats';
import { sessionRoute, usersRoute } from './session';
import { writeRoutes } from './writeRoutes';
import { curationRoutes } from './curationRoutes';
import { judgementRoutes } from './judgementRoutes';

export const apiRoutes: RouteSpec[] = [
  healthRoute,
  sessionRoute,
  usersRoute,
  vocabularyRoute,
  graphRoute,
  searchEntitiesRoute,
  entityRoute,
  neighboursRoute,
  duplicatesRoute,
  edgesRoute,
  edgeRoute,
  pathRoute,
  documentsRoute,
  documentRoute,
  documentOriginalRoute,
  statsRoute,
  exportRoute,
];
apiRoutes.push(openApiRoute(() => allRoutes));

/** What the app serves and /api/openapi.json describes. */
export const allRoutes: readonly RouteSpec[] = [...apiRoutes, ...writeRoutes, ...curationRoutes, ...judgementRoutes];
