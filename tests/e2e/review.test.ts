// The review panel in real Chromium against the real server (writes on): an ingested
// article's pending proposals beside the document with the quote highlighted; a
// corrected proposal accepted appears on the drawn graph at once; a rejected one leaves
// the queue. Expectations are read from the API, so they hold whatever the extractor proposes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ProposalView } from '../../server/model/reviewApi';
import { startChildServer, type ChildServer } from '../api/childServer';
import { assertBuilt, launchBrowser, openExplorer, repoRoot, saveScreenshot, type Browser } from './harness';

const TOKEN = 'review-panel-token';
const article = path.join(repoRoot, '..', 'shared', 'dev-articles', '101_x-brazil-suspension.txt');
let server: ChildServer;
let browser: Browser;
let dataDir: string;
let cacheDir: string;

async function api<T>(url: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(`${server.url}${url}`, { headers: { Authorization: `Bearer ${TOKEN}` }, ...init });
  if (!res.ok) throw new Error(`${url} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}

beforeAll(async () => {
  assertBuilt();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-review-'));
  cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-review-cache-'));
  fs.cpSync(path.join(repoRoot, 'graph-data'), dataDir, { recursive: true });
  // Both are kept even if one fails, so afterAll can stop the other (a stray Chromium would hold jest open).
  const [started, launched] = await Promise.allSettled([
    startChildServer(dataDir, { CLAIMGRAPH_TOKEN: TOKEN, CLAIMGRAPH_CACHE_DIR: cacheDir }),
    launchBrowser(),
  ]);
  if (started.status === 'fulfilled') server = started.value;
  if (launched.status === 'fulfilled') browser = launched.value;
  if (started.status === 'rejected') throw started.reason;
  if (launched.status === 'rejected') throw launched.reason;
  await api('/api/documents?fileName=101_x-brazil-suspension.txt', {
    method: 'POST',
    headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'text/plain' },
    body: fs.readFileSync(article, 'utf8'),
  });
}, 60_000);

afterAll(async () => {
  server?.child.kill('SIGTERM');
  await Promise.all([browser?.close(), server?.exited]);
  for (const dir of [dataDir, cacheDir]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the review panel', () => {
  it('shows, corrects, accepts and rejects proposals, and the graph follows', async () => {
    const { page, errors } = await openExplorer(browser, server.url, '', undefined, TOKEN);
    const pending = (await api<{ proposals: ProposalView[] }>('/api/proposals')).proposals;
    expect(pending.length).toBeGreaterThan(2);

    await page.click('#open-review');
    await page.waitForSelector('.review-list li[data-proposal]');
    expect(
      await page
        .locator('.review-list li[data-proposal]')
        .evaluateAll((items) => items.map((item) => item.getAttribute('data-proposal'))),
    ).toEqual(pending.map((p) => p.id));
    await expect(page.textContent('#review-title')).resolves.toBe(`Review queue (${pending.length} pending)`);
    // The first proposal beside its document, its quote highlighted.
    await page.waitForSelector('.review-document mark.current');
    await expect(page.textContent('#review-document-title')).resolves.toBe(pending[0].document.title);
    await expect(page.textContent('.review-document mark.current')).resolves.toBe(pending[0].claim.quote);
    // Which extractor proposed it: this server has no model configured.
    expect(pending[0].extractor).toBe('rules');
    await expect(page.textContent('#review-extractor')).resolves.toBe('proposed by rules');

    // Accept one that the vocabulary allows as extracted, with a corrected stance.
    const vocabulary = await api<{
      edgeTypes: Array<{ id: string; directed: boolean; subjectTypes: string[]; objectTypes: string[] }>;
    }>('/api/vocabulary');
    const allows = (p: ProposalView) => {
      const type = vocabulary.edgeTypes.find((t) => t.id === p.claim.type);
      const fits = (list: string[], node: string) => list.length === 0 || list.includes(node);
      return (
        type !== undefined &&
        ((fits(type.subjectTypes, p.subject.type) && fits(type.objectTypes, p.object.type)) ||
          (!type.directed && fits(type.subjectTypes, p.object.type) && fits(type.objectTypes, p.subject.type)))
      );
    };
    const chosen = pending.find((p) => allows(p) && p.claim.stance !== 'alleges');
    if (!chosen) throw new Error('the extractor proposed nothing acceptable as extracted');
    const before = await api<{ nodes: unknown[]; edges: unknown[] }>('/api/graph');
    await page.click(`.review-list li[data-proposal="${chosen.id}"] button`);
    await expect(page.textContent('.review-document mark.current')).resolves.toBe(chosen.claim.quote);
    await page.selectOption('#review-stance', 'alleges');
    await page.click('#review-accept');
    await page.waitForFunction(() => document.querySelector('.review-message')?.textContent?.startsWith('Accepted:'));
    const decided = await api<ProposalView>(`/api/proposals/${encodeURIComponent(chosen.id)}`);
    expect(decided.status).toBe('accepted');
    const after = await api<{
      nodes: unknown[];
      edges: Array<{ key: string; attributes: { claims: Array<{ id: string; stance: string }> } }>;
    }>('/api/graph');
    const edge = after.edges.find((e) => e.attributes.claims.some((c) => c.id === decided.claimId));
    expect(edge?.attributes.claims.find((c) => c.id === decided.claimId)?.stance).toBe('alleges');
    expect(after.edges.length).toBeGreaterThanOrEqual(before.edges.length);
    // The drawn graph has it at once: the status line counts it and its relation is selected.
    await page.waitForFunction(
      (text) => document.querySelector('#status-line')?.textContent === text,
      `${after.nodes.length} of ${after.nodes.length} entities · ${after.edges.length} of ${after.edges.length} relations shown`,
    );
    expect(new URL(page.url()).searchParams.get('edge')).toBe(edge?.key);
    await page.waitForSelector(`.review-list li[data-proposal]:nth-child(${pending.length - 1})`);
    expect(await page.locator(`.review-list li[data-proposal="${chosen.id}"]`).count()).toBe(0);
    await saveScreenshot(page, 'review-panel');

    // Reject another: it leaves the queue.
    const other = pending.find((p) => p.id !== chosen.id)!;
    await page.click(`.review-list li[data-proposal="${other.id}"] button`);
    await page.click('#review-reject');
    await page.waitForFunction((id) => !document.querySelector(`.review-list li[data-proposal="${id}"]`), other.id);
    expect((await api<ProposalView>(`/api/proposals/${encodeURIComponent(other.id)}`)).status).toBe('rejected');
    await expect(page.textContent('#review-title')).resolves.toBe(`Review queue (${pending.length - 2} pending)`);

    // A token the server no longer knows (revoked meanwhile) is refused with its reason, and nothing changes.
    await page.evaluate(() => sessionStorage.setItem('claimgraph-token', 'wrong'));
    await page.click('#review-reject');
    await page.waitForFunction(() =>
      document.querySelector('.review-message')?.textContent?.startsWith('Not rejected: Unauthorized'),
    );
    expect(errors.filter((e) => !e.includes('401'))).toEqual([]);
    await page.close();
  });
});
