// The explorer in real Chromium against the real server and the seed dataset: what a
// person sees and does. Screenshots of the main views go to tests/e2e/screenshots/.
import fs from 'node:fs';
import path from 'node:path';
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

const PERSON_COLOUR = '#e15759';
const FADED_NODE_COLOUR = '#d5d9df';
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  // One after the other, so that when one fails afterAll still stops the other.
  server = await startServer(path.join(repoRoot, 'graph-data'));
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await Promise.all([browser?.close(), server?.stop()]);
});

describe('the explorer on the seed dataset', () => {
  it('draws the whole graph at once and says how much it shows', async () => {
    const { page, errors } = await openExplorer(browser, server.url);
    await expect(page.textContent('#status-line')).resolves.toBe('15 of 15 entities · 19 of 19 relations shown');
    const pixels = await countPixels(page, '#graph', PERSON_COLOUR);
    // Five person nodes (Elon Musk's alone is ~16 px across): the canvas is really drawn.
    expect(pixels.matching).toBeGreaterThan(400);
    expect(pixels.inked / pixels.total).toBeGreaterThan(0.01);
    await saveScreenshot(page, 'overview');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens Vladimir Putin’s details when the user searches "Putin" and presses Enter', async () => {
    const { page, errors } = await openExplorer(browser, server.url);
    await page.focus('#search');
    await page.keyboard.type('Putin');
    await page.waitForSelector('#search[aria-expanded="true"] ~ ul li[role="option"]');
    await expect(page.locator('.picker-list li').first().textContent()).resolves.toContain('Vladimir Putin');
    await page.keyboard.press('Enter');
    await expect(page.locator('#entity-name').textContent()).resolves.toBe('Vladimir Putin');
    await expect(page.locator('.aliases').textContent()).resolves.toBe(
      'Also called: Putin · Russian President Vladimir Putin',
    );
    await expect(page.locator('.entity-details .description').textContent()).resolves.toBe('President of Russia.');
    const groups = await page.locator('.relation-group h4').allTextContents();
    expect(groups.map((text) => text.trim())).toEqual([
      'holds position (1)',
      'contact (1)',
      'request (1)',
      'acted on behalf of (1)',
    ]);
    expect(new URL(page.url()).searchParams.get('node')).toBe('vladimir-putin');
    await page.waitForTimeout(500); // the camera glides to the entity
    await saveScreenshot(page, 'entity-details');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('highlights a hovered entity and its neighbours and fades the rest', async () => {
    // A selected entity is brought to the middle of the graph area, so the pointer can find it.
    const { page } = await openExplorer(browser, server.url, '?node=elon-musk');
    await page.waitForTimeout(600);
    const before = await countPixels(page, '#graph', FADED_NODE_COLOUR, 2);
    const box = await page.locator('#graph').boundingBox();
    if (!box) throw new Error('no graph area');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForTimeout(200);
    const during = await countPixels(page, '#graph', FADED_NODE_COLOUR, 2);
    // Dmitry Peskov, Xi Jinping, China, Taiwan and others are not Musk's neighbours.
    expect(before.matching).toBe(0);
    expect(during.matching).toBeGreaterThan(200);
    await saveScreenshot(page, 'hover');
    await page.mouse.move(box.x + 5, box.y + 5);
    await page.waitForTimeout(200);
    await expect(countPixels(page, '#graph', FADED_NODE_COLOUR, 2).then((pixels) => pixels.matching)).resolves.toBe(0);
    await page.close();
  });

  it('lowers the status line’s counts when a node type is unticked, and raises them again', async () => {
    const { page } = await openExplorer(browser, server.url);
    const before = await countPixels(page, '#graph', PERSON_COLOUR);
    await page.uncheck('input[data-filter="nodeTypes"][value="person"]');
    await expect(page.textContent('#status-line')).resolves.toBe('10 of 15 entities · 7 of 19 relations shown');
    await expect(page.locator('label[for="filter-nodeTypes-person"] .count').textContent()).resolves.toBe('0/5');
    const after = await countPixels(page, '#graph', PERSON_COLOUR);
    expect(after.matching).toBeLessThan(before.matching / 10);
    expect(new URL(page.url()).searchParams.get('nodeTypes')).toBe('organization,country,service');
    await page.check('input[data-filter="nodeTypes"][value="person"]');
    await expect(page.textContent('#status-line')).resolves.toBe('15 of 15 entities · 19 of 19 relations shown');
    await page.close();
  });

  it('shows the Musk–Putin contact’s quotes and the denial, and the document with the quote marked', async () => {
    const { page, errors } = await openExplorer(browser, server.url, '?node=elon-musk');
    await page.getByRole('button', { name: /contact with Vladimir Putin: show claims/ }).click();
    await expect(page.locator('#relation-title').textContent()).resolves.toBe(
      'Elon Musk ↔ disputed contact ↔ Vladimir Putin',
    );
    const stances = await page.locator('.claims .claim-head .badge').allTextContents();
    expect(stances).toEqual(['alleges', 'alleges', 'alleges', 'denies']);
    const quotes = await page.locator('.claims blockquote').allTextContents();
    expect(quotes[0]).toBe(
      'Tech billionaire Elon Musk has allegedly been in regular touch with Russian President Vladimir Putin since late 2022, a report by The Wall Street Journal has said',
    );
    const denial = page.locator('.claim.stance-denies');
    await expect(denial.locator('blockquote').textContent()).resolves.toContain(
      'their only communication with Musk was a phone call',
    );
    await expect(denial.locator('.attributed').textContent()).resolves.toBe(' according to Dmitry Peskov');
    await expect(denial.locator('cite').textContent()).resolves.toBe(
      "Musk in 'secret contact' with Putin, claims bombshell report",
    );
    await expect(denial.locator('.citation').textContent()).resolves.toContain(', 2024-10-25');
    await saveScreenshot(page, 'relation-claims');

    await denial.getByRole('button', { name: /Open the document/ }).click();
    await page.waitForSelector('.document-text mark.current');
    await expect(page.locator('#document-title').textContent()).resolves.toBe(
      "Musk in 'secret contact' with Putin, claims bombshell report",
    );
    // Overlapping quotes split the passage into several marks; together they are the quote.
    const current = (await page.locator('.document-text mark.current').allTextContents()).join('');
    expect(current).toBe(
      'Responding to the allegations, Kremlin spokesperson Dmitry Peskov said their only communication with Musk was a phone call discussing "space, as well as current and future technologies."',
    );
    expect(await page.locator('.document-text mark').count()).toBeGreaterThan(5);
    await saveScreenshot(page, 'document');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('finds the path from Elon Musk to Xi Jinping, and none on reported or confirmed relations only', async () => {
    const { page, errors } = await openExplorer(browser, server.url);
    const pick = async (label: string, text: string, name: string) => {
      const input = page.getByRole('combobox', { name: label });
      await input.fill(text);
      await page.locator('.path-finder .picker-list li', { hasText: name }).first().waitFor();
      await input.press('Enter');
    };
    await pick('From', 'Elon', 'Elon Musk');
    await pick('To', 'Xi', 'Xi Jinping');
    await page.click('#path-find');
    await page.waitForSelector('.path-chain');
    const names = await page.locator('.path-chain > .path-node').allTextContents();
    expect(names).toEqual(['Elon Musk', 'Vladimir Putin', 'Xi Jinping']);
    await expect(page.locator('.path-result > p').first().textContent()).resolves.toBe(
      '2 steps from Elon Musk to Xi Jinping:',
    );
    const steps = await page.locator('.path-step li > button').allTextContents();
    expect(steps).toEqual(['↑ alleged request', '↕ disputed contact', '↓ alleged acted on behalf of']);
    const url = new URL(page.url());
    expect([url.searchParams.get('pathFrom'), url.searchParams.get('pathTo')]).toEqual(['elon-musk', 'xi-jinping']);
    await saveScreenshot(page, 'path');

    await page.check('#path-strict');
    await expect(page.locator('.path-result .error').textContent()).resolves.toBe(
      'No path from Elon Musk to Xi Jinping with only reported or confirmed relations',
    );
    // The explorer holds the whole graph and sees it without a request the browser would log as a 404.
    expect(errors).toEqual([]);
    await page.close();
  });

  it('restores filters, selection and size mode from a shared URL', async () => {
    const { page } = await openExplorer(
      browser,
      server.url,
      '?nodeTypes=person,country&status=reported,confirmed&knownAt=2024-10-25&size=pagerank&node=elon-musk',
    );
    await expect(page.textContent('#status-line')).resolves.toBe('10 of 15 entities · 8 of 19 relations shown');
    const ticked = async (key: string, value: string) =>
      page.isChecked(`input[data-filter="${key}"][value="${value}"]`);
    expect(
      await Promise.all(['person', 'organization', 'country', 'service'].map((type) => ticked('nodeTypes', type))),
    ).toEqual([true, false, true, false]);
    expect(
      await Promise.all(
        ['confirmed', 'reported', 'alleged', 'disputed', 'denied'].map((status) => ticked('status', status)),
      ),
    ).toEqual([true, true, false, false, false]);
    await expect(page.inputValue('#date-knownAt')).resolves.toBe('2024-10-25');
    await expect(page.inputValue('#size-mode')).resolves.toBe('pagerank');
    await expect(page.locator('#entity-name').textContent()).resolves.toBe('Elon Musk');
    await saveScreenshot(page, 'filtered-from-url');
    await page.close();
  });

  it('restores the camera from a shared URL', async () => {
    const overview = await openExplorer(browser, server.url);
    const whole = await countPixels(overview.page, '#graph', PERSON_COLOUR);
    await overview.page.close();
    // Zoomed in on the middle of the graph (Elon Musk): his node alone fills more pixels than all persons before.
    const { page } = await openExplorer(browser, server.url, '?cam=0.5,0.5,0.2');
    const zoomed = await countPixels(page, '#graph', PERSON_COLOUR);
    expect(zoomed.matching).toBeGreaterThan(whole.matching * 1.5);
    expect(new URL(page.url()).searchParams.get('cam')).toBe('0.5,0.5,0.2');
    await page.close();
  });

  it('replays what was known before the article: no relations', async () => {
    const { page } = await openExplorer(browser, server.url);
    await page.fill('#date-knownAt', '2024-10-24');
    await page.dispatchEvent('#date-knownAt', 'change');
    await expect(page.textContent('#status-line')).resolves.toBe('15 of 15 entities · 0 of 19 relations shown');
    await page.close();
  });

  it('shows only the neighbourhood at depth 1, and goes back to the whole graph', async () => {
    const { page } = await openExplorer(browser, server.url, '?node=xi-jinping');
    await page.selectOption('#neighbourhood-depth', '1');
    await page.waitForFunction(() => new URL(window.location.href).searchParams.get('depth') === '1');
    // Xi Jinping, Vladimir Putin (acted on his behalf) and China (his position); two steps
    // add Elon Musk and Russia, with Putin's two relations to Musk.
    await expect(page.textContent('#status-line')).resolves.toBe('3 of 15 entities · 2 of 19 relations shown');
    await page.selectOption('#neighbourhood-depth', '2');
    await expect(page.textContent('#status-line')).resolves.toBe('5 of 15 entities · 5 of 19 relations shown');
    await saveScreenshot(page, 'neighbourhood');
    await page.getByRole('button', { name: 'Back to whole graph' }).click();
    await expect(page.textContent('#status-line')).resolves.toBe('15 of 15 entities · 19 of 19 relations shown');
    expect(new URL(page.url()).searchParams.get('depth')).toBeNull();
    await page.close();
  });

  it('exports the view as JSON with the filters, and the canvas as a PNG', async () => {
    const { page } = await openExplorer(browser, server.url, '?nodeTypes=person');
    await expect(page.getAttribute('#export-json', 'href')).resolves.toBe('/api/export?nodeTypes=person&format=json');
    await expect(page.getAttribute('#export-gexf', 'href')).resolves.toBe('/api/export?nodeTypes=person&format=gexf');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-png')]);
    expect(download.suggestedFilename()).toBe('claimgraph.png');
    const file = await download.path();
    const bytes = fs.readFileSync(file);
    expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(bytes.length).toBeGreaterThan(5000);
    await page.close();
  });

  it('shows a visible error, not a blank page, when the API is down', async () => {
    const page = await browser.context.newPage();
    await page.route('**/api/**', (route) => route.abort('connectionrefused'));
    await page.goto(`${server.url}/`);
    await page.waitForSelector('body[data-ready="error"]');
    await expect(page.locator('#notice[role="alert"]').textContent()).resolves.toContain(
      'Cannot reach the claimgraph server',
    );
    await expect(page.locator('#retry').isVisible()).resolves.toBe(true);
    await page.close();
  });

  it('lays out in a narrow window without a horizontal scroll bar', async () => {
    const { page } = await openExplorer(browser, server.url, '?node=elon-musk', { width: 420, height: 860 });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBe(0);
    const pixels = await countPixels(page, '#graph', PERSON_COLOUR);
    expect(pixels.matching).toBeGreaterThan(100);
    await saveScreenshot(page, 'narrow');
    await page.close();
  });
});
