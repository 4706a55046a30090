/**
 * Events as a CSV with ACLED-like columns, one row per event: dates and their precision, ACLED
 * event and sub-event type, actors (perpetrators; other participants as associated actors; the
 * targets and victims as actor 2), admin1/admin2 (governorate/district), location and its
 * precision, fatalities low/best/high under the aggregate rules (docs/aggregates.md) with the
 * rule, who claims them and from which documents, and notes that quote the documents.
 */
import { stringify } from 'csv-stringify/sync';
import { bucketEstimate, type AggEvent } from '../analysis/casualties.js';
import type { ExportData } from './model.js';
import type { Sink } from './sink.js';

export const ACLED_COLUMNS = [
  'event_id', 'event_date', 'end_date', 'time_precision', 'event_type', 'sub_event_type', 'actor1', 'assoc_actor_1',
  'actor2', 'admin1', 'admin2', 'location', 'geo_precision', 'fatalities_low', 'fatalities_best', 'fatalities_high',
  'fatalities_rule', 'claimant', 'source', 'certainty', 'notes',
] as const;

// ACLED: 1 = the day is known, 2 = within a week or so, 3 = only the month (or coarser).
const TIME_PRECISION: Record<string, number> = { day: 1, week: 2, month: 3, year: 3 };
// ACLED: 1 = the named place, 2 = near it, 3 = only the region.
const GEO_PRECISION: Record<string, number> = { exact: 1, near: 2, region: 3 };

const ofType = (e: Record<string, any>, type: string): string[] => {
  const names = new Set<string>();
  for (const p of e.places ?? []) {
    if (p.placeType === type) names.add(p.name);
    for (const w of p.within ?? []) if (w.placeType === type) names.add(w.name);
  }
  return [...names].sort();
};

/** Writes the events CSV; returns the row count. */
export async function writeAcledEvents(data: ExportData, sink: Sink): Promise<{ events: number }> {
  const sources = await data.sources();
  sink.push(stringify([[...ACLED_COLUMNS]]));
  const events = await data.events(async (e) => {
    const parts: { id: string; name: string; role: string }[] = e.participants ?? [];
    const perpetrators = parts.filter((p) => p.role === 'perpetrator').map((p) => p.name).sort();
    const targets = parts.filter((p) => p.role === 'target' || p.role === 'victim').map((p) => p.name).sort();
    const others = parts.filter((p) => !['perpetrator', 'target', 'victim'].includes(p.role)).map((p) => `${p.name} (${p.role})`).sort();
    const claims = (e.claims ?? []).map((c: any) => ({ ...c, claimant: c.claimant ?? null, claimedById: c.claimedById ?? null }));
    const agg: AggEvent = { ...(e as AggEvent), startDate: String(e.startDate), endDate: String(e.endDate ?? e.startDate), claims };
    const { estimate } = bucketEstimate([{ event: agg, claims }], sources);
    const cites = (e.citationSources ?? []).map((s: string, i: number) => `${s}: “${e.citationQuotes?.[i] ?? ''}”`);
    const figureCites = claims.map((c: any) => `${c.sourceId}: ${c.claimant ? `${c.claimant} — ` : ''}“${(c.citationQuotes ?? [])[0] ?? ''}”`);
    sink.push(stringify([[
      e.id, e.startDate, e.endDate, TIME_PRECISION[e.datePrecision] ?? 3, e.eventType ?? '', e.subEventType ?? '',
      perpetrators[0] ?? '', [...perpetrators.slice(1), ...others].join('; '), targets.join('; '),
      ofType(e, 'governorate').join('; '), ofType(e, 'district').join('; '),
      (e.places ?? []).map((p: any) => p.name).join('; '), GEO_PRECISION[e.placePrecision] ?? '',
      estimate?.low ?? '', estimate?.best ?? '', estimate?.high ?? '', estimate ? [...estimate.rules].join('; ') : '',
      [...new Set(claims.map((c: any) => c.claimant ?? `stated by ${c.sourceId}`))].join('; '),
      [...new Set([...(e.citationSources ?? []), ...claims.map((c: any) => c.sourceId)])].join('; '),
      e.certainty ?? '', [e.description ?? '', ...cites, ...figureCites].filter(Boolean).join(' | '),
    ]]));
    await sink.flush();
  });
  await sink.flush(true);
  return { events };
}
