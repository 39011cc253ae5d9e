// Curating from the explorer, in real Chromium against the real server (a copy of
// graph-data, writes on for the editor eddie of its users.json): add an article (its proposals open in the review panel), add a
// claim quoting a passage selected in the document viewer, correct it (and meet a 412
// from a change made meanwhile), retract it, edit an entity, and undo from the history
// (a 409 names the event to undo first). Each write is checked on the drawn graph (the
// page's graphology graph), in the panel's exact words, and through the API; the camera
// and the selection stay. Screenshots go to a temporary folder, not the repository.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { HistoryResponse } from '../../server/model/curationApi';
import { addUser } from '../../server/store/usersFile';
import { startChildServer, type ChildServer } from '../api/childServer';
import { assertBuilt, launchBrowser, openExplorer, repoRoot, type Browser } from './harness';

/** The token of the editor `eddie` (users.json), given at start: every change in the UI is signed by eddie. */
let TOKEN = '';
const DOCUMENT = '000_57d8c84b7f0fe012';
const CAMERA = '0.5,0.5,1';
const article = path.join(repoRoot, '..', 'shared', 'dev-articles', '101_x-brazil-suspension.txt');
const shots = path.join(os.tmpdir(), 'claimgraph-curation-screenshots');
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

async function shot(name: string): Promise<void> {
  fs.mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: path.join(shots, `${name}.png`) });
}

/** The announcement above the side panel once it says `text`. */
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

const param = (name: string) => new URL(page.url()).searchParams.get(name);

/** Selects `quote` in the open document's text, as a user dragging over it, and releases the mouse. */
async function selectPassage(quote: string): Promise<void> {
  await page.evaluate((wanted) => {
    const body = document.querySelector('.document-viewer .document-text') as HTMLElement;
    const at = (body.textContent ?? '').indexOf(wanted);
    if (at < 0) throw new Error(`"${wanted}" is not in the document`);
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    let seen = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const length = node.textContent?.length ?? 0;
      if (at >= seen && at <= seen + length) range.setStart(node, at - seen);
      if (at + wanted.length >= seen && at + wanted.length <= seen + length) {
        range.setEnd(node, at + wanted.length - seen);
        break;
      }
      seen += length;
    }
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    body.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
  }, quote);
}

/** Types into an end's search box and chooses the first suggestion. */
async function chooseEnd(form: string, role: 'subject' | 'object', text: string): Promise<void> {
  const input = `${form} input[name="${role}"]`;
  await page.fill(input, text);
  await page.waitForSelector(`${form} .end-picker:has(input[name="${role}"]) li[role="option"][id]`);
  await page.press(input, 'Enter');
}

beforeAll(async () => {
  assertBuilt();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-curation-ui-'));
  cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-curation-ui-cache-'));
  fs.cpSync(path.join(repoRoot, 'graph-data'), dataDir, { recursive: true });
  TOKEN = addUser(dataDir, 'eddie', 'editor').token;
  const [started, launched] = await Promise.allSettled([
    startChildServer(dataDir, { CLAIMGRAPH_CACHE_DIR: cacheDir }),
    launchBrowser(),
  ]);
  if (started.status === 'fulfilled') server = started.value;
  if (launched.status === 'fulfilled') browser = launched.value;
  if (started.status === 'rejected') throw started.reason;
  if (launched.status === 'rejected') throw launched.reason;
  ({ page, errors } = await openExplorer(browser, server.url, `?cam=${CAMERA}`, undefined, TOKEN));
}, 60_000);

