// The SIGKILL crash loop, once for each store, so the data folder's (crash.test.ts) and
// PostgreSQL's (crashPostgres.test.ts) can never drift: the same bursts (crashBurst.ts),
// the same checks after each restart, and the same checks of what the store holds once
// the server is gone (no event twice; it loads with every acknowledged write). What
// differs is only where the server writes: a copy of the seed folder, or a database the
// same folder was imported into. Two files, so jest runs the two stores side by side.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../server/cli/main';
import { loadDataset } from '../../server/load/loadDataset';
import { readJournal } from '../../server/load/readJournal';
import type { Dataset } from '../../server/model/dataset';
import { seededRandom } from '../../server/model/random';
import { connectDatabase } from '../../server/store/postgres/connect';
import { loadDatasetFromDatabase } from '../../server/store/postgres/loadDatasetFromDatabase';
import { freshDatabase } from '../postgres/freshDatabase';
import { noneAcknowledged, type Acknowledged } from './acknowledgedWrites';
import { assertServerBuilt, startChildServer, type ChildServer } from './childServer';
import { burstUntilKilled, CRASH_TOKEN, expectAllPresent } from './crashBurst';
import { curationEventCount, expectNoEventTwice } from './crashDatabase';
import { seedDir } from './seedApp';
import type { StoreKind } from './storeApps';

/** About 2.5 s a cycle on a loaded 2-core machine, most of it the server's start. */
const CYCLES = Number(process.env.CRASH_CYCLES ?? 20);
const seed = Number(process.env.CRASH_SEED ?? Date.now() % 100000);

interface CrashStore {
  start(): Promise<ChildServer>;
  /** What the store holds once the server is gone: no event twice, and the dataset it loads. */
  heldAfter(): Promise<Dataset>;
  /** How many curation events (those with an id) the store holds. */
  curationEvents(): Promise<number>;
  remove(): Promise<void>;
}

/** The journal's events, each once: curation events by id, an ingest by its document, a decision by its proposal. */
function expectNoJournalEventTwice(dataDir: string): void {
  const seen = new Map<string, number>();
  for (const { entry } of readJournal(dataDir).lines) {
    const key =
      'id' in entry
        ? `id ${entry.id}`
        : entry.kind === 'ingest'
          ? `ingest ${entry.document.id}`
          : `${entry.kind} ${'proposal' in entry ? entry.proposal : ''}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  expect([...seen].filter(([, count]) => count > 1)).toEqual([]);
}

async function folderStore(): Promise<CrashStore> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-crash-'));
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-crash-cache-'));
  fs.cpSync(seedDir, dataDir, { recursive: true });
  const env = { CLAIMGRAPH_TOKEN: CRASH_TOKEN, CLAIMGRAPH_WRITE_RATE_LIMIT: '0', CLAIMGRAPH_CACHE_DIR: cacheDir };
  return {
    start: () => startChildServer(dataDir, env),
    curationEvents: async () => readJournal(dataDir).lines.filter(({ entry }) => 'id' in entry).length,
    heldAfter: async () => {
      expectNoJournalEventTwice(dataDir);
      return loadDataset(dataDir, { onWarning: () => {} });
    },
    remove: async () => {
      fs.rmSync(dataDir, { recursive: true, force: true });
      fs.rmSync(cacheDir, { recursive: true, force: true });
    },
  };
}

async function postgresStore(): Promise<CrashStore> {
  const database = await freshDatabase('crash');
  expect(await main(['db', 'import', seedDir, '--database', database.url], { out: () => {}, err: () => {} })).toBe(0);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-crash-pg-'));
  const env = { CLAIMGRAPH_TOKEN: CRASH_TOKEN, CLAIMGRAPH_WRITE_RATE_LIMIT: '0' };
  return {
    start: () => startChildServer(dataDir, env, 20_000, ['--database', database.url]),
    curationEvents: async () => {
      const pool = await connectDatabase(database.url, { max: 1 });
      try {
        return await curationEventCount(pool);
      } finally {
        await pool.end();
      }
    },
    heldAfter: async () => {
      const pool = await connectDatabase(database.url, { max: 1 });
      try {
        await expectNoEventTwice(pool);
        return (await loadDatasetFromDatabase(pool, database.url, { onWarning: () => {} })).dataset;
      } finally {
        await pool.end();
      }
    },
    remove: async () => {
      fs.rmSync(dataDir, { recursive: true, force: true });
      await database.drop();
    },
  };
}

/** The dataset on its own holds every acknowledged document, claim, curation and merge. */
function expectDatasetHolds(dataset: Dataset, acked: Acknowledged): void {
  for (const id of acked.documents) expect([id, dataset.documents.has(id)]).toEqual([id, true]);
  const claimIds = new Set(dataset.claims.map((c) => c.id));
  for (const { claimId } of acked.accepted.values()) expect([claimId, claimIds.has(claimId)]).toEqual([claimId, true]);
  for (const [twin, allowed] of acked.merged)
    expect([twin, allowed.includes(dataset.redirects.has(twin) && !dataset.entities.has(twin))]).toEqual([twin, true]);
  for (const [id, allowed] of acked.curated) {
    const live = claimIds.has(id);
    expect([id, allowed.some(({ status }) => (status === 'live') === live)]).toEqual([id, true]);
  }
}

/** The crash loop on `kind`: CYCLES SIGKILLs mid-burst, a restart after each. */
export function describeCrashLoop(kind: StoreKind): void {
  describe(`crash safety on the ${kind} store`, () => {
    it(
      `keeps every acknowledged write through ${CYCLES} SIGKILLs mid-burst (seed ${seed})`,
      async () => {
        assertServerBuilt();
        const store = kind === 'folder' ? await folderStore() : await postgresStore();
        const random = seededRandom(seed);
        const acked = noneAcknowledged();
        let server: ChildServer | undefined;
        try {
          for (let cycle = 0; cycle < CYCLES; cycle++) {
            const started = Date.now();
            server = await store.start();
            await expectAllPresent(server, acked);
            await burstUntilKilled(server, cycle, acked, random);
            console.log(`${kind} crash cycle ${cycle}: ${Date.now() - started} ms`);
          }
          server = await store.start();
          await expectAllPresent(server, acked);
          // The restarted server applied each curation event the store holds once.
          const history = await fetch(`${server.url}/api/history?limit=1`, {
            headers: { Authorization: `Bearer ${CRASH_TOKEN}` },
          });
          expect(((await history.json()) as { total: number }).total).toBe(await store.curationEvents());
          expect(acked.accepted.size).toBeGreaterThan(0);
          expect(acked.rejected.size).toBeGreaterThan(0);
          expect(acked.curationKinds).toEqual(
            new Set(['addClaim', 'correctClaim', 'retractClaim', 'revert', 'mergeEntities', 'splitEntity']),
          );
          server.child.kill('SIGTERM');
          await server.exited;
          server = undefined;
          expectDatasetHolds(await store.heldAfter(), acked);
        } catch (error) {
          throw new Error(
            `${kind} crash test failed with seed ${seed} (rerun with CRASH_SEED=${seed}):\n${(error as Error).message}\n${server?.output() ?? ''}`,
            { cause: error },
          );
        } finally {
          if (server && server.child.exitCode === null && server.child.signalCode === null) {
            server.child.kill('SIGKILL');
            await server.exited;
          }
          await store.remove();
        }
      },
      60_000 + CYCLES * 10_000,
    );
  });
}
