// The explorer on entities whose ids and names are JavaScript built-ins ("constructor",
// "valueOf", "__proto__"…): the browser's graph holds them like any other, so the whole
// graph, an entity, its neighbourhood and a path through them show as for any names.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser, launchBrowser, openExplorer, type RunningServer, startServer } from './harness';

const ENTITIES = [
  { id: 'constructor', type: 'person', name: 'Constructor', aliases: ['constructor'] },
  { id: 'valueOf', type: 'person', name: 'valueOf', aliases: [] },
  { id: 'toString', type: 'organization', name: '__proto__', aliases: ['hasOwnProperty'] },
  { id: 'hasOwnProperty', type: 'service', name: 'hasOwnProperty', aliases: [] },
  { id: 'plain', type: 'person', name: 'Plain', aliases: [] },
];
const TEXT = 'Constructor met valueOf. valueOf funded __proto__. __proto__ supported hasOwnProperty.';
const CLAIMS = [
  {
    id: '__proto__',
    subject: 'constructor',
    type: 'in_contact_with',
    object: 'valueOf',
    stance: 'asserts',
    document: 'toString',
    quote: 'Constructor met valueOf.',
  },
  {
    id: 'constructor',
    subject: 'valueOf',
    type: 'funded',
    object: 'toString',
    stance: 'alleges',
    document: 'toString',
    quote: 'valueOf funded __proto__.',
  },
  {
    id: 'valueOf',
    subject: 'toString',
    type: 'supported',
    object: 'hasOwnProperty',
    stance: 'asserts',
    document: 'toString',
    quote: '__proto__ supported hasOwnProperty.',
  },
];

let dataDir: string;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-e2e-builtins-'));
  fs.mkdirSync(path.join(dataDir, 'documents'));
  fs.copyFileSync(
    path.join(__dirname, '..', '..', 'graph-data', 'vocabulary.json'),
    path.join(dataDir, 'vocabulary.json'),
  );
  fs.writeFileSync(path.join(dataDir, 'entities.json'), JSON.stringify(ENTITIES));
  fs.writeFileSync(path.join(dataDir, 'claims.json'), JSON.stringify(CLAIMS));
  fs.writeFileSync(path.join(dataDir, 'documents', 'toString.txt'), ` date 2024-05-01 valueOf\n${TEXT}\n`);
  server = await startServer(dataDir);
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await Promise.all([browser?.close(), server?.stop()]);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('the explorer on built-in names', () => {
  it('draws them, opens one, narrows to its neighbourhood and finds a path through them', async () => {
    const { page, errors } = await openExplorer(browser, server.url, '?node=constructor');
    await expect(page.textContent('#status-line')).resolves.toBe('5 of 5 entities · 3 of 3 relations shown');
    await expect(page.locator('#entity-name').textContent()).resolves.toBe('Constructor');

    await page.selectOption('#neighbourhood-depth', '1');
    await expect(page.textContent('#status-line')).resolves.toBe('2 of 5 entities · 1 of 3 relations shown');
    await page.selectOption('#neighbourhood-depth', '2');
    await expect(page.textContent('#status-line')).resolves.toBe('3 of 5 entities · 2 of 3 relations shown');
    await page.getByRole('button', { name: 'Back to whole graph' }).click();
    await expect(page.textContent('#status-line')).resolves.toBe('5 of 5 entities · 3 of 3 relations shown');

    const pick = async (label: string, text: string, name: string) => {
      const input = page.getByRole('combobox', { name: label, exact: true });
      await input.fill(text);
      await page.locator('.path-finder .picker-list li', { hasText: name }).first().waitFor();
      await input.press('Enter');
    };
    await pick('From', 'Constructor', 'Constructor');
    await pick('To', 'hasOwnProperty', 'hasOwnProperty');
    await page.click('#path-find');
    await page.waitForSelector('.path-chain');
    expect(await page.locator('.path-chain > .path-node').allTextContents()).toEqual([
      'Constructor',
      'valueOf',
      '__proto__',
      'hasOwnProperty',
    ]);
    await expect(page.locator('.path-result > p').first().textContent()).resolves.toBe(
      '3 steps from Constructor to hasOwnProperty:',
    );
    expect(errors).toEqual([]);
    await page.close();
  });
});
