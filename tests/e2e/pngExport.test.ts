// The PNG export at a chosen size, in real Chromium on the seed dataset: the downloaded
// file's header gives its dimensions (1×, 2×, 4× the graph's size on the page), and the
// picture is the graph (its persons' colour is there), not a blank canvas.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import {
  type Browser,
  launchBrowser,
  openExplorer,
  repoRoot,
  type RunningServer,
  screenshotDir,
  startServer,
} from './harness';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer(path.join(repoRoot, 'graph-data'));
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await Promise.all([browser?.close(), server?.stop()]);
});

/** Width and height from a PNG's IHDR chunk (bytes 16–23, big-endian), after checking the signature. */
function pngDimensions(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Pixels of the downloaded PNG within 10 per channel of #e15759 (a person), decoded by the browser. */
async function personPixels(page: Page, bytes: Buffer): Promise<number> {
  return page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D context');
    context.drawImage(image, 0, 0);
    const { data } = context.getImageData(0, 0, image.width, image.height);
    let matching = 0;
    for (let i = 0; i < data.length; i += 4)
      if (Math.abs(data[i] - 0xe1) <= 10 && Math.abs(data[i + 1] - 0x57) <= 10 && Math.abs(data[i + 2] - 0x59) <= 10)
        matching += 1;
    return matching;
  }, bytes.toString('base64'));
}

async function download(page: Page, scale: string): Promise<{ name: string; bytes: Buffer }> {
  await page.selectOption('#png-scale', scale);
  const [file] = await Promise.all([page.waitForEvent('download'), page.click('#export-png')]);
  return { name: file.suggestedFilename(), bytes: fs.readFileSync(await file.path()) };
}

describe('the PNG export', () => {
  it('downloads the view at 1×, 2× and 4× the graph’s size on the page', async () => {
    const { page, errors } = await openExplorer(browser, server.url);
    const size = await page.evaluate(() => {
      const graph = document.getElementById('graph') as HTMLElement;
      return { width: graph.offsetWidth, height: graph.offsetHeight };
    });
    expect(size.width).toBeGreaterThan(400);

    const one = await download(page, '1');
    expect(one.name).toBe('claimgraph.png');
    expect(pngDimensions(one.bytes)).toEqual(size);
    const two = await download(page, '2');
    expect(two.name).toBe('claimgraph@2x.png');
    expect(pngDimensions(two.bytes)).toEqual({ width: size.width * 2, height: size.height * 2 });
    const four = await download(page, '4');
    expect(four.name).toBe('claimgraph@4x.png');
    expect(pngDimensions(four.bytes)).toEqual({ width: size.width * 4, height: size.height * 4 });

    // The same picture, sharper: the persons' pixels grow with the area (×4, ×16), give or take antialiasing.
    const [p1, p2, p4] = [
      await personPixels(page, one.bytes),
      await personPixels(page, two.bytes),
      await personPixels(page, four.bytes),
    ];
    expect(p1).toBeGreaterThan(400);
    expect(p2 / p1).toBeGreaterThan(3);
    expect(p2 / p1).toBeLessThan(5);
    expect(p4 / p1).toBeGreaterThan(12);
    expect(p4 / p1).toBeLessThan(20);
    fs.mkdirSync(screenshotDir, { recursive: true });
    fs.writeFileSync(path.join(screenshotDir, 'export-2x.png'), two.bytes);
    // The view on the page is untouched: the main renderer still draws at the screen's ratio.
    await expect(page.evaluate(() => window.devicePixelRatio)).resolves.toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says the size in pixels of each choice', async () => {
    const { page } = await openExplorer(browser, server.url);
    await page.focus('#png-scale');
    const size = await page.evaluate(() => {
      const graph = document.getElementById('graph') as HTMLElement;
      return [graph.offsetWidth, graph.offsetHeight];
    });
    await expect(page.locator('#png-scale option').allTextContents()).resolves.toEqual([
      `1× (${size[0]}×${size[1]} px)`,
      `2× (${size[0] * 2}×${size[1] * 2} px)`,
      `4× (${size[0] * 4}×${size[1] * 4} px)`,
    ]);
    await page.close();
  });
});
