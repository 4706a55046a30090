/**
 * Building Lucene queries for Neo4j's full-text indexes from user text, safely: user text never
 * reaches the query parser as syntax. Every character Lucene's classic parser treats specially
 * (https://lucene.apache.org/core/9_11_0/queryparser/org/apache/lucene/queryparser/classic/package-summary.html#Escaping_Special_Characters)
 * is escaped, and the words are also reduced to letters, digits and apostrophes first, so
 * operators (AND, OR, NOT, +, -), wildcards, fuzzy and range syntax typed by a user are inert.
 */

/** Characters with a meaning in Lucene's classic query syntax. */
const SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/<>=]/g;

/** Escapes every Lucene special character with a backslash. */
export function escapeLucene(text: string): string {
  return text.replace(SPECIAL, (c) => `\\${c}`);
}

/** An exact-term query for the keyword-analysed name-key index: the whole key as one phrase. */
export function exactTermQuery(term: string): string {
  return `"${escapeLucene(term)}"`;
}

/** Search words: case- and diacritic-folded runs of letters, digits and apostrophes. */
export function searchWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02BC\u0060\u00B4]/g, "'")
    .split(/[^\p{L}\p{N}']+/u)
    .map((w) => w.replace(/^'+|'+$/g, ''))
    .filter((w) => w !== '');
}

/** At most this many words take part in a search (the rest are ignored). */
export const MAX_SEARCH_WORDS = 12;

/**
 * The full-text query for a search: per word, the exact term (boosted), a prefix (for words
 * typed partly) and a fuzzy term forgiving 1 edit (a swap of neighbouring letters is one edit);
 * with `longWordEdits: 2`, 2 edits for words of 7+ letters. Words are OR-ed, so entities matching
 * more of them rank higher. Returns null when the text has no word.
 *
 * Why 1 edit first: a 2-edit automaton over the term dictionary dominates the search once the
 * index holds a million names (measured at 1M entities, single-shot, the bench's 16 searches:
 * p50 40 / p95 78 ms with `~2` for long words, 21 / 32 ms with `~1`, the same top 10 on every
 * one of them). 2 edits matter when a long word is its only clue ("Lattakiya", "Kardahah",
 * "Tahreer" find nothing with `~1`), so the search resolver retries with `longWordEdits: 2` when
 * the first query found nothing. The cost: a text with two typos in one long word *and* another
 * word that matches something ranks by that other word alone.
 */
export function fuzzySearchQuery(text: string, longWordEdits: 1 | 2 = 1): string | null {
  const words = searchWords(text).slice(0, MAX_SEARCH_WORDS);
  if (words.length === 0) return null;
  return words
    .map((w) => {
      const e = escapeLucene(w);
      if (w.length <= 2) return e;
      const parts = [`${e}^3`, `${e}*^1.5`];
      if (w.length >= 4) parts.push(`${e}~${w.length >= 7 ? longWordEdits : 1}`);
      return `(${parts.join(' OR ')})`;
    })
    .join(' ');
}
