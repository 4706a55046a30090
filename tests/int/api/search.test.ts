/**
 * Search's typo tolerance: one edit (a swapped pair of letters counts as one) in a single query;
 * two edits in a long word only through the retry when one edit finds nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type Api } from './apiHarness.js';

let api: Api;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => api?.close());

async function top(text: string) {
  const { body, queries } = await api.gql('query ($t: String!) { search(text: $t, first: 3) { entity { id } } }', { t: text });
  expect(body.errors, text).toBeUndefined();
  return { ids: (body.data!.search as { entity: { id: string } }[]).map((h) => h.entity.id), queries: queries.length };
}

describe('search typo tolerance', () => {
  it.each([
    ['Tartous', 'tartus'],
    ['Jablah', 'jableh'],
    ['Latkaia', 'latakia'], // two neighbouring letters swapped
    ['Kanjo Hasan', 'mohammad-kanjo-hassan'],
  ])('finds %s (one edit) with one query', async (text, id) => {
    const { ids, queries } = await top(text);
    expect(ids[0]).toBe(id);
    expect(queries).toBe(1);
  });

  it.each([
    ['Lattakiya', 'latakia'],
    ['Kardahah', 'qardaha'],
  ])('finds %s (two edits in a long word) through the retry', async (text, id) => {
    const { ids, queries } = await top(text);
    expect(ids[0]).toBe(id);
    expect(queries).toBe(2);
  });

  it('answers an empty list, not an error, when even two edits find nothing', async () => {
    const { ids, queries } = await top('Qwertyuiopzx');
    expect(ids).toEqual([]);
    expect(queries).toBe(2);
  });
});
