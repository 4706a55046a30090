/**
 * Which of an entity's names a search text matched: full-text scores say how well an entity
 * matched, not through which alias, so we compare the words of the text with those of the
 * canonical name and each alias and pick the closest (the canonical name wins ties). Words are
 * folded for case, diacritics and apostrophes only — not for transliteration variants, which
 * would make "Tartous" and "Tartus" indistinguishable when the user typed one of them.
 */
import { searchWords } from '../cypher/lucene.js';

const words = (text: string) => searchWords(text).map((w) => w.replace(/'/g, '')).filter((w) => w !== '');

/** Edit distance, capped: anything above `max` is reported as max + 1. */
export function boundedLevenshtein(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/** How well one query word matches one name word, 0..1. */
function wordScore(q: string, w: string): number {
  if (q === w) return 1;
  if (w.startsWith(q) && q.length >= 3) return 0.8;
  const d = boundedLevenshtein(q, w, 2);
  return d <= 2 ? Math.max(0, 0.7 - 0.2 * d) : 0;
}

/** How well the query words match a name: summed best word scores, minus a little per extra word. */
export function nameMatchScore(queryWords: readonly string[], name: string): number {
  const nameW = words(name);
  if (nameW.length === 0) return 0;
  let score = 0;
  for (const q of queryWords) score += Math.max(0, ...nameW.map((w) => wordScore(q, w)));
  return score - 0.01 * Math.max(0, nameW.length - queryWords.length);
}

/** The canonical name or alias that best matches `text`. */
export function bestMatchingName(text: string, name: string, aliases: readonly string[]): string {
  const queryWords = words(text);
  let best = name;
  let bestScore = nameMatchScore(queryWords, name);
  for (const alias of aliases) {
    const s = nameMatchScore(queryWords, alias);
    if (s > bestScore + 1e-9) {
      best = alias;
      bestScore = s;
    }
  }
  return best;
}
