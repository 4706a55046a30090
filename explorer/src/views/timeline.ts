/**
 * Events in a place (and every place inside it) over a date range, one row per event on a time
 * axis, coloured by ACLED event type. A date known only to the month or week is drawn as the
 * whole span it may fall in, hatched; a day as a dot. #/timeline?place=…&from=…&to=…
 */
import { gql } from '../api.js';
import { emptyState, entityLink, errorBox, hedgeBadge, nameInput, pageTitle } from '../components.js';
import { h, replace, s } from '../dom.js';
import { dayNumber, firstDay, lastDay } from '../dates.js';
import { acledColour } from '../kinds.js';
import { go, href, type Route } from '../router.js';

interface EventNode {
  id: string;
  kind: string;
  name: string;
  eventType: string | null;
  subEventType: string | null;
  start: string | null;
  end: string | null;
  startDate: string | null;
  endDate: string | null;
  datePrecision: string | null;
  certainty: string;
  claimedBy: { id: string; name: string } | null;
  place: { id: string; kind: string; name: string } | null;
}

const QUERY = `query Timeline($filter: EventFilter, $after: String) {
  events(filter: $filter, first: 100, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id kind name eventType subEventType start end startDate endDate datePrecision certainty claimedBy { id name } place { id kind name } } }
  }
}`;
const PLACE_QUERY = 'query Place($name: String!) { entity(name: $name) { id kind name } }';
const MAX_EVENTS = 500;

export async function renderTimeline(root: HTMLElement, route: Route, signal: AbortSignal): Promise<void> {
  const p = route.params;
  const place = p.get('place') ?? '';
  const from = p.get('from') ?? '';
  const to = p.get('to') ?? '';
  const conflicts = p.get('conflicts') === 'yes';
  const form = h('form', { class: 'toolbar', onsubmit: (ev: Event) => {
    ev.preventDefault();
    const fd = new FormData(ev.target as HTMLFormElement);
    go(href('timeline', [], { place: String(fd.get('place') ?? '').trim(), from: String(fd.get('from') ?? '').trim(), to: String(fd.get('to') ?? '').trim(), conflicts: fd.get('conflicts') ? 'yes' : undefined }));
  } },
  nameInput({ name: 'place', label: 'Place (and everything inside it)', value: place, placeholder: 'e.g. Latakia Governorate', kinds: ['Place'] }),
  h('label', { class: 'field' }, h('span', {}, 'From'), h('input', { type: 'text', name: 'from', value: from, placeholder: 'YYYY-MM(-DD)', size: 11, pattern: '\\d{4}(-\\d{2}){0,2}' })),
  h('label', { class: 'field' }, h('span', {}, 'To'), h('input', { type: 'text', name: 'to', value: to, placeholder: 'YYYY-MM(-DD)', size: 11, pattern: '\\d{4}(-\\d{2}){0,2}' })),
  h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'conflicts', checked: conflicts }), ' include umbrella conflicts'),
  h('button', { type: 'submit' }, 'Show'));

  if (!place) {
    replace(root, pageTitle('Timeline'), form, emptyState('Name a place to see what happened there and in the places inside it.',
      h('a', { href: href('timeline', [], { place: 'latakia-governorate' }) }, 'Example: Latakia Governorate'), ' · ',
      h('a', { href: href('timeline', [], { place: 'tartus-governorate', from: '2024-12', to: '2024-12' }) }, 'Tartus Governorate in December 2024')));
    return;
  }
  replace(root, pageTitle('Timeline'), form, h('p', { class: 'loading' }, 'Loading events…'));
  let placeRef: { id: string; kind: string; name: string };
  const events: EventNode[] = [];
  let total = 0;
  try {
    placeRef = (await gql<{ entity: { id: string; kind: string; name: string } }>(PLACE_QUERY, { name: place }, signal)).entity;
    const filter: Record<string, unknown> = { place };
    if (from) filter.from = from;
    if (to) filter.to = to;
    let after: string | null = null;
    do {
      const page: { events: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: EventNode }[] } } =
        await gql(QUERY, { filter, after }, signal);
      total = page.events.totalCount;
      events.push(...page.events.edges.map((e) => e.node));
      after = page.events.pageInfo.hasNextPage ? page.events.pageInfo.endCursor : null;
    } while (after && events.length < MAX_EVENTS);
  } catch (err) {
    replace(root, pageTitle('Timeline'), form, errorBox(err, (c) => href('timeline', [], { place: c.id, from, to })));
    return;
  }
  if (signal.aborted) return;
  if (placeRef.kind !== 'Place') {
    replace(root, pageTitle('Timeline'), form, emptyState(`${placeRef.name} is a ${placeRef.kind}, not a place.`, entityLink(placeRef)));
    return;
  }
  (form.querySelector('input[name="place"]') as HTMLInputElement).value = placeRef.name;
  const shown = events.filter((e) => e.startDate && e.endDate && (conflicts || e.eventType !== 'Conflict'));
  const title = pageTitle(`Timeline: ${placeRef.name}`);
  if (shown.length === 0) {
    replace(root, title, form, emptyState(`No event in ${placeRef.name} or inside it${from || to ? ' in that date range' : ''}.`));
    return;
  }
  const chart = drawTimeline(shown, from, to);
  const types = [...new Set(shown.map((e) => e.eventType ?? 'unknown'))];
  const legend = h('ul', { class: 'legend inline', 'aria-label': 'ACLED event types' }, types.map((t) => h('li', {}, h('span', { class: 'swatch', style: `background:${acledColour(t)}` }), t)),
    h('li', {}, h('span', { class: 'swatch', style: 'background:repeating-linear-gradient(45deg,#999 0 2px,#fff 2px 4px);border-radius:2px' }), 'date known only to the week, month or year: the whole span is drawn'));
  const table = h('table', { class: 'events', id: 'timeline-table' },
    h('thead', {}, h('tr', {}, h('th', {}, 'When'), h('th', {}, 'Event'), h('th', {}, 'ACLED type'), h('th', {}, 'Where'), h('th', {}, 'Certainty'))),
    h('tbody', {}, shown.map((e) => h('tr', { 'data-id': e.id },
      h('td', { class: 'date-cell' }, e.start === e.end || !e.end ? e.start : `${e.start} – ${e.end}`, e.datePrecision && e.datePrecision !== 'day' ? h('span', { class: 'muted' }, ` (${e.datePrecision})`) : null),
      h('td', {}, entityLink(e)),
      h('td', {}, h('span', { class: 'swatch', style: `background:${acledColour(e.eventType)}` }), e.eventType ?? '', e.subEventType ? h('span', { class: 'muted' }, ` · ${e.subEventType}`) : null),
      h('td', {}, e.place ? entityLink(e.place) : ''),
      h('td', {}, hedgeBadge(e.certainty, e.claimedBy))))));
  replace(root, title, form,
    h('p', { class: 'muted', role: 'status' }, `${shown.length} event${shown.length > 1 ? 's' : ''} in ${placeRef.name} and the places inside it${total > events.length ? ` (the first ${events.length} of ${total})` : ''}${!conflicts && events.some((e) => e.eventType === 'Conflict') ? '; umbrella conflicts hidden' : ''}. Click a bar for the event.`),
    legend, h('div', { class: 'timeline' }, chart), table);
}

