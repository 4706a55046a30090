/**
 * Relay pagination of events: walking every page loses nothing, repeats nothing, keeps the order
 * (start date, then id) and agrees with totalCount — with and without filters.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type Api } from './apiHarness.js';

let api: Api;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => api?.close());

const PAGE = `query ($filter: EventFilter, $first: Int, $after: String) {
  events(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { id startDate } }
  }
}`;

async function walk(filter: Record<string, unknown> | null, first: number) {
  const nodes: { id: string; startDate: string }[] = [];
  const totals = new Set<number>();
  let after: string | null = null;
  let pages = 0;
  for (;;) {
    const { events } = await api.data(PAGE, { filter, first, after });
    pages++;
    totals.add(events.totalCount);
    expect(events.edges.length).toBeLessThanOrEqual(first);
    expect(events.pageInfo.hasPreviousPage).toBe(after !== null);
    if (events.edges.length > 0) {
      expect(events.pageInfo.startCursor).toBe(events.edges[0].cursor);
      expect(events.pageInfo.endCursor).toBe(events.edges.at(-1).cursor);
    }
    nodes.push(...events.edges.map((e: any) => e.node));
    if (!events.pageInfo.hasNextPage) break;
    after = events.pageInfo.endCursor;
    expect(pages).toBeLessThan(500);
  }
  return { nodes, totals: [...totals], pages };
}

const sortKey = (n: { id: string; startDate: string }) => `${n.startDate} ${n.id}`;

describe('events pagination', () => {
  it.each([
    ['all events, pages of 7', null, 7],
    ['all events, pages of 1', null, 1],
    ['Violence against civilians, pages of 4', { types: ['Violence against civilians'] }, 4],
    ['events in Tartus Governorate from December 2024, pages of 3', { place: 'Tartus Governorate', from: '2024-12' }, 3],
  ])('%s: no loss, no repeat, ordered, matching totalCount', async (_what, filter, first) => {
    const paged = await walk(filter, first);
    const whole = await walk(filter, 100);
    const ids = paged.nodes.map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length); // no repeat
    expect(ids).toEqual(whole.nodes.map((n) => n.id)); // no loss, same order as one big page
    expect(paged.totals).toEqual([ids.length]); // totalCount agrees on every page
    const keys = paged.nodes.map(sortKey);
    expect([...keys].sort()).toEqual(keys); // start date, then id
    expect(ids.length).toBeGreaterThan(first); // really more than one page
  });

  it('the date filter keeps events overlapping the range', async () => {
    const { nodes } = await walk({ from: '2025-03-06', to: '2025-03-06' }, 50);
    expect(nodes.length).toBeGreaterThan(0);
    const { events } = await api.data('{ events(filter: { from: "2025-03-06", to: "2025-03-06" }, first: 100) { edges { node { startDate endDate } } } }');
    for (const { node } of events.edges) {
      expect(node.startDate <= '2025-03-06').toBe(true);
      expect(node.endDate >= '2025-03-06').toBe(true);
    }
  });

  it('the participant filter finds the events an entity took part in, under any alias', async () => {
    const { events } = await api.data('{ events(filter: { participant: "General Security Service" }, first: 100) { edges { node { id } } } }');
    const ids = events.edges.map((e: any) => e.node.id);
    expect(ids).toContain('khirbet-al-mazah-ambush-2024-12-25');
  });
});
