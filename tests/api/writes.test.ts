// The write API as a client meets it: the token rules (403 when writes are off, 401
// without the right token), ingest → proposals → accept → the edge is on /api/graph with
// its quote, reject, repeats harmless, corrections, and what survives a restart.
import fs from 'node:fs';
import request from 'supertest';
import { expectProblem } from './seedApp';
import { storeApp, STORES, type StoreAppOptions } from './storeApps';
import { ARTICLE, auth, TOKEN, type WriteApp } from './writeApp';

const DOC = '201_musk-peskov';
const ingest = (made: WriteApp) =>
  request(made.app).post(`/api/documents?fileName=${DOC}.txt`).set(auth).type('text/plain').send(ARTICLE);

describe.each(STORES)('on the %s store', (kind) => {
  const app = (options: StoreAppOptions = {}) => storeApp(kind, options);

  describe('write token', () => {
    it('answers 403 on every write, saying how to enable writes, when CLAIMGRAPH_TOKEN is unset', async () => {
      const { app: server } = await app({ token: undefined });
      const detail =
        'writes are disabled on this server: add an editor with `claimgraph users add NAME --role editor` (or set the environment variable CLAIMGRAPH_TOKEN to a secret) and restart it, then send the token with each write as the header "Authorization: Bearer <token>"';
      for (const path of ['/api/documents', '/api/proposals/x.p1/accept', '/api/proposals/x.p1/reject']) {
        const res = await request(server).post(path).set(auth).type('text/plain').send(ARTICLE);
        expectProblem(res, 403);
        expect(JSON.parse(res.text).detail).toBe(detail);
      }
    });

    it('answers 401 with WWW-Authenticate to a missing or wrong token', async () => {
      const { app: server } = await app();
      const missing = await request(server).post('/api/documents').type('text/plain').send(ARTICLE);
      expectProblem(missing, 401);
      expect(JSON.parse(missing.text).detail).toBe(
        'this route needs a signed-in editor: send the header "Authorization: Bearer <token>" with a token from `claimgraph users add NAME --role editor`',
      );
      expect(missing.headers['www-authenticate']).toBe('Bearer realm="claimgraph"');
      for (const header of [`Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(1)}`]) {
        const res = await request(server).post('/api/proposals/x.p1/accept').set('Authorization', header);
        expectProblem(res, 401);
        expect(JSON.parse(res.text).detail).toBe(
          'the bearer token is not known to this server: it was revoked, or never issued (`claimgraph users list` shows who exists)',
        );
      }
      for (const header of [`Basic ${TOKEN}`, TOKEN]) {
        const res = await request(server).post('/api/proposals/x.p1/accept').set('Authorization', header);
        expectProblem(res, 401);
        expect(JSON.parse(res.text).detail).toBe('the Authorization header must be "Bearer <token>", with one token');
      }
    });

    it('leaves the data folder of a server without a token untouched (no journal, no lock) and writes no event', async () => {
      const made = await app({ token: undefined });
      const before = fs.readdirSync(made.dataDir).sort();
      await request(made.app).post('/api/documents').set(auth).type('text/plain').send(ARTICLE).expect(403);
      expect(made.writes.writable).toBe(false);
      expect(fs.readdirSync(made.dataDir).sort()).toEqual(before);
      expect(before).not.toContain('journal.jsonl');
      expect(await made.events()).toEqual([]);
    });
  });

  describe('ingest, review, accept', () => {
    it('stores an article as pending proposals with their quotes and offsets', async () => {
      const made = await app();
      const res = await ingest(made);
      expect(res.status).toBe(201);
      expect(res.headers.location).toBe(`/api/documents/${DOC}`);
      expect(res.body.created).toBe(true);
      expect(res.body.document).toEqual({ id: DOC, title: 'Musk and Peskov talk Starlink', date: '2024-11-02' });
      expect(res.body.skipped).toEqual([]);
      expect(res.body.warnings).toEqual([]);
      expect(res.body.proposals).toEqual([
        {
          id: `${DOC}.p1`,
          status: 'pending',
          document: { id: DOC, title: 'Musk and Peskov talk Starlink', date: '2024-11-02' },
          claim: {
            subject: 'elon-musk',
            type: 'in_contact_with',
            object: 'dmitry-peskov',
            stance: 'alleges',
            quote: 'Elon Musk spoke with Kremlin spokesperson Dmitry Peskov about Starlink in October 2024',
            date: '2024-10',
            attributedTo: 'people familiar with the call',
            confidence: 0.8,
          },
          subject: { id: 'elon-musk', name: 'Elon Musk', type: 'person', existing: true },
          object: { id: 'dmitry-peskov', name: 'Dmitry Peskov', type: 'person', existing: true },
          // The fixture's extraction names no extractor: recorded as the rules', as every proposal journaled before extractors were named.
          extractor: 'rules',
          quoteStart: 0,
          quoteEnd: 86,
        },
        expect.objectContaining({
          id: `${DOC}.p2`,
          subject: { id: 'orbital-relay-ltd', name: 'Orbital Relay Ltd', type: 'organization', existing: false },
        }),
      ]);

      const listed = await request(made.app).get('/api/proposals').set(auth);
      expect(listed.status).toBe(200);
      expect(listed.body.total).toBe(2);
      expect(listed.body.proposals).toEqual(res.body.proposals);
      // The document itself is served at once by the read API.
      const document = await request(made.app).get(`/api/documents/${DOC}`);
      expect(document.status).toBe(200);
      expect(document.body.title).toBe('Musk and Peskov talk Starlink');
    });

    it('accepts a proposal: the edge is in /api/graph at once, with its quote; accepting again is harmless', async () => {
      const made = await app();
      await ingest(made);
      const before = await request(made.app).get('/api/graph');
      expect(
        before.body.edges.find((e: { key: string }) => e.key === 'dmitry-peskov|in_contact_with|elon-musk'),
      ).toBeUndefined();

      const accepted = await request(made.app).post(`/api/proposals/${DOC}.p1/accept`).set(auth);
      expect(accepted.status).toBe(201);
      expect(accepted.body.claim).toEqual({
        addedBy: 'token',
        addedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/),
        id: `${DOC}.c1`,
        subject: 'elon-musk',
        type: 'in_contact_with',
        object: 'dmitry-peskov',
        stance: 'alleges',
        document: DOC,
        quote: 'Elon Musk spoke with Kremlin spokesperson Dmitry Peskov about Starlink in October 2024',
        attributedTo: 'people familiar with the call',
        date: '2024-10',
        quoteStart: 0,
        quoteEnd: 86,
      });
      expect(accepted.body.edge).toBe('dmitry-peskov|in_contact_with|elon-musk');
      expect(accepted.body.proposal).toMatchObject({ status: 'accepted', claimId: `${DOC}.c1` });

      const graph = await request(made.app).get('/api/graph');
      expect(graph.body.attributes.version).not.toBe(before.body.attributes.version);
      const edge = graph.body.edges.find((e: { key: string }) => e.key === 'dmitry-peskov|in_contact_with|elon-musk');
      expect(edge.attributes).toMatchObject({
        status: 'alleged',
        label: 'alleged contact',
        claimCount: 1,
        documents: [DOC],
      });
      expect(edge.attributes.claims[0]).toMatchObject({
        id: `${DOC}.c1`,
        quote: 'Elon Musk spoke with Kremlin spokesperson Dmitry Peskov about Starlink in October 2024',
        documentTitle: 'Musk and Peskov talk Starlink',
      });

      const again = await request(made.app).post(`/api/proposals/${DOC}.p1/accept`).set(auth);
      expect(again.status).toBe(200);
      expect(again.body).toEqual({ ...accepted.body, created: false });
      const after = await request(made.app).get('/api/graph');
      expect(after.body.attributes.version).toBe(graph.body.attributes.version);
      expect(
        after.body.edges.find((e: { key: string }) => e.key === 'dmitry-peskov|in_contact_with|elon-musk').attributes
          .claimCount,
      ).toBe(1);
    });

    it('rejects a proposal: it leaves the pending list, rejecting again is harmless, accepting it is a conflict', async () => {
      const made = await app();
      await ingest(made);
      const rejected = await request(made.app).post(`/api/proposals/${DOC}.p2/reject`).set(auth);
      expect(rejected.status).toBe(200);
      expect(rejected.body).toMatchObject({ created: true, proposal: { id: `${DOC}.p2`, status: 'rejected' } });
      expect((await request(made.app).post(`/api/proposals/${DOC}.p2/reject`).set(auth)).body.created).toBe(false);
      expect(
        (await request(made.app).get('/api/proposals').set(auth)).body.proposals.map((p: { id: string }) => p.id),
      ).toEqual([`${DOC}.p1`]);
      expect(
        (await request(made.app).get('/api/proposals?status=rejected').set(auth)).body.proposals.map(
          (p: { id: string }) => p.id,
        ),
      ).toEqual([`${DOC}.p2`]);
      const conflict = await request(made.app).post(`/api/proposals/${DOC}.p2/accept`).set(auth);
      expectProblem(conflict, 409);
      expect(JSON.parse(conflict.text).detail).toBe(`proposal "${DOC}.p2" was rejected; it cannot be accepted`);
      expect((await request(made.app).get('/api/graph')).body.nodes.map((n: { key: string }) => n.key)).not.toContain(
        'orbital-relay-ltd',
      );
    });

    it('accepts with corrections, creating the new entity the reviewer names', async () => {
      const made = await app();
      await ingest(made);
      const res = await request(made.app)
        .post(`/api/proposals/${DOC}.p2/accept`)
        .set(auth)
        .send({ type: 'operates', subject: { name: 'Orbital Relay', type: 'organization', kind: 'company' } });
      expect(res.status).toBe(201);
      expect(res.body.claim).toMatchObject({
        subject: 'orbital-relay',
        type: 'operates',
        object: 'starlink',
        stance: 'asserts',
      });
      const entity = await request(made.app).get('/api/entities/orbital-relay');
      expect(entity.status).toBe(200);
      expect(made.store.current.dataset.entities.get('orbital-relay')).toEqual({
        id: 'orbital-relay',
        type: 'organization',
        kind: 'company',
        name: 'Orbital Relay',
        aliases: [],
      });
      expect(made.store.current.graph.hasEdge('orbital-relay|operates|starlink')).toBe(true);
    });

    it('survives a restart: decisions, the claim and the document are back', async () => {
      const first = await app();
      await ingest(first);
      await request(first.app).post(`/api/proposals/${DOC}.p1/accept`).set(auth).expect(201);
      await request(first.app).post(`/api/proposals/${DOC}.p2/reject`).set(auth).expect(200);

      const second = await first.restart();
      const all = await request(second.app).get('/api/proposals?status=all').set(auth);
      expect(all.body.proposals.map((p: { id: string; status: string }) => [p.id, p.status])).toEqual([
        [`${DOC}.p1`, 'accepted'],
        [`${DOC}.p2`, 'rejected'],
      ]);
      const edge = await request(second.app).get(
        `/api/edges/${encodeURIComponent('dmitry-peskov|in_contact_with|elon-musk')}`,
      );
      expect(edge.status).toBe(200);
      expect(edge.body.claims[0].quote).toBe(
        'Elon Musk spoke with Kremlin spokesperson Dmitry Peskov about Starlink in October 2024',
      );
      const again = await request(second.app).post(`/api/proposals/${DOC}.p1/accept`).set(auth);
      expect(again.status).toBe(200);
      expect(again.body.claim.id).toBe(`${DOC}.c1`);
    });

    it('answers a repeated ingest of the same article with 200 and the stored proposals', async () => {
      const made = await app();
      await ingest(made);
      const again = await request(made.app)
        .post('/api/documents')
        .set(auth)
        .send({ text: ARTICLE, fileName: `${DOC}.txt` });
      expect(again.status).toBe(200);
      expect(again.body.created).toBe(false);
      expect(again.body.proposals).toHaveLength(2);
    });
  });

  describe('bad writes', () => {
    it('names the unknown proposal with 404', async () => {
      const made = await app();
      const res = await request(made.app).post('/api/proposals/nope.p1/accept').set(auth);
      expectProblem(res, 404, [{ path: 'id', message: 'no proposal with id "nope.p1"' }]);
    });

    it('refuses fields a client may not set (mass assignment), naming each', async () => {
      const made = await app();
      await ingest(made);
      const accept = await request(made.app)
        .post(`/api/proposals/${DOC}.p1/accept`)
        .set(auth)
        .send({ id: 'mine', status: 'confirmed', claimId: 'c-1', stance: 'confirms' });
      expectProblem(accept, 400, [
        { path: 'id', message: 'unknown field: it cannot be set by a client' },
        { path: 'status', message: 'unknown field: it cannot be set by a client' },
        { path: 'claimId', message: 'unknown field: it cannot be set by a client' },
      ]);
      const newEntity = await request(made.app)
        .post(`/api/proposals/${DOC}.p1/accept`)
        .set(auth)
        .send({ object: { id: 'chosen-id', name: 'X', type: 'person' } });
      expectProblem(newEntity, 400, [{ path: 'object.id', message: 'unknown field: it cannot be set by a client' }]);
      const neither = await request(made.app).post(`/api/proposals/${DOC}.p1/accept`).set(auth).send({ object: 42 });
      expectProblem(neither, 400, [
        {
          path: 'object',
          message: 'expected an entity id, or a new entity {name, type, kind?, aliases?, description?, countryCode?}',
        },
      ]);
      const document = await request(made.app).post('/api/documents').set(auth).send({ text: ARTICLE, id: 'mine' });
      expectProblem(document, 400, [{ path: 'id', message: 'unknown field: it cannot be set by a client' }]);
      expect(
        (await request(made.app).get('/api/proposals').set(auth)).body.proposals.every(
          (p: { status: string }) => p.status === 'pending',
        ),
      ).toBe(true);
    });

    it('names the field of a correction the vocabulary refuses', async () => {
      const made = await app();
      await ingest(made);
      const res = await request(made.app)
        .post(`/api/proposals/${DOC}.p1/accept`)
        .set(auth)
        .send({ type: 'member_of', object: 'starlink' });
      expectProblem(res, 400, [
        {
          path: 'type',
          message:
            'edge type "member_of" does not allow person → service (allowed: person/country/organization → organization)',
        },
      ]);
      const unknown = await request(made.app)
        .post(`/api/proposals/${DOC}.p1/accept`)
        .set(auth)
        .send({ subject: 'nobody-known' });
      expectProblem(unknown, 400, [{ path: 'subject', message: 'unknown entity "nobody-known"' }]);
    });

    it('names the field of a bad article body', async () => {
      const made = await app();
      expectProblem(await request(made.app).post('/api/documents').set(auth).send({ fileName: 'x.txt' }), 400, [
        { path: 'text', message: 'Invalid input: expected string, received undefined' },
      ]);
      expectProblem(await request(made.app).post('/api/documents').set(auth).send({ text: 'just a body' }), 400, [
        { path: 'text', message: 'line 1: the first line must be " date YYYY-MM-DD Title", found "just a body"' },
      ]);
      expectProblem(
        await request(made.app)
          .post('/api/documents')
          .set(auth)
          .send({ text: ARTICLE, fileName: '../../etc/passwd.txt' }),
        400,
        [
          {
            path: 'fileName',
            message:
              'expected a file name such as 107_some-article.txt: letters, digits, ".", "_" or "-", ending in .txt, no folders',
          },
        ],
      );
      expectProblem(
        await request(made.app).post('/api/documents').set(auth).type('application/json').send('{"text": '),
        400,
      );
      expectProblem(
        await request(made.app).post('/api/documents?format=x').set(auth).type('text/plain').send(ARTICLE),
        400,
        [{ path: 'format', message: 'unknown query parameter; expected one of fileName' }],
      );
    });

    it('refuses other content types with 415 and large bodies with 413', async () => {
      const made = await app({ bodyLimitBytes: 2000 });
      const form = await request(made.app).post('/api/documents').set(auth).type('form').send({ text: ARTICLE });
      expectProblem(form, 415);
      expect(JSON.parse(form.text).detail).toBe(
        'send the body as text/plain, text/markdown, text/html, application/pdf or application/json, not "application/x-www-form-urlencoded"',
      );
      expectProblem(
        await request(made.app).post(`/api/proposals/x.p1/accept`).set(auth).type('text/plain').send('stance=asserts'),
        415,
      );
      const large = await request(made.app)
        .post('/api/documents')
        .set(auth)
        .type('text/plain')
        .send(`${ARTICLE}${'x'.repeat(3000)}`);
      expectProblem(large, 413);
      expect(JSON.parse(large.text).detail).toBe('the body is larger than the limit of 2000 bytes');
    });

    it('limits the rate of writes per client with 429', async () => {
      const made = await app({ rateLimit: { limit: 3, windowMs: 60_000 } });
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++)
        statuses.push((await request(made.app).post('/api/proposals/x.p1/reject').set(auth)).status);
      expect(statuses).toEqual([404, 404, 404, 429, 429]);
      const limited = await request(made.app).post('/api/proposals/x.p1/reject').set(auth);
      expectProblem(limited, 429);
      expect(limited.headers['retry-after']).toMatch(/^\d+$/);
      // Reads are not limited.
      expect((await request(made.app).get('/api/proposals').set(auth)).status).toBe(200);
    });

    it('pages the review queue like every other list: limit 1 to 1000, offset 0 to 1,000,000', async () => {
      const made = await app();
      await ingest(made);
      const page = await request(made.app).get('/api/proposals?limit=1000&offset=1').set(auth);
      expect([
        page.status,
        page.body.limit,
        page.body.offset,
        page.body.total,
        page.body.proposals.map((p: { id: string }) => p.id),
      ]).toEqual([200, 1000, 1, 2, [`${DOC}.p2`]]);
      expectProblem(await request(made.app).get('/api/proposals?limit=1001').set(auth), 400, [
        { path: 'limit', message: 'must be at most 1000' },
      ]);
      expectProblem(await request(made.app).get('/api/proposals?limit=0&offset=-1').set(auth), 400, [
        { path: 'offset', message: 'must be at least 0' },
        { path: 'limit', message: 'must be at least 1' },
      ]);
      expectProblem(await request(made.app).get('/api/proposals?limit=ten').set(auth), 400, [
        { path: 'limit', message: 'expected a whole number' },
      ]);
    });

    it('answers 405 to other methods on the write paths', async () => {
      const made = await app();
      const res = await request(made.app).get(`/api/proposals/${DOC}.p1/accept`).set(auth);
      expectProblem(res, 405);
      expect(res.headers.allow).toBe('POST');
    });
  });
});
