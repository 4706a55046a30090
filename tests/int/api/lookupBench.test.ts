/**
 * The lookup benchmark as a test (bench/lookup/names.yaml through the real API): a floor on top-1,
 * no silent wrong answer, every expected ambiguity listing its candidates, and a set that refers
 * only to entities that exist (so it follows the data as curators change it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLookupSet, referencedIds, runLookupBench, formatSummary, type Post } from '../../../bench/lookup/evaluate.js';
import { startApi, type Api } from './apiHarness.js';

const TOP1_FLOOR = 0.97;
const items = loadLookupSet();
let api: Api;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => api?.close());

describe('the lookup benchmark (bench/lookup/names.yaml)', () => {
  it('has at least 150 names, with ambiguous and not-found ones', () => {
    expect(items.length).toBeGreaterThanOrEqual(150);
    expect(items.filter((i) => i.ambiguous).length).toBeGreaterThanOrEqual(10);
    expect(items.filter((i) => i.notFound).length).toBeGreaterThanOrEqual(5);
  });

  it('refers only to entities that exist', async () => {
    const ids = referencedIds(items);
    const missing: string[] = [];
    for (let at = 0; at < ids.length; at += 10) {
      const chunk = ids.slice(at, at + 10); // the API allows 15 aliases per request
      const data = await api.data(`{ ${chunk.map((id, k) => `e${k}: entityById(id: ${JSON.stringify(id)}) { id }`).join(' ')} }`);
      missing.push(...chunk.filter((_, k) => data[`e${k}`] === null));
    }
    expect(missing).toEqual([]);
  });

  it(`answers at least ${TOP1_FLOOR * 100} % right, never silently wrong, every ambiguity with its candidates`, async () => {
    const post: Post = async (query, variables) => (await api.gql(query, variables)).body;
    const s = await runLookupBench(post, items);
    console.info(formatSummary(s).map((l) => `[lookup bench] ${l}`).join('\n'));
    expect(s.silentWrong).toBe(0);
    expect(s.errors).toBe(0);
    expect(s.top1).toBeGreaterThanOrEqual(TOP1_FLOOR);
    const ambiguityMisses = s.misses.filter((m) => m.item.ambiguous).map((m) => m.item.name);
    expect(ambiguityMisses).toEqual([]);
  });
});
