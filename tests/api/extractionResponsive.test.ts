// The real server (a child process, default limits) keeps answering while it extracts an
// article: 'Mr. ' × 50,000 (200 KB) makes compromise's sentence splitter join abbreviations
// one at a time, minutes of work and gigabytes of memory in the server's own thread
// before extraction moved to a worker. Now /api/health is answered within a second
// throughout, the article is refused (422, split it) once the worker runs out of time (or
// of heap, whichever comes first on the machine), nothing is stored, and the server is fine.
import { assertServerBuilt, startChildServer, type ChildServer } from './childServer';
import { tempSeedCopy } from './writeApp';

const TOKEN = 'responsive-test-token';
const SPLIT_IT = 'split it into smaller documents (a few sections each) and send each one on its own';
const misters = ` date 2024-10-09 Misters\n${'Mr. '.repeat(50_000)}\n`;

describe('the server while an article is extracted', () => {
  let server: ChildServer | undefined;
  beforeAll(async () => {
    assertServerBuilt();
    server = await startChildServer(tempSeedCopy(), { CLAIMGRAPH_TOKEN: TOKEN, CLAIMGRAPH_WRITE_RATE_LIMIT: '0' });
  });
  afterAll(async () => {
    server?.child.kill('SIGKILL');
    await server?.exited;
  });

  it('answers /api/health within a second throughout, then refuses the article with 422 and stores nothing', async () => {
    const { url } = server!;
    let done = false;
    const posted = fetch(`${url}/api/documents?fileName=misters.txt`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'text/plain' },
      body: misters,
    }).finally(() => (done = true));
    const waits: number[] = [];
    while (!done) {
      const asked = Date.now();
      const health = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5000) });
      expect(health.status).toBe(200);
      waits.push(Date.now() - asked);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const res = await posted;
    // The default time limit is 8 s: dozens of polls were answered meanwhile, none slowly.
    expect(waits.length).toBeGreaterThan(20);
    expect(Math.max(...waits)).toBeLessThan(1000);
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = (await res.json()) as { detail: string };
    expect([
      `the article could not be extracted within the extractor's limits (it took longer than 8 s): ${SPLIT_IT}`,
      `the article could not be extracted within the extractor's limits (it needed more than 512 MB of memory): ${SPLIT_IT}`,
    ]).toContain(problem.detail);
    expect((await fetch(`${url}/api/documents/misters`)).status).toBe(404);
    expect(
      (
        (await (
          await fetch(`${url}/api/proposals?status=all`, { headers: { Authorization: `Bearer ${TOKEN}` } })
        ).json()) as { total: number }
      ).total,
    ).toBe(0);
    expect(server!.child.exitCode).toBeNull();
  }, 60_000);
});
