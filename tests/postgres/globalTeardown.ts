// Jest's global tear-down: stops the throw-away cluster globalSetup.ts started (if it
// started one) and removes its folder; jest runs it whether the tests passed or not.
import { TEST_DATABASE_VARIABLE } from './globalSetup';

export default async function globalTeardown(): Promise<void> {
  const cluster = globalThis.claimgraphTestCluster;
  if (!cluster) return;
  globalThis.claimgraphTestCluster = undefined;
  delete process.env[TEST_DATABASE_VARIABLE];
  cluster.stop();
}
