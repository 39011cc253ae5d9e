// Correcting, retracting and undoing claims through the API: PATCH makes a new version and
// moves the claim from its old edge to its new one; retract needs a reason and takes the
// claim off every view while the history keeps it; revert undoes an event unless a later
// one changed the claim (409 naming it); If-Match with a stale version is a 412; and the
// history lists it all, newest first, filtered by claim, entity, document or author.
import request from 'supertest';
import { writeCurationFolder } from './curationFolder';
import { expectProblem } from './seedApp';
import { auth, type WriteApp } from './writeApp';
import { STORES, storeApp, type StoreAppOptions } from './storeApps';

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
const edgeKeys = async (made: WriteApp) =>
  ((await request(made.app).get('/api/graph')).body.edges as Array<{ key: string }>).map((e) => e.key).sort();
const patch = (made: WriteApp, id: string, body: object, version?: string) => {
  const req = request(made.app).patch(`/api/claims/${id}`).set(auth);
  return (version === undefined ? req : req.set('If-Match', version)).send(body);
};
const retract = (made: WriteApp, id: string, body: object, version?: string) => {
  const req = request(made.app).post(`/api/claims/${id}/retract`).set(auth);
  return (version === undefined ? req : req.set('If-Match', version)).send(body);
};
const revert = (made: WriteApp, eventId: string, version?: string) => {
  const req = request(made.app).post(`/api/history/${eventId}/revert`).set(auth);
  return version === undefined ? req : req.set('If-Match', version);
};

