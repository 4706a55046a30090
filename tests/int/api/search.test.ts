/**
 * Search's typo tolerance: one edit (a swapped pair of letters counts as one) in a single
 * full-text query; two edits in a long word only through the retry when nothing else finds
 * anything. (Search also reads the lookup-key index once, in parallel: spellings the resolution
 * ladder folds, like Lattakiya or Kardahah, are found there without the retry.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDataset, toGraphRows } from '../../../src/seed/index.js';
import { startApi, type Api } from './apiHarness.js';

let api: Api;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => api?.close());

async function top(text: string) {
  const { body, queries } = await api.gql('query ($t: String!) { search(text: $t, first: 3) { entity { id } } }', { t: text });
  expect(body.errors, text).toBeUndefined();
  const fullText = queries.filter((q) => q.query === 'search.fulltext').length;
  return { ids: (body.data!.search as { entity: { id: string } }[]).map((h) => h.entity.id), queries: fullText };
}

describe('search typo tolerance', () => {
  it.each([
    ['Tartous', 'tartus'],
    ['Jablah', 'jableh'],
    ['Latkaia', 'latakia'], // two neighbouring letters swapped
    ['Kanjo Hasan', 'mohammad-kanjo-hassan'],
  ])('finds %s (one edit) with one full-text query', async (text, id) => {
    const { ids, queries } = await top(text);
    expect(ids[0]).toBe(id);
    expect(queries).toBe(1);
  });

  it.each([
    ['Lattakiya', 'latakia'],
    ['Kardahah', 'qardaha'],
  ])('finds %s (two edits in a long word, a folded spelling) without the retry', async (text, id) => {
    const { ids, queries } = await top(text);
    expect(ids[0]).toBe(id);
    expect(queries).toBe(1);
  });

  it('answers an empty list, not an error, when even two edits find nothing', async () => {
    const { ids, queries } = await top('Qwertyuiopzx');
    expect(ids).toEqual([]);
    expect(queries).toBe(2);
  });
});

describe('search ranks equal matches as the ladder does', () => {
  it('puts the entity more documents speak of first among hits of one step and score', async () => {
    const rows = toGraphRows(await readDataset());
    const documents = new Map(rows.entities.map((e) => [e.id, (e.props.knownIn as string[]).length]));
    let compared = 0;
    for (const text of ['Hasan', 'Syrian', 'al-Din', 'Security']) {
      const { body } = await api.gql('query ($t: String!) { search(text: $t, first: 30) { score match { how } entity { id } } }', { t: text });
      const hits = body.data!.search as { score: number; match: { how: string }; entity: { id: string } }[];
      for (let k = 1; k < hits.length; k++) {
        const [a, b] = [hits[k - 1]!, hits[k]!];
        // (FUZZY hits are ranked by their tiny Lucene-derived scores, which the 4 decimals shown round alike.)
        if (a.score !== b.score || a.match.how !== b.match.how || a.match.how === 'FUZZY') continue;
        compared++;
        expect(documents.get(a.entity.id)!, `${text}: ${a.entity.id} before ${b.entity.id}`).toBeGreaterThanOrEqual(documents.get(b.entity.id)!);
      }
    }
    expect(compared).toBeGreaterThan(0);
  });
});
