// Signing in, in Chromium, on a server whose reads are private: the page shows only the
// sign-in screen until a token is given; a reader sees the graph without any write
// control; an editor sees them and their name on the changes they made; Sign out forgets
// the token; a wrong token is refused on the form.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { startChildServer, type ChildServer } from '../api/childServer';
import { assertBuilt, launchBrowser, repoRoot, saveScreenshot, type Browser } from './harness';

let server: ChildServer;
let browser: Browser;
let dataDir: string;
const tokens: Record<string, string> = {};

function addUser(name: string, role: string): string {
  const made = spawnSync(
    path.join(repoRoot, 'node_modules', '.bin', 'node'),
    ['bin/claimgraph.js', 'users', 'add', name, '--role', role, '--data', dataDir],
    { cwd: repoRoot, encoding: 'utf8' },
  );
  if (made.status !== 0) throw new Error(made.stderr);
  return made.stdout.trim();
}

beforeAll(async () => {
  assertBuilt();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-sign-in-'));
  fs.cpSync(path.join(repoRoot, 'graph-data'), dataDir, { recursive: true });
  tokens.rita = addUser('rita', 'reader');
  tokens.eddie = addUser('eddie', 'editor');
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-sign-in-cache-'));
  [server, browser] = await Promise.all([
    startChildServer(dataDir, { CLAIMGRAPH_CACHE_DIR: cacheDir, CLAIMGRAPH_TOKEN: '' }, 15_000, ['--private']),
    launchBrowser(),
  ]);
  // A change signed by eddie, for the history.
  const added = await fetch(`${server.url}/api/claims`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${tokens.eddie}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      document: '000_57d8c84b7f0fe012',
      quote: 'Elon Musk',
      subject: 'elon-musk',
      type: 'in_contact_with',
      object: 'vladimir-putin',
      stance: 'alleges',
    }),
  });
  if (added.status !== 201) throw new Error(`POST /api/claims answered ${added.status}: ${await added.text()}`);
}, 60_000);

afterAll(async () => {
  server?.child.kill('SIGTERM');
  await Promise.all([browser?.close(), server?.exited]);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function signIn(token: string) {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`${server.url}/?node=elon-musk`);
  await page.waitForSelector('body[data-ready="sign-in"]');
  await page.fill('#sign-in-token', token);
  await page.click('#sign-in-submit');
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20_000 });
  return page;
}

describe('signing in where reads are private', () => {
  it('shows only the sign-in screen, and refuses a wrong token on the form', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/`);
    await page.waitForSelector('body[data-ready="sign-in"]');
    expect(await page.locator('#graph').count()).toBe(0);
    await page.fill('#sign-in-token', 'cg_wrong');
    await page.click('#sign-in-submit');
    await page.waitForFunction(() => document.querySelector('#sign-in-error')?.textContent !== '');
    expect(await page.textContent('#sign-in-error')).toBe(
      'This server does not know that token: it was revoked, or mistyped.',
    );
    expect(await page.evaluate(() => sessionStorage.getItem('claimgraph-token'))).toBeNull();
    await saveScreenshot(page, 'sign-in-screen');
    await page.close();
  });

  it('lets a reader read, with no write control, and Sign out forgets the token', async () => {
    const page = await signIn(tokens.rita);
    expect(await page.textContent('#session-user')).toBe('rita · reader');
    expect(await page.evaluate(() => document.body.dataset.canWrite)).toBe('false');
    for (const control of ['#open-review', '#open-article', '.edit-entity'])
      expect(await page.locator(control).first().isVisible()).toBe(false);
    expect(await page.locator('.entity-history').first().isVisible()).toBe(true);
    // The token is kept for the tab only: never in the URL, a cookie or localStorage.
    expect(page.url()).not.toContain(tokens.rita);
    expect(await page.context().cookies()).toEqual([]);
    expect(await page.evaluate(() => localStorage.length)).toBe(0);
    await saveScreenshot(page, 'signed-in-reader');
    await page.click('#sign-out');
    await page.waitForSelector('body[data-ready="sign-in"]');
    expect(await page.evaluate(() => sessionStorage.getItem('claimgraph-token'))).toBeNull();
    await page.close();
  });

  it('shows an editor the write controls and their name on their changes', async () => {
    const page = await signIn(tokens.eddie);
    expect(await page.textContent('#session-user')).toBe('eddie · editor');
    expect(await page.locator('#open-review').isVisible()).toBe(true);
    expect(await page.locator('#open-article').isVisible()).toBe(true);
    await page.click('.entity-history');
    await page.waitForSelector('.history-event .history-who');
    expect(await page.textContent('.history-event .history-who')).toMatch(
      /^by eddie, \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$/,
    );
    await saveScreenshot(page, 'signed-in-editor');
    await page.close();
  });
});
