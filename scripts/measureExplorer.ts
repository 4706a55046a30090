/**
 * Figures for the explorer note (docs/explorer.md), against a running service:
 *   npx tsx scripts/measureExplorer.ts [http://127.0.0.1:4000] [runs=5]
 * - bundle size of explorer/dist/app.js and app.css, raw and gzip (level 9);
 * - first contentful paint of /, and first meaningful paint: the time until an entity deep link
 *   shows its name and links (the first screen a reader came for);
 * - the time to draw a 100-node neighbourhood (depth 2, first 100, hubs above 500 links: none here): the API answer, then the
 *   fcose layout and first render in cytoscape, as the page itself measures them.
 * Medians over `runs` fresh pages in Debian Chromium (headless, loopback). Speed is measured
 * here, never asserted in tests.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { repoRoot } from '../src/platform/repoPaths.js';
import { launchChromium } from '../tests/support/chromium.js';

const base = (process.argv[2] ?? 'http://127.0.0.1:4000').replace(/\/$/, '');
const runs = Number(process.argv[3] ?? 5);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

for (const f of ['app.js', 'app.css']) {
  const buf = readFileSync(path.join(repoRoot(), 'explorer', 'dist', f));
  console.log(`${f.padEnd(8)} raw ${(buf.length / 1024).toFixed(1)} KiB, gzip ${(gzipSync(buf, { level: 9 }).length / 1024).toFixed(1)} KiB`);
}

const browser = await launchChromium();
const fcp: number[] = [];
const fmp: number[] = [];
const fetchMs: number[] = [];
const drawMs: number[] = [];
let nodes = 0;
let edges = 0;
try {
  for (let i = 0; i < runs; i++) {
    const page = await browser.newPage({ viewport: { width: 1366, height: 800 } });
    const t0 = Date.now();
    await page.goto(`${base}/#/entity/mohammad-kanjo-hassan`);
    await page.locator('section.rel-group').first().waitFor();
    fmp.push(Date.now() - t0);
    fcp.push(await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN));
    await page.goto(`${base}/#/graph/mohammad-kanjo-hassan?depth=2&first=100&hub=500`);
    await page.locator('#cy[data-ready="true"]').waitFor({ timeout: 60_000 });
    const s = await page.evaluate(() => (window as unknown as { __explorerGraph: { stats: { nodes: number; edges: number; fetchMs: number; drawMs: number } } }).__explorerGraph.stats);
    nodes = s.nodes;
    edges = s.edges;
    fetchMs.push(s.fetchMs);
    drawMs.push(s.drawMs);
    await page.close();
  }
} finally {
  await browser.close();
}
console.log(`first contentful paint      ${median(fcp).toFixed(0)} ms (median of ${runs})`);
console.log(`entity page with its links  ${median(fmp).toFixed(0)} ms from navigation (first meaningful paint)`);
console.log(`neighbourhood ${nodes} nodes / ${edges} edges: API ${median(fetchMs).toFixed(0)} ms, layout + draw ${median(drawMs).toFixed(0)} ms`);
