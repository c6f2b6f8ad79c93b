/**
 * What every browser test shares: the system's Chromium with the flags these machines
 * need, windows that record console errors, the repository root, the screenshot folder,
 * and the decision to run at all. Under
 * CI (CI=true) a missing Chromium or web build fails the suite; locally the browser tests
 * are skipped with a visible message.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SHOTS = join(ROOT, 'test-output/screenshots');

/** Headless, and without the background connections this closed network refuses. */
export const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Why the browser tests cannot run here, or null when they can. */
export const missing = !existsSync(CHROMIUM)
  ? `${CHROMIUM} is not installed`
  : !existsSync(join(ROOT, 'dist/web/index.html'))
    ? 'dist/web is not built (npm run build)'
    : null;
if (missing && process.env.CI === 'true') {
  throw new Error(`browser tests cannot run under CI: ${missing}`);
}
if (missing) console.warn(`\n*** SKIPPING the browser tests (test/e2e): ${missing} ***\n`);

/** A console error or an uncaught exception of a page. */
export interface Problem {
  readonly text: string;
  readonly url: string;
}

/**
 * The browser windows of one test file. Each `open` is a fresh profile (its own
 * --user-data-dir, so no cookie or storage leaks between tests) whose page records every
 * console error and uncaught exception; `closeAll` (in afterAll) closes them and removes
 * the profiles and any folder handed to `removeLater`.
 */
export class Browsers {
  private readonly contexts: BrowserContext[] = [];
  private readonly folders: string[] = [];

  /** A new window at the given locale and size, in Shanghai's time zone. */
  async open(options: { locale: string; width: number; height: number }): Promise<{
    context: BrowserContext;
    page: Page;
    problems: Problem[];
  }> {
    const profile = mkdtempSync(join(tmpdir(), 'closer-chromium-'));
    this.folders.push(profile);
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ARGS,
      locale: options.locale,
      viewport: { width: options.width, height: options.height },
      timezoneId: 'Asia/Shanghai',
    });
    this.contexts.push(context);
    const page = context.pages()[0] ?? (await context.newPage());
    const problems: Problem[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push({ text: message.text(), url: message.location().url });
    });
    page.on('pageerror', (error) => problems.push({ text: `pageerror: ${error.message}`, url: page.url() }));
    page.setDefaultTimeout(20_000);
    return { context, page, problems };
  }

  /** A folder (a server's data, say) to remove with the profiles. */
  removeLater(folder: string): void {
    this.folders.push(folder);
  }

  /** Closes every window and removes the profiles and folders. */
  async closeAll(): Promise<void> {
    for (const context of this.contexts) await context.close().catch(() => {});
    for (const folder of this.folders) rmSync(folder, { recursive: true, force: true });
  }
}
