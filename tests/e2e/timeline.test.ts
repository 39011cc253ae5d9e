// The timeline strip in real Chromium, on a literal three-document dataset
// (tests/fixtures/data/timeline): Ann Lee and Ben Ortiz's meeting alleged on 2024-03-04
// and denied on 2024-06-12, Acme funding the Harbour Trust reported on 2024-03-04, Ann
// asking Acme for money reported on 2024-06-12, Ann's own funding confirmed on 2024-09-20.
// Brushing sets the Happened range, a document's tick sets Known on, Play replays.
import path from 'node:path';
import type { Page } from 'playwright-core';
import {
  type Browser,
  launchBrowser,
  openExplorer,
  repoRoot,
  type RunningServer,
  saveScreenshot,
  startServer,
} from './harness';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer(path.join(repoRoot, 'tests', 'fixtures', 'data', 'timeline'));
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await Promise.all([browser?.close(), server?.stop()]);
});

const param = (page: Page, name: string) => new URL(page.url()).searchParams.get(name);
const statusCount = (page: Page, status: string) =>
  page.locator(`label[for="filter-status-${status}"] .count`).textContent();

/** The centre of a bin's slot on a row, in page coordinates. */
async function slotCentre(page: Page, row: string, start: string): Promise<{ x: number; y: number }> {
  const box = await page.locator(`.bin-slot[data-row="${row}"][data-start="${start}"]`).boundingBox();
  if (!box) throw new Error(`no ${row} bin starting ${start}`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** The non-empty bins of a row as start → [stances of its bars, bottom first]. */
async function rowBins(page: Page, row: string): Promise<Record<string, string>> {
  return page.evaluate((row) => {
    const bins: Record<string, string> = {};
    for (const slot of document.querySelectorAll<SVGRectElement>(`.bin-slot[data-row="${row}"]`))
      if (slot.dataset.count !== '0') bins[slot.dataset.start ?? ''] = slot.dataset.count ?? '';
    return bins;
  }, row);
}

describe('the timeline', () => {
  it('plots the claims by when they happened and when they were known, by stance', async () => {
    const { page, errors } = await openExplorer(browser, server.url);
    await expect(page.isVisible('#timeline svg')).resolves.toBe(true);
    const happened = await rowBins(page, 'happened');
    // Acme's funding is dated 2022: every month of it.
    expect(Object.keys(happened)).toHaveLength(15);
    expect(happened['2022-01-01']).toBe('1');
    expect(happened['2022-12-01']).toBe('1');
    expect([happened['2023-01-01'], happened['2023-03-01'], happened['2023-05-01']]).toEqual(['1', '1', '1']);
    await expect(rowBins(page, 'known')).resolves.toEqual({ '2024-03-01': '2', '2024-06-01': '2', '2024-09-01': '1' });
    // Bars in the status colours of their stance: alleged yellow, confirmed green, denied grey.
    const fills = await page.evaluate(() =>
      [...document.querySelectorAll('.row-known .bar')].map(
        (bar) => `${bar.getAttribute('class')} ${bar.getAttribute('fill')}`,
      ),
    );
    expect(fills.sort()).toEqual([
      'bar stance-alleges #f9a825',
      'bar stance-asserts #455a64',
      'bar stance-asserts #455a64',
      'bar stance-confirms #2e7d32',
      'bar stance-denies #757575',
    ]);
    await expect(
      page.locator('.doc-tick').evaluateAll((ticks) => ticks.map((t) => t.getAttribute('data-date'))),
    ).resolves.toEqual(['2024-03-04', '2024-06-12', '2024-09-20']);
    await saveScreenshot(page, 'timeline');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('sets Happened from and until to the bins brushed', async () => {
    const { page, errors } = await openExplorer(browser, server.url);
    const start = await slotCentre(page, 'happened', '2023-01-01');
    const end = await slotCentre(page, 'happened', '2023-03-01');
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    await page.mouse.move((start.x + end.x) / 2, start.y, { steps: 4 });
    await page.mouse.move(end.x, end.y, { steps: 4 });
    await page.mouse.up();
    await page.waitForFunction(() => new URL(window.location.href).searchParams.get('to') === '2023-03-31');
    expect(param(page, 'from')).toBe('2023-01-01');
    await expect(page.inputValue('#date-from')).resolves.toBe('2023-01-01');
    await expect(page.inputValue('#date-to')).resolves.toBe('2023-03-31');
    // The meeting (January 2023) and Ann's request (March 2023).
    await expect(page.textContent('#status-line')).resolves.toBe('4 of 4 entities · 2 of 4 relations shown');
    await expect(page.locator('.range-band').count()).resolves.toBe(1);
    await saveScreenshot(page, 'timeline-brushed');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('sets Known on to a document’s date when its tick is clicked', async () => {
    const { page, errors } = await openExplorer(browser, server.url);
    await page.click('.doc-tick[data-date="2024-06-12"]');
    await page.waitForFunction(() => new URL(window.location.href).searchParams.get('knownAt') === '2024-06-12');
    await expect(page.inputValue('#date-knownAt')).resolves.toBe('2024-06-12');
    // Ann's own funding is confirmed only in September.
    await expect(page.textContent('#status-line')).resolves.toBe('4 of 4 entities · 3 of 4 relations shown');
    await expect(statusCount(page, 'disputed')).resolves.toBe('1/1');
    await expect(page.locator('.known-line').count()).resolves.toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('plays Known on through the document dates, the statuses changing as the reports came in', async () => {
    const { page, errors } = await openExplorer(browser, server.url);
    await page.click('#timeline-play');
    await expect(page.textContent('#timeline-play')).resolves.toBe('Pause');
    const seen: string[] = [];
    for (const [date, relations, alleged, disputed] of [
      ['2024-03-04', 2, '1/0', '0/1'],
      ['2024-06-12', 3, '0/0', '1/1'],
      ['2024-09-20', 4, '0/0', '1/1'],
    ] as const) {
      await page.waitForFunction((date) => new URL(window.location.href).searchParams.get('knownAt') === date, date, {
        timeout: 10_000,
      });
      seen.push(
        `${date}: ${await page.textContent('#status-line')}, alleged ${await statusCount(page, 'alleged')}, disputed ${await statusCount(page, 'disputed')}`,
      );
      expect(seen[seen.length - 1]).toBe(
        `${date}: 4 of 4 entities · ${relations} of 4 relations shown, alleged ${alleged}, disputed ${disputed}`,
      );
    }
    // After the last document it stops by itself.
    await page.waitForFunction(() => document.getElementById('timeline-play')?.textContent === 'Play');
    await saveScreenshot(page, 'timeline-played');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('stops on Pause', async () => {
    const { page } = await openExplorer(browser, server.url);
    await page.click('#timeline-play');
    await page.waitForFunction(() => new URL(window.location.href).searchParams.get('knownAt') === '2024-03-04');
    await page.click('#timeline-play');
    await expect(page.textContent('#timeline-play')).resolves.toBe('Play');
    const paused = param(page, 'knownAt');
    // Paused before the last document (Play steps every 1.2 s), and it stays there.
    expect(['2024-03-04', '2024-06-12']).toContain(paused);
    await page.waitForTimeout(2500); // two steps' time
    expect(param(page, 'knownAt')).toBe(paused);
    await page.close();
  });
});
