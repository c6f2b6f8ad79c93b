/**
 * What every browser test shares: the system's Chromium with the flags these machines
 * need, windows that record console errors, the repository root, the screenshot folder,
 * the server a test file runs against (useServer), signing in and the CSRF token, and the
 * decision to run at all. Under
 * CI (CI=true) a missing Chromium or web build fails the suite; locally the browser tests
 * are skipped with a visible message.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import { type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { migrateDatabase } from '../../src/app/database-admin.js';
import { parseConfig } from '../../src/config.js';
import { openDatabase } from '../../src/db/client.js';
import type { Schema } from '../../src/db/schema.js';
import { type RunningServer, startServer } from '../../src/server/main.js';

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

  /**
   * A new window at the given locale and size, in Shanghai's time zone. It asks for reduced
   * motion unless `motion: 'full'` is given: the app then shows dialogs and dropdowns without
   * animation, so a click cannot land on something still sliding in — on a busy 2-core
   * machine running four browser files at once, that is what made clicks miss.
   */
  async open(options: {
    locale: string;
    width: number;
    height: number;
    motion?: 'full' | 'reduced';
  }): Promise<{
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
      reducedMotion: options.motion === 'full' ? 'no-preference' : 'reduce',
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

/**
 * Picks the first option containing `text` in the antd Select `combobox`, and waits until
 * the select shows it as its value (or until `picked` is visible, when given). A dropdown
 * that closed before the click landed (focus moved, a re-render) is opened again, three
 * times at most; each try waits only a few seconds.
 */
export async function pickOption(
  page: Page,
  combobox: Locator,
  text: string,
  picked?: Locator,
): Promise<void> {
  // The select's root, up from its combobox (the combobox locator may start anywhere on the page).
  const root = combobox.locator('xpath=ancestor::*[contains(concat(" ", @class, " "), " ant-select ")][1]');
  const shown = picked ?? root.locator('.ant-select-content-has-value', { hasText: text });
  let lastError: unknown;
  for (let attempt = 0; attempt < 3 && !(await shown.isVisible()); attempt++) {
    try {
      // A click on an open select would close it.
      if ((await combobox.getAttribute('aria-expanded')) !== 'true') await combobox.click();
      await page
        .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text })
        .first()
        .click({ timeout: 5_000 });
      await shown.waitFor({ state: 'visible', timeout: 3_000 });
    } catch (error) {
      lastError = error; // tried again; the check below reports a failure
    }
  }
  if (!(await shown.isVisible()))
    throw new Error(`could not pick "${text}" in the select`, { cause: lastError });
}

/**
 * One look at the page for `settled`, after the next two frames are painted: whether
 * something still moves or loads (fonts, a finite animation, a skeleton or spinner), and
 * the layout to compare with the previous look (the page's size, each canvas's size).
 */
const LOOK = `new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve({
  busy:
    document.fonts.status !== 'loaded' ||
    document.querySelectorAll('.ant-skeleton, .ant-spin-spinning').length > 0 ||
    document.getAnimations().some((a) => a.playState === 'running' && a.effect?.getTiming().iterations !== Infinity),
  layout: JSON.stringify([
    document.documentElement.scrollWidth,
    document.documentElement.scrollHeight,
    [...document.querySelectorAll('canvas')].map((c) => c.width + 'x' + c.height),
  ]),
}))))`;

/**
 * Waits until the page is still — nothing moving or loading, and the page and every canvas
 * (the charts, sized to their cards) the same size on two looks in a row — before a
 * screenshot or a measurement of the layout, instead of a fixed pause that is too short on
 * a busy machine and wasted on an idle one.
 */
export async function settled(page: Page, timeout = 10_000): Promise<void> {
  const deadline = Date.now() + timeout;
  let previous = '';
  for (;;) {
    const look = (await page.evaluate(LOOK)) as { busy: boolean; layout: string };
    if (!look.busy && look.layout === previous) return;
    if (Date.now() > deadline) throw new Error(`the page did not settle within ${timeout} ms`);
    previous = look.layout;
  }
}

/** Options of {@link startTestServer} and {@link useServer}. */
export interface TestServerOptions {
  /** The server's clock (the real one otherwise). */
  readonly clock?: () => Date;
  /** Fills the migrated database before the server starts (seedDemo, say). */
  readonly seed?: (db: Kysely<Schema>) => Promise<unknown>;
}

