// Users and roles over the API, on both stores: each role against each route group (read,
// review, curate, admin) on a server with private reads and one with open reads, the exact
// problems, a revoked token refused, changes signed by their user; and, on the data folder,
// a users file that holds no token in clear and one broken by hand. The users of the
// `postgres` store are the folder's, imported into its users table.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { openGraph } from '../../server/graph/openGraph';
import { createApp, type AppOptions } from '../../server/http/app';
import type { WriteRateLimit } from '../../server/config';
import { GraphSnapshotHolder, snapshotOf } from '../../server/http/snapshotHolder';
import { addUser, adding, revoking, setRole, settingRole } from '../../server/store/usersFile';
import { openServedDataFolder } from '../../server/store/openWriteStore';
import { writeCurationFolder } from './curationFolder';
import { expectProblem, noClientDir } from './seedApp';
import { storeApp, STORES, type StoreApp, type StoreKind } from './storeApps';
import { until } from './teamFixtures';
import { extractFixture } from './writeApp';

const ENV_TOKEN = 'access-env-token-1';

type Tokens = { reader: string; editor: string; admin: string };

/** A server on `kind` whose folder (or database) has rita the reader, eddie the editor and ada the admin. */
async function server(kind: StoreKind, privateReads: boolean, forAll = false): Promise<StoreApp & { tokens: Tokens }> {
  const dataDir = writeCurationFolder();
  const tokens = {
    reader: addUser(dataDir, 'rita', 'reader').token,
    editor: addUser(dataDir, 'eddie', 'editor').token,
    admin: addUser(dataDir, 'ada', 'admin').token,
  };
  return { ...(await storeApp(kind, { dataDir, token: ENV_TOKEN, privateReads, forAll })), tokens };
}

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
type Who = 'anonymous' | 'reader' | 'editor' | 'admin';
const WHO: Who[] = ['anonymous', 'reader', 'editor', 'admin'];
const NAMES = { reader: 'rita', editor: 'eddie', admin: 'ada' } as const;

/** One request of each route group; the curate one changes nothing (an unknown claim is a 404 past the checks). */
const groups = {
  read: (app: Parameters<typeof request>[0]) => request(app).get('/api/entities/ann'),
  review: (app: Parameters<typeof request>[0]) => request(app).get('/api/proposals'),
  curate: (app: Parameters<typeof request>[0]) =>
    request(app).post('/api/claims/nope/retract').send({ reason: 'a check of roles' }),
  admin: (app: Parameters<typeof request>[0]) => request(app).get('/api/users'),
};
const needed = { read: 'reader', review: 'editor', curate: 'editor', admin: 'admin' } as const;
const rank: Record<Who, number> = { anonymous: -1, reader: 0, editor: 1, admin: 2 };
const passed = { read: 200, review: 200, curate: 404, admin: 200 } as const;

describe.each(
  STORES.flatMap((kind) => [
    [kind, 'private reads', true],
    [kind, 'open reads', false],
  ]) as Array<[StoreKind, string, boolean]>,
)('on the %s store, each role against each route group, %s', (kind, _label, privateReads) => {
  let made: StoreApp & { tokens: Tokens };
  beforeAll(async () => {
    made = await server(kind, privateReads, true);
  });
  for (const group of Object.keys(groups) as Array<keyof typeof groups>) {
    for (const who of WHO) {
      const role = needed[group];
      const open = group === 'read' && !privateReads;
      const allowed = open || rank[who] >= rank[role];
      it(`${group} as ${who}: ${allowed ? passed[group] : who === 'anonymous' ? 401 : 403}`, async () => {
        const pending = groups[group](made.app);
        const res = await (who === 'anonymous' ? pending : pending.set(bearer(made.tokens[who])));
        if (allowed) expect(res.status).toBe(passed[group]);
        else if (who === 'anonymous') {
          expectProblem(res, 401);
          expect(res.body.detail).toBe(
            `this route needs a signed-in ${role}: send the header "Authorization: Bearer <token>" with a token from \`claimgraph users add NAME --role ${role}\``,
          );
          expect(res.headers['www-authenticate']).toBe('Bearer realm="claimgraph"');
        } else {
          expectProblem(res, 403);
          expect(res.body.detail).toBe(`user "${NAMES[who]}" is a ${who}; this route needs the ${role} role`);
        }
      });
    }
  }
});

