// Durability when the database itself dies: a real `claimgraph serve --database URL` takes a
// burst of every kind of write from several clients (crashBurst.ts) while its PostgreSQL, a
// cluster of this test's own, is stopped with `pg_ctl stop -m immediate` (no checkpoint,
// every connection cut), left down a moment and started again. Writes meanwhile answer
// 503; the server must recover by itself. After each cycle every write answered 2xx is
// there through the API of the same server, the database holds no event twice, the server
// applied each committed event once (its history counts what the table holds), and the
// database loads; at the end a fresh server on it answers every write too. A write whose
// COMMIT was cut off may answer 503 and be there all the same, once. Five cycles by default
// (STOP_CYCLES), each stopped after a random number of answers (seeded: the seed is printed).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../server/cli/main';
import { seededRandom } from '../../server/model/random';
import { connectDatabase } from '../../server/store/postgres/connect';
import { startCrashableCluster, type CrashableCluster } from '../postgres/crashableCluster';
import { noneAcknowledged } from './acknowledgedWrites';
import { assertServerBuilt, startChildServer, type ChildServer } from './childServer';
import { burst, CRASH_TOKEN, everyKindAcknowledged, expectAllPresent } from './crashBurst';
import { curationEventCount, expectDatabaseHolds, expectNoEventTwice } from './crashDatabase';
import { seedDir } from './seedApp';

const CYCLES = Number(process.env.STOP_CYCLES ?? 5);
const seed = Number(process.env.CRASH_SEED ?? Date.now() % 100000);
/** How long the database stays down (STOP_OUTAGE_MS): the clients' writes meanwhile answer 503. */
const OUTAGE_MS = Number(process.env.STOP_OUTAGE_MS ?? 1_000);
/** Answers 2xx after the database is back that end a cycle: the server took writes again by itself. */
const ANSWERS_AFTER_RESTART = 12;

let cluster: CrashableCluster | undefined;
afterAll(() => cluster?.stop());

async function eventCount(url: string): Promise<number> {
  const pool = await connectDatabase(url, { max: 1 });
  try {
    return (await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM events')).rows[0].n;
  } finally {
    await pool.end();
  }
}

async function historyTotal(server: ChildServer): Promise<number> {
  const res = await fetch(`${server.url}/api/history?limit=1`, { headers: { Authorization: `Bearer ${CRASH_TOKEN}` } });
  return ((await res.json()) as { total: number }).total;
}

describe('the database stopped with pg_ctl stop -m immediate during a burst of writes', () => {
  it(
    `keeps every acknowledged write, once, through ${CYCLES} stops and starts of PostgreSQL (seed ${seed})`,
    async () => {
      assertServerBuilt();
      cluster = await startCrashableCluster();
      const url = cluster.url;
      expect(await main(['db', 'import', seedDir, '--database', url], { out: () => {}, err: () => {} })).toBe(0);
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-stop-pg-'));
      const env = { CLAIMGRAPH_TOKEN: CRASH_TOKEN, CLAIMGRAPH_WRITE_RATE_LIMIT: '0' };
      const start = () => startChildServer(dataDir, env, 20_000, ['--database', url]);
      const random = seededRandom(seed);
      const acked = noneAcknowledged();
      let server: ChildServer | undefined;
      let down = false;
      try {
        server = await start();
        for (let cycle = 0; cycle < CYCLES; cycle++) {
          const started = Date.now();
          const eventsBefore = await eventCount(url);
          const stopAfter = 5 + Math.floor(random() * 30);
          let count = 0;
          let stopped = false;
          let back = false;
          let afterRestart = 0;
          let outage: Promise<void> | undefined;
          const counts = await burst(server, cycle, acked, {
            onAnswer: () => {
              count++;
              if (back) afterRestart++;
              if (stopped || count < stopAfter || (cycle === 0 && !everyKindAcknowledged(acked))) return;
              stopped = true;
              down = true;
              cluster!.crash();
              outage = new Promise<void>((resolve) => setTimeout(resolve, OUTAGE_MS)).then(() => {
                cluster!.start();
                down = false;
                back = true;
              });
            },
            outages: { done: () => afterRestart >= ANSWERS_AFTER_RESTART },
          });
          await outage;
          // Writes were refused while it was down, and taken again once it was back, by the same server.
          expect(counts.refused).toBeGreaterThan(0);
          expect(afterRestart).toBeGreaterThanOrEqual(ANSWERS_AFTER_RESTART);
          await expectAllPresent(server, acked);
          const pool = await connectDatabase(url, { max: 1 });
          try {
            await expectNoEventTwice(pool);
            expect(await historyTotal(server)).toBe(await curationEventCount(pool));
          } finally {
            await pool.end();
          }
          await expectDatabaseHolds(url, acked);
          // Each 2xx of the burst is one event; more are writes whose COMMIT landed but whose answer was a 503.
          const committedUnanswered = (await eventCount(url)) - eventsBefore - counts.answered;
          expect(committedUnanswered).toBeGreaterThanOrEqual(0);
          console.log(
            `PostgreSQL stop cycle ${cycle}: ${Date.now() - started} ms, ${counts.answered} answered 2xx, ${counts.refused} answered 503, ${committedUnanswered} of them committed`,
          );
        }
        server.child.kill('SIGTERM');
        await server.exited;
        server = await start();
        await expectAllPresent(server, acked);
        expect(acked.curationKinds).toEqual(
          new Set(['addClaim', 'correctClaim', 'retractClaim', 'revert', 'mergeEntities', 'splitEntity']),
        );
        server.child.kill('SIGTERM');
        await server.exited;
        server = undefined;
        await expectDatabaseHolds(url, acked);
      } catch (error) {
        throw new Error(
          `PostgreSQL stop test failed with seed ${seed} (rerun with CRASH_SEED=${seed}):\n${(error as Error).message}\n${server?.output() ?? ''}`,
          { cause: error },
        );
      } finally {
        if (down) cluster.start();
        if (server && server.child.exitCode === null && server.child.signalCode === null) {
          server.child.kill('SIGKILL');
          await server.exited;
        }
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    },
    60_000 + CYCLES * 20_000,
  );
});
