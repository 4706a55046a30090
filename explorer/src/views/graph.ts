/**
 * The neighbourhood of an entity, drawn with cytoscape and the fcose force layout: coloured by
 * kind (as Neo4j Browser's style), hedged links dashed, hubs the API collapsed drawn as double
 * rings. Click a node to expand it, an edge for its evidence; filter by relationship type and
 * by date, and "as known on" a document's date (the API's asOf). State lives in the URL:
 * #/graph/<id>?depth=2&expand=a,b&hide=TYPE&from=…&to=…&asOf=YYYY-MM-DD
 */
import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { gql, type NamedRef } from '../api.js';
import { CITATION_FIELDS, citationList, emptyState, entityLink, errorBox, hedgeBadge, nameInput, pageTitle, type Citation } from '../components.js';
import { h, replace } from '../dom.js';
import { graphStyle } from '../graphStyle.js';
import { isHedged, kindColour, KINDS } from '../kinds.js';
import { go, href, type Route } from '../router.js';
import { monthSpan, monthsBetween } from '../dates.js';
import { RELATION_EXTRA_FIELDS, relationWords, timeSpan, type RelationExtra } from '../relationWords.js';

cytoscape.use(fcose);

interface GNode {
  id: string;
  kind: string;
  name: string;
  distance: number;
  collapsed: boolean;
}
interface GEdge extends RelationExtra {
  id: string;
  type: string;
  from: string;
  to: string;
  certainty: string;
  date: string | null;
  role: string | null;
  citations: Citation[];
}
interface Subgraph {
  center: NamedRef;
  nodes: GNode[];
  edges: GEdge[];
  truncated: boolean;
}

const QUERY = `query Neighbourhood($name: String!, $depth: Int, $first: Int, $maxDegree: Int, $asOf: String) {
  neighbourhood(name: $name, depth: $depth, first: $first, maxDegree: $maxDegree, asOf: $asOf) {
    truncated center { id kind name }
    nodes { id kind name distance collapsed }
    edges { id type from to certainty date role ${RELATION_EXTRA_FIELDS} ${CITATION_FIELDS} }
  }
}`;

/** The documents and the day each is certainly published: the choices of "as known on". */
const SOURCES = '{ sources { id title knownFrom } }';
interface SourceDate {
  id: string;
  title: string;
  knownFrom: string | null;
}

/** Entities with more links than this are drawn as hubs, not walked through (the URL's `hub`). */
const DEFAULT_HUB = 40;
const DEFAULT_FIRST = 150;

/** What the last drawing took, for the note and the tests (window.__explorerGraph). */
export interface DrawStats {
  nodes: number;
  edges: number;
  fetchMs: number;
  drawMs: number;
}
declare global {
  interface Window {
    __explorerGraph?: { cy: Core; stats: DrawStats };
  }
}

function nodeElement(n: GNode, distanceFromCentre: number): ElementDefinition {
  return { group: 'nodes', data: { id: n.id, kind: n.kind, name: n.name, label: n.collapsed ? `${n.name} (hub)` : n.name, distance: distanceFromCentre, collapsed: n.collapsed } };
}
function edgeElement(e: GEdge): ElementDefinition {
  return {
    group: 'edges',
    data: { id: e.id, source: e.from, target: e.to, type: e.type, label: e.role ?? e.predicate ?? e.type.replace(/_/g, ' ').toLowerCase(), hedged: isHedged(e.certainty), certainty: e.certainty, date: e.date ?? '', role: e.role ?? '' },
  };
}

function clampInt(raw: string | null, fallback: number, lo: number, hi: number): number {
  const n = raw === null ? NaN : Number.parseInt(raw, 10);
  return Number.isFinite(n) ? Math.min(hi, Math.max(lo, n)) : fallback;
}

