// Browser-test lifecycle: the real server (`claimgraph serve`) as a child process on a
// free port with a data folder, and one headless Chromium per test file (Debian's
// /usr/bin/chromium driven by playwright-core). Also: screenshots into the git-ignored
// tests/e2e/screenshots/, and pixel counts read back through the browser.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { freePort, newestMtime, repoRoot } from '../api/childServer';

export { repoRoot };

export const screenshotDir = path.join(__dirname, 'screenshots');
const CHROMIUM = '/usr/bin/chromium';

/** The browser tests drive the built app; a missing or stale build would test other code. */
export function assertBuilt(): void {
  const builtClient = path.join(repoRoot, 'dist', 'client', 'index.html');
  const builtServer = path.join(repoRoot, 'dist', 'server', 'cli', 'main.js');
  for (const file of [builtClient, builtServer]) {
    if (!fs.existsSync(file))
      throw new Error(`${path.relative(repoRoot, file)} is missing: run \`npm run build\` before the browser tests`);
  }
  for (const [source, built] of [
    ['client', builtClient],
    ['server', builtServer],
  ]) {
    if (newestMtime(path.join(repoRoot, source)) > fs.statSync(built).mtimeMs) {
      throw new Error(`${source}/ changed since the last build: run \`npm run build\` before the browser tests`);
    }
  }
}

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

/** Starts `claimgraph serve` on a free port and waits until /api/health answers. */
export async function startServer(dataDir: string): Promise<RunningServer> {
  assertBuilt();
  const port = await freePort();
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-e2e-cache-'));
  const env: NodeJS.ProcessEnv = { ...process.env, CLAIMGRAPH_CACHE_DIR: cacheDir };
  delete env.PORT;
  const child: ChildProcess = spawn(
    path.join(repoRoot, 'node_modules', '.bin', 'node'),
    ['bin/claimgraph.js', 'serve', '--port', String(port), '--data', dataDir],
    {
      cwd: repoRoot,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`claimgraph serve exited with ${child.exitCode}:\n${output}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`claimgraph serve did not answer on ${url} within 20 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        const done = () => {
          fs.rmSync(cacheDir, { recursive: true, force: true });
          resolve();
        };
        if (child.exitCode !== null) return done();
        // A server still holding a browser's keep-alive connection gets 5 s, then is killed.
        const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
        child.once('exit', () => {
          clearTimeout(killer);
          done();
        });
        child.kill('SIGTERM');
      }),
  };
}

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** One Chromium with a fresh profile, as the house rules give its flags. */
export async function launchBrowser(): Promise<Browser> {
  // Checked here too, so a stale build fails before a browser is left running.
  assertBuilt();
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-e2e-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 800 },
    acceptDownloads: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface OpenedPage {
  page: Page;
  /** Uncaught errors and console errors seen so far: a test expects none. */
  errors: string[];
}

/** Opens the explorer at `search` (e.g. "?nodeTypes=person") and waits until it is ready. */
export async function openExplorer(
  browser: Browser,
  url: string,
  search = '',
  viewport = { width: 1280, height: 800 },
  /** Signed in with this token for the tab (as the sign-in form leaves it), so write controls show. */
  token?: string,
): Promise<OpenedPage> {
  const page = await browser.context.newPage();
  if (token !== undefined)
    await page.addInitScript((value) => sessionStorage.setItem('claimgraph-token', value), token);
  await page.setViewportSize(viewport);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console error: ${message.text()}`);
  });
  await page.goto(`${url}/${search}`);
  await page.waitForSelector('body[data-ready]', { timeout: 15_000 });
  return { page, errors };
}

export async function saveScreenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/**
 * How many pixels of the element's screenshot are within `tolerance` of `colour` per
 * channel, and how many are not near-white. The browser decodes the PNG for us.
 */
export async function countPixels(
  page: Page,
  selector: string,
  colour: string,
  tolerance = 10,
): Promise<{ matching: number; inked: number; total: number }> {
  const png = await page.locator(selector).screenshot();
  return page.evaluate(
    async ({ base64, colour, tolerance }) => {
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
      const target = [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16));
      let matching = 0;
      let inked = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (
          Math.abs(data[i] - target[0]) <= tolerance &&
          Math.abs(data[i + 1] - target[1]) <= tolerance &&
          Math.abs(data[i + 2] - target[2]) <= tolerance
        )
          matching += 1;
        if (data[i] < 235 || data[i + 1] < 235 || data[i + 2] < 235) inked += 1;
      }
      return { matching, inked, total: data.length / 4 };
    },
    { base64: png.toString('base64'), colour, tolerance },
  );
}
