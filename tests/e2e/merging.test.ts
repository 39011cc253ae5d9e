// Merging and duplicates in the explorer, in real Chromium against the real server
// (writes on, a copy of graph-data plus "E. Musk", a second spelling of Elon Musk with
// two claims): only an editor sees the controls; Merge into… (the search, then a
// confirmation naming both and the claims that move; a 412 from a change made meanwhile,
// then Reload) merges, the survivor is selected, the merged node and its edges leave the
// drawn graph and its claims join Elon Musk's; a shared link to the old id opens the
// survivor; the history lists the merge and Undo splits it; Possible duplicates lists E.
// Musk with its score and reasons, Not the same takes it off, and undoing that brings it back.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { HistoryResponse } from '../../server/model/curationApi';
import type { DuplicatesResponse } from '../../server/model/duplicatesApi';
import { startChildServer, type ChildServer } from '../api/childServer';
import { assertBuilt, launchBrowser, openExplorer, repoRoot, saveScreenshot, type Browser } from './harness';

const TOKEN = 'merging-ui-token';
const DOCUMENT = '000_57d8c84b7f0fe012';
const CAMERA = '0.5,0.5,1';
const E_MUSK = { id: 'e-musk', type: 'person', name: 'E. Musk', aliases: [] };
const E_MUSK_CLAIMS = [
  {
    id: 'fx-1',
    subject: 'dmitry-peskov',
    type: 'in_contact_with',
    object: 'e-musk',
    stance: 'confirms',
    document: DOCUMENT,
    quote: 'Kremlin spokesperson Dmitry Peskov said their only communication with Musk was a phone call',
  },
  {
    id: 'fx-2',
    subject: 'vladimir-putin',
    type: 'requested',
    object: 'e-musk',
    stance: 'alleges',
    document: DOCUMENT,
    quote: 'The report further claims that Putin asked Musk not to activate his Starlink internet service over Taiwan',
  },
];
const MUSK_ALIASES = ['Musk', 'Tech billionaire Elon Musk'];

let server: ChildServer;
let browser: Browser;
let page: Page;
let errors: string[];
let dataDir: string;
let cacheDir: string;

