// Jest's global set-up: the PostgreSQL the store tests run on. CLAIMGRAPH_TEST_DATABASE_URL
// names one to use (its user must be allowed to create databases); unset, a throw-away
// cluster is started (throwawayCluster.ts) and its URL exported to the workers, which
// inherit this process's environment. globalTeardown.ts stops it.
import { startThrowawayCluster, type ThrowawayCluster } from './throwawayCluster';

export const TEST_DATABASE_VARIABLE = 'CLAIMGRAPH_TEST_DATABASE_URL';

declare global {
  var claimgraphTestCluster: ThrowawayCluster | undefined;
}

export default async function globalSetup(): Promise<void> {
  if (process.env[TEST_DATABASE_VARIABLE]) return;
  const cluster = await startThrowawayCluster();
  globalThis.claimgraphTestCluster = cluster;
  process.env[TEST_DATABASE_VARIABLE] = cluster.url;
}
