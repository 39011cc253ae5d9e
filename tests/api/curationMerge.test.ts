// Merging an entity through the API: POST /api/entities/{id}/merge records one
// mergeEntities event with every state it changes, the merged id answers 301 to the
// survivor, the search finds the survivor by the old names; every refusal has its exact
// text; a revert splits them again (a splitEntity event), refused while a later event
// changed what the merge left; a restart, and compact then a restart, give the same graph
// and keep the redirect.
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { compactDataFolder } from '../../server/store/compact';
import { graphOf, writeCurationFolder } from './curationFolder';
import { expectProblem } from './seedApp';
import { auth, type WriteApp } from './writeApp';
import { storeApp, STORES } from './storeApps';

const ANN = { id: 'ann', type: 'person', name: 'Ann Émile', aliases: ['Ann'] };
const BOB = { id: 'bob', type: 'person', name: 'Bob', aliases: [] };
const ACME = { id: 'acme', type: 'organization', name: 'Acme Corp', aliases: [] };
const ANNIE = { id: 'annie', type: 'person', name: 'Annie Emile', aliases: ['Ann', 'A. Emile'], description: 'Ann?' };
const ANN_MERGED = { ...ANN, aliases: ['Ann', 'Annie Emile', 'A. Emile'] };
const C1 = {
  id: 'c1',
  subject: 'ann',
  type: 'in_contact_with',
  object: 'bob',
  stance: 'alleges',
  document: 'jan',
  quote: 'Ann reportedly met Bob in Paris',
  date: '2024-01',
};
const C2 = { ...C1, id: 'c2', subject: 'annie', stance: 'asserts' };
const C3 = {
  id: 'c3',
  subject: 'bob',
  type: 'associate_of',
  object: 'annie',
  stance: 'alleges',
  document: 'jan',
  quote: 'met Bob in Paris',
};
const C4 = {
  id: 'c4',
  subject: 'annie',
  type: 'member_of',
  object: 'acme',
  stance: 'asserts',
  document: 'mar',
  quote: 'Ann joined Acme Corp in March',
};

/** The curation folder with Annie, the same person as Ann under another id, and three claims of hers. */
function folder(): string {
  const dir = writeCurationFolder();
  fs.writeFileSync(path.join(dir, 'entities.json'), JSON.stringify([ANN, BOB, ACME, ANNIE]));
  fs.writeFileSync(path.join(dir, 'claims.json'), JSON.stringify([C1, C2, C3, C4]));
  return dir;
}

const merge = (made: WriteApp, id: string, body: object, version?: string) => {
  const req = request(made.app).post(`/api/entities/${id}/merge`).set(auth);
  return (version === undefined ? req : req.set('If-Match', version)).send(body);
};
const revert = (made: WriteApp, eventId: string) =>
  request(made.app).post(`/api/history/${eventId}/revert`).set(auth).send({});
const searchIds = async (made: WriteApp, q: string) =>
  ((await request(made.app).get('/api/entities').query({ q }).expect(200)).body.hits as Array<{ id: string }>).map(
    (hit) => hit.id,
  );
const readFile = (made: WriteApp, file: string) =>
  JSON.parse(fs.readFileSync(path.join(made.dataDir, file), 'utf8')) as unknown;

async function expectRedirect(made: WriteApp, from: string, to: string) {
  const res = await request(made.app).get(from);
  expect([res.status, res.headers.location]).toEqual([301, to]);
  return res;
}

const MERGE_EVENT = {
  kind: 'mergeEntities',
  id: 'e1',
  at: expect.any(String),
  author: 'token',
  reason: 'the same person',
  entity: 'annie',
  into: 'ann',
  merged: ANNIE,
  mergedVersion: 2,
  before: ANN,
  after: ANN_MERGED,
  version: 2,
  claims: [
    { claim: 'c2', before: C2, after: { ...C2, subject: 'ann' }, version: 2 },
    { claim: 'c3', before: C3, after: { ...C3, object: 'ann' }, version: 2 },
    { claim: 'c4', before: C4, after: { ...C4, subject: 'ann' }, version: 2 },
  ],
};