describe.each(STORES)('on the %s store', (kind) => {
  describe('the session and health', () => {
    it('tells the page whether reads need signing in, and who the token belongs to', async () => {
      const closed = await server(kind, true);
      expect((await request(closed.app).get('/api/session')).body).toEqual({ reads: 'signed-in', writes: true });
      expect((await request(closed.app).get('/api/session').set(bearer(closed.tokens.editor))).body).toEqual({
        reads: 'signed-in',
        writes: true,
        user: { name: 'eddie', role: 'editor' },
      });
      expect((await request((await server(kind, false)).app).get('/api/session')).body).toEqual({
        reads: 'open',
        writes: true,
      });
    });

    it('answers an anonymous health check with its status only where reads are private', async () => {
      const closed = await server(kind, true);
      const anonymous = await request(closed.app).get('/api/health');
      expect([anonymous.status, anonymous.body]).toEqual([200, { status: 'ok' }]);
      const signedIn = await request(closed.app).get('/api/health').set(bearer(closed.tokens.reader));
      expect(signedIn.body.counts).toEqual({ entities: 3, edges: 1, claims: 1, documents: 2 });
      expect(Object.keys((await request((await server(kind, false)).app).get('/api/health')).body)).toEqual([
        'status',
        'version',
        'counts',
      ]);
    });

    it('refuses an unknown token on every route, the public ones included', async () => {
      const made = await server(kind, false);
      for (const url of ['/api/health', '/api/session', '/api/entities/ann']) {
        const res = await request(made.app).get(url).set(bearer('cg_not-a-token'));
        expectProblem(res, 401);
        expect(res.body.detail).toBe(
          'the bearer token is not known to this server: it was revoked, or never issued (`claimgraph users list` shows who exists)',
        );
      }
    });
  });

  describe('users change while the server runs', () => {
    // When a change reaches the server differs: users.json is read again on the very next
    // request; the users table every second (watchDatabaseUsers), so a database-backed server
    // follows it within about a second. Each change is checked on its first request (folder)
    // or on the first request after that read (postgres).
    const changed = async (made: StoreApp, probe: () => Promise<number>, wanted: number) => {
      if (made.kind === 'folder') expect(await probe()).toBe(wanted);
      else await until(async () => (await probe()) === wanted);
    };

    it('refuses a revoked token (folder: on its next request; postgres: within a second), and follows a role change', async () => {
      const made = await server(kind, true);
      const status = (token: string, url: string) => async () =>
        (await request(made.app).get(url).set(bearer(token))).status;
      await request(made.app).get('/api/entities/ann').set(bearer(made.tokens.reader)).expect(200);
      await made.changeUsers(revoking('rita'));
      await changed(made, status(made.tokens.reader, '/api/entities/ann'), 401);
      expectProblem(await request(made.app).get('/api/entities/ann').set(bearer(made.tokens.reader)), 401);
      await made.changeUsers(settingRole('eddie', 'reader'));
      await changed(made, status(made.tokens.editor, '/api/proposals'), 403);
      const demoted = await request(made.app).get('/api/proposals').set(bearer(made.tokens.editor));
      expectProblem(demoted, 403);
      expect(demoted.body.detail).toBe('user "eddie" is a reader; this route needs the editor role');
      const added = await made.changeUsers(adding('newcomer', 'editor'));
      await changed(made, status(added.token, '/api/proposals'), 200);
    });
  });

  describe('signed changes', () => {
    it("records each API change under its user's name, and filters the history by author", async () => {
      const made = await server(kind, false);
      const corrected = await request(made.app)
        .patch('/api/claims/c1')
        .set(bearer(made.tokens.editor))
        .send({ stance: 'asserts' });
      expect(corrected.status).toBe(200);
      expect(corrected.body.event.author).toBe('eddie');
      await request(made.app)
        .post('/api/claims/c1/retract')
        .set(bearer(ENV_TOKEN))
        .send({ reason: 'the source withdrew it' })
        .expect(200);
      const byEddie = await request(made.app).get('/api/history?author=eddie');
      expect(byEddie.body.events.map((e: { kind: string; author: string }) => [e.kind, e.author])).toEqual([
        ['correctClaim', 'eddie'],
      ]);
      const all = await request(made.app).get('/api/history');
      expect(all.body.events.map((e: { author: string }) => e.author)).toEqual(['token', 'eddie']);
    });
  });

  describe('claims signed by who added them', () => {
    it('keeps addedBy and addedAt on the claim, its edge and the exports', async () => {
      const made = await server(kind, false);
      const added = await request(made.app).post('/api/claims').set(bearer(made.tokens.editor)).send({
        document: 'jan',
        quote: 'in Paris last week',
        subject: 'bob',
        type: 'in_contact_with',
        object: 'ann',
        stance: 'asserts',
      });
      expect(added.status).toBe(201);
      const signed = { addedBy: 'eddie', addedAt: added.body.event.at };
      expect(added.body.claim.claim).toMatchObject(signed);
      const exported = await request(made.app).get('/api/export?format=json');
      const claims = (exported.body.edges as Array<{ attributes: { claims: Array<{ id: string }> } }>).flatMap(
        (edge) => edge.attributes.claims,
      );
      expect(claims.find((claim) => claim.id === 'jan.m1')).toMatchObject(signed);
      const gexf = await request(made.app).get('/api/export?format=gexf');
      expect(gexf.text).toContain(
        `&quot;addedBy&quot;:&quot;eddie&quot;,&quot;addedAt&quot;:&quot;${signed.addedAt}&quot;`,
      );
    });
  });
});

