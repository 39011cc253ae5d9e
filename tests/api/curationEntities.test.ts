// Editing an entity through the API: PATCH /api/entities/{id} records one editEntity event
// with the entity before and after, the entity answer and the search follow at once; a
// type change that a claim of the entity does not allow is a 409 naming the claims; an
// unknown entity 404, a stale If-Match 412, an unknown field or an edit that changes
// nothing 400; a restart, and compact then a restart, give the same graph; a revert puts
// the entity back, unless a later edit changed it.
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { compactDataFolder } from '../../server/store/compact';
import { graphOf, writeCurationFolder } from './curationFolder';
import { expectProblem } from './seedApp';
import { auth, type WriteApp } from './writeApp';
import { storeApp, STORES } from './storeApps';

/** The curation folder plus claims/associates.json: two associate_of claims, which need a person at each end. */
function folder(): string {
  const dir = writeCurationFolder();
  fs.mkdirSync(path.join(dir, 'claims'));
  const associate = (id: string, subject: string, object: string) => ({
    id,
    subject,
    type: 'associate_of',
    object,
    stance: 'alleges',
    document: 'jan',
    quote: 'Ann reportedly met Bob in Paris',
  });
  fs.writeFileSync(
    path.join(dir, 'claims', 'associates.json'),
    JSON.stringify([associate('c2', 'ann', 'bob'), associate('c3', 'bob', 'ann')]),
  );
  return dir;
}

const edit = (made: WriteApp, id: string, body: object, version?: string) => {
  const req = request(made.app).patch(`/api/entities/${id}`).set(auth);
  return (version === undefined ? req : req.set('If-Match', version)).send(body);
};
const searchIds = async (made: WriteApp, q: string) =>
  ((await request(made.app).get('/api/entities').query({ q }).expect(200)).body.hits as Array<{ id: string }>).map(
    (hit) => hit.id,
  );

const ANN = { id: 'ann', type: 'person', name: 'Ann Émile', aliases: ['Ann'] };
const ANN_EDITED = {
  id: 'ann',
  type: 'person',
  name: 'Ann Émile Dupont',
  aliases: ['Ann', 'Annie Dupont'],
  description: 'A consultant in Paris',
};