export async function renderGraph(root: HTMLElement, route: Route, signal: AbortSignal): Promise<void> {
  const id = route.args[0];
  const depth = route.params.get('depth') === '2' ? 2 : 1;
  const params = route.params;
  const hub = clampInt(params.get('hub'), DEFAULT_HUB, 0, 10_000);
  const first = clampInt(params.get('first'), DEFAULT_FIRST, 1, 500);
  // "As known on": only what the documents published by then state (the API's asOf).
  const asOf = /^\d{4}-\d{2}-\d{2}$/.test(params.get('asOf') ?? '') ? params.get('asOf')! : '';
  const asOfSelect = h('select', { name: 'asOf' }, h('option', { value: '', selected: asOf === '' }, 'everything the documents say'));
  const form = h('form', { class: 'toolbar', onsubmit: (ev: Event) => {
    ev.preventDefault();
    const fd = new FormData(ev.target as HTMLFormElement);
    const name = String(fd.get('centre') ?? '').trim();
    const h = String(fd.get('hub') ?? DEFAULT_HUB);
    if (name) go(href('graph', [name], { depth: String(fd.get('depth') ?? '1'), hub: h === String(DEFAULT_HUB) ? undefined : h, asOf: String(fd.get('asOf') ?? '') }));
  } },
  nameInput({ name: 'centre', label: 'Centre', value: id ?? '', placeholder: 'e.g. Mohammad Kanjo Hassan' }),
  h('label', { class: 'field' }, h('span', {}, 'Depth'), h('select', { name: 'depth' }, h('option', { value: '1', selected: depth === 1 }, '1 hop'), h('option', { value: '2', selected: depth === 2 }, '2 hops'))),
  h('label', { class: 'field' }, h('span', {}, 'Hubs: entities with more links than'), h('select', { name: 'hub' }, [20, 40, 100, 500].map((n) => h('option', { value: n, selected: n === hub }, `${n} links`)))),
  h('label', { class: 'field' }, h('span', {}, 'As known on'), asOfSelect),
  h('button', { type: 'submit' }, 'Draw'));
  asOfSelect.addEventListener('change', () => form.requestSubmit());
  // The choices arrive with the documents' dates; the form works without them meanwhile.
  void gql<{ sources: SourceDate[] }>(SOURCES, {}, signal).then(({ sources }) => {
    const days = new Map<string, string[]>();
    for (const src of sources) if (src.knownFrom) days.set(src.knownFrom, [...(days.get(src.knownFrom) ?? []), `${src.title} (${src.id})`]);
    if (asOf && !days.has(asOf)) days.set(asOf, []);
    for (const day of [...days.keys()].sort()) {
      const docs = days.get(day)!;
      asOfSelect.append(h('option', { value: day, selected: day === asOf }, docs.length ? `${day}, when ${docs.join(' and ')} had appeared` : day));
    }
  }).catch(() => undefined);

  if (!id) {
    replace(root, pageTitle('Graph'), form, emptyState('Name an entity to draw its neighbourhood.', h('a', { href: href('graph', ['mohammad-kanjo-hassan']) }, 'Example: Mohammad Kanjo Hassan')));
    return;
  }
  replace(root, pageTitle('Graph'), form, h('p', { class: 'loading' }, 'Drawing…'));

  const t0 = performance.now();
  let sub: Subgraph;
  try {
    sub = (await gql<{ neighbourhood: Subgraph }>(QUERY, { name: id, depth, first, maxDegree: hub, asOf: asOf || null }, signal)).neighbourhood;
  } catch (err) {
    replace(root, pageTitle('Graph'), form, errorBox(err, (c) => href('graph', [c.id], { depth, asOf })));
    return;
  }
  if (signal.aborted) return;
  const fetchMs = performance.now() - t0;
  // A name resolved to an entity: keep its id in the URL so the link is stable.
  if (sub.center.id !== id) history.replaceState(null, '', href('graph', [sub.center.id], Object.fromEntries(params)));
  (form.querySelector('input[name="centre"]') as HTMLInputElement).value = sub.center.name;

  const edgesById = new Map<string, GEdge>();
  const nodesById = new Map<string, GNode>();
  const expanded = new Set((params.get('expand') ?? '').split(',').filter(Boolean));
  const addSubgraph = (s: Subgraph, cy?: Core) => {
    const added: ElementDefinition[] = [];
    for (const n of s.nodes) {
      if (nodesById.has(n.id)) {
        // Opening a hub: it is no longer collapsed.
        if (n.id === s.center.id && nodesById.get(n.id)!.collapsed) {
          nodesById.get(n.id)!.collapsed = false;
          cy?.$id(n.id).data({ collapsed: false, label: n.name });
        }
        continue;
      }
      nodesById.set(n.id, n);
      added.push(nodeElement(n, cy ? 9 : n.distance));
    }
    for (const e of s.edges) {
      if (edgesById.has(e.id)) continue;
      edgesById.set(e.id, e);
      added.push(edgeElement(e));
    }
    return added;
  };
  const elements = addSubgraph(sub);

  // The side panel: legend, filters, the selection's details, every node as a keyboard target.
  const details = h('section', { class: 'details', 'aria-live': 'polite', id: 'graph-details' }, h('p', { class: 'muted' }, 'Click a node to expand it, a link for its evidence.'));
  const typeBoxes = h('fieldset', { class: 'types' }, h('legend', {}, 'Relationship types'));
  const dateBox = h('fieldset', { class: 'dates' }, h('legend', {}, 'Dates'));
  const nodeList = h('ul', { class: 'node-list' });
  const canvas = h('div', { class: 'cy', id: 'cy', role: 'img', 'aria-label': `Graph of the neighbourhood of ${sub.center.name}` });
  const summary = h('p', { class: 'muted graph-summary', role: 'status' });
  const legend = h('section', { class: 'legend', 'aria-label': 'Legend' },
    h('h2', {}, 'Legend'),
    h('ul', {}, KINDS.map((k) => h('li', {}, h('span', { class: 'swatch', style: `background:${kindColour(k).fill};border-color:${kindColour(k).border}` }), k)),
      h('li', {}, h('span', { class: 'swatch hub' }), 'hub, not expanded (click to open)'),
      h('li', {}, h('span', { class: 'line solid' }), 'stated by the document'),
      h('li', {}, h('span', { class: 'line dashed' }), 'hedged: reported, claimed, alleged')));
  replace(root,
    pageTitle(`Graph: ${sub.center.name}`),
    form,
    h('div', { class: 'graph-layout' },
      h('div', { class: 'graph-main' }, summary, canvas),
      h('aside', { class: 'graph-side' }, details, legend, typeBoxes, dateBox, h('section', {}, h('h2', {}, 'Nodes'), nodeList))),
  );

  const cy = cytoscape({ container: canvas, elements, style: graphStyle(), minZoom: 0.2, maxZoom: 3 });
  window.__explorerGraph = { cy, stats: { nodes: 0, edges: 0, fetchMs, drawMs: 0 } };
  const layout = (randomize: boolean) => {
    const t = performance.now();
    cy.layout({ name: 'fcose', animate: false, randomize, quality: 'default', nodeRepulsion: () => 9000, idealEdgeLength: () => 90, nodeSeparation: 90, fit: true, padding: 30 } as cytoscape.LayoutOptions).run();
    return performance.now() - t;
  };

  // ---- filters: relationship types and a month range, both in the URL ----
  const hidden = new Set((params.get('hide') ?? '').split(',').filter(Boolean));
  let includeUndated = params.get('undated') !== 'no';
  const months = () => monthsBetween([...edgesById.values()].map((e) => e.date));
  let range: [string, string] | undefined;
  const syncUrl = () => {
    const m = months();
    const q: Record<string, string> = {};
    if (depth === 2) q.depth = '2';
    if (hub !== DEFAULT_HUB) q.hub = String(hub);
    if (first !== DEFAULT_FIRST) q.first = String(first);
    if (asOf) q.asOf = asOf;
    if (expanded.size) q.expand = [...expanded].join(',');
    if (hidden.size) q.hide = [...hidden].join(',');
    if (range && m.length && (range[0] !== m[0] || range[1] !== m[m.length - 1])) [q.from, q.to] = range;
    if (!includeUndated) q.undated = 'no';
    history.replaceState(null, '', href('graph', [sub.center.id], q));
  };
  const applyFilters = () => {
    cy.batch(() => {
      cy.edges().forEach((edge) => {
        const date = String(edge.data('date') ?? '');
        let show = !hidden.has(edge.data('type'));
        if (show && range) {
          if (!date) show = includeUndated;
          else {
            const [first, last] = monthSpan(date);
            show = last >= range[0] && first <= range[1];
          }
        }
        edge.toggleClass('filtered', !show);
      });
      // A node with no visible link left is hidden too (the centre stays).
      cy.nodes().forEach((node) => {
        const visible = node.id() === sub.center.id || node.connectedEdges().not('.filtered').length > 0;
        node.toggleClass('filtered', !visible);
      });
    });
    const shownNodes = cy.nodes().not('.filtered').length;
    const shownEdges = cy.edges().not('.filtered').length;
    canvas.dataset.nodes = String(shownNodes);
    canvas.dataset.edges = String(shownEdges);
    replace(summary, `${shownNodes} entities, ${shownEdges} links shown`, asOf ? ` · as known on ${asOf}: only what documents published by then state` : '', sub.truncated ? ` · not the whole neighbourhood: hubs (more than ${hub} links) are not walked through, or there were more than ${first} entities` : '');
    renderNodeList();
  };
  const renderTypeBoxes = () => {
    const counts = new Map<string, number>();
    for (const e of edgesById.values()) counts.set(e.type, (counts.get(e.type) ?? 0) + 1);
    replace(typeBoxes, h('legend', {}, 'Relationship types'),
      [...counts.entries()].sort().map(([type, n]) => {
        const box = h('input', { type: 'checkbox', name: 'type', value: type, checked: !hidden.has(type) });
        box.addEventListener('change', () => {
          if (box.checked) hidden.delete(type);
          else hidden.add(type);
          applyFilters();
          syncUrl();
        });
        return h('label', { class: 'check' }, box, ` ${type.replace(/_/g, ' ').toLowerCase()} `, h('span', { class: 'muted' }, `(${n})`));
      }));
  };
  const renderDateBox = () => {
    const m = months();
    if (m.length < 2) {
      replace(dateBox, h('legend', {}, 'Dates'), h('p', { class: 'muted' }, m.length ? `All dated links are in ${m[0]}.` : 'No link here is dated.'));
      return;
    }
    const from = params.get('from');
    const to = params.get('to');
    let lo = Math.max(0, from ? m.indexOf(from) : 0);
    let hi = to && m.includes(to) ? m.indexOf(to) : m.length - 1;
    range = [m[lo]!, m[hi]!];
    const loIn = h('input', { type: 'range', min: 0, max: m.length - 1, value: lo, 'aria-label': 'From month', name: 'from' });
    const hiIn = h('input', { type: 'range', min: 0, max: m.length - 1, value: hi, 'aria-label': 'To month', name: 'to' });
    const label = h('output', { class: 'range-label' });
    const undated = h('input', { type: 'checkbox', checked: includeUndated, name: 'undated' });
    const update = () => {
      lo = Number(loIn.value);
      hi = Number(hiIn.value);
      if (lo > hi) [lo, hi] = [hi, lo];
      range = [m[lo]!, m[hi]!];
      includeUndated = undated.checked;
      replace(label, `${range[0]} – ${range[1]}`);
      applyFilters();
      syncUrl();
    };
    for (const el of [loIn, hiIn, undated]) el.addEventListener('input', update);
    replace(dateBox, h('legend', {}, 'Dates'), label, h('label', { class: 'range' }, 'from ', loIn), h('label', { class: 'range' }, 'to ', hiIn), h('label', { class: 'check' }, undated, ' include undated links'));
    replace(label, `${range[0]} – ${range[1]}`);
  };
  function renderNodeList() {
    const nodes = cy.nodes().not('.filtered').sort((a, b) => a.data('distance') - b.data('distance') || String(a.data('name')).localeCompare(b.data('name')));
    replace(nodeList, nodes.map((n) => h('li', {},
      h('button', { type: 'button', class: 'node-button', 'data-id': n.id(), onclick: () => void select(n.id(), true) },
        h('span', { class: 'swatch', style: `background:${kindColour(n.data('kind')).fill}` }), n.data('name'), n.data('collapsed') ? ' (hub)' : ''))));
  }

  // ---- selection: a node expands, an edge shows its evidence ----
  const select = async (nodeId: string, focusCanvas = false) => {
    const node = cy.$id(nodeId);
    cy.elements().unselect();
    node.select();
    if (focusCanvas) cy.animate({ center: { eles: node } }, { duration: 200 });
    const n = nodesById.get(nodeId)!;
    replace(details, h('h2', {}, entityLink(n)), h('p', { class: 'muted' }, n.kind, n.collapsed ? ' · a hub: its own links were not followed' : ''),
      h('p', {}, h('a', { href: href('entity', [n.id]) }, 'Open its page'), ' · ', h('a', { href: href('graph', [n.id]) }, 'Centre the graph here')),
      h('p', { class: 'loading' }, 'Expanding…'));
    if (expanded.has(nodeId) || nodeId === sub.center.id && depth === 1 && !n.collapsed) {
      details.querySelector('.loading')?.remove();
      return;
    }
    try {
      const more = (await gql<{ neighbourhood: Subgraph }>(QUERY, { name: nodeId, depth: 1, first: 60, maxDegree: hub, asOf: asOf || null }, signal)).neighbourhood;
      if (signal.aborted) return;
      expanded.add(nodeId);
      node.data('expanded', true);
      const added = addSubgraph(more, cy);
      const before = cy.nodes().length;
      if (added.length) {
        const pos = node.position();
        cy.add(added.map((el) => (el.group === 'nodes' ? { ...el, position: { x: pos.x + (Math.random() - 0.5) * 60, y: pos.y + (Math.random() - 0.5) * 60 } } : el)));
        layout(false);
      }
      replace(details.querySelector('.loading') ?? h('p'), `${cy.nodes().length - before} new entities.`);
      renderTypeBoxes();
      renderDateBox();
      applyFilters();
      syncUrl();
    } catch (err) {
      details.querySelector('.loading')?.replaceWith(errorBox(err));
    }
  };
  const showEdge = (edgeId: string) => {
    const e = edgesById.get(edgeId)!;
    const a = nodesById.get(e.from)!;
    const b = nodesById.get(e.to)!;
    replace(details,
      h('h2', {}, e.type.replace(/_/g, ' ').toLowerCase()),
      h('p', {}, entityLink(a), ' ', h('span', { class: 'words' }, relationWords(e)), ' ', entityLink(b)),
      h('p', {}, e.date ? h('span', { class: 'date' }, e.date) : timeSpan(e) ? '' : h('span', { class: 'muted' }, 'undated'), ' ', hedgeBadge(e.certainty)),
      citationList(e.citations));
  };
  cy.on('tap', 'node', (ev) => void select(ev.target.id()));
  cy.on('tap', 'edge', (ev) => {
    cy.elements().unselect();
    ev.target.select();
    showEdge(ev.target.id());
  });

  renderTypeBoxes();
  renderDateBox();
  const t1 = performance.now();
  layout(true);
  applyFilters();
  window.__explorerGraph.stats = { nodes: cy.nodes().length, edges: cy.edges().length, fetchMs, drawMs: performance.now() - t1 };
  canvas.dataset.ready = 'true';
  // Expansions from a deep link, one after another.
  for (const x of [...expanded]) {
    if (signal.aborted) return;
    expanded.delete(x);
    if (cy.$id(x).nonempty()) await select(x);
  }
}