// The data folder only: a database has no users file to break by hand (usersDatabase.test.ts
// tests its users table).
describe('the users file broken by hand', () => {
  it('keeps the users it had when the file is broken by hand, and says so', async () => {
    const dataDir = writeCurationFolder();
    const { token } = addUser(dataDir, 'rita', 'reader');
    const warnings: string[] = [];
    const { graphs: store, writes } = openServedDataFolder(
      dataDir,
      false,
      () => new GraphSnapshotHolder(snapshotOf(openGraph(dataDir))),
      extractFixture,
      () => {},
    );
    const app = createApp({
      store,
      clientDir: noClientDir,
      writes: { writes },
      privateReads: true,
      log: (m) => warnings.push(m),
    });
    fs.writeFileSync(path.join(dataDir, 'users.json'), '{"users": [');
    await request(app).get('/api/entities/ann').set(bearer(token)).expect(200);
    expect(warnings).toEqual([
      `claimgraph: ${path.join(dataDir, 'users.json')}: not valid JSON: Unexpected end of JSON input; keeping the users read before`,
    ]);
  });
});

describe('the users file', () => {
  it('holds each user with a SHA-256 of their token, never the token itself', () => {
    const dataDir = writeCurationFolder();
    const { token } = addUser(dataDir, 'rita', 'reader', new Date('2026-12-03T10:00:00Z'));
    expect(token).toMatch(/^cg_[A-Za-z0-9_-]{43}$/);
    const text = fs.readFileSync(path.join(dataDir, 'users.json'), 'utf8');
    expect(text).not.toContain(token);
    expect(text).not.toContain(token.slice(3));
    expect(JSON.parse(text)).toEqual({
      users: [
        {
          name: 'rita',
          role: 'reader',
          tokenHash: crypto.createHash('sha256').update(token).digest('hex'),
          createdAt: '2026-12-03T10:00:00.000Z',
        },
      ],
    });
  });

  it('refuses a second user of the same name and a name that is not one', () => {
    const dataDir = writeCurationFolder();
    addUser(dataDir, 'rita', 'reader');
    expect(() => addUser(dataDir, 'rita', 'editor')).toThrow(
      'user "rita" exists already; revoke them or choose another name',
    );
    expect(() => addUser(dataDir, 'two words', 'editor')).toThrow(
      'user name "two words": expected a user name of 1 to 64 letters, digits, ".", "_", "-" or "@", starting with a letter or digit',
    );
    expect(() => setRole(dataDir, 'nobody', 'admin')).toThrow(
      'no user "nobody"; `claimgraph users list` shows who exists',
    );
  });
});

/** A folder app with a write limit, behind a trusted proxy (the limit is the app's, the same on either store). */
function limitedServer(limits: Pick<AppOptions, 'hardening'> & { rateLimit: WriteRateLimit }) {
  const dataDir = writeCurationFolder();
  const tokens = {
    reader: addUser(dataDir, 'rita', 'reader').token,
    editor: addUser(dataDir, 'eddie', 'editor').token,
    admin: addUser(dataDir, 'ada', 'admin').token,
  };
  const { graphs: store, writes } = openServedDataFolder(
    dataDir,
    true,
    () => new GraphSnapshotHolder(snapshotOf(openGraph(dataDir))),
    extractFixture,
    () => {},
  );
  limitedWrites.push(writes);
  const app = createApp({
    store,
    clientDir: noClientDir,
    writes: { writes, token: ENV_TOKEN, rateLimit: limits.rateLimit },
    hardening: limits.hardening,
    privateReads: true,
  });
  return { app, tokens };
}
const limitedWrites: Array<{ close(): Promise<void> }> = [];
afterAll(() => Promise.all(limitedWrites.map((writes) => writes.close())));

describe('limits per user', () => {
  // Behind a trusted proxy each request comes from its own address, so only the per-user count can stop them.
  const limited = () =>
    limitedServer({ rateLimit: { limit: 2, windowMs: 60_000 }, hardening: { trustProxy: ['loopback'] } });
  const retract = (app: ReturnType<typeof limited>['app'], token: string, address: string) =>
    request(app)
      .post('/api/claims/nope/retract')
      .set(bearer(token))
      .set('X-Forwarded-For', address)
      .send({ reason: 'a check of limits' });

  it("stops one user's burst from every address, and leaves another user's writes and everyone's reads alone", async () => {
    const { app, tokens } = limited();
    const statuses: number[] = [];
    for (const address of ['198.51.100.1', '198.51.100.2'])
      statuses.push((await retract(app, tokens.editor, address)).status);
    expect(statuses).toEqual([404, 404]);
    const refused = await retract(app, tokens.editor, '198.51.100.3');
    expectProblem(refused, 429);
    expect(refused.body.detail).toBe(
      'too many writes: at most 2 every 60 s from user "eddie"; wait and retry (see the Retry-After header)',
    );
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect((await retract(app, tokens.admin, '198.51.100.4')).status).toBe(404);
    for (const token of [tokens.editor, tokens.reader])
      expect(
        (await request(app).get('/api/entities/ann').set(bearer(token)).set('X-Forwarded-For', '198.51.100.5')).status,
      ).toBe(200);
  });
});