describe.each(STORES)('on the %s store', (kind) => {
  const app = (options: StoreAppOptions = {}) => storeApp(kind, { dataDir: writeCurationFolder(), ...options });

  describe('PATCH /api/claims/{id}', () => {
    it('makes a new version; the edge it left and the edge it joined are both derived again', async () => {
      const made = await app();
      expect(await edgeKeys(made)).toEqual(['ann|in_contact_with|bob']);
      const res = await patch(
        made,
        'c1',
        { type: 'associate_of', stance: 'confirms', date: null, role: 'partner' },
        '"1"',
      );
      expect(res.status).toBe(200);
      expect(res.headers.etag).toBe('"2"');
      const after = { ...C1, type: 'associate_of', stance: 'confirms', role: 'partner' };
      delete (after as { date?: string }).date;
      expect(res.body.event).toEqual({
        kind: 'correctClaim',
        id: 'e1',
        at: expect.any(String),
        author: 'token',
        claim: 'c1',
        before: C1,
        after,
        version: 2,
        entities: [],
      });
      expect(res.body.claim).toEqual({
        claim: { ...after, quoteStart: 0, quoteEnd: 31 },
        status: 'live',
        version: 2,
        edge: 'ann|associate_of|bob',
        lastEvent: res.body.event,
      });
      expect(res.body.previousEdge).toBe('ann|in_contact_with|bob');
      expect(await edgeKeys(made)).toEqual(['ann|associate_of|bob']);
      const edge = await request(made.app).get(`/api/edges/${encodeURIComponent('ann|associate_of|bob')}`);
      expect([edge.body.status, edge.body.claimCount, edge.body.claims[0].role]).toEqual(['confirmed', 1, 'partner']);
      expect((await request(made.app).get(`/api/edges/${encodeURIComponent('ann|in_contact_with|bob')}`)).status).toBe(
        404,
      );
    });

    it('corrects the quote (checked against the document) and the ends, a new entity included', async () => {
      const made = await app();
      const res = await patch(made, 'c1', {
        quote: 'Ann reportedly met Bob in Paris last week',
        object: { name: 'Carol', type: 'person' },
      });
      expect(res.status).toBe(200);
      expect(res.body.event.entities).toEqual([{ id: 'carol', type: 'person', name: 'Carol', aliases: [] }]);
      expect(res.body.claim.claim).toMatchObject({
        quote: 'Ann reportedly met Bob in Paris last week',
        object: 'carol',
        quoteStart: 0,
        quoteEnd: 41,
      });
      expect(await edgeKeys(made)).toEqual(['ann|in_contact_with|carol']);
      expectProblem(await patch(made, 'c1', { quote: 'Ann met Carol' }), 400, [
        { path: 'quote', message: 'not found verbatim in document "jan"; nearest passage: "Ann reportedly met"' },
      ]);
    });

    it('refuses a type the ends do not allow, a change of nothing, and an unknown claim', async () => {
      const made = await app();
      expectProblem(await patch(made, 'c1', { type: 'owns' }), 400, [
        {
          path: 'type',
          message:
            'edge type "owns" does not allow person → person; the types that do: associate_of, in_contact_with, requested, acted_on_behalf_of, provided_access, restricted_access, funded, supported, criticized, used, sanctioned, linked_to',
        },
      ]);
      expectProblem(await patch(made, 'c1', { stance: 'alleges' }), 400, [
        { path: '', message: 'the correction changes nothing: every field given already has that value' },
      ]);
      expectProblem(await patch(made, 'nope', { stance: 'denies' }), 404, [
        { path: 'id', message: 'no claim with id "nope"' },
      ]);
    });

    it('answers 412 with the current version when If-Match is stale, and writes nothing', async () => {
      const made = await app();
      await patch(made, 'c1', { stance: 'asserts' }, '"1"').expect(200);
      const stale = await patch(made, 'c1', { stance: 'denies' }, '"1"');
      expectProblem(stale, 412, [{ path: 'If-Match', message: 'the current version is "2"' }]);
      expect(stale.body.detail).toBe(
        'claim "c1" is at version 2, not 1: it changed since you read it; read it again (GET /api/claims/c1) and redo your change',
      );
      expect((await request(made.app).get('/api/claims/c1')).body.claim.stance).toBe('asserts');
      expectProblem(await patch(made, 'c1', { stance: 'denies' }, 'version two'), 400, [
        { path: 'If-Match', message: 'expected a claim version such as "3", not "version two"' },
      ]);
      expect((await patch(made, 'c1', { stance: 'denies' }, 'W/"2"')).status).toBe(200);
    });
  });

  describe('POST /api/claims/{id}/retract', () => {
    it('needs a reason', async () => {
      const made = await app();
      const message = 'a retraction needs a reason: say why the claim is taken back';
      expectProblem(await retract(made, 'c1', {}), 400, [{ path: 'reason', message }]);
      expectProblem(await retract(made, 'c1', { reason: '  ' }), 400, [{ path: 'reason', message }]);
      expect(await edgeKeys(made)).toEqual(['ann|in_contact_with|bob']);
    });

    it('takes the claim off the graph, its edge and the stats; the claim stays readable with who, when and why', async () => {
      const made = await app();
      const statsBefore = await request(made.app).get('/api/stats');
      expect(statsBefore.body.counts).toEqual({ entities: 3, edges: 1, claims: 1, documents: 1 });
      const res = await retract(made, 'c1', { reason: 'misread: they only emailed' }, '"1"');
      expect(res.status).toBe(200);
      expect(res.body.event).toEqual({
        kind: 'retractClaim',
        id: 'e1',
        at: expect.any(String),
        author: 'token',
        reason: 'misread: they only emailed',
        claim: 'c1',
        before: C1,
        after: null,
        version: 2,
        entities: [],
      });
      expect(res.body.claim).toEqual({
        claim: C1,
        status: 'retracted',
        version: 2,
        edge: 'ann|in_contact_with|bob',
        lastEvent: res.body.event,
      });
      expect(await edgeKeys(made)).toEqual([]);
      const stats = await request(made.app).get('/api/stats');
      // Documents cited by the graph's claims: none is left.
      expect(stats.body.counts).toEqual({ entities: 3, edges: 0, claims: 0, documents: 0 });
      expect((await request(made.app).get('/api/claims/c1')).body.status).toBe('retracted');
      const again = await retract(made, 'c1', { reason: 'twice' });
      expectProblem(again, 409);
      expect(again.body.detail).toBe('claim "c1" was retracted by event "e1"; revert that event to bring it back');
      expectProblem(await patch(made, 'c1', { stance: 'denies' }), 409);
    });
  });

  describe('POST /api/history/{eventId}/revert and GET /api/history', () => {
    it('undoes a retraction, a correction and an addition, each with a new event', async () => {
      const made = await app();
      await retract(made, 'c1', { reason: 'wrong' }).expect(200);
      const back = await revert(made, 'e1', '"2"').send({ reason: 'it was right after all' });
      expect(back.status).toBe(201);
      expect(back.body.event).toEqual({
        kind: 'revert',
        id: 'e2',
        at: expect.any(String),
        author: 'token',
        reason: 'it was right after all',
        reverts: 'e1',
        claim: 'c1',
        before: null,
        after: C1,
        version: 3,
        entities: [],
      });
      expect(back.body.claim.status).toBe('live');
      expect(await edgeKeys(made)).toEqual(['ann|in_contact_with|bob']);

      await patch(made, 'c1', { object: 'acme' }).expect(200);
      expect(await edgeKeys(made)).toEqual(['acme|in_contact_with|ann']);
      const undo = await revert(made, 'e3');
      expect(undo.status).toBe(201);
      expect(undo.body.event).toMatchObject({
        reverts: 'e3',
        before: { ...C1, object: 'acme' },
        after: C1,
        version: 5,
      });
      expect(await edgeKeys(made)).toEqual(['ann|in_contact_with|bob']);

      const added = await request(made.app)
        .post('/api/claims')
        .set(auth)
        .send({
          document: 'jan',
          quote: 'last week',
          subject: 'bob',
          type: 'in_contact_with',
          object: 'acme',
          stance: 'asserts',
        })
        .expect(201);
      expect(await edgeKeys(made)).toEqual(['acme|in_contact_with|bob', 'ann|in_contact_with|bob']);
      const unadd = await revert(made, added.body.event.id);
      expect(unadd.status).toBe(201);
      expect(unadd.body.event).toMatchObject({ reverts: 'e5', claim: 'jan.m1', after: null, version: 2 });
      expect(unadd.body.claim.status).toBe('retracted');
      expect(await edgeKeys(made)).toEqual(['ann|in_contact_with|bob']);
    });

    it('refuses to revert an event a later one depends on, naming it; 404 for an unknown event; 412 when stale', async () => {
      const made = await app();
      await patch(made, 'c1', { stance: 'asserts' }).expect(200);
      const later = await patch(made, 'c1', { stance: 'confirms' }).expect(200);
      const blocked = await revert(made, 'e1');
      expectProblem(blocked, 409);
      expect(blocked.body.detail).toBe(
        `event "e1" cannot be reverted: event "e2" (correctClaim by token at ${later.body.event.at}) changed claim "c1" after it; revert "e2" first`,
      );
      expectProblem(await revert(made, 'e2', '"2"'), 412, [
        { path: 'If-Match', message: 'the current version is "3"' },
      ]);
      // Reverting the later one first frees the earlier one.
      await revert(made, 'e2', '"3"').expect(201);
      const freed = await revert(made, 'e1');
      expect(freed.status).toBe(201);
      expect(freed.body.claim.claim.stance).toBe('alleges');
      expectProblem(await revert(made, 'e99'), 404, [{ path: 'eventId', message: 'no event with id "e99"' }]);
    });

    it('lists events newest first, each with its before and after, filtered and paged', async () => {
      const made = await app();
      await patch(made, 'c1', { stance: 'asserts' }).expect(200);
      await request(made.app)
        .post('/api/claims')
        .set(auth)
        .send({
          document: 'mar',
          quote: 'Bob said',
          subject: 'bob',
          type: 'in_contact_with',
          object: 'acme',
          stance: 'asserts',
        })
        .expect(201);
      await retract(made, 'c1', { reason: 'duplicate' }).expect(200);

      const all = await request(made.app).get('/api/history');
      expect(all.status).toBe(200);
      expect(all.headers['cache-control']).toBe('no-store');
      expect([all.body.total, all.body.offset, all.body.limit]).toEqual([3, 0, 50]);
      expect(all.body.events.map((e: { id: string; kind: string }) => `${e.id} ${e.kind}`)).toEqual([
        'e3 retractClaim',
        'e2 addClaim',
        'e1 correctClaim',
      ]);
      expect(all.body.events[2]).toMatchObject({ before: C1, after: { ...C1, stance: 'asserts' } });
      const ids = async (query: string) =>
        ((await request(made.app).get(`/api/history?${query}`)).body.events as Array<{ id: string }>).map((e) => e.id);
      expect(await ids('claim=c1')).toEqual(['e3', 'e1']);
      expect(await ids('entity=acme')).toEqual(['e2']);
      expect(await ids('entity=ann')).toEqual(['e3', 'e1']);
      expect(await ids('document=mar')).toEqual(['e2']);
      expect(await ids('author=token')).toEqual(['e3', 'e2', 'e1']);
      expect(await ids('author=cli')).toEqual([]);
      expect(await ids('limit=1&offset=1')).toEqual(['e2']);
      expectProblem(await request(made.app).get('/api/history?who=me'), 400);
    });
  });
});