async function api<T>(url: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(`${server.url}${url}`, { headers: { Authorization: `Bearer ${TOKEN}` }, ...init });
  if (!res.ok) throw new Error(`${url} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}

async function announced(text: string): Promise<void> {
  await page
    .waitForFunction((t) => document.querySelector('#write-announce')?.textContent === t, text, { timeout: 15_000 })
    .catch(async () => {
      throw new Error(`expected the announcement "${text}", found "${await page.textContent('#write-announce')}"`);
    });
}

/** Reads the graph the explorer draws. */
function drawn<T>(read: (graph: import('graphology').default) => T): Promise<T> {
  return page.evaluate(`(${read.toString()})((window).claimgraph.graph)`) as Promise<T>;
}

/** What the merge touches on the drawn graph: the claim counts of E. Musk's two edges, before and after moving. */
const mergeView = () =>
  drawn((g) => ({
    order: g.order,
    size: g.size,
    eMusk: g.hasNode('e-musk'),
    edges: [
      'dmitry-peskov|in_contact_with|e-musk',
      'dmitry-peskov|in_contact_with|elon-musk',
      'vladimir-putin|requested|e-musk',
      'vladimir-putin|requested|elon-musk',
    ].map((key) => (g.hasEdge(key) ? g.getEdgeAttribute(key, 'claimCount') : 0)),
    aliases: g.getNodeAttribute('elon-musk', 'aliases'),
  }));

const param = (name: string) => new URL(page.url()).searchParams.get(name);
const texts = (selector: string) => page.locator(selector).evaluateAll((items) => items.map((i) => i.textContent));

async function open(search: string): Promise<void> {
  await page.goto(`${server.url}/${search}`);
  await page.waitForSelector('body[data-ready="true"]');
}

beforeAll(async () => {
  assertBuilt();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-merging-ui-'));
  cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-merging-ui-cache-'));
  fs.cpSync(path.join(repoRoot, 'graph-data'), dataDir, { recursive: true });
  const entities = JSON.parse(fs.readFileSync(path.join(dataDir, 'entities.json'), 'utf8')) as object[];
  fs.writeFileSync(path.join(dataDir, 'entities.json'), JSON.stringify([...entities, E_MUSK], null, 2));
  const claims = JSON.parse(fs.readFileSync(path.join(dataDir, 'claims.json'), 'utf8')) as object[];
  fs.writeFileSync(path.join(dataDir, 'claims.json'), JSON.stringify([...claims, ...E_MUSK_CLAIMS], null, 2));
  const [started, launched] = await Promise.allSettled([
    startChildServer(dataDir, { CLAIMGRAPH_TOKEN: TOKEN, CLAIMGRAPH_CACHE_DIR: cacheDir }),
    launchBrowser(),
  ]);
  if (started.status === 'fulfilled') server = started.value;
  if (launched.status === 'fulfilled') browser = launched.value;
  if (started.status === 'rejected') throw started.reason;
  if (launched.status === 'rejected') throw launched.reason;
  ({ page, errors } = await openExplorer(browser, server.url, `?node=e-musk&cam=${CAMERA}`, undefined, TOKEN));
}, 60_000);

afterAll(async () => {
  server?.child.kill('SIGTERM');
  await Promise.all([browser?.close(), server?.exited]);
  for (const dir of [dataDir, cacheDir]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('merging from the explorer', () => {
  it('shows Merge into… and Possible duplicates to an editor only', async () => {
    const visitor = await openExplorer(browser, server.url, '?node=elon-musk');
    await visitor.page.waitForSelector('#entity-name');
    expect(await visitor.page.isVisible('.entity-history')).toBe(true);
    expect(await visitor.page.isVisible('.merge-entity')).toBe(false);
    expect(await visitor.page.isVisible('.entity-duplicates')).toBe(false);
    await visitor.page.close();
    await page.waitForSelector('#entity-name');
    expect(await page.isVisible('.merge-entity')).toBe(true);
    expect(await page.isVisible('.entity-duplicates')).toBe(true);
  });

  it('merges E. Musk into Elon Musk: the confirmation names both, a 412 reloads, the graph follows', async () => {
    await expect(mergeView()).resolves.toEqual({
      order: 16,
      size: 21,
      eMusk: true,
      edges: [1, 0, 1, 1],
      aliases: MUSK_ALIASES,
    });
    await page.click('.merge-entity');
    await page.fill('input[name="merge-into"]', 'Elon Musk');
    await page.waitForSelector('.merge-into li[role="option"][id]');
    await page.press('input[name="merge-into"]', 'Enter');
    await page.waitForSelector('.merge-confirm[data-into="elon-musk"]');
    await expect(page.textContent('.merge-question')).resolves.toBe(
      'Merge E. Musk (e-musk) into Elon Musk (elon-musk)?',
    );
    await expect(page.textContent('.merge-effect')).resolves.toBe(
      '2 claims of E. Musk move to Elon Musk; its name and aliases become aliases of Elon Musk, and E. Musk leaves the graph. Undo in the history splits them again.',
    );
    await saveScreenshot(page, 'merge-confirmation');

    // Someone edits E. Musk meanwhile: the merge, sent at version 1, is refused.
    await api('/api/entities/e-musk', {
      method: 'PATCH',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', 'if-match': '"1"' },
      body: JSON.stringify({ description: 'Shorthand in one report' }),
    });
    await page.click('.confirm-merge');
    await page.waitForSelector('.merge-confirm .write-status.error .reload-merge');
    await expect(page.textContent('.merge-confirm .write-status')).resolves.toBe(
      'Someone changed E. Musk since you opened this: it is at version 2 now. Reload to see it as it is, then merge again.Reload',
    );
    await expect(mergeView()).resolves.toMatchObject({ order: 16, size: 21, eMusk: true });
    await page.click('.reload-merge');
    await page.waitForSelector('.merge-confirm input[name="reason"]');
    await page.fill('.merge-confirm input[name="reason"]', 'the same person');
    await page.click('.confirm-merge');
    await announced('Merged E. Musk into Elon Musk (e2): 2 claims moved.');

    expect(param('node')).toBe('elon-musk');
    expect(param('cam')).toBe(CAMERA);
    await expect(page.textContent('#entity-name')).resolves.toBe('Elon Musk');
    await expect(mergeView()).resolves.toEqual({
      order: 15,
      size: 20,
      eMusk: false,
      edges: [0, 1, 0, 2],
      aliases: [...MUSK_ALIASES, 'E. Musk'],
    });
    await expect(page.textContent('.entity-details .aliases')).resolves.toBe(
      'Also called: Musk · Tech billionaire Elon Musk · E. Musk',
    );
    const history = await api<HistoryResponse>('/api/history?entity=e-musk');
    expect(history.events.map((event) => [event.id, event.kind, event.reason])).toEqual([
      ['e2', 'mergeEntities', 'the same person'],
      ['e1', 'editEntity', undefined],
    ]);
  });

  it('opens the survivor from a shared link to the merged entity, and rewrites the link', async () => {
    await open(`?node=e-musk&cam=${CAMERA}`);
    await expect(page.textContent('#entity-name')).resolves.toBe('Elon Musk');
    expect(param('node')).toBe('elon-musk');
    expect(param('cam')).toBe(CAMERA);
    await expect(page.textContent('#notice')).resolves.toBe(
      'The link named e-musk, since merged into Elon Musk (elon-musk): it shows Elon Musk.Dismiss',
    );
  });

  it('lists the merge in the survivor’s history; Undo splits E. Musk off again with its claims', async () => {
    await page.click('.entity-history');
    await page.waitForSelector('.entity-actions [data-event="e2"]');
    await expect(texts('.entity-actions .history-what')).resolves.toEqual(['e2 Merged E. Musk into Elon Musk']);
    await expect(page.textContent('.entity-actions [data-event="e2"] .history-why')).resolves.toBe(
      'Why: the same person',
    );
    await page.click('[data-undo="e2"]');
    await announced('Undid e2 with e3.');
    expect(param('node')).toBe('elon-musk');
    expect(param('cam')).toBe(CAMERA);
    await expect(mergeView()).resolves.toEqual({
      order: 16,
      size: 21,
      eMusk: true,
      edges: [1, 0, 1, 1],
      aliases: MUSK_ALIASES,
    });
    await expect(drawn((g) => g.getNodeAttribute('e-musk', 'description'))).resolves.toBe('Shorthand in one report');
    await page.waitForSelector('[data-event="e3"]');
    await expect(page.textContent('[data-event="e3"] .history-what')).resolves.toBe(
      'e3 Undid e2: E. Musk split again from Elon Musk',
    );
  });

  it('lists E. Musk among the possible duplicates; Not the same takes it off, Undo brings it back', async () => {
    await page.click('.entity-duplicates');
    await page.waitForSelector('.duplicate[data-candidate="e-musk"]');
    await expect(page.textContent('.duplicates h4')).resolves.toBe('Possible duplicates (1)');
    await expect(page.textContent('.duplicate .duplicate-name')).resolves.toBe('E. Musk (person, e-musk) score 0.90');
    await expect(texts('.duplicate-reasons li')).resolves.toEqual([
      'name "Elon Musk" ~ name "E. Musk": initials match',
      '1 shared neighbour: Vladimir Putin',
    ]);
    await saveScreenshot(page, 'duplicates-list');

    // Merge from the list: the candidate goes into this entity, as the confirmation says.
    await page.click('.merge-candidate');
    await page.waitForSelector('.duplicate-merge-slot .merge-confirm');
    await expect(page.textContent('.duplicate-merge-slot .merge-question')).resolves.toBe(
      'Merge E. Musk (e-musk) into Elon Musk (elon-musk)?',
    );
    await page.click('.cancel-merge');

    await page.fill('input[name="judgement-reason"]', 'checked: another person');
    await page.click('.duplicate[data-candidate="e-musk"] .not-same');
    await page.waitForFunction(() => !document.querySelector('.duplicate[data-candidate="e-musk"]'));
    await expect(page.textContent('.duplicates h4')).resolves.toBe('Possible duplicates (0)');
    await expect(page.textContent('.duplicates .write-status')).resolves.toBe(
      'Judged Elon Musk and E. Musk not the same (e4): the pair is not proposed again. Undo it from the history.',
    );
    const judged = await api<HistoryResponse>('/api/history?entity=elon-musk&limit=1');
    expect(judged.events.map((event) => [event.id, event.kind, event.reason])).toEqual([
      ['e4', 'judgeNotSame', 'checked: another person'],
    ]);
    expect((await api<DuplicatesResponse>('/api/entities/elon-musk/duplicates')).candidates).toEqual([]);
    await page.click('.entity-duplicates');
    await page.waitForSelector('.duplicates[aria-busy="false"]');
    await expect(page.textContent('.duplicates .hint')).resolves.toBe(
      'No entity looks like Elon Musk (score 0.5 or more).',
    );

    await page.click('.entity-history');
    await page.waitForSelector('[data-undo="e4"]');
    await page.click('[data-undo="e4"]');
    await announced('Undid e4 with e5.');
    await page.click('.entity-duplicates');
    await page.waitForSelector('.duplicate[data-candidate="e-musk"]');
    await expect(mergeView()).resolves.toMatchObject({ order: 16, size: 21, eMusk: true });
    expect(errors.filter((e) => !/the server responded with a status of 412/.test(e))).toEqual([]);
  });
});
