/**
 * What every browser test shares: the system's Chromium with the flags these machines
 * need, the repository root, the screenshot folder, and the decision to run at all. Under
 * CI (CI=true) a missing Chromium or web build fails the suite; locally the browser tests
 * are skipped with a visible message.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

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
