/** Edit distance between words, for telling a spelling variant from a different word. */

/** Levenshtein distance, capped: anything above `max` is reported as max + 1. */
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

/**
 * Two folded words with one transliteration skeleton are the same word only when they are also
 * close: at most 1 edit apart, 2 from 7 letters on (Hmeimim/Khmeimim, Tahreer/Tahrir), so that
 * ordinary words whose skeletons collide ("homes", "Hamas") stay apart.
 */
export function closeSpelling(a: string, b: string): boolean {
  if (a === b) return true;
  const max = Math.max(a.length, b.length) >= 7 ? 2 : 1;
  return boundedLevenshtein(a, b, max) <= max;
}