afterAll(async () => {
  server?.child.kill('SIGTERM');
  await Promise.all([browser?.close(), server?.exited]);
  for (const dir of [dataDir, cacheDir]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('curating from the explorer', () => {
  const claimId = `${DOCUMENT}.m1`;
  const edge = 'elon-musk|restricted_access|starlink-terminals';

  it('adds an article: the seeds’ first line is built from the fields, and its proposals open in the review panel', async () => {
    const source = fs.readFileSync(article, 'utf8');
    const body = source.slice(source.indexOf('\n') + 1);
    await page.click('#open-article');
    await page.click('#article-submit');
    await expect(page.textContent('#article-dialog .write-status')).resolves.toBe(
      'title: the title is empty; date: expected the date it was published as YYYY-MM-DD; body: the article text is empty',
    );
    await page.fill(
      '#article-dialog input[name="title"]',
      "X back online in Brazil after Musk's company yields to Justice Moraes",
    );
    await page.fill('#article-dialog input[name="date"]', '2024-10-09');
    await page.fill('#article-dialog input[name="url"]', 'https://example.org/x-brazil');
    await page.fill('#article-dialog textarea[name="body"]', body);
    // Signed in for the tab: the form asks for no token.
    await expect(
      page.locator('#article-dialog input[name="token"], #article-dialog input[type="password"]').count(),
    ).resolves.toBe(0);
    await page.click('#article-submit');
    const id = '2024-10-09_x-back-online-in-brazil-after-musk-s-company-yields-to';
    await page.waitForFunction(() => !document.querySelector<HTMLDialogElement>('#article-dialog')?.open, undefined, {
      timeout: 60_000,
    });
    const stored = await api<{ title: string; date: string; url?: string; text: string }>(`/api/documents/${id}`);
    expect({ title: stored.title, date: stored.date, url: stored.url, text: stored.text }).toEqual({
      title: "X back online in Brazil after Musk's company yields to Justice Moraes",
      date: '2024-10-09',
      url: 'https://example.org/x-brazil',
      text: body,
    });
    const proposals = (await api<{ proposals: Array<{ id: string }> }>(`/api/proposals?document=${id}`)).proposals;
    expect(proposals.length).toBeGreaterThan(0);
    await announced(
      `Stored “X back online in Brazil after Musk's company yields to Justice Moraes” (${id}): ${proposals.length} proposed claims to review.`,
    );
    // The review panel is open at the article's first proposal.
    await page.waitForSelector('#review:not([hidden]) .review-list li.selected');
    expect(await page.getAttribute('.review-list li.selected', 'data-proposal')).toBe(proposals[0].id);
    await expect(page.textContent('#review-document-title')).resolves.toBe(
      "X back online in Brazil after Musk's company yields to Justice Moraes",
    );
    await shot('1-article-review');
    await page.click('#review-close');
  }, 90_000);

  it('adds a claim from a selected passage: only the relation types the ends allow, and the new edge is drawn and selected', async () => {
    await page.goto(`${server.url}/?doc=${DOCUMENT}&cam=${CAMERA}`);
    await page.waitForSelector('.document-viewer .document-text');
    const before = await drawn((g) => ({ order: g.order, size: g.size }));
    expect(before).toEqual({ order: 15, size: 19 });
    expect(await page.isDisabled('#add-claim-from-selection')).toBe(true);
    await selectPassage('Musk stopping funding for Starlink terminals for Ukraine');
    await expect(page.textContent('.selection-preview')).resolves.toBe(
      'Selected: “Musk stopping funding for Starlink terminals for Ukraine”',
    );
    await page.click('#add-claim-from-selection');
    const form = '.add-claim-form';
    await expect(page.textContent(`${form} .type-hint`)).resolves.toBe(
      'Choose both ends to see only the relation types that fit them.',
    );
    await chooseEnd(form, 'subject', 'Musk');
    await expect(page.textContent(`${form} .end-chosen[data-end="subject"]`)).resolves.toBe('Elon Musk (person)');
    await page.click(`${form} [data-new-end="object"]`);
    await page.fill(`${form} input[name="object-new-name"]`, 'Starlink terminals');
    await page.selectOption(`${form} select[name="object-new-type"]`, 'service');
    await expect(page.textContent(`${form} .end-chosen[data-end="object"]`)).resolves.toBe(
      'New: Starlink terminals (service)',
    );
    // person → service: every type but part_of, member_of and associate_of.
    expect(
      await page
        .locator(`${form} select[name="type"] option`)
        .evaluateAll((o) => o.map((x) => x.getAttribute('value'))),
    ).toEqual([
      'holds_position',
      'owns',
      'operates',
      'in_contact_with',
      'requested',
      'acted_on_behalf_of',
      'provided_access',
      'restricted_access',
      'funded',
      'supported',
      'criticized',
      'used',
      'attacked',
      'sanctioned',
      'linked_to',
    ]);
    await expect(page.textContent(`${form} .type-hint`)).resolves.toBe('15 relation types allow person → service.');
    await page.selectOption(`${form} select[name="type"]`, 'restricted_access');
    await page.selectOption(`${form} select[name="stance"]`, 'asserts');
    await page.fill(`${form} input[name="date"]`, '2022-13');
    await expect(page.locator(`${form} input[type="password"]`).count()).resolves.toBe(0);
    await page.click('#add-claim-submit');
    // A refusal is said under the form, in the server's words; nothing changed.
    await page.waitForFunction(() => document.querySelector('.passage-form .write-status.error'));
    await expect(page.textContent('.passage-form .write-status')).resolves.toBe(
      'Not added: Invalid request body: date: expected a date as YYYY, YYYY-MM or YYYY-MM-DD that exists in the calendar',
    );
    await page.fill(`${form} input[name="date"]`, '2022');
    await page.click('#add-claim-submit');
    await announced(
      `Added claim ${claimId} (${await waitForEvent(`claim=${claimId}`)}): it is on the graph, selected.`,
    );
    expect(param('edge')).toBe(edge);
    expect(param('cam')).toBe(CAMERA);
    const added = await drawn((g) => ({
      order: g.order,
      size: g.size,
      node: g.getNodeAttributes('starlink-terminals').type,
      claims: g
        .getEdgeAttribute('elon-musk|restricted_access|starlink-terminals', 'claims')
        .map((c: { id: string; quote: string; stance: string; date: string }) => [c.id, c.quote, c.stance, c.date]),
    }));
    expect(added).toEqual({
      order: 16,
      size: 20,
      node: 'service',
      claims: [[claimId, 'Musk stopping funding for Starlink terminals for Ukraine', 'asserts', '2022']],
    });
    await expect(page.textContent('#relation-title')).resolves.toBe(
      'Elon Musk → restricted access → Starlink terminals',
    );
    await shot('2-claim-added');
  });

  it('corrects the claim with If-Match; a change made meanwhile answers 412 and the form reloads it', async () => {
    const claim = `li[data-claim="${claimId}"]`;
    await page.click(`${claim} .correct-claim`);
    const form = `${claim} .correct-form`;
    await page.waitForFunction(
      (f) => document.querySelector<HTMLInputElement>(`${f} input[name="date"]`)?.value === '2022',
      form,
    );
    await expect(page.inputValue(`${form} input[name="subject"]`)).resolves.toBe('Elon Musk');
    await page.selectOption(`${form} select[name="stance"]`, 'alleges');
    await page.fill(`${form} input[name="reason"]`, 'the article only reports it');
    await page.click(`${form} .save-correction`);
    await announced(`Corrected claim ${claimId} (${await waitForEvent(`claim=${claimId}`, 2)}): now at version 2.`);
    expect(param('edge')).toBe(edge);
    expect(param('cam')).toBe(CAMERA);
    await expect(
      drawn((g) => g.getEdgeAttribute('elon-musk|restricted_access|starlink-terminals', 'status')),
    ).resolves.toBe('alleged');

    // Open the form, then someone else corrects the claim through the API.
    await page.click(`${claim} .correct-claim`);
    await page.waitForFunction(
      (f) => document.querySelector<HTMLSelectElement>(`${f} select[name="stance"]`)?.value === 'alleges',
      form,
    );
    await api(`/api/claims/${claimId}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', 'if-match': '"2"' },
      body: JSON.stringify({ date: '2023' }),
    });
    await page.selectOption(`${form} select[name="stance"]`, 'confirms');
    await page.click(`${form} .save-correction`);
    await page.waitForSelector(`${form} ~ .write-status.error .reload-claim`);
    await expect(page.textContent(`${claim} .claim-action-slot .write-status`)).resolves.toBe(
      'Someone changed this claim since you opened it: it is at version 3 now. Reload it to see the change, then redo yours.Reload it',
    );
    await shot('3-claim-412');
    await page.click(`${claim} .reload-claim`);
    await page.waitForFunction(
      (f) => document.querySelector<HTMLInputElement>(`${f} input[name="date"]`)?.value === '2023',
      form,
    );
    await expect(page.textContent(`${claim} .claim-action-slot .write-status`)).resolves.toBe(
      'Reloaded: the form shows the claim as it is now.',
    );
    expect((await api<{ claim: { stance: string } }>(`/api/claims/${claimId}`)).claim.stance).toBe('alleges');
  });

  it('lists the claim’s history and retracts it with a reason; the relation leaves the graph', async () => {
    const claim = `li[data-claim="${claimId}"]`;
    await page.click(`${claim} .claim-history`);
    await page.waitForSelector(`${claim} .history-list`);
    const lines = await page
      .locator(`${claim} .history-event .history-what`)
      .evaluateAll((items) => items.map((item) => item.textContent));
    expect(lines).toEqual([
      `e3 Corrected claim ${claimId}: date 2022 → 2023`,
      `e2 Corrected claim ${claimId}: stance asserts → alleges`,
      `e1 Added claim ${claimId}: Elon Musk restricted_access Starlink terminals (asserts)`,
    ]);
    await expect(page.textContent(`${claim} [data-event="e2"] .history-why`)).resolves.toBe(
      'Why: the article only reports it',
    );
    expect(await page.textContent(`${claim} [data-event="e1"] .history-who`)).toMatch(
      /^by eddie, \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$/,
    );

    await page.click(`${claim} .retract-claim`);
    await page.click(`${claim} .confirm-retract`);
    await page.waitForSelector(`${claim} .write-status.error`);
    await expect(page.textContent(`${claim} .write-status`)).resolves.toBe(
      'Not retracted: Invalid request body: reason: a retraction needs a reason: say why the claim is taken back',
    );
    await page.fill(`${claim} textarea[name="reason"]`, 'misread the article');
    await page.click(`${claim} .confirm-retract`);
    await announced(
      `Retracted claim ${claimId} (e4): the relation had no other claim and is gone. Undo it from the history.`,
    );
    expect(param('edge')).toBeNull();
    expect(param('cam')).toBe(CAMERA);
    await expect(drawn((g) => [g.hasEdge('elon-musk|restricted_access|starlink-terminals'), g.size])).resolves.toEqual([
      false,
      19,
    ]);
  });

  it('edits an entity, lists its history, and undoes in order (a 409 names the event to undo first)', async () => {
    await page.goto(`${server.url}/?node=starlink&cam=${CAMERA}`);
    await page.waitForSelector('#entity-name');
    await page.click('.edit-entity');
    await page.waitForSelector('.entity-form textarea[name="aliases"]');
    await expect(page.inputValue('.entity-form textarea[name="aliases"]')).resolves.toBe(
      "Starlink internet service\nMusk's Starlink service",
    );
    await page.fill(
      '.entity-form textarea[name="aliases"]',
      "Starlink internet service\nMusk's Starlink service\nStarlink satellites",
    );
    await page.fill('.entity-form textarea[name="description"]', 'Satellite internet service run by SpaceX');
    await page.fill('.entity-form input[name="reason"]', 'more precise');
    await page.click('.save-entity');
    await announced('Saved Starlink (e5): now at version 2.');
    expect(param('node')).toBe('starlink');
    expect(param('cam')).toBe(CAMERA);
    await expect(page.textContent('.entity-details .description')).resolves.toBe(
      'Satellite internet service run by SpaceX',
    );
    await expect(drawn((g) => g.getNodeAttributes('starlink').aliases)).resolves.toEqual([
      'Starlink internet service',
      "Musk's Starlink service",
      'Starlink satellites',
    ]);

    // Someone renames it meanwhile; undoing the first edit must wait for that one.
    await api('/api/entities/starlink', {
      method: 'PATCH',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', 'if-match': '"2"' },
      body: JSON.stringify({ name: 'Starlink (SpaceX)' }),
    });
    await page.click('.entity-history');
    await page.waitForSelector('.entity-actions .history-list');
    const events = await page
      .locator('.entity-actions .history-event')
      .evaluateAll((items) => items.map((item) => item.getAttribute('data-event')));
    expect(events).toEqual(['e6', 'e5']);
    await expect(page.textContent('[data-event="e5"] .history-what')).resolves.toBe(
      "e5 Edited Starlink: aliases Starlink internet service, Musk's Starlink service → Starlink internet service, Musk's Starlink service, Starlink satellites; description Satellite internet service controlled by Elon Musk. → Satellite internet service run by SpaceX",
    );
    await page.click('[data-undo="e5"]');
    await page.waitForSelector('[data-event="e5"] .undo-error');
    await expect(page.textContent('[data-event="e5"] .undo-error')).resolves.toBe(
      'Cannot undo e5 yet: e6 changed it later; undo e6 first.',
    );
    expect(await page.getAttribute('[data-event="e6"]', 'class')).toBe('history-event kind-editEntity blocking');
    await shot('4-entity-409');

    await page.click('[data-undo="e6"]');
    await announced('Undid e6 with e7.');
    // The history stays open and shows the new event first.
    await page.waitForSelector('[data-event="e7"]');
    await page.click('[data-undo="e5"]');
    await announced('Undid e5 with e8.');
    await expect(drawn((g) => g.getNodeAttributes('starlink'))).resolves.toMatchObject({
      label: 'Starlink',
      description: 'Satellite internet service controlled by Elon Musk.',
      aliases: ['Starlink internet service', "Musk's Starlink service"],
    });
    await expect(page.textContent('.entity-details .description')).resolves.toBe(
      'Satellite internet service controlled by Elon Musk.',
    );
    expect(param('cam')).toBe(CAMERA);
    await shot('5-entity-history');
  });

  it('undoes the retraction from the new entity’s history: the relation is back on the graph', async () => {
    await page.goto(`${server.url}/?node=starlink-terminals&cam=${CAMERA}`);
    await page.waitForSelector('#entity-name');
    await page.click('.entity-history');
    await page.waitForSelector('[data-event="e4"]');
    await page.click('[data-undo="e4"]');
    await announced('Undid e4 with e9.');
    await expect(
      drawn((g) =>
        g
          .getEdgeAttribute('elon-musk|restricted_access|starlink-terminals', 'claims')
          .map((c: { stance: string; date: string }) => [c.stance, c.date]),
      ),
    ).resolves.toEqual([['alleges', '2023']]);
    await page.waitForSelector('.relation-link');
    expect(errors.filter((e) => !/the server responded with a status of (400|409|412)/.test(e))).toEqual([]);
  });
});

/** The id of the claim's newest event once it has `count` of them. */
async function waitForEvent(query: string, count = 1): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const history = await api<HistoryResponse>(`/api/history?${query}`);
    if (history.total >= count) return history.events[0].id;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no ${count} events for ${query}`);
}
