// POST /api/claims as a curator meets it: a claim added by hand with a verbatim quote,
// its event and its edge at once on the graph; new entities, and the 409 that offers the
// existing one of the same name; and each refusal with its exact text (quote not in the
// document, quote ambiguous, offsets wrong, type not allowed for the ends).
import request from 'supertest';
import { writeCurationFolder } from './curationFolder';
import { expectProblem } from './seedApp';
import { auth, type WriteApp } from './writeApp';
import { STORES, storeApp, type StoreAppOptions } from './storeApps';
import { ADD_CLAIM } from './teamFixtures';

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const add = (made: WriteApp, body: object) => request(made.app).post('/api/claims').set(auth).send(body);

describe.each(STORES)('on the %s store', (kind) => {
  const app = (options: StoreAppOptions = {}) => storeApp(kind, { dataDir: writeCurationFolder(), ...options });

  describe('POST /api/claims', () => {
    it('adds a claim: 201 with the event, the claim at version 1 and its edge, on the graph at once', async () => {
      const made = await app();
      const before = Date.now();
      const res = await add(made, { ...ADD_CLAIM, attributedTo: 'Bob', date: '2024-03' });
      expect(res.status).toBe(201);
      expect(res.headers.location).toBe('/api/claims/mar.m1');
      expect(res.headers.etag).toBe('"1"');
      const claim = {
        id: 'mar.m1',
        subject: 'ann',
        type: 'member_of',
        object: 'acme',
        stance: 'alleges',
        document: 'mar',
        quote: 'Ann joined Acme Corp',
        quoteStart: 40,
        attributedTo: 'Bob',
        date: '2024-03',
        // Who put it on the graph, and when: the event's author and time.
        addedBy: 'token',
        addedAt: res.body.event.at,
      };
      expect(res.body).toEqual({
        event: {
          kind: 'addClaim',
          id: 'e1',
          at: expect.stringMatching(ISO_TIME),
          author: 'token',
          reason: 'missed by the extractor',
          claim: 'mar.m1',
          before: null,
          after: claim,
          version: 1,
          entities: [],
        },
        claim: {
          claim: { ...claim, quoteEnd: 60 },
          status: 'live',
          version: 1,
          edge: 'ann|member_of|acme',
          lastEvent: expect.objectContaining({ id: 'e1' }),
        },
      });
      expect(res.body.claim.lastEvent).toEqual(res.body.event);
      // The store holds that one event, as answered (the journal's line, or the events table's row).
      expect(await made.events()).toEqual([res.body.event]);
      const at = Date.parse(res.body.event.at);
      expect(at).toBeGreaterThanOrEqual(before - 1);
      expect(at).toBeLessThanOrEqual(Date.now() + 1);

      const edge = await request(made.app).get(`/api/edges/${encodeURIComponent('ann|member_of|acme')}`);
      expect(edge.status).toBe(200);
      expect(edge.body.status).toBe('alleged');
      expect(edge.body.claims).toEqual([
        {
          id: 'mar.m1',
          subject: 'ann',
          object: 'acme',
          stance: 'alleges',
          quote: 'Ann joined Acme Corp',
          quoteStart: 40,
          quoteEnd: 60,
          document: 'mar',
          documentTitle: 'Ann joins Acme',
          documentDate: '2024-03-05',
          attributedTo: 'Bob',
          date: '2024-03',
          addedBy: 'token',
          addedAt: res.body.event.at,
        },
      ]);
      const again = await request(made.app).get('/api/claims/mar.m1').expect(200);
      expect(again.body).toEqual(res.body.claim);
    });

    it('finds the offsets of a quote that occurs once, and stores none', async () => {
      const made = await app();
      const res = await add(made, {
        document: 'jan',
        quote: 'in Paris last week',
        subject: 'bob',
        type: 'in_contact_with',
        object: 'ann',
        stance: 'asserts',
      });
      expect(res.status).toBe(201);
      expect(res.body.event.after).toEqual({
        id: 'jan.m1',
        subject: 'bob',
        type: 'in_contact_with',
        object: 'ann',
        stance: 'asserts',
        document: 'jan',
        quote: 'in Paris last week',
        addedBy: 'token',
        addedAt: res.body.event.at,
      });
      expect(res.body.claim.claim.quoteStart).toBe(23);
      expect(res.body.claim.claim.quoteEnd).toBe(41);
      // The undirected edge of c1 now has two claims.
      expect(res.body.claim.edge).toBe('ann|in_contact_with|bob');
      const edge = await request(made.app).get(`/api/edges/${encodeURIComponent('ann|in_contact_with|bob')}`);
      expect(edge.body.claims.map((c: { id: string }) => c.id)).toEqual(['c1', 'jan.m1']);
      expect(edge.body.status).toBe('reported');
    });

    it('creates a new entity for an end; a name or alias of an existing one (any case, any accents) is a 409 naming it', async () => {
      const made = await app();
      const created = await add(made, {
        document: 'mar',
        quote: 'Bob said',
        subject: 'bob',
        type: 'in_contact_with',
        object: { name: 'Globex', type: 'organization', countryCode: 'US' },
        stance: 'asserts',
      });
      expect(created.status).toBe(201);
      expect(created.body.event.entities).toEqual([
        { id: 'globex', type: 'organization', name: 'Globex', aliases: [], countryCode: 'US' },
      ]);
      expect(created.body.claim.edge).toBe('bob|in_contact_with|globex');
      expect((await request(made.app).get('/api/entities/globex')).status).toBe(200);

      const duplicate = await add(made, {
        document: 'mar',
        quote: 'Bob said',
        subject: { name: 'ANN EMILE', type: 'person' },
        type: 'in_contact_with',
        object: 'bob',
        stance: 'asserts',
      });
      expectProblem(duplicate, 409);
      expect(duplicate.body.detail).toBe(
        'subject: an entity named "Ann Émile" already exists: "ann" (Ann Émile, person); send its id, or add "createAnyway": true to create a new entity',
      );
      const byAlias = await add(made, {
        document: 'mar',
        quote: 'Bob said',
        subject: 'bob',
        type: 'in_contact_with',
        object: { name: 'Globex Industries', aliases: ['globex'], type: 'organization' },
        stance: 'asserts',
      });
      expectProblem(byAlias, 409);
      expect(byAlias.body.detail).toBe(
        'object: an entity named "Globex" already exists: "globex" (Globex, organization); send its id, or add "createAnyway": true to create a new entity',
      );
      // Nothing of a refused write was kept.
      expect((await request(made.app).get('/api/history')).body.total).toBe(1);

      const anyway = await add(made, {
        document: 'mar',
        quote: 'Bob said',
        subject: { name: 'Ann Emile', type: 'person', createAnyway: true },
        type: 'in_contact_with',
        object: 'bob',
        stance: 'asserts',
      });
      expect(anyway.status).toBe(201);
      expect(anyway.body.event.entities).toEqual([{ id: 'ann-emile', type: 'person', name: 'Ann Emile', aliases: [] }]);
    });

    it('refuses a quote that is not a verbatim passage of the document, naming the nearest passage', async () => {
      const res = await add(await app(), {
        document: 'jan',
        quote: 'Ann met Bob in Paris',
        subject: 'ann',
        type: 'in_contact_with',
        object: 'bob',
        stance: 'alleges',
      });
      expectProblem(res, 400, [
        {
          path: 'quote',
          message: 'not found verbatim in document "jan"; nearest passage: "Ann reportedly met Bob in"',
        },
      ]);
      expect(res.body.detail).toBe(
        'quote: not found verbatim in document "jan"; nearest passage: "Ann reportedly met Bob in"',
      );
    });

    it('refuses an ambiguous quote without offsets, listing where it occurs', async () => {
      const res = await add(await app(), {
        document: 'mar',
        quote: 'Ann joined Acme Corp',
        subject: 'ann',
        type: 'member_of',
        object: 'acme',
        stance: 'asserts',
      });
      expectProblem(res, 400, [
        {
          path: 'quote',
          message: 'occurs 2 times in document "mar" (at offsets 0, 40); send start to choose one',
        },
      ]);
    });

    it('refuses offsets that do not hold the quote', async () => {
      const made = await app();
      const base = { document: 'mar', subject: 'ann', type: 'member_of', object: 'acme', stance: 'asserts' };
      expectProblem(await add(made, { ...base, quote: 'Ann joined Acme Corp', start: 5 }), 400, [
        { path: 'start', message: 'the document\'s text at 5–25 is "oined Acme Corp in M", not the quote' },
      ]);
      expectProblem(await add(made, { ...base, quote: 'Ann joined Acme Corp', start: 40, end: 59 }), 400, [
        { path: 'end', message: 'end - start is 19, but the quote is 20 characters long' },
      ]);
      // end alone locates the quote too.
      const byEnd = await add(made, { ...base, quote: 'Ann joined Acme Corp', end: 20 });
      expect(byEnd.status).toBe(201);
      expect(byEnd.body.event.after.quoteStart).toBeUndefined();
      expect(byEnd.body.claim.claim.quoteStart).toBe(0);
    });

    it('refuses a type that does not allow the ends, listing the types that do', async () => {
      const res = await add(await app(), {
        document: 'jan',
        quote: 'Ann reportedly met Bob',
        subject: 'ann',
        type: 'member_of',
        object: 'bob',
        stance: 'alleges',
      });
      expectProblem(res, 400, [
        {
          path: 'type',
          message:
            'edge type "member_of" does not allow person → person; the types that do: associate_of, in_contact_with, requested, acted_on_behalf_of, provided_access, restricted_access, funded, supported, criticized, used, sanctioned, linked_to',
        },
      ]);
    });

    it('refuses unknown documents, entities, types and stances, and fields a client may not set', async () => {
      const made = await app();
      expectProblem(
        await add(made, {
          document: 'nope',
          quote: 'x',
          subject: 'nobody',
          type: 'knows',
          object: 'bob',
          stance: 'hints',
        }),
        400,
        [
          { path: 'document', message: 'unknown document "nope"' },
          { path: 'subject', message: 'unknown entity "nobody"' },
          {
            path: 'type',
            message:
              'unknown edge type "knows"; expected one of holds_position, owns, operates, part_of, member_of, associate_of, in_contact_with, requested, acted_on_behalf_of, provided_access, restricted_access, funded, supported, criticized, used, attacked, sanctioned, linked_to',
          },
          { path: 'stance', message: 'unknown stance "hints"; expected one of asserts, alleges, denies, confirms' },
        ],
      );
      const sneaky = await add(made, {
        id: 'mine',
        document: 'jan',
        quote: 'Ann reportedly met Bob',
        subject: 'ann',
        type: 'in_contact_with',
        object: 'bob',
        stance: 'alleges',
      });
      expectProblem(sneaky, 400);
      expect(sneaky.body.errors).toEqual([{ path: 'id', message: 'unknown field: it cannot be set by a client' }]);
    });

    it('needs the write token; a server without one refuses every curation write with 403', async () => {
      const res = await request((await app()).app)
        .post('/api/claims')
        .send({});
      expectProblem(res, 401);
      const readOnly = await app({ token: undefined });
      const writes: Array<[string, string]> = [
        ['post', '/api/claims'],
        ['patch', '/api/claims/c1'],
        ['post', '/api/claims/c1/retract'],
        ['post', '/api/history/e1/revert'],
      ];
      for (const [method, path] of writes) {
        const refused = await (
          method === 'patch' ? request(readOnly.app).patch(path) : request(readOnly.app).post(path)
        )
          .set(auth)
          .send({ reason: 'x' });
        expectProblem(refused, 403);
      }
      // Reading still works: the claim and the (empty) history.
      expect((await request(readOnly.app).get('/api/claims/c1')).body).toMatchObject({ status: 'live', version: 1 });
      expect((await request(readOnly.app).get('/api/history')).body.total).toBe(0);
    });

    it('answers 405 naming the methods a curation path answers', async () => {
      const res = await request((await app()).app).delete('/api/claims/c1');
      expectProblem(res, 405);
      expect(res.headers.allow).toBe('GET, HEAD, PATCH');
      expect(res.body.detail).toBe('DELETE is not allowed on /api/claims/{id}; it answers GET or PATCH');
    });
  });
});