describe.each(STORES)('on the %s store', (kind) => {
  const app = (dataDir: string) => storeApp(kind, { dataDir });

  describe('POST /api/entities/{id}/merge', () => {
    it('records one event; the claims, names and aliases join the survivor; the old id answers 301', async () => {
      const made = await app(folder());
      const res = await merge(made, 'annie', { into: 'ann', reason: 'the same person' }, '"1"');
      expect(res.status).toBe(200);
      expect(res.headers.etag).toBe('"2"');
      expect(res.headers.location).toBe('/api/entities/ann');
      expect(res.body.event).toEqual(MERGE_EVENT);
      expect(res.body.entity).toEqual({ entity: ANN_MERGED, version: 2, lastEvent: res.body.event });

      const moved = await expectRedirect(made, '/api/entities/annie', '/api/entities/ann');
      expect(moved.body).toEqual({ id: 'annie', mergedInto: 'ann' });
      await expectRedirect(
        made,
        '/api/entities/annie/neighbors?depth=2&claims=all',
        '/api/entities/ann/neighbors?depth=2&claims=all',
      );
      const details = (await request(made.app).get('/api/entities/ann').expect(200)).body;
      expect(details.entity).toEqual(ANN_MERGED);
      expect(details.claimCount).toBe(4);
      const graph = (await request(made.app).get('/api/graph').expect(200)).body;
      expect(graph.nodes.map((n: { key: string }) => n.key)).toEqual(['ann', 'bob', 'acme']);
      expect(
        graph.edges
          .map((e: { key: string; attributes: { claimCount: number } }) => [e.key, e.attributes.claimCount])
          .sort(),
      ).toEqual([
        ['ann|associate_of|bob', 1],
        ['ann|in_contact_with|bob', 2],
        ['ann|member_of|acme', 1],
      ]);
      expect(await searchIds(made, 'Annie Emile')).toEqual(['ann']);
      expect(await searchIds(made, 'A. Emile')).toEqual(['ann']);
      expectProblem(await request(made.app).get('/api/path').query({ from: 'annie', to: 'acme' }), 404, [
        { path: 'from', message: 'no entity with id "annie": it was merged into "ann"' },
      ]);

      const claim = (await request(made.app).get('/api/claims/c2').expect(200)).body;
      expect(claim).toEqual({
        claim: { ...C2, subject: 'ann', quoteStart: 0, quoteEnd: 31 },
        status: 'live',
        version: 2,
        edge: 'ann|in_contact_with|bob',
        lastEvent: res.body.event,
      });
      for (const entity of ['annie', 'ann']) {
        const history = (await request(made.app).get('/api/history').query({ entity }).expect(200)).body;
        expect([entity, history.events]).toEqual([entity, [res.body.event]]);
      }
      expect((await request(made.app).get('/api/history').query({ entity: 'acme' })).body.total).toBe(0);
      expect((await request(made.app).get('/api/history').query({ claim: 'c4' })).body.total).toBe(1);
    });

    it('refuses an unknown entity (404), itself, an unknown or merged-away survivor (400), and writes nothing', async () => {
      const made = await app(folder());
      expectProblem(await merge(made, 'nope', { into: 'ann' }), 404, [
        { path: 'id', message: 'no entity with id "nope"' },
      ]);
      expectProblem(await merge(made, 'ann', { into: 'ann' }), 400, [
        { path: 'into', message: 'entity "ann" cannot be merged into itself' },
      ]);
      expectProblem(await merge(made, 'annie', { into: 'nobody' }), 400, [
        { path: 'into', message: 'unknown entity "nobody"' },
      ]);
      expectProblem(await merge(made, 'annie', {}), 400, [
        { path: 'into', message: 'name the entity that stays, by its id: "into": "<entity id>"' },
      ]);
      expectProblem(await merge(made, 'annie', { into: 'ann', keep: true }), 400, [
        { path: 'keep', message: 'unknown field: it cannot be set by a client' },
      ]);
      expect((await request(made.app).get('/api/history')).body.total).toBe(0);

      await merge(made, 'annie', { into: 'ann' }).expect(200);
      expectProblem(await merge(made, 'bob', { into: 'annie' }), 400, [
        { path: 'into', message: 'entity "annie" was merged into "ann" by event "e1"; merge into "ann" instead' },
      ]);
      const again = await merge(made, 'annie', { into: 'bob' });
      expectProblem(again, 409);
      expect(again.body.detail).toBe('entity "annie" was merged into "ann" by event "e1"; merge "ann" instead');
      const edit = await request(made.app).patch('/api/entities/annie').set(auth).send({ name: 'Annie' });
      expectProblem(edit, 409);
      expect(edit.body.detail).toBe('entity "annie" was merged into "ann" by event "e1"; edit "ann" instead');
      const added = await request(made.app).post('/api/claims').set(auth).send({
        document: 'mar',
        quote: 'Ann joined Acme Corp in March',
        subject: 'annie',
        type: 'member_of',
        object: 'acme',
        stance: 'asserts',
      });
      expectProblem(added, 400, [{ path: 'subject', message: 'entity "annie" was merged into "ann"; use "ann"' }]);
      expect((await request(made.app).get('/api/history')).body.total).toBe(1);
    });

    it('answers 412 with the current version of the merged entity when If-Match is stale', async () => {
      const made = await app(folder());
      await request(made.app).patch('/api/entities/annie').set(auth).send({ aliases: [] }).expect(200);
      const stale = await merge(made, 'annie', { into: 'ann' }, '"1"');
      expectProblem(stale, 412, [{ path: 'If-Match', message: 'the current version is "2"' }]);
      expect(stale.body.detail).toBe(
        'entity "annie" is at version 2, not 1: it changed since you read it; read it again (GET /api/entities/annie) and redo your change',
      );
      const res = await merge(made, 'annie', { into: 'ann' }, '"2"');
      expect(res.status).toBe(200);
      expect(res.body.event.mergedVersion).toBe(3);
      expect(res.body.event.after.aliases).toEqual(['Ann', 'Annie Emile']);
    });

    it('refuses (409 naming them) claims that would join the survivor with itself, and writes nothing', async () => {
      const made = await app(folder());
      const one = await merge(made, 'bob', { into: 'ann' });
      expectProblem(one, 409);
      expect(one.body.detail).toBe(
        'entity "bob" cannot be merged into "ann": claim "c1" would join "ann" with itself; correct or retract it first',
      );
      const two = await merge(made, 'bob', { into: 'annie' });
      expectProblem(two, 409);
      expect(two.body.detail).toBe(
        'entity "bob" cannot be merged into "annie": claims "c2", "c3" would join "annie" with itself; correct or retract them first',
      );
      expect((await request(made.app).get('/api/history')).body.total).toBe(0);
    });

    it('merges entities of different types only when every moved claim allows the survivor’s type (else 409 naming them)', async () => {
      const made = await app(folder());
      const refused = await merge(made, 'bob', { into: 'acme' });
      expectProblem(refused, 409);
      expect(refused.body.detail).toBe(
        'entity "bob" cannot be merged into "acme" (organization, not person): claim "c3" does not allow organization at its end; correct or retract it first',
      );
      await request(made.app).post('/api/claims/c3/retract').set(auth).send({ reason: 'no associate' }).expect(200);
      const res = await merge(made, 'bob', { into: 'acme' });
      expect(res.status).toBe(200);
      expect(res.body.event.claims.map((c: { claim: string }) => c.claim)).toEqual(['c1', 'c2']);
      expect(res.body.entity.entity).toEqual({ ...ACME, aliases: ['Bob'] });
    });
  });

  describe('reverting a merge', () => {
    it('splits them again as a new event: the entity, its claims and the survivor’s aliases as before', async () => {
      const made = await app(folder());
      const graph = await graphOf(made);
      await merge(made, 'annie', { into: 'ann', reason: 'the same person' }).expect(200);
      const merged = await graphOf(made);
      const split = await request(made.app).post('/api/history/e1/revert').set(auth).set('If-Match', '"2"').send({
        reason: 'two people after all',
      });
      expect(split.status).toBe(201);
      expect(split.headers.location).toBe('/api/entities/annie');
      expect(split.headers.etag).toBe('"3"');
      expect(split.body.event).toEqual({
        ...MERGE_EVENT,
        kind: 'splitEntity',
        id: 'e2',
        reason: 'two people after all',
        mergedVersion: 3,
        before: ANN_MERGED,
        after: ANN,
        version: 3,
        claims: MERGE_EVENT.claims.map(({ claim, before, after }) => ({
          claim,
          before: after,
          after: before,
          version: 3,
        })),
        reverts: 'e1',
      });
      expect(split.body.entity).toEqual({ entity: ANNIE, version: 3, lastEvent: split.body.event });
      expect(await graphOf(made)).toEqual(graph);
      expect((await request(made.app).get('/api/entities/annie').expect(200)).body.entity).toEqual(ANNIE);
      expect((await request(made.app).get('/api/entities/ann').expect(200)).body.entity).toEqual(ANN);
      // Annie by her alias, Ann by a near spelling of her name.
      expect(await searchIds(made, 'A. Emile')).toEqual(['annie', 'ann']);

      // Reverting the split merges them again.
      const again = await revert(made, 'e2');
      expect(again.status).toBe(201);
      expect([again.body.event.kind, again.body.event.reverts, again.headers.location]).toEqual([
        'mergeEntities',
        'e2',
        '/api/entities/ann',
      ]);
      expect(await graphOf(made)).toEqual(merged);
      await expectRedirect(made, '/api/entities/annie', '/api/entities/ann');
    });

    it('is refused (409 naming the event) while a later event changed the survivor or a moved claim', async () => {
      const made = await app(folder());
      const graph = await graphOf(made);
      await merge(made, 'annie', { into: 'ann' }).expect(200);
      await request(made.app).patch('/api/entities/ann').set(auth).send({ description: 'A consultant' }).expect(200);
      const byEdit = await revert(made, 'e1');
      expectProblem(byEdit, 409);
      expect(byEdit.body.detail).toMatch(
        /^event "e1" cannot be reverted: event "e2" \(editEntity by token at [^)]+\) changed entity "ann" after it; revert "e2" first$/,
      );
      await revert(made, 'e2').expect(201);
      await request(made.app).patch('/api/claims/c4').set(auth).send({ stance: 'alleges' }).expect(200);
      const byCorrection = await revert(made, 'e1');
      expectProblem(byCorrection, 409);
      expect(byCorrection.body.detail).toMatch(
        /^event "e1" cannot be reverted: event "e4" \(correctClaim by token at [^)]+\) changed claim "c4" after it; revert "e4" first$/,
      );
      // Once the correction is undone, every state is as the merge left it again.
      expect((await revert(made, 'e4')).status).toBe(201);
      expect((await revert(made, 'e1')).status).toBe(201);
      expect(await graphOf(made)).toEqual(graph);
      expect((await request(made.app).get('/api/history').query({ entity: 'annie' })).body.total).toBe(2);
    });

    it('an edit of the merged entity, or a correction of a moved claim, cannot be reverted while merged (409 naming the merge)', async () => {
      const made = await app(folder());
      await request(made.app).patch('/api/entities/annie').set(auth).send({ aliases: [] }).expect(200);
      await request(made.app).patch('/api/claims/c2').set(auth).send({ stance: 'alleges' }).expect(200);
      await merge(made, 'annie', { into: 'ann' }).expect(200);
      const edit = await revert(made, 'e1');
      expectProblem(edit, 409);
      expect(edit.body.detail).toMatch(
        /^event "e1" cannot be reverted: event "e3" \(mergeEntities by token at [^)]+\) changed entity "annie" after it; revert "e3" first$/,
      );
      const correction = await revert(made, 'e2');
      expectProblem(correction, 409);
      expect(correction.body.detail).toMatch(
        /^event "e2" cannot be reverted: event "e3" \(mergeEntities by token at [^)]+\) changed claim "c2" after it; revert "e3" first$/,
      );
      expect((await revert(made, 'e3')).status).toBe(201);
      expect((await revert(made, 'e2')).status).toBe(201);
      expect((await revert(made, 'e1')).status).toBe(201);
    });

    it('a claim retracted before the merge cannot come back to the merged entity (409 naming the merge)', async () => {
      const made = await app(folder());
      await request(made.app).post('/api/claims/c4/retract').set(auth).send({ reason: 'not a member' }).expect(200);
      const res = await merge(made, 'annie', { into: 'ann' });
      expect(res.body.event.claims.map((c: { claim: string }) => c.claim)).toEqual(['c2', 'c3']);
      const blocked = await revert(made, 'e1');
      expectProblem(blocked, 409);
      expect(blocked.body.detail).toBe(
        'event "e1" cannot be reverted: its claim\'s entity "annie" was merged into "ann" by event "e2"; revert that merge first',
      );
      expect((await revert(made, 'e2')).status).toBe(201);
      expect((await revert(made, 'e1')).status).toBe(201);
      expect((await request(made.app).get('/api/claims/c4')).body.claim.subject).toBe('annie');
    });
  });

  describe('a merge after a restart', () => {
    it('a restart gives the same graph, history, versions and redirect', async () => {
      const first = await app(folder());
      await merge(first, 'annie', { into: 'ann' }).expect(200);
      const graph = await graphOf(first);
      const history = (await request(first.app).get('/api/history')).body;
      const second = await first.restart();
      expect(await graphOf(second)).toEqual(graph);
      expect((await request(second.app).get('/api/history')).body).toEqual(history);
      await expectRedirect(second, '/api/entities/annie/neighbors?depth=3', '/api/entities/ann/neighbors?depth=3');
      const stale = await request(second.app).patch('/api/entities/ann').set(auth).set('If-Match', '"1"').send({});
      expectProblem(stale, 412, [{ path: 'If-Match', message: 'the current version is "2"' }]);
      expect((await revert(second, 'e1')).status).toBe(201);
      const third = await second.restart();
      expect((await request(third.app).get('/api/entities/annie').expect(200)).body.entity).toEqual(ANNIE);
    });
  });
});

