/**
 * Stage 3: dates, resolved against the document's own date with chrono-node. News reports date
 * by weekday ("on Thursday") and by week ("last week"): those resolve to the most recent such
 * day on or before the report, with precision `week` — the weekday is only as sure as the
 * report's date (the curators' convention in seed/data/news-reports.yaml). A month without a day
 * is `month`; a bare year ("in 2011") is `year`.
 */
import * as chrono from 'chrono-node';
import type { DateMention, Sentence } from './types.js';

/** The reference instant of a partial ISO date (the last day it covers, at noon UTC). */
export function referenceDate(asOf: string): Date {
  const [y, m, d] = asOf.split('-').map(Number);
  if (d !== undefined) return new Date(Date.UTC(y!, m! - 1, d, 12));
  if (m !== undefined) return new Date(Date.UTC(y!, m, 0, 12));
  return new Date(Date.UTC(y!, 11, 31, 12));
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

export function findDates(sentences: readonly Sentence[], asOf: string): DateMention[] {
  const ref = referenceDate(asOf);
  const out: DateMention[] = [];
  for (const s of sentences) {
    const taken: [number, number][] = [];
    for (const r of chrono.parse(s.text, { instant: ref, timezone: 0 }, { forwardDate: false })) {
      const c = r.start;
      // Times of day and bare numbers are not dates of events.
      if (!c.isCertain('day') && !c.isCertain('weekday') && !c.isCertain('month') && !/week|month|year/i.test(r.text)) continue;
      if (/^(?:now|today|tonight|currently|recently)$/i.test(r.text.trim())) continue; // the report's present, not an event's date
      let date = c.date();
      let precision: DateMention['precision'];
      let value: string;
      let why: string;
      if (c.isCertain('day')) {
        const relative = /\b(last|this|next|ago|yesterday|today)\b/i.test(r.text);
        precision = /week/i.test(r.text) ? 'week' : 'day';
        value = iso(date);
        why = relative ? `"${r.text}" relative to ${asOf}` : `"${r.text}" names the day${c.isCertain('year') ? '' : `; year taken from ${asOf}`}`;
      } else if (c.isCertain('weekday')) {
        if (iso(date) > iso(ref)) date = new Date(date.getTime() - 7 * 86_400_000); // the report's own weekday is that day
        precision = 'week';
        value = iso(date);
        why = `weekday "${r.text}": the last one on or before the report's date ${asOf}`;
      } else if (c.isCertain('month')) {
        precision = 'month';
        value = iso(date).slice(0, 7);
        why = `"${r.text}" names the month${c.isCertain('year') ? '' : `; year taken from ${asOf}`}`;
      } else {
        continue;
      }
      if (precision === 'day' && date.getTime() > ref.getTime() + 86_400_000) continue; // "after several days": not a date the report can know
      taken.push([r.index, r.index + r.text.length]);
      out.push({ sentence: s.index, text: r.text.replace(/[\s,.;:]+$/, ''), value, precision, why });
    }
    for (const m of s.text.matchAll(/\b(?:in|since|of|until|by)\s+((?:19|20)\d\d)\b(?![-\d])/g)) {
      const at = m.index + m[0].length - 4;
      if (taken.some(([a, b]) => at >= a && at < b)) continue;
      out.push({ sentence: s.index, text: m[1]!, value: m[1]!, precision: 'year', why: `a year on its own ("${m[0]}")` });
    }
  }
  return out;
}
