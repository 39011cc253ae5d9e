// The date filters in real Chromium on the seed dataset, typed the way people type them:
// digit by digit into the date inputs. A date applies once complete; the legend's counts
// agree with the status line; a Known on day before every document says so.
import path from 'node:path';
import {
  type Browser,
  launchBrowser,
  openExplorer,
  repoRoot,
  type RunningServer,
  saveScreenshot,
  startServer,
} from './harness';
import type { Page } from 'playwright-core';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer(path.join(repoRoot, 'graph-data'));
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await Promise.all([browser?.close(), server?.stop()]);
});

/** The legend's count beside a status, e.g. "13/13". */
const statusCount = (page: Page, status: string) =>
  page.locator(`label[for="filter-status-${status}"] .count`).textContent();

/** Types a date as a person does in an en-US date input: month, day, year, digit by digit. */
async function typeDate(page: Page, selector: string, digits: string): Promise<void> {
  // Focus lands on the first segment (the month), as a Tab into the field does.
  await page.focus(selector);
  await page.keyboard.type(digits, { delay: 30 });
}

describe('the date filters, typed digit by digit', () => {
  it('applies Known on only once the date is complete, and the legend agrees with the status line', async () => {
    const { page, errors } = await openExplorer(browser, server.url);
    await expect(statusCount(page, 'reported')).resolves.toBe('13/13');
    await typeDate(page, '#date-knownAt', '01012023');
    // Half-way (0002-01-01, 0020-01-01, 0202-01-01) nothing applied; the full date did.
    await page.waitForFunction(() => new URL(window.location.href).searchParams.get('knownAt') === '2023-01-01');
    await expect(page.inputValue('#date-knownAt')).resolves.toBe('2023-01-01');
    await expect(page.textContent('#status-line')).resolves.toBe('15 of 15 entities · 0 of 19 relations shown');
    await expect(statusCount(page, 'reported')).resolves.toBe('0/13');
    await expect(statusCount(page, 'disputed')).resolves.toBe('0/1');
    await page.keyboard.press('Tab');
    await expect(page.inputValue('#date-knownAt')).resolves.toBe('2023-01-01');
    expect(new URL(page.url()).searchParams.get('knownAt')).toBe('2023-01-01');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('applies Happened from and until typed digit by digit, and the counts follow', async () => {
    const { page, errors } = await openExplorer(browser, server.url);
    await typeDate(page, '#date-from', '10012022');
    await page.waitForFunction(() => new URL(window.location.href).searchParams.get('from') === '2022-10-01');
    await typeDate(page, '#date-to', '12312022');
    await page.waitForFunction(() => new URL(window.location.href).searchParams.get('to') === '2022-12-31');
    await expect(page.inputValue('#date-from')).resolves.toBe('2022-10-01');
    await expect(page.inputValue('#date-to')).resolves.toBe('2022-12-31');
    const statusLine = await page.textContent('#status-line');
    // Ukraine's use of Starlink, Musk's giving it access, and the disputed Musk–Putin contact.
    expect(statusLine).toBe('15 of 15 entities · 3 of 19 relations shown');
    await expect(statusCount(page, 'disputed')).resolves.toBe('1/1');
    const shown = await page.locator('[data-filter="status"] + label .count').allTextContents();
    // The status counts add up to the relations the status line says are shown.
    expect(shown.map((count) => Number(count.split('/')[0])).reduce((a, b) => a + b, 0)).toBe(3);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('applies no half-typed date, and shows the applied one again when the field is left', async () => {
    const { page } = await openExplorer(browser, server.url);
    await typeDate(page, '#date-knownAt', '0101202');
    // The year reads 0202 so far: nothing applied.
    expect(new URL(page.url()).searchParams.get('knownAt')).toBeNull();
    await page.click('#status-line');
    await expect(page.inputValue('#date-knownAt')).resolves.toBe('');
    expect(new URL(page.url()).searchParams.get('knownAt')).toBeNull();
    await expect(page.textContent('#status-line')).resolves.toBe('15 of 15 entities · 19 of 19 relations shown');
    await page.close();

    const restored = await openExplorer(browser, server.url, '?knownAt=2024-10-25');
    await restored.page.focus('#date-knownAt');
    // The month emptied: the field has no date, the filter keeps its own.
    await restored.page.keyboard.press('Backspace');
    await expect(restored.page.inputValue('#date-knownAt')).resolves.toBe('');
    await restored.page.click('#status-line');
    await expect(restored.page.inputValue('#date-knownAt')).resolves.toBe('2024-10-25');
    expect(new URL(restored.page.url()).searchParams.get('knownAt')).toBe('2024-10-25');
    await restored.page.close();
  });

  it('says that no document was out yet on a Known on day before the first, and hides it once one is', async () => {
    const { page, errors } = await openExplorer(browser, server.url, '?knownAt=2023-01-01');
    await expect(page.textContent('#view-message')).resolves.toBe(
      'No document was published by 2023-01-01; the first is dated 2024-10-25.',
    );
    await expect(page.isVisible('#view-message')).resolves.toBe(true);
    await saveScreenshot(page, 'known-on-before-documents');
    await typeDate(page, '#date-knownAt', '10252024');
    await page.waitForFunction(() => new URL(window.location.href).searchParams.get('knownAt') === '2024-10-25');
    await expect(page.isVisible('#view-message')).resolves.toBe(false);
    await expect(page.textContent('#status-line')).resolves.toBe('15 of 15 entities · 19 of 19 relations shown');
    expect(errors).toEqual([]);
    await page.close();
  });
});
