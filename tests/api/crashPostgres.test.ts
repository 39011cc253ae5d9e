// Durability on PostgreSQL: a real `claimgraph serve --database URL` is killed with SIGKILL
// in the middle of a burst of every kind of write (crashBurst.ts), then restarted on the
// same database. Every write answered 2xx must be there, no event may be recorded twice,
// and the database must load on its own. Twenty cycles by default (CRASH_CYCLES), each
// killed after a random 3 to 14 answers (seeded: the seed is printed when it fails).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../server/cli/main';
import { seededRandom } from '../../server/model/random';
import { freshDatabase, type FreshDatabase } from '../postgres/freshDatabase';
import { noneAcknowledged } from './acknowledgedWrites';
import { assertServerBuilt, startChildServer, type ChildServer } from './childServer';
import { burstUntilKilled, CRASH_TOKEN, expectAllPresent } from './crashBurst';
import { expectDatabaseHolds } from './crashDatabase';
import { seedDir } from './seedApp';

const CYCLES = Number(process.env.CRASH_CYCLES ?? 20);
const seed = Number(process.env.CRASH_SEED ?? Date.now() % 100000);

let database: FreshDatabase | undefined;
afterAll(() => database?.drop());

describe('crash safety on PostgreSQL', () => {
  it(
    `keeps every acknowledged write through ${CYCLES} SIGKILLs mid-burst (seed ${seed})`,
    async () => {
      assertServerBuilt();
      database = await freshDatabase('crash');
      expect(await main(['db', 'import', seedDir, '--database', database.url], { out: () => {}, err: () => {} })).toBe(
        0,
      );
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-crash-pg-'));
      const env = { CLAIMGRAPH_TOKEN: CRASH_TOKEN, CLAIMGRAPH_WRITE_RATE_LIMIT: '0' };
      const start = () => startChildServer(dataDir, env, 20_000, ['--database', database!.url]);
      const random = seededRandom(seed);
      const acked = noneAcknowledged();
      let server: ChildServer | undefined;
      try {
        for (let cycle = 0; cycle < CYCLES; cycle++) {
          const started = Date.now();
          server = await start();
          await expectAllPresent(server, acked);
          await burstUntilKilled(server, cycle, acked, random);
          console.log(`PostgreSQL crash cycle ${cycle}: ${Date.now() - started} ms`);
        }
        server = await start();
        await expectAllPresent(server, acked);
        expect(acked.accepted.size).toBeGreaterThan(0);
        expect(acked.rejected.size).toBeGreaterThan(0);
        expect(acked.curationKinds).toEqual(
          new Set(['addClaim', 'correctClaim', 'retractClaim', 'revert', 'mergeEntities', 'splitEntity']),
        );
        server.child.kill('SIGTERM');
        await server.exited;
        server = undefined;
        await expectDatabaseHolds(database.url, acked);
      } catch (error) {
        throw new Error(
          `PostgreSQL crash test failed with seed ${seed} (rerun with CRASH_SEED=${seed}):\n${(error as Error).message}\n${server?.output() ?? ''}`,
        );
      } finally {
        if (server && server.child.exitCode === null && server.child.signalCode === null) {
          server.child.kill('SIGKILL');
          await server.exited;
        }
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    },
    60_000 + CYCLES * 10_000,
  );
});
