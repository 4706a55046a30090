/**
 * The explorer at /, driven in Debian Chromium as a person would: typing, clicking, the keyboard
 * and the back button; asserting what is on the screen (and, for the canvas, what cytoscape
 * drew), against the real service and the test Neo4j. Expected values come from the API itself
 * or from the seed's documents, never from the page's own code. Every test ends with no console
 * errors. Screenshots: test-results/explorer-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, hasChromium, screenshot } from '../../support/chromium.js';
import { startExplorer, type ExplorerHarness } from './explorerHarness.js';
import type { Page } from 'playwright-core';

if (!hasChromium) console.warn(`explorer.test.ts: skipped, ${CHROMIUM} is missing (apt-get install chromium)`);

/** What cytoscape drew, read from the page (the canvas has no DOM to query). */
function drawn(page: Page) {
  return page.evaluate(() => {
    const cy = window.__explorerGraph!.cy;
    const visible = (e: { hasClass(c: string): boolean }) => !e.hasClass('filtered');
    return {
      nodes: cy.nodes().filter(visible).map((n) => ({ id: n.id(), kind: n.data('kind'), colour: n.style('background-color'), collapsed: !!n.data('collapsed') })),
      edges: cy.edges().filter(visible).map((e) => ({ id: e.id(), type: e.data('type'), certainty: e.data('certainty'), date: e.data('date'), lineStyle: e.style('line-style') })),
    };
  });
}

