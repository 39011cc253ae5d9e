// Text from the data never becomes markup: a fixture whose entity is named
// `<img src=x onerror=alert(1)>`, with HTML in aliases, description, quote, attribution and
// document title, must show all of it as text and run nothing.
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

const ENTITY_NAME = '<img src=x onerror=alert(1)>';
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  // One after the other, so that when one fails afterAll still stops the other.
  server = await startServer(path.join(repoRoot, 'tests', 'fixtures', 'xss-data'));
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await Promise.all([browser?.close(), server?.stop()]);
});

describe('text from the data', () => {
  it('shows the entity named <img src=x onerror=alert(1)> as text everywhere and runs nothing', async () => {
    const { page, errors } = await openExplorer(browser, server.url);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await expect(page.textContent('#status-line')).resolves.toBe('2 of 2 entities · 1 of 1 relations shown');

    // Found by search: the suggestion shows the name as text.
    await page.focus('#search');
    await page.keyboard.type('Mallory');
    await page.waitForSelector('.picker-list li[role="option"] .hit-name');
    await expect(page.locator('.picker-list .hit-name').first().textContent()).resolves.toBe(ENTITY_NAME);
    await page.keyboard.press('Enter');
    await expect(page.locator('#entity-name').textContent()).resolves.toBe(ENTITY_NAME);
    await expect(page.locator('.aliases').textContent()).resolves.toBe('Also called: <svg onload=alert(2)> · Mallory');
    await expect(page.locator('.entity-details .description').textContent()).resolves.toBe(
      '<b>bold</b> "quoted" & <script>alert(3)</script>',
    );

    // The relation's claim: quote and free-text attribution as text.
    await page.getByRole('button', { name: /show claims/ }).click();
    await expect(page.locator('#relation-title').textContent()).resolves.toBe(
      `Plain "Quotes" & <i>Co</i> ↔ alleged contact ↔ ${ENTITY_NAME}`,
    );
    await expect(page.locator('.claims blockquote').textContent()).resolves.toBe(
      '<img src=y onerror=alert(4)> met "Plain" & <i>Co</i>',
    );
    await expect(page.locator('.claims .attributed').textContent()).resolves.toBe(
      ' according to <script>alert(5)</script>',
    );
    await expect(page.locator('.claims cite').textContent()).resolves.toBe(
      '<b>Breaking</b> "news" & <script>alert(6)</script>',
    );

    // The document viewer: title and highlighted quote as text.
    await page.getByRole('button', { name: /Open the document/ }).click();
    await page.waitForSelector('.document-text mark.current');
    await expect(page.locator('#document-title').textContent()).resolves.toBe(
      '<b>Breaking</b> "news" & <script>alert(6)</script>',
    );
    await expect(page.locator('.document-text mark.current').textContent()).resolves.toBe(
      '<img src=y onerror=alert(4)> met "Plain" & <i>Co</i>',
    );
    await saveScreenshot(page, 'xss-document');

    // Nothing from the data became an element, and nothing ran.
    const injected = await page.evaluate(
      () => document.querySelectorAll('main img, main svg[onload], main script, main b, main i').length,
    );
    expect(injected).toBe(0);
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
