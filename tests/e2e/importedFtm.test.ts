// The explorer serving an imported FollowTheMoney dataset (OpenSanctions' Zala Aero
// cluster, ../shared/datasets/yente__zala.entities.ftm.json): imported with the real
// importer into a temporary folder, served by the real server, read in real Chromium.
// Imported claims cite their source record where a quote would be.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importData, readInputFiles } from '../../server/import/importData';
import { writeDataFolder } from '../../server/import/writeDataFolder';
import {
  type Browser,
  launchBrowser,
  openExplorer,
  repoRoot,
  type RunningServer,
  saveScreenshot,
  startServer,
} from './harness';

const ZAKHAROV = 'NK-aU5ybkbRFJucf8YMwsJvDw';
const LLC_CST = 'NK-abdzbEBkqyT29GyREbiURZ';
const FILE = 'yente__zala.entities.ftm.json';
let server: RunningServer;
let browser: Browser;
let dataDir: string;

beforeAll(async () => {
  const inputs = readInputFiles([path.join(repoRoot, '..', 'shared', 'datasets', FILE)]);
  const data = importData('ftm', inputs);
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-e2e-ftm-'));
  const outDir = path.join(dataDir, 'zala');
  writeDataFolder(
    outDir,
    data,
    inputs.map((i) => ({ path: i.path, name: i.name })),
    { format: 'ftm', options: {}, notes: data.notes },
  );
  // One after the other: a server that fails to start must not leave a browser open.
  server = await startServer(outDir);
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await Promise.all([browser?.close(), server?.stop()]);
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('the explorer on an imported FollowTheMoney dataset', () => {
  it('draws all 30 entities and 58 relations', async () => {
    const { page, errors } = await openExplorer(browser, server.url);
    await expect(page.textContent('#status-line')).resolves.toBe('30 of 30 entities · 58 of 58 relations shown');
    await saveScreenshot(page, 'imported-ftm-overview');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows a directorship with its role-bearing record cited instead of a quote', async () => {
    const { page, errors } = await openExplorer(browser, server.url, `?node=${ZAKHAROV}`);
    await page.getByRole('button', { name: /holds position with LLC CST: show claims/ }).click();
    await expect(page.locator('#relation-title').textContent()).resolves.toBe(
      'Alexander Vyacheslavovich ZAKHAROV → holds position → LLC CST',
    );
    await expect(page.locator('.claims .claim-head .badge').allTextContents()).resolves.toEqual(['asserts']);
    await expect(page.locator('.claims blockquote').count()).resolves.toBe(0);
    await expect(page.locator('.claims .role').allTextContents()).resolves.toEqual(['Role: Leader or official of']);
    await expect(page.locator('.claims .citation').allTextContents()).resolves.toEqual([
      `Record ${FILE} #ofac-d8ecdd62dca8ba39b832a77c170926630683ea05`,
    ]);
    await saveScreenshot(page, 'imported-ftm-directorship');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('links a sanction to the source URL of its record', async () => {
    const { page, errors } = await openExplorer(browser, server.url, `?node=${LLC_CST}`);
    await page.getByRole('button', { name: /^sanction from Australia: show claims$/ }).click();
    await expect(page.locator('#relation-title').textContent()).resolves.toBe('Australia → sanction → LLC CST');
    const link = page.locator('.claims .citation a');
    await expect(link.textContent()).resolves.toBe(`${FILE} #au-dfat-56600015954691cece058c2a3b0e3b27740701e6`);
    await expect(link.getAttribute('href')).resolves.toBe(
      'https://www.dfat.gov.au/international-relations/security/sanctions/Pages/sanctions',
    );
    await expect(page.locator('.claims .summary').allTextContents()).resolves.toEqual([
      'Autonomous Sanctions (Designated Persons and Entities and Declared Persons—Russia and Ukraine) Amendment (No. 2) Instrument 2023',
    ]);
    // The record's unmapped properties travel with the claim and are listed beside it.
    const attributeNames = await page.locator('.claims .claim-attributes dt').allTextContents();
    expect(attributeNames.slice(0, 4)).toEqual(['schema', 'authority', 'provisions', 'program']);
    await expect(page.locator('.claims .claim-attributes dd').nth(3).textContent()).resolves.toBe(
      '["Autonomous (Russia)"]',
    );
    expect(errors).toEqual([]);
    await page.close();
  });
});
