// `claimgraph serve` and `claimgraph users` as a user runs them: the server listens on
// loopback unless told otherwise, reads need a token off loopback or with --private, the
// start-up says who may read and write (and warns about public reads on the network),
// and users added, demoted or revoked from the command line take effect on the running
// server at its next request.
import { spawnSync } from 'node:child_process';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { assertServerBuilt, repoRoot, startChildServer, type ChildServer } from './childServer';
import { tempSeedCopy } from './writeApp';

const running: ChildServer[] = [];
afterEach(async () => {
  for (const server of running.splice(0)) {
    server.child.kill('SIGTERM');
    await server.exited;
  }
});
beforeAll(() => assertServerBuilt());

// HOST and CLAIMGRAPH_READS empty: their defaults, whatever the environment running the tests says.
const env = { HOST: '', CLAIMGRAPH_READS: '', CLAIMGRAPH_TOKEN: '' };

async function serve(args: string[], dataDir = tempSeedCopy()): Promise<ChildServer> {
  const server = await startChildServer(dataDir, env, 15_000, args);
  running.push(server);
  return server;
}

function users(dataDir: string, ...args: string[]) {
  const result = spawnSync(
    path.join(repoRoot, 'node_modules', '.bin', 'node'),
    ['bin/claimgraph.js', 'users', ...args, '--data', dataDir],
    { cwd: repoRoot, encoding: 'utf8' },
  );
  return { code: result.status, out: result.stdout, err: result.stderr };
}

/** This machine's first address that is not loopback, if it has one. */
function outsideAddress(): string | undefined {
  for (const addresses of Object.values(os.networkInterfaces()))
    for (const address of addresses ?? []) if (!address.internal && address.family === 'IPv4') return address.address;
  return undefined;
}

function connects(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

const port = (server: ChildServer) => Number(new URL(server.url).port);

describe('where the server listens, and who may read', () => {
  it('listens on 127.0.0.1 only without --host, with open reads, and says so', async () => {
    const server = await serve([]);
    expect(server.output()).toContain(`claimgraph: listening on http://127.0.0.1:${port(server)}/`);
    expect(server.output()).toContain('claimgraph: reads are open to anyone who can reach 127.0.0.1');
    expect(server.output()).toContain(
      'claimgraph: writes are off: no editor or admin exists (`claimgraph users add NAME --role editor`, then restart)',
    );
    const outside = outsideAddress();
    if (outside !== undefined) expect(await connects(outside, port(server))).toBe(false);
    expect(await connects('127.0.0.1', port(server))).toBe(true);
    expect((await fetch(`${server.url}/api/entities/elon-musk`)).status).toBe(200);
  }, 30_000);

  it('needs a reader token for every read when listening on 0.0.0.0; health says only its status', async () => {
    const dataDir = tempSeedCopy();
    const token = users(dataDir, 'add', 'rita', '--role', 'reader').out.trim();
    const server = await serve(['--host', '0.0.0.0'], dataDir);
    expect(server.output()).toContain(
      'claimgraph: reads need a reader\'s token (sign in on the page, or send "Authorization: Bearer <token>")',
    );
    const anonymous = await fetch(`${server.url}/api/entities/elon-musk`);
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { detail: string }).detail).toBe(
      'this route needs a signed-in reader: send the header "Authorization: Bearer <token>" with a token from `claimgraph users add NAME --role reader`',
    );
    expect(await (await fetch(`${server.url}/api/health`)).json()).toEqual({ status: 'ok' });
    const signedIn = await fetch(`${server.url}/api/entities/elon-musk`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(signedIn.status).toBe(200);
    // The page itself stays public: it carries the sign-in screen.
    expect((await fetch(`${server.url}/`)).status).toBe(200);
  }, 30_000);

  it('needs a token on loopback too with --private', async () => {
    const server = await serve(['--private']);
    expect((await fetch(`${server.url}/api/graph`)).status).toBe(401);
  }, 30_000);

  it('warns when it serves public reads beyond loopback', async () => {
    const server = await serve(['--host', '0.0.0.0', '--public-reads']);
    expect(server.output()).toContain(
      'claimgraph: warning: listening on 0.0.0.0 with public reads: anyone who can reach this address can read the whole graph',
    );
    expect((await fetch(`${server.url}/api/graph`)).status).toBe(200);
  }, 30_000);
});

describe('claimgraph users beside a running server', () => {
  it('adds, lists, demotes and revokes; the server follows at its next request', async () => {
    const dataDir = tempSeedCopy();
    const added = users(dataDir, 'add', 'eddie', '--role', 'editor');
    expect(added.code).toBe(0);
    expect(added.err).toBe('claimgraph users: added eddie (editor); their token, shown this once:\n');
    const token = added.out.trim();
    expect(token).toMatch(/^cg_[A-Za-z0-9_-]{43}$/);
    const server = await serve(['--private'], dataDir);
    expect(server.output()).toContain(
      'claimgraph: writes are on, for editors and admins with a token (`claimgraph users list`)',
    );
    const headers = { Authorization: `Bearer ${token}` };
    expect((await fetch(`${server.url}/api/proposals`, { headers })).status).toBe(200);

    expect(users(dataDir, 'set-role', 'eddie', '--role', 'reader')).toEqual({
      code: 0,
      out: 'eddie is now a reader\n',
      err: '',
    });
    expect((await fetch(`${server.url}/api/proposals`, { headers })).status).toBe(403);
    expect((await fetch(`${server.url}/api/graph`, { headers })).status).toBe(200);

    const revoked = users(dataDir, 'revoke', 'eddie');
    expect(revoked.code).toBe(0);
    expect(revoked.out).toMatch(
      /^eddie's token is revoked \(\d{4}-\d\d-\d\dT[\d:.]+Z\); a running server refuses it from its next request\n$/,
    );
    expect((await fetch(`${server.url}/api/graph`, { headers })).status).toBe(401);
    expect(users(dataDir, 'list').out).toMatch(/^eddie {2}reader {2}added \S+ {2}revoked \S+\n$/);
  }, 60_000);

  it('says what is wrong in one line', () => {
    const dataDir = tempSeedCopy();
    expect(users(dataDir, 'add', 'rita', '--role', 'owner')).toEqual({
      code: 2,
      out: '',
      err: expect.stringMatching(
        /^claimgraph users: --role: expected one of reader, editor, admin, not "owner"\nusage: /,
      ),
    });
    expect(users(dataDir, 'revoke', 'nobody')).toEqual({
      code: 1,
      out: '',
      err: 'claimgraph users: no user "nobody"; `claimgraph users list` shows who exists\n',
    });
    expect(users(dataDir, 'list')).toEqual({
      code: 0,
      out: 'no users; `claimgraph users add NAME --role editor` makes one\n',
      err: '',
    });
  });
});
