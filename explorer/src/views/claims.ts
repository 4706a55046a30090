/**
 * The figures: for each event, measure and victims, every claim side by side (claimant, as of,
 * document, value or range), contested ones first, and a small chart of how the figure moved
 * across documents — a later revision of an article beside the earlier one.
 * #/claims?about=<event>&all=yes
 */
import { gql, type NamedRef } from '../api.js';
import { CITATION_FIELDS, citationList, emptyState, entityLink, errorBox, hedgeBadge, nameInput, pageTitle, sourceHref, type Citation } from '../components.js';
import { h, replace, s } from '../dom.js';
import { go, href, type Route } from '../router.js';

interface Claim {
  id: string;
  measure: string;
  victims: string;
  value: number | null;
  low: number | null;
  high: number | null;
  qualifier: string;
  figure: string;
  asOf: string | null;
  certainty: string;
  description: string | null;
  about: NamedRef | null;
  claimedBy: NamedRef | null;
  source: { id: string; title: string; asOf: string | null; revisionOf: { id: string } | null } | null;
  conflictsWith: { id: string }[];
  citations: Citation[];
}

const QUERY = `query Claims($about: String) {
  claims(about: $about) {
    id measure victims value low high qualifier figure asOf certainty description
    about { id kind name } claimedBy { id kind name }
    source { id title asOf revisionOf { id } }
    conflictsWith { id }
    ${CITATION_FIELDS}
  }
}`;

interface Group {
  key: string;
  about: NamedRef | null;
  measure: string;
  victims: string;
  claims: Claim[];
  contested: boolean;
}

/** Documents in reading order: an earlier revision before the one that revises it, else by asOf. */
function documentOrder(claims: Claim[]): string[] {
  const docs = new Map<string, Claim['source']>();
  for (const c of claims) if (c.source) docs.set(c.source.id, c.source);
  const depth = (id: string, seen = new Set<string>()): number => {
    const d = docs.get(id);
    if (!d?.revisionOf || seen.has(id)) return 0;
    seen.add(id);
    return 1 + depth(d.revisionOf.id, seen);
  };
  return [...docs.keys()].sort((a, b) => (docs.get(a)?.asOf ?? '').localeCompare(docs.get(b)?.asOf ?? '') || depth(a) - depth(b) || a.localeCompare(b));
}

function chart(group: Group): SVGSVGElement | null {
  const claims = group.claims.filter((c) => c.value !== null || (c.low !== null && c.high !== null));
  if (claims.length < 2) return null;
  const order = documentOrder(claims);
  const sorted = [...claims].sort((a, b) => order.indexOf(a.source?.id ?? '') - order.indexOf(b.source?.id ?? '') || (a.value ?? a.low ?? 0) - (b.value ?? b.low ?? 0));
  const max = Math.max(...sorted.map((c) => c.high ?? c.value ?? 0));
  const W = 640;
  const left = 300;
  const rowH = 24;
  const H = 16 + sorted.length * rowH + 22;
  const x = (v: number) => left + (v / (max || 1)) * (W - left - 70);
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': `${group.measure} ${group.victims}: the figures by document`, class: 'figure-chart' });
  let prevDoc = '';
  sorted.forEach((c, i) => {
    const y = 10 + i * rowH;
    const doc = c.source?.id ?? '';
    if (doc !== prevDoc && i > 0) svg.append(s('line', { x1: 8, x2: W - 8, y1: y - 2, y2: y - 2, stroke: '#d0d7de', 'stroke-dasharray': '3 3' }));
    prevDoc = doc;
    const who = c.claimedBy?.name ?? 'the document';
    svg.append(s('text', { x: left - 8, y: y + 15, 'text-anchor': 'end', 'font-size': 11, fill: '#1f2328' }, `${doc}${c.asOf ? ` (${c.asOf})` : ''} · ${who.length > 26 ? `${who.slice(0, 25)}…` : who}`));
    const colour = c.certainty === 'stated' ? '#0b5cad' : '#b07d00';
    if (c.low !== null && c.high !== null && c.value === null) {
      svg.append(s('rect', { x: x(c.low), y: y + 5, width: Math.max(3, x(c.high) - x(c.low)), height: rowH - 10, fill: colour, 'fill-opacity': 0.35, stroke: colour }));
      svg.append(s('text', { x: x(c.high) + 6, y: y + 15, 'font-size': 11, fill: '#1f2328' }, c.figure));
    } else {
      svg.append(s('rect', { x: left, y: y + 6, width: Math.max(2, x(c.value!) - left), height: rowH - 12, fill: colour, 'fill-opacity': c.qualifier === 'exact' ? 0.85 : 0.55 }));
      svg.append(s('text', { x: x(c.value!) + 6, y: y + 15, 'font-size': 11, fill: '#1f2328' }, c.figure));
    }
  });
  svg.append(s('text', { x: left, y: H - 6, 'font-size': 10, fill: '#5b636e' }, 'bars: blue stated by the document, amber claimed or reported; ranges drawn as spans'));
  return svg;
}

