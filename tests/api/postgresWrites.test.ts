// Several servers on one PostgreSQL database: a write committed by one is applied by the
// others in commit order (LISTEN/NOTIFY, and a timer for a missed notification), and a
// stale If-Match is refused whichever server holds the newer version. Real PostgreSQL.
import request from 'supertest';
import { startCrashableCluster, type CrashableCluster } from '../postgres/crashableCluster';
import { migrate, migratedDatabase } from '../postgres/migratedDatabase';
import { postgresServer, type PostgresServer } from './postgresServers';
import { ADD_CLAIM, folderWithAnnie, until } from './teamFixtures';
import { auth } from './writeApp';

const status = async (server: PostgresServer, url: string) => (await request(server.app).get(url)).status;

describe('two servers on one PostgreSQL database', () => {
  it('a claim added on A is answered by B, edge and claim, at the same version', async () => {
    const url = await migratedDatabase('pg writes');
    const [a, b] = [await postgresServer(url), await postgresServer(url)];
    expect(await status(b, '/api/edges/ann%7Cmember_of%7Cacme')).toBe(404);
    const added = await request(a.app).post('/api/claims').set(auth).send(ADD_CLAIM);
    expect(added.status).toBe(201);
    expect(added.body.claim.edge).toBe('ann|member_of|acme');
    const delay = await until(async () => (await status(b, '/api/edges/ann%7Cmember_of%7Cacme')) === 200);
    console.log(`notification delay A → B: ${delay} ms`);
    const onB = await request(b.app).get('/api/claims/mar.m1').expect(200);
    expect(onB.body).toEqual((await request(a.app).get('/api/claims/mar.m1').expect(200)).body);
    expect(b.store.current.version).toBe(a.store.current.version);
  });

  it('a merge on B is seen by A: the old id redirects, the claims moved', async () => {
    const url = await migratedDatabase('pg writes');
    const base = folderWithAnnie();
    const [a, b] = [await postgresServer(url, base), await postgresServer(url, base)];
    const merged = await request(b.app)
      .post('/api/entities/annie/merge')
      .set(auth)
      .set('If-Match', '"1"')
      .send({ into: 'ann', reason: 'the same person' });
    expect(merged.status).toBe(200);
    expect(merged.body.entity.entity.aliases).toEqual(['Ann', 'Annie Emile', 'A. Emile']);
    const delay = await until(async () => (await status(a, '/api/entities/annie')) === 301);
    console.log(`notification delay B → A (merge): ${delay} ms`);
    expect((await request(a.app).get('/api/entities/annie').redirects(0)).headers.location).toBe('/api/entities/ann');
    expect((await request(a.app).get('/api/entities/ann').expect(200)).body.entity).toEqual(merged.body.entity.entity);
  });

  it('an If-Match race on one claim between A and B: exactly one 200 and one 412', async () => {
    const url = await migratedDatabase('pg writes');
    const [a, b] = [await postgresServer(url), await postgresServer(url)];
    const correct = (server: PostgresServer, stance: string) =>
      request(server.app).patch('/api/claims/c1').set(auth).set('If-Match', '"1"').send({ stance, reason: 'race' });
    const answers = await Promise.all([correct(a, 'asserts'), correct(b, 'denies')]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 412]);
    const lost = answers.find((r) => r.status === 412)!;
    expect(lost.body.detail).toBe(
      'claim "c1" is at version 2, not 1: it changed since you read it; read it again (GET /api/claims/c1) and redo your change',
    );
    const won = answers.find((r) => r.status === 200)!;
    for (const server of [a, b])
      await until(async () => (await request(server.app).get('/api/claims/c1')).body.version === 2);
    expect((await request(a.app).get('/api/claims/c1')).body.claim.stance).toBe(won.body.claim.claim.stance);
    expect((await request(b.app).get('/api/claims/c1')).body.claim.stance).toBe(won.body.claim.claim.stance);
  });
});

describe('the database gone: pg_ctl stop -m immediate of a cluster of its own, then start', () => {
  let cluster: CrashableCluster;
  beforeAll(async () => {
    cluster = await startCrashableCluster();
    await migrate(cluster.url);
  });
  afterAll(() => cluster.stop());

  it('reads answer from memory with a Warning, writes answer 503, nothing half-applied; back, it catches up', async () => {
    const [a, b] = [await postgresServer(cluster.url), await postgresServer(cluster.url)];
    cluster.crash();
    try {
      const refused = await request(a.app).post('/api/claims').set(auth).send(ADD_CLAIM);
      expect(refused.status).toBe(503);
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(refused.headers['retry-after']).toBe('5');
      expect(refused.body.detail).toMatch(
        /^the database is unreachable: .+; nothing of this request was applied, retry once it is back$/,
      );
      const read = await request(a.app).get('/api/claims/c1').expect(200);
      expect(read.headers.warning).toBe('199 claimgraph "database unreachable; answers may be stale"');
      expect(await status(a, '/api/claims/mar.m1')).toBe(404);
    } finally {
      cluster.start();
    }
    const resumed = await until(
      async () => (await request(a.app).post('/api/claims').set(auth).send(ADD_CLAIM)).status === 201,
    );
    console.log(`writes accepted again ${resumed} ms after the cluster restarted`);
    await until(async () => (await status(b, '/api/claims/mar.m1')) === 200);
    expect((await request(a.app).get('/api/claims/c1')).headers.warning).toBeUndefined();
    // One event: the refused write left nothing behind.
    expect((await request(b.app).get('/api/history').expect(200)).body.total).toBe(1);
  });
});