function drawTimeline(events: EventNode[], from: string, to: string): SVGSVGElement {
  const first = Math.min(...events.map((e) => dayNumber(e.startDate!)));
  const last = Math.max(...events.map((e) => dayNumber(e.endDate!)));
  // The axis covers the events, clipped to the asked range when one is given.
  const lo = from ? Math.max(first, dayNumber(firstDay(from))) : first;
  const hi = to ? Math.min(last, dayNumber(lastDay(to))) : last;
  const span = Math.max(1, hi - lo + 1);
  const W = 1100;
  const left = 250;
  const rowH = 20;
  const top = 28;
  const H = top + events.length * rowH + 10;
  const x = (day: number) => left + ((Math.min(Math.max(day, lo), hi + 1) - lo) / span) * (W - left - 20);
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': `Timeline of ${events.length} events`, id: 'timeline-chart' },
    s('defs', {}, s('pattern', { id: 'hatch', width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' }, s('rect', { width: 6, height: 6, fill: 'white', 'fill-opacity': 0.55 }), s('line', { x1: 0, y1: 0, x2: 0, y2: 6, stroke: 'white', 'stroke-width': 3 }))));
  // Month ticks.
  const start = new Date(lo * 86_400_000);
  for (let d = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), 1)); d.getTime() / 86_400_000 <= hi; d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1))) {
    const day = d.getTime() / 86_400_000;
    if (day < lo) continue;
    const px = x(day);
    svg.append(s('line', { x1: px, y1: top - 6, x2: px, y2: H - 6, stroke: '#d0d7de' }), s('text', { x: px + 3, y: 16, 'font-size': 11, fill: '#5b636e' }, d.toISOString().slice(0, 7)));
  }
  events.forEach((e, i) => {
    const y = top + i * rowH;
    const a = dayNumber(e.startDate!);
    const b = dayNumber(e.endDate!);
    const colour = acledColour(e.eventType);
    const imprecise = e.datePrecision !== 'day' || b > a;
    const link = s('a', { href: href('entity', [e.id]), class: 'event-bar', 'data-id': e.id, 'aria-label': `${e.name}, ${e.start}${e.end && e.end !== e.start ? ` to ${e.end}` : ''}` });
    link.append(s('title', {}, `${e.name}\n${e.start}${e.end && e.end !== e.start ? ` – ${e.end}` : ''} · ${e.eventType ?? ''}${e.subEventType ? ` / ${e.subEventType}` : ''}`));
    link.append(s('text', { x: left - 8, y: y + 13, 'text-anchor': 'end', 'font-size': 11, fill: '#1f2328' }, e.name.length > 38 ? `${e.name.slice(0, 37)}…` : e.name));
    if (imprecise) {
      const w = Math.max(4, x(b + 1) - x(a));
      link.append(s('rect', { x: x(a), y: y + 4, width: w, height: rowH - 8, rx: 3, fill: colour, 'fill-opacity': 0.8 }));
      if (e.datePrecision !== 'day') link.append(s('rect', { x: x(a), y: y + 4, width: w, height: rowH - 8, rx: 3, fill: 'url(#hatch)' }));
    } else {
      link.append(s('circle', { cx: x(a) + 2, cy: y + rowH / 2, r: 6, fill: colour, stroke: '#fff', 'stroke-width': 1.5 }));
    }
    svg.append(link);
  });
  return svg;
}