export async function renderClaims(root: HTMLElement, route: Route, signal: AbortSignal): Promise<void> {
  const about = route.params.get('about') ?? '';
  const all = route.params.get('all') === 'yes';
  const form = h('form', { class: 'toolbar', onsubmit: (ev: Event) => {
    ev.preventDefault();
    const fd = new FormData(ev.target as HTMLFormElement);
    go(href('claims', [], { about: String(fd.get('about') ?? '').trim(), all: fd.get('all') ? 'yes' : undefined }));
  } },
  nameInput({ name: 'about', label: 'About an event (and its sub-events); empty for all', value: about, placeholder: 'e.g. March 2025 Western Syria clashes', kinds: ['Event'] }),
  h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'all', checked: all }), ' also uncontested figures'),
  h('button', { type: 'submit' }, 'Show'));
  replace(root, pageTitle('Claims'), form, h('p', { class: 'loading' }, 'Loading figures…'));
  let claims: Claim[];
  try {
    claims = (await gql<{ claims: Claim[] }>(QUERY, { about: about || null }, signal)).claims;
  } catch (err) {
    replace(root, pageTitle('Claims'), form, errorBox(err, (c) => href('claims', [], { about: c.id })));
    return;
  }
  if (signal.aborted) return;
  const groups = new Map<string, Group>();
  for (const c of claims) {
    const key = `${c.about?.id ?? '-'}|${c.measure}|${c.victims}`;
    const g = groups.get(key) ?? { key, about: c.about, measure: c.measure, victims: c.victims, claims: [], contested: false };
    g.claims.push(c);
    if (c.conflictsWith.length > 0) g.contested = true;
    groups.set(key, g);
  }
  const list = [...groups.values()].filter((g) => all || g.contested);
  list.sort((a, b) => Number(b.contested) - Number(a.contested) || b.claims.length - a.claims.length);
  const contestedCount = [...groups.values()].filter((g) => g.contested).length;
  const status = h('p', { class: 'muted', role: 'status' }, `${claims.length} figures in ${groups.size} groups (event, measure, victims); ${contestedCount} contested: the documents or claimants disagree.`,
    !all && groups.size > contestedCount ? [' ', h('a', { href: href('claims', [], { about, all: 'yes' }) }, 'Show all figures')] : null);
  if (list.length === 0) {
    replace(root, pageTitle('Claims'), form, status, emptyState(claims.length === 0 ? 'No figures are recorded about this.' : 'No contested figures here.', all ? '' : h('a', { href: href('claims', [], { about, all: 'yes' }) }, 'Show the uncontested ones')));
    return;
  }
  replace(root, pageTitle(about && claims[0]?.about ? `Claims: ${claims[0].about.name}` : 'Claims'), form, status,
    list.map((g) => {
      const order = documentOrder(g.claims);
      const rows = [...g.claims].sort((a, b) => order.indexOf(a.source?.id ?? '') - order.indexOf(b.source?.id ?? '') || (a.claimedBy?.name ?? '').localeCompare(b.claimedBy?.name ?? ''));
      const revisions = rows.map((c) => c.source).filter((src, i, arr) => src?.revisionOf && arr.some((o) => o?.id === src.revisionOf!.id) && arr.findIndex((o) => o?.id === src.id) === i);
      const svg = g.claims.length > 1 ? chart(g) : null;
      return h('section', { class: 'claim-group', 'data-key': g.key },
        h('h2', {}, g.about ? entityLink(g.about) : 'No event', ` — ${g.measure}, ${g.victims.replace(/_/g, ' ')}`, g.contested ? h('span', { class: 'hedge hedge-disputed', style: 'margin-left:8px' }, 'contested') : null),
        revisions.length > 0 ? h('p', { class: 'muted' }, revisions.map((r) => `${r!.id} is a later revision of ${r!.revisionOf!.id}`).join('; '), ': how the figure changed between them is below.') : null,
        h('table', { class: 'claims-table' },
          h('thead', {}, h('tr', {}, h('th', {}, 'Figure'), h('th', {}, 'Claimed by'), h('th', {}, 'As of'), h('th', {}, 'Document'), h('th', {}, 'Certainty'), h('th', {}, 'Quote'))),
          h('tbody', {}, rows.map((c) => h('tr', { class: c.conflictsWith.length ? 'contested' : '', 'data-id': c.id },
            h('td', { class: 'num' }, c.figure),
            h('td', {}, c.claimedBy ? entityLink(c.claimedBy) : h('span', { class: 'muted' }, 'the document itself')),
            h('td', {}, c.asOf ?? ''),
            h('td', {}, c.source ? h('a', { href: c.citations[0] ? sourceHref(c.source.id, c.citations[0].quote) : href('source', [c.source.id]) }, c.source.id) : ''),
            h('td', {}, hedgeBadge(c.certainty)),
            h('td', {}, c.description ? h('p', { class: 'note' }, c.description) : null, h('details', {}, h('summary', {}, 'quote'), citationList(c.citations))))))),
        svg ? h('div', { class: 'chart' }, svg) : null);
    }));
}
