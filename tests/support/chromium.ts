/**
 * Debian's Chromium driven by playwright-core, for the tests that look at pages as a person
 * does (tests/int/browser.test.ts, tests/int/explorer/). Skips (with a warning) where
 * /usr/bin/chromium is missing; .ci/run installs it.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { repoRoot } from '../../src/platform/repoPaths.js';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

// Without the background-networking flags Chromium keeps dialling out, and this machine has no
// internet; a fresh profile keeps runs independent.
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
}

/** test-results/<name>.png, to look at after the run. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const file = path.join(repoRoot(), 'test-results', `${name}.png`);
  mkdirSync(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file });
  return file;
}

/**
 * Collects what a person would see in the devtools console as errors: console.error lines,
 * uncaught exceptions, failed requests. Assert `errors` is empty at the end of a test.
 */
export function watchConsole(page: Page): { errors: string[] } {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console.error: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  page.on('requestfailed', (r) => {
    // A view that moves on aborts its own in-flight fetch on purpose.
    if (r.failure()?.errorText !== 'net::ERR_ABORTED') errors.push(`request failed: ${r.url()} ${r.failure()?.errorText}`);
  });
  return { errors };
}