describe.each(STORES)('on the %s store', (kind) => {
  const app = (dataDir: string) => storeApp(kind, { dataDir });

  describe('PATCH /api/entities/{id}', () => {
    it('records the edit as one event; the entity, its node, its history and the search follow at once', async () => {
      const made = await app(folder());
      expect(await searchIds(made, 'Annie Dupont')).toEqual([]);
      const res = await edit(
        made,
        'ann',
        {
          name: 'Ann Émile Dupont',
          aliases: ['Ann', 'Annie Dupont'],
          description: 'A consultant in Paris',
          reason: 'full name',
        },
        '"1"',
      );
      expect(res.status).toBe(200);
      expect(res.headers.etag).toBe('"2"');
      expect(res.headers.location).toBe('/api/entities/ann');
      expect(res.body.event).toEqual({
        kind: 'editEntity',
        id: 'e1',
        at: expect.any(String),
        author: 'token',
        reason: 'full name',
        entity: 'ann',
        before: ANN,
        after: ANN_EDITED,
        version: 2,
      });
      expect(res.body.entity).toEqual({ entity: ANN_EDITED, version: 2, lastEvent: res.body.event });

      const details = await request(made.app).get('/api/entities/ann').expect(200);
      expect(details.body.entity).toEqual(ANN_EDITED);
      expect(details.body.claimCount).toBe(3);
      const node = (await request(made.app).get('/api/graph')).body.nodes.find((n: { key: string }) => n.key === 'ann');
      expect(node.attributes.label).toBe('Ann Émile Dupont');
      expect(await searchIds(made, 'Annie Dupont')).toEqual(['ann']);
      expect(await searchIds(made, 'Dupont')).toEqual(['ann']);

      const history = await request(made.app).get('/api/history').query({ entity: 'ann' }).expect(200);
      expect(history.body).toEqual({ total: 1, offset: 0, limit: 50, events: [res.body.event] });
      expect((await request(made.app).get('/api/history').query({ entity: 'bob' })).body.total).toBe(0);
      expect((await request(made.app).get('/api/history').query({ claim: 'c1' })).body.total).toBe(0);
    });

    it('clears description, kind and countryCode with null, and changes the type when every claim allows it', async () => {
      const made = await app(folder());
      const res = await edit(made, 'acme', { type: 'organization', kind: 'company', description: 'A firm' });
      expect(res.status).toBe(200);
      expect(res.body.event.after).toEqual({
        id: 'acme',
        type: 'organization',
        name: 'Acme Corp',
        aliases: [],
        description: 'A firm',
        kind: 'company',
      });
      const cleared = await edit(made, 'acme', { kind: null, description: null, type: 'service' }, '"2"');
      expect(cleared.status).toBe(200);
      expect(cleared.body.entity).toEqual({
        entity: { id: 'acme', type: 'service', name: 'Acme Corp', aliases: [] },
        version: 3,
        lastEvent: cleared.body.event,
      });
    });

    it('refuses a type that a claim of the entity does not allow at its end (409 naming the claims), and writes nothing', async () => {
      const made = await app(folder());
      const refused = await edit(made, 'bob', { type: 'organization', kind: 'company' });
      expectProblem(refused, 409);
      expect(refused.body.detail).toBe(
        'entity "bob" cannot change type: type "organization" is not allowed at its end by claims "c2", "c3"; correct or retract them first',
      );
      await request(made.app).post('/api/claims/c3/retract').set(auth).send({ reason: 'not an associate' }).expect(200);
      const one = await edit(made, 'bob', { type: 'organization' });
      expectProblem(one, 409);
      expect(one.body.detail).toBe(
        'entity "bob" cannot change type: type "organization" is not allowed at its end by claim "c2"; correct or retract it first',
      );
      expect((await request(made.app).get('/api/entities/bob')).body.entity).toEqual({
        id: 'bob',
        type: 'person',
        name: 'Bob',
        aliases: [],
      });
      expect(
        (await request(made.app).get('/api/history').query({ entity: 'bob' })).body.events.map(
          (e: { kind: string }) => e.kind,
        ),
      ).toEqual(['retractClaim']);
    });

    it('answers 404 for an unknown entity, 400 for an unknown field, a bad type or kind, or an edit that changes nothing', async () => {
      const made = await app(folder());
      expectProblem(await edit(made, 'nope', { name: 'Nobody' }), 404, [
        { path: 'id', message: 'no entity with id "nope"' },
      ]);
      expectProblem(await edit(made, 'ann', { id: 'anne' }), 400, [
        { path: 'id', message: 'unknown field: it cannot be set by a client' },
      ]);
      expectProblem(await edit(made, 'ann', { nickname: 'Annie' }), 400, [
        { path: 'nickname', message: 'unknown field: it cannot be set by a client' },
      ]);
      expectProblem(await edit(made, 'ann', { type: 'planet' }), 400, [
        { path: 'type', message: 'unknown node type "planet"; expected one of person, organization, country, service' },
      ]);
      expectProblem(await edit(made, 'acme', { kind: 'guild' }), 400, [
        {
          path: 'kind',
          message:
            'unknown organization kind "guild"; expected one of company, media, government, military, intelligence, party, ngo, other',
        },
      ]);
      expectProblem(await edit(made, 'ann', { name: 'Ann Émile', aliases: ['Ann'] }), 400, [
        { path: '', message: 'the edit changes nothing: every field given already has that value' },
      ]);
      expect((await request(made.app).get('/api/history')).body.total).toBe(0);
    });

    it('answers 412 with the current version when If-Match is stale, and writes nothing', async () => {
      const made = await app(folder());
      await edit(made, 'bob', { aliases: ['Bobby'] }, '"1"').expect(200);
      const stale = await edit(made, 'bob', { aliases: ['Robert'] }, '"1"');
      expectProblem(stale, 412, [{ path: 'If-Match', message: 'the current version is "2"' }]);
      expect(stale.body.detail).toBe(
        'entity "bob" is at version 2, not 1: it changed since you read it; read it again (GET /api/entities/bob) and redo your change',
      );
      expect((await request(made.app).get('/api/entities/bob')).body.entity.aliases).toEqual(['Bobby']);
      expect((await edit(made, 'bob', { aliases: ['Robert'] }, '"2"')).status).toBe(200);
    });
  });

  describe('an entity edit after a restart and a revert', () => {
    it('a restart gives the same graph, entity, version and history', async () => {
      const first = await app(folder());
      const before = await graphOf(first);
      await edit(first, 'ann', {
        name: 'Ann Émile Dupont',
        aliases: ['Ann', 'Annie Dupont'],
        description: 'A consultant in Paris',
      }).expect(200);
      const graph = await graphOf(first);
      expect(graph).not.toEqual(before);
      const history = (await request(first.app).get('/api/history')).body;
      const second = await first.restart();
      expect(await graphOf(second)).toEqual(graph);
      expect((await request(second.app).get('/api/history')).body).toEqual(history);
      expect((await request(second.app).get('/api/entities/ann')).body.entity).toEqual(ANN_EDITED);
      expect(await searchIds(second, 'Annie Dupont')).toEqual(['ann']);
      const stale = await edit(second, 'ann', { aliases: [] }, '"1"');
      expectProblem(stale, 412, [{ path: 'If-Match', message: 'the current version is "2"' }]);
    });

    it('a revert puts the entity back as a new event; refused (409 naming it) while a later edit changed the entity', async () => {
      const made = await app(folder());
      const graph = await graphOf(made);
      await edit(made, 'ann', {
        name: 'Ann Émile Dupont',
        aliases: ['Ann', 'Annie Dupont'],
        description: 'A consultant in Paris',
      }).expect(200);
      await edit(made, 'ann', { description: 'A lawyer in Paris' }).expect(200);
      const blocked = await request(made.app).post('/api/history/e1/revert').set(auth);
      expectProblem(blocked, 409);
      expect(blocked.body.detail).toMatch(
        /^event "e1" cannot be reverted: event "e2" \(editEntity by token at [^)]+\) changed entity "ann" after it; revert "e2" first$/,
      );

      const second = await request(made.app).post('/api/history/e2/revert').set(auth).send({ reason: 'wrong job' });
      expect(second.status).toBe(201);
      expect(second.headers.etag).toBe('"4"');
      expect(second.body.event).toEqual({
        kind: 'editEntity',
        id: 'e3',
        at: expect.any(String),
        author: 'token',
        reason: 'wrong job',
        entity: 'ann',
        before: { ...ANN_EDITED, description: 'A lawyer in Paris' },
        after: ANN_EDITED,
        version: 4,
        reverts: 'e2',
      });
      const first = await request(made.app).post('/api/history/e1/revert').set(auth).set('If-Match', '"4"');
      expect(first.status).toBe(201);
      expect(first.body.entity).toEqual({ entity: ANN, version: 5, lastEvent: first.body.event });
      expect(await graphOf(made)).toEqual(graph);
      expect(await searchIds(made, 'Annie Dupont')).toEqual([]);
      expect(
        (await request(made.app).get('/api/history').query({ entity: 'ann' })).body.events.map(
          (e: { id: string }) => e.id,
        ),
      ).toEqual(['e4', 'e3', 'e2', 'e1']);
      expect(await graphOf(await made.restart())).toEqual(graph);
    });
  });
});