/** A server on a free port of 127.0.0.1 with its own fresh SQLite data folder. */
export interface TestServer {
  readonly server: RunningServer;
  readonly dataDir: string;
}

/**
 * Starts a real server on a fresh data folder (named `prefix…` under the system's temporary
 * folder), migrated and seeded first when `seed` is given. The caller closes the server and
 * removes the folder.
 */
export async function startTestServer(prefix: string, options: TestServerOptions = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), prefix));
  const config = parseConfig({ DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1' }, dataDir);
  if (options.seed) {
    await migrateDatabase(config);
    const database = openDatabase<Schema>(config.database);
    try {
      await options.seed(database.db);
    } finally {
      await database.close();
    }
  }
  const server = await startServer(config, options.clock ? { clock: options.clock } : {});
  return { server, dataDir };
}

/**
 * The server of one browser test file: started (with the screenshot folder made) before its
 * tests, and after them the windows closed, the server closed and its folder removed, in that
 * order. Call it at describe level; `url` is read inside the tests.
 */
export function useServer(
  browsers: Browsers,
  prefix: string,
  options: TestServerOptions = {},
): { readonly url: string } {
  let running: TestServer | undefined;
  // Seeding the demo region before the start takes longer than the default hook time.
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    running = await startTestServer(prefix, options);
  }, 120_000);
  afterAll(async () => {
    await browsers.closeAll();
    await running?.server.close();
    if (running) rmSync(running.dataDir, { recursive: true, force: true });
  });
  return {
    get url() {
      if (!running) throw new Error('useServer: the server is read before it started');
      return running.server.url;
    },
  };
}

/** The sign-in page's words, per language. */
export const LOGIN_LABELS = {
  zh: { email: '邮箱', password: '密码（至少 8 位）', submit: '登录' },
  en: { email: 'Email', password: 'Password (8 characters or more)', submit: 'Sign in' },
} as const;

/** Signs `account` in on the sign-in page of the server at `base` and waits for Today. */
export async function signIn(
  page: Page,
  base: string,
  account: { readonly email: string; readonly password: string },
  lang: keyof typeof LOGIN_LABELS = 'zh',
): Promise<void> {
  const labels = LOGIN_LABELS[lang];
  await page.goto(`${base}/login`);
  await page.getByLabel(labels.email).fill(account.email);
  await page.getByLabel(labels.password).fill(account.password);
  await page.getByRole('button', { name: labels.submit, exact: true }).click();
  await page.waitForURL('**/today');
}

/**
 * Creates the workspace and its manager through the first-run set-up page (zh-CN) of the
 * server at `base`, and waits for the plan page it signs in to.
 */
export async function setUpWorkspace(
  page: Page,
  base: string,
  workspace: string,
  manager: { readonly name: string; readonly email: string; readonly password: string },
): Promise<void> {
  await page.goto(`${base}/setup`);
  await page.getByRole('heading', { name: '首次使用：创建工作区' }).waitFor();
  await page.getByLabel('工作区名称（公司或团队）').fill(workspace);
  await page.getByLabel('您的姓名').fill(manager.name);
  await page.getByLabel('邮箱').fill(manager.email);
  await page.getByLabel('密码（至少 8 位）').fill(manager.password);
  await page.getByRole('button', { name: '创建并登录' }).click();
  await page.waitForURL('**/plan');
}

/** The CSRF token of the page's session, for requests the test makes beside the page. */
export async function csrfToken(page: Page, base: string): Promise<string> {
  const me = await page.request.get(`${base}/api/auth/me`);
  return ((await me.json()) as { csrfToken: string }).csrfToken;
}

/**
 * A screenshot writer for one test file: pictures named `<prefix><name>.png` in the
 * screenshot folder, of the whole page unless `fullPage` is false (a dialog open: the
 * viewport, which does not scroll with the page).
 */
export function screenshots(prefix: string): (page: Page, name: string, fullPage?: boolean) => Promise<void> {
  return async (page, name, fullPage = true) => {
    await page.screenshot({ path: join(SHOTS, `${prefix}${name}.png`), fullPage });
  };
}
