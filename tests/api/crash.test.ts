// Durability: a real server process is killed with SIGKILL in the middle of a burst of
// writes (ingests, accepts, rejects, claims added, corrected, retracted and reverted
// by hand, entities merged and split again, from several concurrent clients), then restarted on the same data folder.
// Every write that was answered 2xx must be there, and the folder must load. Twenty
// kill/restart cycles by default (CRASH_CYCLES), each killed after a random 3 to 14
// answers, so the loop stays short (seeded: the seed is printed when the test fails).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadDataset } from '../../server/load/loadDataset';
import { seededRandom } from '../../server/model/random';
import { assertServerBuilt, startChildServer, type ChildServer } from './childServer';
import { seedDir } from './seedApp';
import { noneAcknowledged } from './acknowledgedWrites';
import { burstUntilKilled, CRASH_TOKEN, expectAllPresent } from './crashBurst';

/** About 2.7 s a cycle on a loaded 2-core machine, most of it the server's start. */
const CYCLES = Number(process.env.CRASH_CYCLES ?? 20);
const seed = Number(process.env.CRASH_SEED ?? Date.now() % 100000);

describe('crash safety', () => {
  it(
    `keeps every acknowledged write through ${CYCLES} SIGKILLs mid-burst (seed ${seed})`,
    async () => {
      assertServerBuilt();
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-crash-'));
      const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-crash-cache-'));
      fs.cpSync(seedDir, dataDir, { recursive: true });
      const env = { CLAIMGRAPH_TOKEN: CRASH_TOKEN, CLAIMGRAPH_WRITE_RATE_LIMIT: '0', CLAIMGRAPH_CACHE_DIR: cacheDir };
      const random = seededRandom(seed);
      const acked = noneAcknowledged();
      let server: ChildServer | undefined;
      try {
        for (let cycle = 0; cycle < CYCLES; cycle++) {
          server = await startChildServer(dataDir, env);
          await expectAllPresent(server, acked);
          await burstUntilKilled(server, cycle, acked, random);
        }
        server = await startChildServer(dataDir, env);
        await expectAllPresent(server, acked);
        expect(acked.accepted.size).toBeGreaterThan(0);
        expect(acked.rejected.size).toBeGreaterThan(0);
        server.child.kill('SIGTERM');
        await server.exited;
        server = undefined;
        // The folder loads on its own, and every acknowledged document and claim is in it.
        const dataset = loadDataset(dataDir, { onWarning: () => {} });
        for (const id of acked.documents) expect(dataset.documents.has(id)).toBe(true);
        const claimIds = new Set(dataset.claims.map((c) => c.id));
        for (const { claimId } of acked.accepted.values()) expect(claimIds.has(claimId)).toBe(true);
        expect(acked.curationKinds).toEqual(
          new Set(['addClaim', 'correctClaim', 'retractClaim', 'revert', 'mergeEntities', 'splitEntity']),
        );
        for (const [twin, allowed] of acked.merged)
          expect([twin, allowed.includes(dataset.redirects.has(twin) && !dataset.entities.has(twin))]).toEqual([
            twin,
            true,
          ]);
        for (const [id, allowed] of acked.curated) {
          const live = claimIds.has(id);
          expect([id, allowed.some(({ status }) => (status === 'live') === live)]).toEqual([id, true]);
        }
      } catch (error) {
        throw new Error(
          `crash test failed with seed ${seed} (rerun with CRASH_SEED=${seed}):\n${(error as Error).message}\n${server?.output() ?? ''}`,
        );
      } finally {
        if (server && server.child.exitCode === null && server.child.signalCode === null) {
          server.child.kill('SIGKILL');
          await server.exited;
        }
        fs.rmSync(dataDir, { recursive: true, force: true });
        fs.rmSync(cacheDir, { recursive: true, force: true });
      }
    },
    60_000 + CYCLES * 10_000,
  );
});
