// Duplicate candidates through the API: GET /api/entities/{id}/duplicates ranks them with
// their reasons (404 for an unknown entity); POST /api/entities/{id}/not-same records one
// judgeNotSame event (a repeat writes nothing and answers 200 with it), after which the
// pair is never proposed again from either side; a revert makes it a candidate again; a
// restart keeps the judgement, on both stores, and so does a compaction of the data folder.
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { compactDataFolder } from '../../server/store/compact';
import { duplicatesFolder as folder } from './duplicatesFolder';
import { expectProblem } from './seedApp';
import { auth, type WriteApp } from './writeApp';
import { storeApp, STORES } from './storeApps';

const EMILE_ANN = {
  id: 'emile-ann',
  name: 'Emile, Ann',
  type: 'person',
  score: 0.95,
  reasons: ['name "Ann Émile" ~ name "Emile, Ann": the same words in another order'],
};
const A_EMILE = {
  id: 'a-emile',
  name: 'A. Emile',
  type: 'person',
  score: 0.9,
  reasons: ['name "Ann Émile" ~ name "A. Emile": initials match', '1 shared neighbour: Bob'],
};

const duplicates = async (made: WriteApp, id: string) =>
  (await request(made.app).get(`/api/entities/${id}/duplicates`).expect(200)).body as {
    candidates: Array<{ id: string }>;
  };
const candidateIds = async (made: WriteApp, id: string) => (await duplicates(made, id)).candidates.map((c) => c.id);
const notSame = (made: WriteApp, id: string, body: object) =>
  request(made.app).post(`/api/entities/${id}/not-same`).set(auth).send(body);

