// The review loop in real Chromium on a new article of 14 proposals, as a reviewer meets
// it: the panel opens beside the graph (the graph stays drawn, its camera kept); after two
// accepts have taken every pending mention of the article's company (X Corp., new), it
// can still be chosen; a new entity proposed by another proposal of the article can be
// chosen; any entity of the graph can be found by search; and a new entity named like one
// the graph has is a question (use it / create anyway), not a silent duplicate.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ProposalView } from '../../server/model/reviewApi';
import { startChildServer, type ChildServer } from '../api/childServer';
import {
  assertBuilt,
  countPixels,
  launchBrowser,
  openExplorer,
  repoRoot,
  saveScreenshot,
  type Browser,
} from './harness';

const TOKEN = 'review-loop-token';
const DOC = '101_x-brazil-suspension';
const article = path.join(repoRoot, '..', 'shared', 'dev-articles', `${DOC}.txt`);
let server: ChildServer;
let browser: Browser;
let dataDir: string;
let cacheDir: string;

async function api<T>(url: string): Promise<T> {
  const res = await fetch(`${server.url}${url}`, { headers: { Authorization: `Bearer ${TOKEN}` } });
  if (!res.ok) throw new Error(`${url} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}
const proposal = (n: number) => api<ProposalView & { claimId?: string }>(`/api/proposals/${DOC}.p${n}`);
const claimOf = async (n: number) => {
  const { claimId } = await proposal(n);
  const state = await api<{ claim: { subject: string; type: string; object: string } }>(`/api/claims/${claimId}`);
  return [state.claim.subject, state.claim.type, state.claim.object];
};

beforeAll(async () => {
  assertBuilt();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-review-loop-'));
  cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-review-loop-cache-'));
  fs.cpSync(path.join(repoRoot, 'graph-data'), dataDir, { recursive: true });
  const [started, launched] = await Promise.allSettled([
    startChildServer(dataDir, { CLAIMGRAPH_TOKEN: TOKEN, CLAIMGRAPH_CACHE_DIR: cacheDir }),
    launchBrowser(),
  ]);
  if (started.status === 'fulfilled') server = started.value;
  if (launched.status === 'fulfilled') browser = launched.value;
  if (started.status === 'rejected') throw started.reason;
  if (launched.status === 'rejected') throw launched.reason;
  const res = await fetch(`${server.url}/api/documents?fileName=${DOC}.txt`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'text/plain' },
    body: fs.readFileSync(article, 'utf8'),
  });
  if (res.status !== 201) throw new Error(`ingest answered ${res.status}: ${await res.text()}`);
}, 60_000);

afterAll(async () => {
  server?.child.kill('SIGTERM');
  await Promise.all([browser?.close(), server?.exited]);
  for (const dir of [dataDir, cacheDir]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the review loop', () => {
  it('offers every entity of the article, searches the graph, asks before a duplicate, beside the graph', async () => {
    const { page, errors } = await openExplorer(browser, server.url, '?cam=0.5,0.5,0.8', undefined, TOKEN);
    // The article as extracted: X Corp. is new, and only p2 and p14 mention it.
    const pending = (await api<{ proposals: ProposalView[] }>(`/api/proposals?document=${DOC}`)).proposals;
    expect(pending.length).toBe(14);
    expect(pending.filter((p) => [p.subject.id, p.object.id].includes('x-corp')).map((p) => p.id)).toEqual([
      `${DOC}.p2`,
      `${DOC}.p14`,
    ]);

    // The panel opens beside the graph: both fully visible, the graph still drawn, the camera kept.
    await page.click('#open-review');
    await page.waitForSelector('#review-subject');
    const panelBox = (await page.locator('#review').boundingBox())!;
    const graphBox = (await page.locator('#graph').boundingBox())!;
    expect(panelBox.x + panelBox.width).toBeLessThanOrEqual(graphBox.x + 1);
    expect(graphBox.width).toBeGreaterThan(300);
    await page.waitForTimeout(600);
    expect(new URL(page.url()).searchParams.get('cam')).toBe('0.5,0.5,0.8');
    expect((await countPixels(page, '#graph', '#ffffff')).inked).toBeGreaterThan(2000);

    const accept = async (n: number) => {
      await page.click(`.review-list li[data-proposal="${DOC}.p${n}"] button`);
      await page.waitForSelector(`#review-subject`);
      await page.waitForFunction(
        (quote) =>
          document.querySelector('#review-quote') instanceof HTMLTextAreaElement &&
          (document.querySelector('#review-quote') as HTMLTextAreaElement).value === quote,
        (await proposal(n)).claim.quote,
      );
    };
    const submit = async (n: number) => {
      await page.click('#review-accept');
      await page.waitForFunction(
        (id) => !document.querySelector(`.review-list li[data-proposal="${id}"]`),
        `${DOC}.p${n}`,
      );
    };

    // Two accepts take X Corp.'s every pending mention.
    await accept(2);
    await submit(2);
    await accept(14);
    await submit(14);
    expect(await claimOf(14)).toEqual(['rachel-de-oliveira-villa-nova-conceicao', 'holds_position', 'x-corp']);

    // A third still offers it: Elon Musk owns X Corp., not X.
    await accept(3);
    const objects = await page
      .locator('#review-object option')
      .evaluateAll((options) => options.map((o) => [(o as HTMLOptionElement).value, o.textContent]));
    expect(objects).toContainEqual(['x-corp', 'X Corp. · organization']);
    expect(objects).toContainEqual(['spacex', 'SpaceX (new) · organization']);
    await page.selectOption('#review-object', 'x-corp');
    await submit(3);
    expect(await claimOf(3)).toEqual(['elon-musk', 'owns', 'x-corp']);
    // The accepted relation is drawn and selected.
    await page.waitForFunction(() => new URL(location.href).searchParams.get('edge') === 'elon-musk|owns|x-corp');

    // A new entity that another pending proposal found (the Supreme Federal Court, of p1 and p12).
    await accept(6);
    await page.selectOption('#review-subject', 'supreme-federal-court');
    await submit(6);
    expect(await claimOf(6)).toEqual(['supreme-federal-court', 'sanctioned', 'starlink']);

    // Any entity of the graph, by search.
    await accept(11);
    await page.selectOption('#review-subject', '__search__');
    await page.fill('#review-subject-search', 'Peskov');
    await page.waitForSelector('.review-search [role="option"] .hit-name');
    await page.keyboard.press('Enter');
    await expect(page.inputValue('#review-subject')).resolves.toBe('dmitry-peskov');
    await submit(11);
    expect(await claimOf(11)).toEqual(['dmitry-peskov', 'criticized', 'alexandre-de-moraes']);

    // A new entity named like one of the graph: the panel asks, and "Use it" accepts with the existing one.
    await accept(9);
    await page.selectOption('#review-subject', '__new__');
    await page.fill('#review-subject-new-name', 'elon musk');
    await page.selectOption('#review-subject-new-type', 'person');
    await page.click('#review-accept');
    await page.waitForSelector('.review-question');
    await expect(page.textContent('.review-question p')).resolves.toBe(
      'elon musk already exists as “Elon Musk” (person, elon-musk). Use it, or create the new entity anyway?',
    );
    expect(await page.locator('#review-create-anyway').count()).toBe(1);
    expect((await proposal(9)).status).toBe('pending');
    await saveScreenshot(page, 'review-loop-question');
    await page.click('#review-use-existing');
    await page.waitForFunction((id) => !document.querySelector(`.review-list li[data-proposal="${id}"]`), `${DOC}.p9`);
    expect(await claimOf(9)).toEqual(['elon-musk', 'criticized', 'alexandre-de-moraes']);
    const entities = await api<{ hits: Array<{ id: string }> }>('/api/entities?q=elon%20musk&limit=5');
    expect(entities.hits.map((h) => h.id)).not.toContain('elon-musk-2');
    await saveScreenshot(page, 'review-loop-beside-graph');
    // The one failed request is the 409 the panel turned into its question.
    expect(errors).toEqual([
      'console error: Failed to load resource: the server responded with a status of 409 (Conflict)',
    ]);
    await page.close();
  });
});
