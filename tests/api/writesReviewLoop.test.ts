// The review loop on one article of several proposals, as the review panel drives it:
// an end may be a new entity that another proposal of the same document found (before
// or after that one is accepted); a new entity that the graph already has (same name or
// alias, or the same country) is a 409 naming it unless `createAnyway`; role and quote
// can be corrected (the quote checked as POST /api/claims checks it); every review event
// says who wrote it; all on both stores. Journals written before authors were recorded
// still load (a data folder's own).
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import type { ExtractArticle } from '../../server/store/extraction';
import { expectProblem } from './seedApp';
import { storeApp, STORES, type StoreApp } from './storeApps';
import { auth, type WriteApp } from './writeApp';

const DOC = '301_orbital-relay';
const TITLE = 'Orbital Relay expands';
const TEXT = [
  'Orbital Relay Ltd signed a deal with Kazakh Telecom to resell Starlink.',
  'Anna Berg, chief executive of Orbital Relay Ltd, met Elon Musk in Almaty.',
  '',
].join('\n');
const ARTICLE = ` date 2024-12-01 ${TITLE}\n${TEXT}`;

/** Three proposals; the new entities orbital-relay-ltd and kazakh-telecom belong to p1 only. */
const extract: ExtractArticle = () => ({
  document: { id: DOC, date: '2024-12-01', title: TITLE },
  entities: [
    {
      id: 'orbital-relay-ltd',
      name: 'Orbital Relay Ltd',
      type: 'organization',
      kind: 'company',
      aliases: [],
      existing: false,
    },
    { id: 'kazakh-telecom', name: 'Kazakh Telecom', type: 'organization', aliases: [], existing: false },
    { id: 'anna-berg', name: 'Anna Berg', type: 'person', aliases: [], existing: false },
    { id: 'elon-musk', name: 'Elon Musk', type: 'person', aliases: ['Musk'], existing: true },
  ],
  claims: [
    {
      subject: 'orbital-relay-ltd',
      type: 'in_contact_with',
      object: 'kazakh-telecom',
      stance: 'asserts',
      quote: 'Orbital Relay Ltd signed a deal with Kazakh Telecom',
      confidence: 0.7,
    },
    {
      subject: 'anna-berg',
      type: 'in_contact_with',
      object: 'elon-musk',
      stance: 'asserts',
      quote: 'Anna Berg, chief executive of Orbital Relay Ltd, met Elon Musk',
      confidence: 0.8,
    },
    {
      subject: 'anna-berg',
      type: 'holds_position',
      object: 'elon-musk',
      stance: 'asserts',
      quote: 'Anna Berg, chief executive',
      confidence: 0.4,
    },
  ],
});

const accept = (made: WriteApp, n: number, body: object = {}) =>
  request(made.app).post(`/api/proposals/${DOC}.p${n}/accept`).set(auth).send(body);
