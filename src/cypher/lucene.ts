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
 * typed partly) and a fuzzy term forgiving 1 edit (2 for long words); words are OR-ed, so
 * entities matching more of them rank higher. Returns null when the text has no word.
 */
export function fuzzySearchQuery(text: string): string | null {
  const words = searchWords(text).slice(0, MAX_SEARCH_WORDS);
  if (words.length === 0) return null;
  return words
    .map((w) => {
      const e = escapeLucene(w);
      if (w.length <= 2) return e;
      const parts = [`${e}^3`, `${e}*^1.5`];
      if (w.length >= 4) parts.push(`${e}~${w.length >= 7 ? 2 : 1}`);
      return `(${parts.join(' OR ')})`;
    })
    .join(' ');
}
