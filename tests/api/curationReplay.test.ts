// What curation leaves behind: after each kind of event a restart rebuilds the same graph
// and history, on both stores; on the data folder `compact` folds the events into the claim files and history.jsonl and a
// restart still gives the same graph, versions and history (a revert still works); a
// retracted claim is in no export and no status; knownAt, filters and path see the
// curated graph.
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { exportFormats } from '../../server/export';
import { compactDataFolder } from '../../server/store/compact';
import { graphOf, writeCurationFolder } from './curationFolder';
import { expectProblem } from './seedApp';
import { storeApp, STORES, type StoreKind } from './storeApps';
import { auth, type WriteApp } from './writeApp';

const historyOf = async (made: WriteApp) => (await request(made.app).get('/api/history').expect(200)).body;
const claimOf = async (made: WriteApp, id: string) => (await request(made.app).get(`/api/claims/${id}`)).body;

const write: Record<
  'add' | 'correct' | 'retract' | 'revert' | 'retract, add and revert the retraction',
  (made: WriteApp) => Promise<unknown>
> = {
  add: (made: WriteApp) =>
    request(made.app)
      .post('/api/claims')
      .set(auth)
      .send({
        document: 'mar',
        quote: 'Ann joined Acme Corp',
        start: 40,
        subject: 'ann',
        type: 'member_of',
        object: { name: 'Acme Holdings', type: 'organization' },
        stance: 'alleges',
      })
      .expect(201),
  correct: (made: WriteApp) =>
    request(made.app).patch('/api/claims/c1').set(auth).send({ object: 'acme', role: 'adviser' }).expect(200),
  retract: (made: WriteApp) =>
    request(made.app).post('/api/claims/c1/retract').set(auth).send({ reason: 'wrong' }).expect(200),
  revert: async (made: WriteApp) => {
    await write.add(made);
    await request(made.app).patch('/api/claims/mar.m1').set(auth).send({ stance: 'denies' }).expect(200);
    return request(made.app).post('/api/history/e2/revert').set(auth).expect(201);
  },
  // c1 comes back after the added claim, in memory as on replay and after compact.
  'retract, add and revert the retraction': async (made: WriteApp) => {
    await request(made.app).post('/api/claims/c1/retract').set(auth).send({ reason: 'wrong' }).expect(200);
    await request(made.app)
      .post('/api/claims')
      .set(auth)
      .send({
        document: 'jan',
        quote: 'last week',
        subject: 'bob',
        type: 'in_contact_with',
        object: 'ann',
        stance: 'denies',
      })
      .expect(201);
    return request(made.app).post('/api/history/e1/revert').set(auth).expect(201);
  },
};

