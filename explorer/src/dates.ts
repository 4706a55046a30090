/** Dates as the documents give them: YYYY, YYYY-MM or YYYY-MM-DD. */

/** The first and last month (YYYY-MM) a date covers. */
export function monthSpan(date: string): [string, string] {
  if (/^\d{4}$/.test(date)) return [`${date}-01`, `${date}-12`];
  const m = date.slice(0, 7);
  return [m, m];
}

/** Every month from the earliest to the latest of `dates` (nulls ignored), in order. */
export function monthsBetween(dates: (string | null | undefined)[]): string[] {
  const spans = dates.filter((d): d is string => !!d && /^\d{4}/.test(d)).map(monthSpan);
  if (spans.length === 0) return [];
  let first = spans[0]![0];
  let last = spans[0]![1];
  for (const [a, b] of spans) {
    if (a < first) first = a;
    if (b > last) last = b;
  }
  const out: string[] = [];
  let [y, mo] = first.split('-').map(Number) as [number, number];
  for (let guard = 0; guard < 600; guard++) {
    const key = `${y}-${String(mo).padStart(2, '0')}`;
    out.push(key);
    if (key >= last) break;
    mo += 1;
    if (mo > 12) { mo = 1; y += 1; }
  }
  return out;
}

/** Days since 1970 of a YYYY-MM-DD date (UTC). */
export function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
}

/** The first day (YYYY-MM-DD) a YYYY, YYYY-MM or YYYY-MM-DD date covers. */
export function firstDay(date: string): string {
  if (/^\d{4}$/.test(date)) return `${date}-01-01`;
  if (/^\d{4}-\d{2}$/.test(date)) return `${date}-01`;
  return date.slice(0, 10);
}

/** The last day (YYYY-MM-DD) such a date covers. */
export function lastDay(date: string): string {
  if (/^\d{4}$/.test(date)) return `${date}-12-31`;
  if (/^\d{4}-\d{2}$/.test(date)) {
    const [y, m] = date.split('-').map(Number) as [number, number];
    return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  }
  return date.slice(0, 10);
}