// The data folder only: compaction folds its journal into its files. A database keeps
// its events table as the log and has nothing to compact.
describe('compaction of the data folder after a merge', () => {
  it('compact leaves the merged entity out of its file and keeps the redirect in redirects.json; a revert after it works', async () => {
    const first = await storeApp('folder', { dataDir: folder() });
    const original = await graphOf(first);
    await merge(first, 'annie', { into: 'ann' }).expect(200);
    const graph = await graphOf(first);
    first.close();
    expect(compactDataFolder(first.dataDir)).toEqual({
      entries: 1,
      documents: 0,
      entities: 0,
      claims: 0,
      proposals: 0,
    });
    expect(readFile(first, 'entities.json')).toEqual([ANN_MERGED, BOB, ACME]);
    expect(readFile(first, 'claims.json')).toEqual([
      C1,
      { ...C2, subject: 'ann' },
      { ...C3, object: 'ann' },
      { ...C4, subject: 'ann' },
    ]);
    expect(readFile(first, 'redirects.json')).toEqual([{ id: 'annie', into: 'ann' }]);

    const second = await storeApp('folder', { dataDir: first.dataDir });
    expect(await graphOf(second)).toEqual(graph);
    await expectRedirect(second, '/api/entities/annie', '/api/entities/ann');
    expect((await request(second.app).get('/api/history').query({ entity: 'annie' })).body.total).toBe(1);
    expect((await revert(second, 'e1')).status).toBe(201);
    second.close();
    compactDataFolder(first.dataDir);
    expect(readFile(first, 'entities.json')).toEqual([ANN, BOB, ACME, ANNIE]);
    expect(readFile(first, 'redirects.json')).toEqual([]);
    const third = await storeApp('folder', { dataDir: first.dataDir });
    expect(await graphOf(third)).toEqual(original);
    expect((await request(third.app).get('/api/entities/annie').expect(200)).body.entity).toEqual(ANNIE);
  });

  it('a compaction interrupted before the journal was emptied replays a merge, its split and a merge again to the same graph', async () => {
    const first = await storeApp('folder', { dataDir: folder() });
    await merge(first, 'annie', { into: 'ann' }).expect(200);
    await revert(first, 'e1').expect(201);
    await revert(first, 'e2').expect(201);
    const graph = await graphOf(first);
    first.close();
    const journal = fs.readFileSync(path.join(first.dataDir, 'journal.jsonl'));
    compactDataFolder(first.dataDir);
    // As if the process died after writing the files but before emptying the journal.
    fs.writeFileSync(path.join(first.dataDir, 'journal.jsonl'), journal);
    const second = await storeApp('folder', { dataDir: first.dataDir });
    expect(await graphOf(second)).toEqual(graph);
    await expectRedirect(second, '/api/entities/annie', '/api/entities/ann');
    expect((await request(second.app).get('/api/history')).body.total).toBe(3);
  });
});