describe.each(STORES)('on the %s store', (kind: StoreKind) => {
  const app = () => storeApp(kind, { dataDir: writeCurationFolder() });

  describe('restart after curation', () => {
    it.each(Object.keys(write))('a restart after %s gives the same graph, history and versions', async (name) => {
      const first = await app();
      const before = await graphOf(first);
      await write[name as keyof typeof write](first);
      const graph = await graphOf(first);
      expect(graph).not.toEqual(before);
      const history = await historyOf(first);
      const claimId = history.events[0].claim as string;
      const claim = await claimOf(first, claimId);

      const second = await first.restart();
      expect(await graphOf(second)).toEqual(graph);
      expect(await historyOf(second)).toEqual(history);
      expect(await claimOf(second, claimId)).toEqual(claim);
      // Each event once in the store, in the order written.
      expect((await second.events()).map((event) => ('id' in event ? event.id : event.kind))).toEqual(
        [...history.events].reverse().map((event: { id: string }) => event.id),
      );
    });

    it('a server without writes serves the same history and claims', async () => {
      const first = await app();
      await write.correct(first);
      const history = await historyOf(first);
      const claim = await claimOf(first, 'c1');
      const readOnly = await first.restart({ token: undefined });
      expect(await historyOf(readOnly)).toEqual(history);
      expect(await claimOf(readOnly, 'c1')).toEqual(claim);
      expectProblem(await request(readOnly.app).post('/api/claims/c1/retract').set(auth).send({ reason: 'x' }), 403);
    });
  });

  describe('a retracted claim is nowhere but the history', () => {
    const QUOTE = 'Ann reportedly met Bob in Paris';

    // nodes.csv lists the entities alone: no claim is ever in it.
    const withClaims = exportFormats.filter((format) => format.name !== 'nodes.csv');
    it.each(withClaims.map((format) => [format.name]))('is in no %s export', async (format) => {
      const made = await app();
      const url = `/api/export?format=${encodeURIComponent(format)}`;
      expect((await request(made.app).get(url).expect(200)).text).toContain(QUOTE);
      await write.retract(made);
      expect((await request(made.app).get(url).expect(200)).text).not.toContain(QUOTE);
    });

    it('derives no status: retracting the denial of an alleged contact makes it alleged again', async () => {
      const made = await app();
      const key = encodeURIComponent('ann|in_contact_with|bob');
      expect((await request(made.app).get(`/api/edges/${key}`)).body.status).toBe('alleged');
      const denial = await request(made.app)
        .post('/api/claims')
        .set(auth)
        .send({
          document: 'mar',
          quote: 'Bob said',
          subject: 'bob',
          type: 'in_contact_with',
          object: 'ann',
          stance: 'denies',
        })
        .expect(201);
      expect((await request(made.app).get(`/api/edges/${key}`)).body.status).toBe('disputed');
      await request(made.app)
        .post(`/api/claims/${denial.body.claim.claim.id}/retract`)
        .set(auth)
        .send({ reason: 'Bob said no such thing' })
        .expect(200);
      const edge = (await request(made.app).get(`/api/edges/${key}`)).body;
      expect([edge.status, edge.claimCount]).toEqual(['alleged', 1]);
    });

    it('knownAt, filters and path see the curated graph', async () => {
      const made = await app();
      const keys = async (query: string) =>
        ((await request(made.app).get(`/api/graph?${query}`)).body.edges as Array<{ key: string }>).map((e) => e.key);
      await request(made.app)
        .post('/api/claims')
        .set(auth)
        .send({ document: 'mar', quote: 'Bob said', subject: 'bob', type: 'funded', object: 'acme', stance: 'asserts' })
        .expect(201);
      // The March document is not known on 1 February; it is on 1 April.
      expect(await keys('knownAt=2024-02-01')).toEqual(['ann|in_contact_with|bob']);
      expect((await keys('knownAt=2024-04-01')).sort()).toEqual(['ann|in_contact_with|bob', 'bob|funded|acme']);
      expect(await keys('edgeTypes=funded')).toEqual(['bob|funded|acme']);
      const route = await request(made.app).get('/api/path?from=ann&to=acme');
      expect(route.status).toBe(200);
      const steps = route.body.steps as Array<{ edges: Array<{ id: string }> }>;
      expect(steps.map((step) => step.edges.map((e) => e.id))).toEqual([
        ['ann|in_contact_with|bob'],
        ['bob|funded|acme'],
      ]);

      await request(made.app).post('/api/claims/c1/retract').set(auth).send({ reason: 'wrong' }).expect(200);
      expect(await keys('knownAt=2024-04-01')).toEqual(['bob|funded|acme']);
      expectProblem(await request(made.app).get('/api/path?from=ann&to=acme'), 404);
    });
  });
});

