/**
 * Neo4j Browser, as a person uses it: open the URL `npm start` prints (connection pre-filled),
 * log in, and find it styled and guided without doing anything: the post_connect_cmd of the
 * instance's neo4j.conf loads the service's style.grass (people are orange) and opens the
 * service's Markdown guide in the sidebar. The service runs on the port the test instance's
 * conf names (tests/support/globalSetup.ts). Leaves test-results/browser-*.png to look at.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserConnectUrl } from '../../src/server/explorer.js';
import { hasChromium, launchChromium, screenshot, watchConsole, CHROMIUM } from '../support/chromium.js';
import { openTestDriver, testNeo4j } from '../support/testNeo4j.js';
import { startApi, type Api } from './api/apiHarness.js';
import type { Browser } from 'playwright-core';

const db = testNeo4j();
if (!hasChromium) console.warn(`browser.test.ts: skipped, ${CHROMIUM} is missing (apt-get install chromium)`);

describe.skipIf(!hasChromium || !db.local)('Neo4j Browser at /browser/', () => {
  let api: Api | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    const { servicePort, browserUrl } = db.local!;
    api = await startApi({ config: { port: servicePort }, neo4jBrowserUrl: browserUrl });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('opens with the connection filled in; after login it applies the clashgraph style and opens the guide', async () => {
    const driver = openTestDriver();
    try {
      const { records } = await driver.executeQuery('MATCH ()-[r]->() RETURN count(r) AS n');
      expect(records[0]?.get('n').toNumber(), 'the seed loaded some relationships').toBeGreaterThan(0);
    } finally {
      await driver.close();
    }

    const { boltPort, browserUrl } = db.local!;
    const page = await browser!.newPage({ viewport: { width: 1400, height: 900 } });
    const console = watchConsole(page);
    await page.goto(browserConnectUrl(browserUrl, `bolt://127.0.0.1:${boltPort}`, db.user));

    // The :server connect form, pre-filled from ?dbms=bolt://neo4j@127.0.0.1:<port>.
    await page.locator('[data-testid="boltaddress"]').waitFor({ timeout: 30_000 });
    expect(await page.inputValue('[data-testid="boltaddress"]')).toContain(`127.0.0.1:${boltPort}`);
    expect(await page.inputValue('[data-testid="username"]')).toBe(db.user);
    await page.fill('[data-testid="password"]', db.password);
    await page.click('[data-testid="connect"]');
    await page.getByText('You are connected as user').waitFor({ timeout: 30_000 });

    // The guide opens by itself in the sidebar, at its first slide, with click-to-run Cypher.
    const guideTitle = page.getByText('clashgraph: the Western Syria clashes').first();
    await guideTitle.waitFor({ timeout: 30_000 });
    const runnable = page.locator('.runnable').first();
    await runnable.waitFor({ timeout: 10_000 });
    expect(await runnable.innerText()).toContain('MATCH (n:Entity)');
    await screenshot(page, 'browser-guide');

    // The style applied itself: a person is drawn orange (#F79767), as style.grass says.
    await page.click('[data-testid="activeEditor"]');
    await page.keyboard.type("MATCH p=(:Person {id: 'mohammad-kanjo-hassan'})-[r]-() RETURN p LIMIT 10");
    await page.click('[data-testid="editor-Run"]');
    const nodes = page.locator('svg g.node');
    await nodes.first().waitFor({ timeout: 30_000 });
    await page.waitForTimeout(1_500); // let the force layout settle for a readable screenshot
    await screenshot(page, 'browser-graph');
    const fills = await page.locator('svg g.node circle.b-outline').evaluateAll((cs) => cs.map((c) => (c.getAttribute('fill') ?? '').toUpperCase()));
    expect(fills).toContain('#F79767');
    expect(fills, 'groups are blue').toContain('#4C8EDA');
    expect(fills, 'places are cyan').toContain('#57C7E3');
    expect(await page.locator('svg g.relationship').count()).toBeGreaterThan(0);
    // Remote content the Browser could not fetch from the service shows up as console errors.
    expect(console.errors.filter((e) => e.includes(`:${db.local!.servicePort}/`))).toEqual([]);
  }, 180_000); // a JVM behind a single-page app on a shared 2-core machine: room, not a latency bound
});
