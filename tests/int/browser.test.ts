/**
 * Neo4j Browser, as a person uses it: open /browser/ in headless Debian Chromium, log in with the
 * instance's credentials, run a query returning relationships, and see the graph drawn.
 * Leaves test-results/browser-graph.png behind to look at.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../src/platform/repoPaths.js';
import { openTestDriver, testNeo4j } from '../support/testNeo4j.js';

const CHROMIUM = '/usr/bin/chromium';
// Without the background-networking flags Chromium keeps dialling out, and this machine has no
// internet; a fresh profile keeps runs independent.
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const SCREENSHOT = path.join(repoRoot(), 'test-results', 'browser-graph.png');

const db = testNeo4j();
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`browser.test.ts: skipped, ${CHROMIUM} is missing (apt-get install chromium)`);

describe.skipIf(!hasChromium || !db.local)('Neo4j Browser at /browser/', () => {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'clashgraph-chromium-'));
  let context: BrowserContext | undefined;
  afterAll(async () => {
    await context?.close();
    rmSync(profile, { recursive: true, force: true });
  });

  it('logs in with the instance credentials and draws the graph of a query returning relationships', async () => {
    const driver = openTestDriver();
    try {
      const { records } = await driver.executeQuery('MATCH ()-[r]->() RETURN count(r) AS n');
      expect(records[0]?.get('n').toNumber(), 'the seed loaded some relationships').toBeGreaterThan(0);
    } finally {
      await driver.close();
    }

    const { boltPort, browserUrl } = db.local!;
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      args: CHROMIUM_FLAGS,
      viewport: { width: 1400, height: 900 },
    });
    const page = await context.newPage();
    await page.goto(browserUrl);

    // The :server connect form Browser shows when it has no connection.
    await page.selectOption('[data-testid="bolt-scheme-select"]', 'bolt://');
    await page.fill('[data-testid="boltaddress"]', `127.0.0.1:${boltPort}`);
    await page.fill('[data-testid="username"]', db.user);
    await page.fill('[data-testid="password"]', db.password);
    await page.click('[data-testid="connect"]');
    await page.getByText('You are connected as user').waitFor({ timeout: 30_000 });

    await page.click('[data-testid="activeEditor"]');
    await page.keyboard.type('MATCH p=()-[r]->() RETURN p LIMIT 25');
    await page.click('[data-testid="editor-Run"]');

    const nodes = page.locator('svg g.node');
    await nodes.first().waitFor({ timeout: 30_000 });
    await page.waitForTimeout(1_500); // let the force layout settle for a readable screenshot
    mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });

    expect(await nodes.count()).toBeGreaterThan(0);
    expect(await page.locator('svg g.relationship').count()).toBeGreaterThan(0);
  });
});