// The data folder only: compaction folds its journal into claims.json, entities.json and
// history.jsonl. A database keeps its events table as the log and has nothing to compact.
describe('compaction of the data folder after curation', () => {
  const app = (dataDir = writeCurationFolder()) => storeApp('folder', { dataDir });

  it.each(Object.keys(write))(
    'compact then a restart after %s gives the same graph, history and versions',
    async (name) => {
      const first = await app();
      await write[name as keyof typeof write](first);
      const graph = await graphOf(first);
      const history = await historyOf(first);
      const claimId = history.events[0].claim as string;
      const claim = await claimOf(first, claimId);
      first.close();
      expect(compactDataFolder(first.dataDir).entries).toBe(history.total);
      expect(fs.readFileSync(path.join(first.dataDir, 'journal.jsonl'), 'utf8')).toBe('');
      const third = await app(first.dataDir);
      expect(await graphOf(third)).toEqual(graph);
      expect(await historyOf(third)).toEqual(history);
      expect(await claimOf(third, claimId)).toEqual(claim);
    },
  );

  it('compact writes the final claims and keeps the events in history.jsonl; undo still works after it', async () => {
    const first = await app();
    await write.correct(first);
    await write.add(first);
    first.close();
    expect(compactDataFolder(first.dataDir)).toEqual({
      entries: 2,
      documents: 0,
      entities: 1,
      claims: 1,
      proposals: 0,
    });
    const claims = JSON.parse(fs.readFileSync(path.join(first.dataDir, 'claims.json'), 'utf8'));
    expect(claims).toEqual([
      {
        id: 'c1',
        subject: 'ann',
        type: 'in_contact_with',
        object: 'acme',
        stance: 'alleges',
        document: 'jan',
        quote: 'Ann reportedly met Bob in Paris',
        date: '2024-01',
        role: 'adviser',
      },
      {
        id: 'mar.m1',
        subject: 'ann',
        type: 'member_of',
        object: 'acme-holdings',
        stance: 'alleges',
        document: 'mar',
        quote: 'Ann joined Acme Corp',
        quoteStart: 40,
        addedBy: 'token',
        addedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      },
    ]);
    const history = fs.readFileSync(path.join(first.dataDir, 'history.jsonl'), 'utf8').trim().split('\n');
    expect(history.map((line) => JSON.parse(line).id)).toEqual(['e1', 'e2']);
    // Compacting again folds nothing and keeps each event once.
    expect(compactDataFolder(first.dataDir).entries).toBe(0);

    const second = await app(first.dataDir);
    expect((await claimOf(second, 'c1')).version).toBe(2);
    const undo = await request(second.app).post('/api/history/e1/revert').set(auth).set('If-Match', '"2"');
    expect(undo.status).toBe(201);
    expect(undo.body.event.id).toBe('e3');
    const edges = (await request(second.app).get('/api/graph')).body.edges.map((e: { key: string }) => e.key).sort();
    expect(edges).toEqual(['ann|in_contact_with|bob', 'ann|member_of|acme-holdings']);
  });

  it('a server without writes serves the same history and claims, from the journal and from history.jsonl', async () => {
    const first = await app();
    await write.correct(first);
    const history = await historyOf(first);
    const claim = await claimOf(first, 'c1');
    first.close();
    const readOnly = await storeApp('folder', { dataDir: first.dataDir, token: undefined });
    expect(await historyOf(readOnly)).toEqual(history);
    expect(await claimOf(readOnly, 'c1')).toEqual(claim);
    readOnly.close();
    compactDataFolder(first.dataDir);
    const afterCompact = await storeApp('folder', { dataDir: first.dataDir, token: undefined });
    expect(await historyOf(afterCompact)).toEqual(history);
    expect(await claimOf(afterCompact, 'c1')).toEqual(claim);
  });

  it('a compaction interrupted before the journal was emptied replays to the same graph', async () => {
    const first = await app();
    await write.correct(first);
    await write.retract(first);
    const graph = await graphOf(first);
    first.close();
    const journal = fs.readFileSync(path.join(first.dataDir, 'journal.jsonl'));
    compactDataFolder(first.dataDir);
    // As if the process died after writing the files but before emptying the journal.
    fs.writeFileSync(path.join(first.dataDir, 'journal.jsonl'), journal);
    const second = await app(first.dataDir);
    expect(await graphOf(second)).toEqual(graph);
    expect((await historyOf(second)).total).toBe(2);
  });
});