describe.skipIf(!hasChromium)('the explorer', () => {
  let x: ExplorerHarness;
  beforeAll(async () => {
    x = await startExplorer();
  });
  afterAll(async () => {
    await x?.close();
  });

  it('serves every byte from its own origin: the page, a bundle, no CDN', async () => {
    const { page, errors } = await x.open();
    const origins = new Set<string>();
    page.on('request', (r) => origins.add(new URL(r.url()).origin));
    await page.reload();
    await page.locator('#search').waitFor();
    expect([...origins]).toEqual([x.api.server.url]);
    expect(await page.title()).toContain('clashgraph');
    expect(errors).toEqual([]);
  });

  it('searches as you type: kind icon, matched name, short description; the keyboard opens a hit', async () => {
    const { page, errors } = await x.open();
    await page.locator('#search').pressSequentially('Tartous', { delay: 40 });
    const first = page.locator('.hit').first();
    await first.locator('.hit-name').filter({ hasText: 'Tartous' }).waitFor();
    // "Tartous" is an alias: the hit shows the alias that matched and the canonical name.
    expect(await first.innerText()).toContain('Tartus');
    expect(await first.locator('svg.kind-icon').getAttribute('aria-label')).toBe('Place');
    expect(page.url()).toContain('q=Tartous');

    await page.locator('#search').fill('');
    await page.locator('#search').pressSequentially('kanjo', { delay: 40 });
    await page.locator('.hit-name').getByText('Mohammad Kanjo Hassan', { exact: true }).waitFor();
    const hit = page.locator('.hit').filter({ hasText: 'Mohammad Kanjo Hassan' }).first();
    expect(await hit.locator('.hit-desc').innerText()).toContain('Military Justice');
    await screenshot(page, 'explorer-search');

    await page.locator('#search').press('Enter'); // opens the best hit
    await page.locator('h1', { hasText: 'Kanjo' }).waitFor();
    expect(page.url()).toMatch(/#\/entity\//);
    await page.goBack();
    await page.locator('#search').waitFor();
    expect(await page.inputValue('#search')).toBe('kanjo');
    expect(errors).toEqual([]);
  });

  it('shows an entity with its links grouped by type; a link opens to its quote, and the quote to its place in the document', async () => {
    const data = await x.api.data(`{ entityById(id: "mohammad-kanjo-hassan") { aliases relations(types: ["CAPTURED_IN"]) { other { name } certainty citations { quote source { id } } } } }`);
    const captured = data.entityById.relations[0];
    const { page, errors } = await x.open('#/entity/mohammad-kanjo-hassan');
    await page.locator('h1', { hasText: 'Mohammad Kanjo Hassan' }).waitFor();
    const facts = await page.locator('.facts').innerText();
    for (const alias of data.entityById.aliases) expect(facts).toContain(alias);

    const group = page.locator('section.rel-group', { has: page.locator('h3', { hasText: 'captured in' }) });
    const row = group.locator('li.relation').first();
    expect(await row.innerText()).toContain(captured.other.name);
    expect(await row.locator('.hedge').innerText()).toContain(captured.certainty);
    await row.getByRole('button', { name: 'Evidence' }).click();
    const quote = row.locator('blockquote').first();
    await quote.waitFor();
    expect(await quote.innerText()).toContain(captured.citations[0].quote);
    await screenshot(page, 'explorer-entity');

    await row.locator('a.source-link').first().click();
    const mark = page.locator('mark#quoted');
    await mark.waitFor();
    expect(await mark.innerText()).toBe(captured.citations[0].quote);
    expect(await mark.isVisible()).toBe(true);
    expect(await mark.evaluate((m) => { const r = m.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; })).toBe(true);
    await page.goBack();
    await page.locator('h1', { hasText: 'Mohammad Kanjo Hassan' }).waitFor();
    expect(errors).toEqual([]);
  });

  it('draws the neighbourhood after a search, coloured by kind, hedged links dashed; clicking an edge shows its quote', async () => {
    const api = await x.api.data(`{ neighbourhood(name: "Mohammad Kanjo Hassan", depth: 1, first: 150, maxDegree: 40) { nodes { id collapsed } edges { id type certainty citations { quote } } } }`);
    const { page, errors } = await x.open();
    await page.locator('#search').pressSequentially('Kanjo Hassan', { delay: 30 });
    await page.locator('.hit').filter({ hasText: 'Mohammad Kanjo Hassan' }).first().getByRole('link', { name: 'graph' }).click();
    await page.locator('#cy[data-ready="true"]').waitFor();
    const g = await drawn(page);
    expect(g.nodes.map((n) => n.id).sort()).toEqual(api.neighbourhood.nodes.map((n: { id: string }) => n.id).sort());
    expect(g.edges).toHaveLength(api.neighbourhood.edges.length);
    // Colours as in style.grass: people orange, places cyan.
    expect(g.nodes.find((n) => n.id === 'mohammad-kanjo-hassan')!.colour).toBe('rgb(247,151,103)');
    const hedged = g.edges.filter((e) => e.certainty !== 'stated');
    const stated = g.edges.filter((e) => e.certainty === 'stated');
    expect(hedged.length).toBeGreaterThan(0);
    expect(new Set(hedged.map((e) => e.lineStyle))).toEqual(new Set(['dashed']));
    expect(new Set(stated.map((e) => e.lineStyle))).toEqual(new Set(['solid']));
    // Hubs (more than 40 links by default) are drawn, marked, and not walked through.
    const hubs = api.neighbourhood.nodes.filter((n: { collapsed: boolean }) => n.collapsed).map((n: { id: string }) => n.id);
    expect(g.nodes.filter((n) => n.collapsed).map((n) => n.id).sort()).toEqual(hubs.sort());
    for (const id of hubs) expect(await page.locator(`.node-button[data-id="${id}"]`).innerText()).toContain('(hub)');
    await screenshot(page, 'explorer-graph');

    // Click the CAPTURED_IN edge where it is drawn.
    const edge = api.neighbourhood.edges.find((e: { type: string }) => e.type === 'CAPTURED_IN');
    const at = await page.evaluate((id) => {
      const cy = window.__explorerGraph!.cy;
      const box = cy.container()!.getBoundingClientRect();
      const p = cy.$id(id).renderedMidpoint();
      return { x: box.left + p.x, y: box.top + p.y };
    }, edge.id);
    await page.mouse.click(at.x, at.y);
    const quote = page.locator('#graph-details blockquote').first();
    await quote.waitFor();
    expect(await quote.innerText()).toContain(edge.citations[0].quote);
    await screenshot(page, 'explorer-graph-edge');
    expect(errors).toEqual([]);
  });

  it('expands a node on click and keeps the expansion in the URL', async () => {
    const { page, errors } = await x.open('#/graph/mohammad-kanjo-hassan');
    await page.locator('#cy[data-ready="true"]').waitFor();
    const before = await drawn(page);
    // Expand a neighbour from the keyboard-reachable node list (the same as clicking it).
    const neighbour = await x.api.data(`{ neighbourhood(name: "Khirbet al-Ma'zah", depth: 1, first: 60, maxDegree: 40) { nodes { id } } }`);
    await page.locator('.node-button[data-id="khirbet-al-mazah"]').click();
    await page.locator('#graph-details', { hasText: 'new entities' }).waitFor();
    const after = await drawn(page);
    const expected = new Set([...before.nodes.map((n) => n.id), ...neighbour.neighbourhood.nodes.map((n: { id: string }) => n.id)]);
    expect(new Set(after.nodes.map((n) => n.id))).toEqual(expected);
    expect(page.url()).toContain('expand=khirbet-al-mazah');

    expect(errors).toEqual([]);
  });

  it('filters by relationship type and by a date range, and keeps the drawing in the URL', async () => {
    const { page, errors } = await x.open('#/graph/jableh');
    await page.locator('#cy[data-ready="true"]').waitFor();
    const after = await drawn(page);
    // Untick a relationship type: its links are no longer drawn.
    const type = after.edges[0]!.type;
    await page.locator(`fieldset.types input[value="${type}"]`).uncheck();
    const filtered = await drawn(page);
    expect(filtered.edges.some((e) => e.type === type)).toBe(false);
    expect(filtered.edges.length).toBeGreaterThan(0);
    expect(page.url()).toContain(`hide=${type}`);

    // Narrow the dates to the last month: only links dated then (and undated ones) remain.
    const to = page.locator('fieldset.dates input[name="from"]');
    const max = await to.getAttribute('max');
    await to.fill(max!);
    const narrowed = await drawn(page);
    const month = (await page.locator('fieldset.dates output').innerText()).split(' – ')[0]!;
    for (const e of narrowed.edges) if (e.date) expect(e.date.slice(0, 7) >= month || e.date.length === 4).toBe(true);
    expect(narrowed.edges.length).toBeLessThan(filtered.edges.length);

    // The URL is a deep link to this very drawing.
    const { page: again } = await x.open(new URL(page.url()).hash);
    await again.locator('#cy[data-ready="true"]').waitFor();
    expect((await drawn(again)).edges.map((e) => e.id).sort()).toEqual(narrowed.edges.map((e) => e.id).sort());
    expect(errors).toEqual([]);
  });

  it('draws the graph as known on a document\'s date: only what the documents published by then state', async () => {
    type Sub = { nodes: { id: string }[]; edges: { id: string }[] };
    const near = async (asOf: string | null): Promise<Sub | undefined> =>
      (await x.api.gql('query($a: String) { neighbourhood(name: "jableh", depth: 1, first: 150, maxDegree: 40, asOf: $a) { nodes { id } edges { id } } }', { a: asOf })).body.data?.neighbourhood;
    const everything = (await near(null))!;
    const days = [...new Set((await x.api.data('{ sources { knownFrom } }')).sources.map((s: { knownFrom: string | null }) => s.knownFrom).filter(Boolean))].sort() as string[];
    // The earliest document date at which the API knows Jableh, but less of it than in the end.
    let day: string | undefined;
    let then: Sub | undefined;
    for (const d of days) {
      then = await near(d);
      if (then && then.edges.length < everything.edges.length) {
        day = d;
        break;
      }
    }
    expect(day).toBeDefined();

    const { page, errors } = await x.open('#/graph/jableh');
    await page.locator('#cy[data-ready="true"]').waitFor();
    expect((await drawn(page)).edges).toHaveLength(everything.edges.length);
    await page.locator(`select[name="asOf"] option[value="${day}"]`).waitFor({ state: 'attached' });
    await page.locator('select[name="asOf"]').selectOption(day!);
    await page.waitForURL((u) => u.hash.includes(`asOf=${day}`));
    await page.locator('.graph-summary', { hasText: `as known on ${day}` }).waitFor();
    await page.locator('#cy[data-ready="true"]').waitFor();
    const g = await drawn(page);
    expect(g.edges.map((e) => e.id).sort()).toEqual(then!.edges.map((e) => e.id).sort());
    expect(g.nodes.map((n) => n.id).sort()).toEqual(then!.nodes.map((n) => n.id).sort());
    // The option says which documents had appeared by then.
    expect(await page.locator('select[name="asOf"] option:checked').innerText()).toMatch(/doc-\d{3}/);
    await screenshot(page, 'explorer-graph-as-of');
    expect(errors).toEqual([]);
  });

  it('says how a document is dated, and each quote it is dated by opens at its place in the text', async () => {
    const { source } = await x.api.data('{ source(id: "doc-000") { asOf knownFrom asOfBasis asOfQuotes } }');
    expect(source.asOfQuotes.length).toBeGreaterThan(0);
    const { page, errors } = await x.open('#/source/doc-000');
    const dated = page.locator('details.dated-by');
    await dated.locator('summary').click();
    expect(await dated.locator('summary').innerText()).toContain(`as of ${source.asOf}`);
    expect(await dated.locator('summary').innerText()).toContain(`counted from ${source.knownFrom}`);
    expect((await dated.locator('p').innerText()).replace(/\s+/g, ' ')).toBe(source.asOfBasis.replace(/\s+/g, ' ').trim());
    await dated.locator('ul.quotes a').first().click();
    await page.waitForURL((u) => u.hash.includes('quote='));
    expect(await page.locator('mark#quoted').innerText()).toBe(source.asOfQuotes[0]);
    expect(errors).toEqual([]);
  });

  it('lists and draws the paths between two names, each step with its quote; one click excludes a node and asks again', async () => {
    const api = await x.api.data(`{ paths(from: "Mohammad Kanjo Hassan", to: "Suhayl al-Hasan", first: 5, maxHops: 3) { steps { to { id name } citations { quote } } } }`);
    const { page, errors } = await x.open('#/paths');
    await page.fill('#in-from', 'Mohammad Kanjo Hassan');
    await page.fill('#in-to', 'Suhayl al-Hasan');
    await page.selectOption('select[name="hops"]', '3');
    await page.getByRole('button', { name: 'Find paths' }).click();
    const paths = page.locator('#path-list > li.path');
    await paths.first().or(page.locator('.error')).first().waitFor();
    expect(await page.locator('.error').count(), await page.locator('main').innerText()).toBe(0);
    expect(await paths.count()).toBe(api.paths.length);
    const firstPath = api.paths[0];
    expect(await paths.first().locator('blockquote').first().innerText()).toContain(firstPath.steps[0].citations[0].quote);
    await page.locator('#cy-paths[data-ready="true"]').waitFor();
    await screenshot(page, 'explorer-paths');

    const via = firstPath.steps[0].to;
    await paths.first().getByRole('link', { name: `Exclude ${via.name} and ask again` }).click();
    await page.locator('.excluded', { hasText: via.id }).waitFor();
    await page.locator('#path-list, .empty-state').first().waitFor();
    const through = await page.locator('#path-list a.entity-link').evaluateAll((as) => as.map((a) => a.getAttribute('data-id')));
    expect(through).not.toContain(via.id);
    await page.goBack();
    await page.locator('#path-list a.entity-link[data-id="' + via.id + '"]').first().waitFor();
    expect(errors).toEqual([]);
  });

  it('shows the events in a place and the places inside it on a timeline, imprecise dates as spans', async () => {
    const api = await x.api.data(`{ events(filter: { place: "Latakia Governorate" }, first: 100) { edges { node { id eventType datePrecision place { id } } } } }`);
    const expected = api.events.edges.map((e: { node: { id: string; eventType: string } }) => e.node).filter((e: { eventType: string }) => e.eventType !== 'Conflict');
    const { page, errors } = await x.open('#/timeline?place=Latakia%20Governorate');
    await page.locator('#timeline-chart').waitFor();
    const bars = await page.locator('#timeline-chart a.event-bar').evaluateAll((as) => as.map((a) => a.getAttribute('data-id')));
    expect(bars.sort()).toEqual(expected.map((e: { id: string }) => e.id).sort());
    // Places inside the governorate count: some events happened in a town or village of it.
    expect(expected.some((e: { place: { id: string } | null }) => e.place && e.place.id !== 'latakia-governorate')).toBe(true);
    // A date known only to the month is a hatched span, a day a dot.
    const monthOnly = expected.find((e: { datePrecision: string }) => e.datePrecision === 'month');
    if (monthOnly) expect(await page.locator(`a.event-bar[data-id="${monthOnly.id}"] rect[fill="url(#hatch)"]`).count()).toBe(1);
    const day = expected.find((e: { datePrecision: string }) => e.datePrecision === 'day');
    expect(await page.locator(`a.event-bar[data-id="${day.id}"] circle`).count()).toBe(1);
    await screenshot(page, 'explorer-timeline');

    await page.locator(`a.event-bar[data-id="${day.id}"]`).click();
    await page.locator('main[data-view="entity"] h1').waitFor();
    expect(page.url()).toContain(`#/entity/${day.id}`);
    expect(errors).toEqual([]);
  });

  it('puts contested figures side by side with claimant, as of and document, and charts them across revisions', async () => {
    const api = await x.api.data(`{ claims { id figure conflictsWith { id } claimedBy { name } source { id revisionOf { id } } } }`);
    const contested = api.claims.filter((c: { conflictsWith: unknown[] }) => c.conflictsWith.length > 0);
    const { page, errors } = await x.open('#/claims');
    await page.locator('.claims-table').first().waitFor();
    const rows = page.locator('.claims-table tbody tr');
    expect(await rows.count()).toBe(contested.length);
    const revised = contested.find((c: { source: { revisionOf: unknown } }) => c.source.revisionOf);
    const group = page.locator('section.claim-group', { has: page.locator(`tr[data-id="${revised.id}"]`) });
    const text = await group.innerText();
    expect(text).toContain(`${revised.source.id} is a later revision of ${revised.source.revisionOf.id}`);
    const row = group.locator(`tr[data-id="${revised.id}"]`);
    expect(await row.locator('td.num').innerText()).toBe(revised.figure);
    expect(await row.innerText()).toContain(revised.claimedBy?.name ?? 'the document itself');
    expect(await group.locator('svg.figure-chart rect').count()).toBeGreaterThanOrEqual(2);
    await screenshot(page, 'explorer-claims');
    expect(errors).toEqual([]);
  });

  it('answers an unknown name with the API suggestions and an ambiguous one with its candidates to pick from', async () => {
    // ("Kanjoo Hasan" now resolves: the name ladder forgives a doubled letter; "Kanjoq" is no spelling of Kanjo.)
    const { page, errors } = await x.open('#/graph/Kanjoq%20Hasan');
    const choice = page.locator('.name-error a.choice[data-id="mohammad-kanjo-hassan"]');
    await choice.waitFor();
    expect(await page.locator('.name-error').innerText()).toContain('Did you mean');
    await choice.click();
    await page.locator('#cy[data-ready="true"]').waitFor();
    expect(page.url()).toContain('#/graph/mohammad-kanjo-hassan');

    const bad = await x.api.gql(`{ entity(name: "al-Mazra’a") { id } }`);
    expect(bad.body.errors?.[0]?.extensions?.code).toBe('AMBIGUOUS_NAME');
    const candidates = bad.body.errors![0]!.extensions!.candidates as { id: string; name: string }[];
    await page.goto(`${x.api.server.url}/#/timeline?place=${encodeURIComponent('al-Mazra’a')}`);
    await page.locator('.code-AMBIGUOUS_NAME').waitFor();
    const offered = await page.locator('.code-AMBIGUOUS_NAME a.choice').evaluateAll((as) => as.map((a) => a.getAttribute('data-id')));
    expect(offered.sort()).toEqual(candidates.map((c) => c.id).sort());
    await screenshot(page, 'explorer-ambiguous');
    await page.locator(`.code-AMBIGUOUS_NAME a.choice[data-id="${candidates[0]!.id}"]`).click();
    await page.locator('h1', { hasText: `Timeline: ${candidates[0]!.name}` }).or(page.locator('.empty-state')).first().waitFor();
    expect(page.url()).toContain(`place=${candidates[0]!.id}`);
    expect(errors).toEqual([]);
  });
});
