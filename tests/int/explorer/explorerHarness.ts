/**
 * The explorer as a person meets it: the bundle built from explorer/src (as `npm start` does),
 * the real service on a free port against the test Neo4j, and Debian Chromium looking at it.
 * Every page records its console errors; a test ends by asserting there were none.
 */
import type { Browser, Page } from 'playwright-core';
import { buildExplorer } from '../../../explorer/build.js';
import { warmUpPlans } from '../../../src/db/warmUp.js';
import { launchChromium, watchConsole } from '../../support/chromium.js';
import { startApi, type Api } from '../api/apiHarness.js';

declare global {
  interface Window {
    /** Set by explorer/src/views/graph.ts: the cytoscape instance and the last drawing's timings. */
    __explorerGraph?: { cy: import('cytoscape').Core; stats: { nodes: number; edges: number; fetchMs: number; drawMs: number } };
  }
}

export interface ExplorerHarness {
  api: Api;
  browser: Browser;
  /** Bundle sizes in bytes, from the build. */
  sizes: Record<string, number>;
  /** A fresh page at `hash` (e.g. '#/graph/syria'), with its console watched. */
  open(hash?: string): Promise<{ page: Page; errors: string[] }>;
  close(): Promise<void>;
}

export async function startExplorer(): Promise<ExplorerHarness> {
  const sizes = await buildExplorer();
  const api = await startApi();
  // As `npm start` does before serving: the paths and neighbourhood plans take Neo4j seconds,
  // more on a cold test instance. As there, a failed warm-up only costs that wait later.
  for (let attempt = 0; attempt < 3; attempt++) {
    if (await warmUpPlans(api.executor).then(() => true, () => false)) break;
  }
  const browser = await launchChromium();
  const pages: Page[] = [];
  return {
    api,
    browser,
    sizes,
    async open(hash = '') {
      const page = await browser.newPage({ viewport: { width: 1366, height: 800 } });
      pages.push(page);
      const { errors } = watchConsole(page);
      await page.goto(`${api.server.url}/${hash}`);
      return { page, errors };
    },
    async close() {
      for (const p of pages) await p.close().catch(() => {});
      await browser.close();
      await api.close();
    },
  };
}
