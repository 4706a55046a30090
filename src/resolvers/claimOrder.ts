/**
 * Putting conflicting figures side by side: claims are ordered by the event they are about (by
 * date), then measure and victims, so that every figure for "civilians killed in X" is adjacent;
 * each claim also lists the others in its group whose figure differs (`conflictsWith`).
 */
import type { ClaimModel } from './model.js';

const groupKey = (c: ClaimModel) => JSON.stringify([c.aboutId, c.measure, c.victims]);
const figureKey = (c: ClaimModel) => JSON.stringify([c.qualifier, c.value, c.low, c.high]);

function compare(a: ClaimModel, b: ClaimModel): number {
  const keys = (c: ClaimModel) => [c.aboutStart ?? '9999', c.aboutId ?? '', c.measure, c.victims, c.asOf ?? '', c.sourceId ?? '', c.id];
  const ka = keys(a);
  const kb = keys(b);
  for (let i = 0; i < ka.length; i++) {
    const d = ka[i]!.localeCompare(kb[i]!);
    if (d !== 0) return d;
  }
  return 0;
}

/** Sorts claims side by side and fills in `conflictsWith`; returns a new array. */
export function markConflicts(claims: readonly ClaimModel[]): ClaimModel[] {
  const sorted = [...claims].sort(compare);
  const groups = new Map<string, ClaimModel[]>();
  for (const c of sorted) {
    const g = groups.get(groupKey(c)) ?? [];
    g.push(c);
    groups.set(groupKey(c), g);
  }
  for (const c of sorted) {
    c.conflictsWith = (groups.get(groupKey(c)) ?? []).filter((o) => o !== c && figureKey(o) !== figureKey(c));
  }
  return sorted;
}