// The data folder only: compaction folds its journal into its files. A database keeps
// its events table as the log and has nothing to compact.
describe('compaction of the data folder after entity edits', () => {
  it('compact writes the edited entity into its file and the event into history.jsonl; a restart gives the same graph', async () => {
    const first = await storeApp('folder', { dataDir: folder() });
    await edit(first, 'ann', {
      name: 'Ann Émile Dupont',
      aliases: ['Ann', 'Annie Dupont'],
      description: 'A consultant in Paris',
    }).expect(200);
    await edit(first, 'bob', { aliases: ['Bobby'] }).expect(200);
    const graph = await graphOf(first);
    const history = (await request(first.app).get('/api/history')).body;
    first.close();

    expect(compactDataFolder(first.dataDir)).toEqual({
      entries: 2,
      documents: 0,
      entities: 0,
      claims: 0,
      proposals: 0,
    });
    expect(fs.readFileSync(path.join(first.dataDir, 'journal.jsonl'), 'utf8')).toBe('');
    expect(JSON.parse(fs.readFileSync(path.join(first.dataDir, 'entities.json'), 'utf8'))).toEqual([
      ANN_EDITED,
      { id: 'bob', type: 'person', name: 'Bob', aliases: ['Bobby'] },
      { id: 'acme', type: 'organization', name: 'Acme Corp', aliases: [] },
    ]);
    const kept = fs
      .readFileSync(path.join(first.dataDir, 'history.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(kept.map((event) => [event.id, event.kind, event.entity])).toEqual([
      ['e1', 'editEntity', 'ann'],
      ['e2', 'editEntity', 'bob'],
    ]);

    const second = await storeApp('folder', { dataDir: first.dataDir });
    expect(await graphOf(second)).toEqual(graph);
    expect((await request(second.app).get('/api/history')).body).toEqual(history);
    expect((await request(second.app).get('/api/entities/ann')).body.entity).toEqual(ANN_EDITED);
    // The versions survive too: a revert after the compaction works.
    const undone = await request(second.app).post('/api/history/e1/revert').set(auth).set('If-Match', '"2"');
    expect(undone.status).toBe(201);
    expect(undone.body.entity.entity).toEqual(ANN);
  });

  it('a compaction interrupted before the journal was emptied replays to the same graph, with an entity created then edited', async () => {
    const first = await storeApp('folder', { dataDir: folder() });
    const added = await request(first.app)
      .post('/api/claims')
      .set(auth)
      .send({
        document: 'mar',
        quote: 'Ann joined Acme Corp in March',
        subject: 'ann',
        type: 'in_contact_with',
        object: { name: 'Carol Ng', type: 'person' },
        stance: 'alleges',
      });
    expect(added.status).toBe(201);
    await edit(first, 'carol-ng', { aliases: ['Carol'] }).expect(200);
    await edit(first, 'ann', { description: 'A consultant in Paris' }).expect(200);
    const graph = await graphOf(first);
    first.close();
    const journal = fs.readFileSync(path.join(first.dataDir, 'journal.jsonl'));
    compactDataFolder(first.dataDir);
    expect(JSON.parse(fs.readFileSync(path.join(first.dataDir, 'entities.json'), 'utf8'))).toEqual([
      { ...ANN, description: 'A consultant in Paris' },
      { id: 'bob', type: 'person', name: 'Bob', aliases: [] },
      { id: 'acme', type: 'organization', name: 'Acme Corp', aliases: [] },
      { id: 'carol-ng', type: 'person', name: 'Carol Ng', aliases: ['Carol'] },
    ]);
    // As if the process died after writing the files but before emptying the journal.
    fs.writeFileSync(path.join(first.dataDir, 'journal.jsonl'), journal);
    const second = await storeApp('folder', { dataDir: first.dataDir });
    expect(await graphOf(second)).toEqual(graph);
    expect((await request(second.app).get('/api/history')).body.total).toBe(3);
    expect((await request(second.app).get('/api/entities/carol-ng')).body.entity.aliases).toEqual(['Carol']);
  });
});
