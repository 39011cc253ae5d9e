// The explorer serving Gephi Lite's Java.gexf (../shared/datasets/gephi-lite__java.gexf,
// 1,538 classes, 7,817 dependencies, laid out and coloured in Gephi): imported with the
// real importer (--layout keep), served by the real server, drawn by real Chromium. The
// graph keeps the file's positions, colours and sizes, and labels do not pile up.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importData, readInputFiles } from '../../server/import/importData';
import { writeDataFolder } from '../../server/import/writeDataFolder';
import type { Page } from 'playwright-core';
import type { EvidenceGraph } from '../../server/model/evidenceGraph';
import {
  type Browser,
  countPixels,
  launchBrowser,
  openExplorer,
  repoRoot,
  type RunningServer,
  saveScreenshot,
  startServer,
} from './harness';

const FILE = 'gephi-lite__java.gexf';
let server: RunningServer;
let browser: Browser;
let dataDir: string;

beforeAll(async () => {
  const inputs = readInputFiles([path.join(repoRoot, '..', 'shared', 'datasets', FILE)]);
  const data = importData('gexf', inputs);
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-e2e-gexf-'));
  const outDir = path.join(dataDir, 'java');
  writeDataFolder(
    outDir,
    data,
    inputs.map((i) => ({ path: i.path, name: i.name })),
    { format: 'gexf', options: {}, notes: data.notes },
  );
  server = await startServer(outDir);
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await Promise.all([browser?.close(), server?.stop()]);
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

interface Label {
  node: string;
  label: string;
  box: { x: number; y: number; width: number; height: number };
}

const labelsOf = (page: Page) =>
  page.evaluate(() => (window as unknown as { claimgraph: { labels(): Label[] } }).claimgraph.labels());

/** The pairs of drawn labels whose boxes overlap: none, if labels never pile up. */
function overlapping(labels: Label[]): string[] {
  const pairs: string[] = [];
  for (let i = 0; i < labels.length; i++)
    for (let j = i + 1; j < labels.length; j++) {
      const [a, b] = [labels[i].box, labels[j].box];
      if (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height)
        pairs.push(`${labels[i].label} / ${labels[j].label}`);
    }
  return pairs;
}

describe("the explorer on Gephi Lite's java.gexf", () => {
  it("draws the file's layout, colours and sizes, with labels that do not overlap", async () => {
    const { page, errors } = await openExplorer(browser, server.url);
    await expect(page.textContent('#status-line')).resolves.toBe(
      '1538 of 1538 entities · 7817 of 7817 relations shown',
    );
    // java.lang.String (node 5) where Gephi put it, in Gephi's colour, the biggest node.
    const string = await page.evaluate(() => {
      const { graph } = (window as unknown as { claimgraph: { graph: EvidenceGraph } }).claimgraph;
      return graph.getNodeAttributes('5');
    });
    expect([string.label, string.x, string.y, string.attributes]).toEqual([
      'java.lang.String',
      -201.8599,
      -488.92886,
      { color: 'rgb(186,41,68)', size: 40.81072 },
    ]);
    await expect(page.locator('#colour-by').inputValue()).resolves.toBe('source');
    await expect(page.locator('#size-mode').inputValue()).resolves.toBe('source');
    await expect(page.locator('#colour-note').textContent()).resolves.toBe('Colours from the imported file.');
    // Gephi's orange (254,110,0) for most classes and its dark red for String, no grey hairball.
    expect((await countPixels(page, '#graph canvas:nth-of-type(2)', '#fe6e00', 6)).matching).toBeGreaterThan(2000);
    expect((await countPixels(page, '#graph', '#ba2944', 6)).matching).toBeGreaterThan(200);
    const labels = await labelsOf(page);
    expect(labels.map((label) => label.label)).toEqual(
      expect.arrayContaining(['java.lang.String', 'java.lang.Object']),
    );
    expect(labels.length).toBeGreaterThanOrEqual(8);
    expect(overlapping(labels)).toEqual([]);
    expect(page.url()).toBe(`${server.url}/`);
    await saveScreenshot(page, 'imported-java-overview');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows more labels zoomed in, still none over another', async () => {
    const { page, errors } = await openExplorer(browser, server.url);
    const before = (await labelsOf(page)).length;
    const box = (await page.locator('#graph').boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.47, box.y + box.height * 0.7);
    for (let step = 0; step < 4; step++) {
      await page.mouse.wheel(0, -300);
      await page.waitForTimeout(400);
    }
    await page.waitForFunction(() => new URLSearchParams(window.location.search).has('cam'));
    // Off the graph: no hover, so only the label grid and the label space decide.
    await page.mouse.move(box.x - 100, box.y + 10);
    await page.waitForTimeout(300);
    const labels = await labelsOf(page);
    expect(labels.length).toBeGreaterThan(before);
    expect(overlapping(labels)).toEqual([]);
    await saveScreenshot(page, 'imported-java-zoomed');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('colours by Louvain community, keeps the choice in the link and explains it in the legend', async () => {
    const { page, errors } = await openExplorer(browser, server.url);
    await page.locator('#colour-by').selectOption('community');
    await expect(page.locator('#colour-note').textContent()).resolves.toBe(
      'Louvain communities, largest first, each named after its most connected entity.',
    );
    const entries = await page.locator('.colour-entries li').count();
    expect(entries).toBeGreaterThanOrEqual(2);
    expect(entries).toBeLessThanOrEqual(12);
    expect(new URL(page.url()).searchParams.get('colour')).toBe('community');
    expect((await countPixels(page, '#graph', '#4e79a7', 6)).matching).toBeGreaterThan(500);
    await saveScreenshot(page, 'imported-java-communities');
    // The link restores it; choosing the entity type is written too, since it is not this graph's default.
    await page.reload();
    await page.waitForSelector('body[data-ready]');
    await expect(page.locator('#colour-by').inputValue()).resolves.toBe('community');
    await page.locator('#colour-by').selectOption('type');
    expect(new URL(page.url()).searchParams.get('colour')).toBe('type');
    expect(errors).toEqual([]);
    await page.close();
  });
});