describe.each(STORES)('on the %s store', (kind) => {
  const app = (dataDir: string) => storeApp(kind, { dataDir });

  describe('GET /api/entities/{id}/duplicates', () => {
    it('ranks the candidates with their scores and reasons, and is not cached', async () => {
      const made = await app(folder());
      const res = await request(made.app).get('/api/entities/ann/duplicates').expect(200);
      expect(res.body).toEqual({ id: 'ann', total: 2, limit: 10, minScore: 0.5, candidates: [EMILE_ANN, A_EMILE] });
      expect(res.headers['cache-control']).toBe('no-store');
      const cut = await request(made.app).get('/api/entities/ann/duplicates?limit=1&minScore=0.92').expect(200);
      expect(cut.body).toEqual({ id: 'ann', total: 1, limit: 1, minScore: 0.92, candidates: [EMILE_ANN] });
      expect(await candidateIds(made, 'acme')).toEqual([]);
    });

    it('answers 404 for an unknown entity and 400 for a bad limit or score', async () => {
      const made = await app(folder());
      expectProblem(await request(made.app).get('/api/entities/nobody/duplicates'), 404, [
        { path: 'id', message: 'no entity with id "nobody"' },
      ]);
      expectProblem(await request(made.app).get('/api/entities/ann/duplicates?limit=0'), 400, [
        { path: 'limit', message: 'must be at least 1' },
      ]);
      expectProblem(await request(made.app).get('/api/entities/ann/duplicates?minScore=2'), 400, [
        { path: 'minScore', message: 'must be at most 1' },
      ]);
    });
  });

  describe('POST /api/entities/{id}/not-same', () => {
    it('records one judgement; the pair is left out from both sides; a repeat writes nothing', async () => {
      const made = await app(folder());
      const res = await notSame(made, 'ann', { other: 'a-emile', reason: 'another person' });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        created: true,
        event: {
          kind: 'judgeNotSame',
          id: 'e1',
          at: expect.any(String),
          author: 'token',
          reason: 'another person',
          entity: 'ann',
          other: 'a-emile',
          before: 'unjudged',
          after: 'not-same',
        },
      });
      expect(await candidateIds(made, 'ann')).toEqual(['emile-ann']);
      expect(await candidateIds(made, 'a-emile')).toEqual(['emile-ann']);

      const again = await notSame(made, 'a-emile', { other: 'ann' });
      expect(again.status).toBe(200);
      expect(again.body).toEqual({ created: false, event: res.body.event });
      const history = await request(made.app).get('/api/history?entity=a-emile').expect(200);
      expect(history.body.events).toEqual([res.body.event]);
      expect(await made.events()).toEqual([res.body.event]);
    });

    it('refuses an unknown entity (404), an unknown or the same other (400), and a missing token (401)', async () => {
      const made = await app(folder());
      expectProblem(await notSame(made, 'nobody', { other: 'ann' }), 404);
      expectProblem(await notSame(made, 'ann', { other: 'nobody' }), 400, [
        { path: 'other', message: 'unknown entity "nobody"' },
      ]);
      expectProblem(await notSame(made, 'ann', { other: 'ann' }), 400, [
        { path: 'other', message: 'an entity is always the same as itself: name another entity' },
      ]);
      expectProblem(await request(made.app).post('/api/entities/ann/not-same').send({ other: 'bob' }), 401);
      expect(await made.events()).toEqual([]);
    });

    it('a revert makes the pair a candidate again; a revert of the revert leaves it out again', async () => {
      const made = await app(folder());
      await notSame(made, 'ann', { other: 'a-emile' }).expect(201);
      const undone = await request(made.app)
        .post('/api/history/e1/revert')
        .set(auth)
        .send({ reason: 'same after all' });
      expect(undone.status).toBe(201);
      expect(undone.body).toEqual({
        created: true,
        event: {
          kind: 'judgeNotSame',
          id: 'e2',
          at: expect.any(String),
          author: 'token',
          reason: 'same after all',
          entity: 'ann',
          other: 'a-emile',
          before: 'not-same',
          after: 'unjudged',
          reverts: 'e1',
        },
      });
      expect((await duplicates(made, 'ann')).candidates).toEqual([EMILE_ANN, A_EMILE]);
      const stale = await request(made.app).post('/api/history/e1/revert').set(auth);
      expectProblem(stale, 409);
      expect(stale.body.detail).toMatch(
        /^event "e1" cannot be reverted: event "e2" \(judgeNotSame by token at .+\) judged entities "ann" and "a-emile" after it; revert "e2" first$/,
      );
      await request(made.app).post('/api/history/e2/revert').set(auth).expect(201);
      expect(await candidateIds(made, 'ann')).toEqual(['emile-ann']);
    });

    it('a restart keeps the judgement', async () => {
      const first = await app(folder());
      await notSame(first, 'ann', { other: 'a-emile' }).expect(201);
      const second = await first.restart();
      expect(await candidateIds(second, 'ann')).toEqual(['emile-ann']);
      expect((await notSame(second, 'ann', { other: 'a-emile' })).status).toBe(200);
      await request(second.app).post('/api/history/e1/revert').set(auth).expect(201);
      expect(await candidateIds(second, 'ann')).toEqual(['emile-ann', 'a-emile']);
    });
  });
});

// The data folder only: compaction folds its journal into history.jsonl. A database keeps
// its events table as the log and has nothing to compact.
describe('compaction of the data folder after a judgement', () => {
  it('a compaction then a restart keep the judgement', async () => {
    const first = await storeApp('folder', { dataDir: folder() });
    await notSame(first, 'ann', { other: 'a-emile' }).expect(201);
    first.close();
    expect(compactDataFolder(first.dataDir).entries).toBe(1);
    expect(fs.readFileSync(path.join(first.dataDir, 'journal.jsonl'), 'utf8')).toBe('');
    expect(fs.readFileSync(path.join(first.dataDir, 'history.jsonl'), 'utf8')).toMatch(/"kind":"judgeNotSame"/);
    const third = await storeApp('folder', { dataDir: first.dataDir });
    expect(await candidateIds(third, 'ann')).toEqual(['emile-ann']);
    await request(third.app).post('/api/history/e1/revert').set(auth).expect(201);
    expect(await candidateIds(third, 'ann')).toEqual(['emile-ann', 'a-emile']);
  });
});