const journal = (made: WriteApp) =>
  fs
    .readFileSync(path.join(made.dataDir, 'journal.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
/** The events as the store holds them: the journal's lines, or the events table's rows. */
const eventsOf = async (made: StoreApp) => (await made.events()) as unknown as Array<Record<string, unknown>>;

describe.each(STORES)('on the %s store', (kind) => {
  async function ingested(): Promise<StoreApp> {
    const made = await storeApp(kind, { extract });
    await request(made.app)
      .post(`/api/documents?fileName=${DOC}.txt`)
      .set(auth)
      .type('text/plain')
      .send(ARTICLE)
      .expect(201);
    return made;
  }

  describe('ends from the whole document', () => {
    it("accepts another proposal's new entity as an end, before and after that proposal is accepted", async () => {
      const made = await ingested();
      // p3's object corrected to p1's new company (not yet created): it is created by this accept.
      const p3 = await accept(made, 3, { object: 'orbital-relay-ltd', role: 'chief executive' });
      expect(p3.status).toBe(201);
      expect(p3.body.claim).toEqual({
        addedBy: 'token',
        addedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/),
        id: `${DOC}.c3`,
        subject: 'anna-berg',
        type: 'holds_position',
        object: 'orbital-relay-ltd',
        stance: 'asserts',
        document: DOC,
        quote: 'Anna Berg, chief executive',
        role: 'chief executive',
        quoteStart: 72,
        quoteEnd: 98,
      });
      expect(p3.body.edge).toBe('anna-berg|holds_position|orbital-relay-ltd');
      expect((await eventsOf(made))[1].entities).toEqual([
        { id: 'anna-berg', type: 'person', name: 'Anna Berg', aliases: [] },
        { id: 'orbital-relay-ltd', type: 'organization', kind: 'company', name: 'Orbital Relay Ltd', aliases: [] },
      ]);
      // p1, accepted afterwards, finds its company on the graph and creates only the other.
      const p1 = await accept(made, 1);
      expect(p1.status).toBe(201);
      expect((await eventsOf(made))[2].entities).toEqual([
        { id: 'kazakh-telecom', type: 'organization', name: 'Kazakh Telecom', aliases: [] },
      ]);
      // p2, corrected to the company that p1's accept created.
      const p2 = await accept(made, 2, { object: 'kazakh-telecom' });
      expect([p2.status, p2.body.edge]).toEqual([201, 'anna-berg|in_contact_with|kazakh-telecom']);
      expect((await eventsOf(made))[3].entities).toEqual([]);
    });

    it('lists every proposal of the document with who decided it and the ends it was accepted with', async () => {
      const made = await ingested();
      await accept(made, 3, { object: 'orbital-relay-ltd' }).expect(201);
      await request(made.app).post(`/api/proposals/${DOC}.p2/reject`).set(auth).expect(200);
      const all = await request(made.app).get(`/api/proposals?document=${DOC}&status=all`).set(auth);
      expect(all.status).toBe(200);
      expect(
        all.body.proposals.map((p: { id: string; status: string; decidedBy?: string; accepted?: unknown }) => [
          p.id,
          p.status,
          p.decidedBy,
          p.accepted,
        ]),
      ).toEqual([
        [`${DOC}.p1`, 'pending', undefined, undefined],
        [`${DOC}.p2`, 'rejected', 'token', undefined],
        [
          `${DOC}.p3`,
          'accepted',
          'token',
          {
            subject: { id: 'anna-berg', name: 'Anna Berg', type: 'person', existing: true },
            object: { id: 'orbital-relay-ltd', name: 'Orbital Relay Ltd', type: 'organization', existing: true },
          },
        ],
      ]);
      // p1's ends are now one existing entity and one still new.
      expect([all.body.proposals[0].subject.existing, all.body.proposals[0].object.existing]).toEqual([true, false]);
    });

    it('still refuses an entity no proposal of the document names', async () => {
      const made = await ingested();
      expectProblem(await accept(made, 3, { object: 'orbital-relay' }), 400, [
        { path: 'object', message: 'unknown entity "orbital-relay"' },
      ]);
    });
  });

  describe('new entities the graph already has', () => {
    it('answers 409 naming the entity of the same name, and creates one when createAnyway says so', async () => {
      const made = await ingested();
      const duplicate = await accept(made, 2, { object: { name: 'ELON MÚSK', type: 'person' } });
      expectProblem(duplicate, 409);
      expect(duplicate.body.detail).toBe(
        'object: an entity named "Elon Musk" already exists: "elon-musk" (Elon Musk, person); send its id, or add "createAnyway": true to create a new entity',
      );
      expect(duplicate.body.existing).toEqual({ path: 'object', id: 'elon-musk', name: 'Elon Musk', type: 'person' });
      const byAlias = await accept(made, 2, { object: { name: 'E. Musk', aliases: ['musk'], type: 'person' } });
      expectProblem(byAlias, 409);
      expect(byAlias.body.existing).toEqual({ path: 'object', id: 'elon-musk', name: 'Elon Musk', type: 'person' });
      expect(await eventsOf(made)).toHaveLength(1);

      const anyway = await accept(made, 2, { object: { name: 'Elon Musk', type: 'person', createAnyway: true } });
      expect(anyway.status).toBe(201);
      expect(anyway.body.claim.object).toBe('elon-musk-2');
    });

    it('resolves a country by name to the country entity of the graph, createAnyway or not', async () => {
      const made = await ingested();
      const detail = 'object: "Ukraine" is the country UA, which the graph has as "country:UA" (Ukraine); send its id';
      for (const object of [
        { name: 'Ukraine', type: 'country' },
        { name: 'Ukraine', type: 'country', createAnyway: true },
      ]) {
        const res = await accept(made, 3, { object });
        expectProblem(res, 409);
        expect(res.body.detail).toBe(detail);
        expect(res.body.existing).toEqual({ path: 'object', id: 'country:UA', name: 'Ukraine', type: 'country' });
      }
      // Another spelling of a country the graph has ("Russian Federation" is Russia's official name).
      const official = await accept(made, 3, { object: { name: 'russian federation', type: 'country' } });
      expectProblem(official, 409);
      expect(official.body.detail).toBe(
        'object: "russian federation" is the country RU, which the graph has as "country:RU" (Russia); send its id',
      );
      // A country the graph lacks is keyed by its code.
      const created = await accept(made, 3, { object: { name: 'Kazakhstan', type: 'country' } });
      expect(created.status).toBe(201);
      expect(created.body.claim.object).toBe('country:KZ');
      expect(made.store.current.dataset.entities.get('country:KZ')).toEqual({
        id: 'country:KZ',
        type: 'country',
        name: 'Kazakhstan',
        countryCode: 'KZ',
        aliases: [],
      });
    });

    it('asks the same on POST /api/claims for a country by name', async () => {
      const made = await ingested();
      const res = await request(made.app)
        .post('/api/claims')
        .set(auth)
        .send({
          document: DOC,
          quote: 'Anna Berg, chief executive',
          subject: 'elon-musk',
          type: 'holds_position',
          object: { name: 'Ukraine', type: 'country' },
          stance: 'asserts',
        });
      expectProblem(res, 409);
      expect(res.body.detail).toBe(
        'object: "Ukraine" is the country UA, which the graph has as "country:UA" (Ukraine); send its id',
      );
    });

    it("refuses a proposal's new entity once the graph has one of that name, until the reviewer chooses", async () => {
      const made = await ingested();
      await request(made.app)
        .post('/api/claims')
        .set(auth)
        .send({
          document: DOC,
          quote: 'Kazakh Telecom',
          subject: { name: 'KazTel', aliases: ['Kazakh Telecom'], type: 'organization' },
          type: 'in_contact_with',
          object: 'elon-musk',
          stance: 'asserts',
        })
        .expect(201);
      const res = await accept(made, 1);
      expectProblem(res, 409);
      expect(res.body.detail).toBe(
        'object: an entity named "Kazakh Telecom" already exists: "kaztel" (KazTel, organization); send its id, or add "createAnyway": true to create a new entity',
      );
      expect(res.body.existing).toEqual({ path: 'object', id: 'kaztel', name: 'KazTel', type: 'organization' });
      const used = await accept(made, 1, { object: 'kaztel' });
      expect([used.status, used.body.edge]).toEqual([201, 'kaztel|in_contact_with|orbital-relay-ltd']);
    });
  });

  describe('role and quote corrections', () => {
    it('takes another verbatim passage of the document as the quote', async () => {
      const made = await ingested();
      const res = await accept(made, 2, { quote: 'met Elon Musk in Almaty' });
      expect(res.status).toBe(201);
      expect(res.body.claim).toMatchObject({ quote: 'met Elon Musk in Almaty', quoteStart: 121, quoteEnd: 144 });
    });

    it('refuses a quote that is not in the document, naming the nearest passage', async () => {
      const made = await ingested();
      const res = await accept(made, 2, { quote: 'Anna Berg met Elon Musk in Almaty' });
      expectProblem(res, 400, [
        {
          path: 'quote',
          message: `not found verbatim in document "${DOC}"; nearest passage: "Relay Ltd, met Elon Musk in Almaty"`,
        },
      ]);
      expect(res.body.detail).toBe(
        `quote: not found verbatim in document "${DOC}"; nearest passage: "Relay Ltd, met Elon Musk in Almaty"`,
      );
    });

    it('lists the positions of an ambiguous quote, and takes the one chosen with start', async () => {
      const made = await ingested();
      expectProblem(await accept(made, 2, { quote: 'Orbital Relay Ltd' }), 400, [
        {
          path: 'quote',
          message: `occurs 2 times in document "${DOC}" (at offsets 0, 102); send start to choose one`,
        },
      ]);
      expectProblem(await accept(made, 2, { quote: 'Orbital Relay Ltd', start: 5 }), 400, [
        { path: 'start', message: `the document's text at 5–22 is "al Relay Ltd sign", not the quote` },
      ]);
      const chosen = await accept(made, 2, { quote: 'Orbital Relay Ltd', start: 102 });
      expect(chosen.status).toBe(201);
      expect(chosen.body.claim).toMatchObject({ quote: 'Orbital Relay Ltd', quoteStart: 102, quoteEnd: 119 });
      expect((await eventsOf(made))[1].claim).toMatchObject({ quote: 'Orbital Relay Ltd', quoteStart: 102 });
    });

    it('refuses an empty role and an unknown field', async () => {
      const made = await ingested();
      expectProblem(await accept(made, 3, { role: ' ', roles: 'x' }), 400, [
        { path: 'role', message: 'Too small: expected string to have >=1 characters' },
        { path: 'roles', message: 'unknown field: it cannot be set by a client' },
      ]);
    });
  });

  describe('authors', () => {
    it('journals ingest, accept and reject with the author of the API, and shows who decided', async () => {
      const made = await ingested();
      await accept(made, 1).expect(201);
      const rejected = await request(made.app).post(`/api/proposals/${DOC}.p2/reject`).set(auth);
      expect(rejected.body.proposal).toMatchObject({ status: 'rejected', decidedBy: 'token' });
      expect((await eventsOf(made)).map((entry) => [entry.kind, entry.author])).toEqual([
        ['ingest', 'token'],
        ['accept', 'token'],
        ['reject', 'token'],
      ]);
      const p1 = await request(made.app).get(`/api/proposals/${DOC}.p1`).set(auth);
      expect(p1.body).toMatchObject({ status: 'accepted', decidedBy: 'token', claimId: `${DOC}.c1` });
    });
  });
});

// The data folder only: journals written before authors were recorded are files of old
// folders; a database's events were always written with their author.
describe('an old journal', () => {
  it('loads a journal written before authors were recorded', async () => {
    const first = await storeApp('folder', { extract });
    await request(first.app)
      .post(`/api/documents?fileName=${DOC}.txt`)
      .set(auth)
      .type('text/plain')
      .send(ARTICLE)
      .expect(201);
    await accept(first, 1).expect(201);
    await request(first.app).post(`/api/proposals/${DOC}.p2/reject`).set(auth).expect(200);
    first.close();
    const file = path.join(first.dataDir, 'journal.jsonl');
    const old = journal(first).map(({ author: _author, ...entry }) => JSON.stringify(entry));
    fs.writeFileSync(file, `${old.join('\n')}\n`);

    const second = await storeApp('folder', { dataDir: first.dataDir, extract });
    const all = await request(second.app).get('/api/proposals?status=all').set(auth);
    expect(
      all.body.proposals.map((p: { id: string; status: string; decidedBy?: string }) => [p.id, p.status, p.decidedBy]),
    ).toEqual([
      [`${DOC}.p1`, 'accepted', undefined],
      [`${DOC}.p2`, 'rejected', undefined],
      [`${DOC}.p3`, 'pending', undefined],
    ]);
    expect(second.store.current.graph.hasEdge('kazakh-telecom|in_contact_with|orbital-relay-ltd')).toBe(true);
  });
});
