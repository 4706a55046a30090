/**
 * How two entities are linked: the k shortest paths, drawn and listed, each step with its quote.
 * One click excludes an entity on a path and asks again (#/paths?from=…&to=…&exclude=a,b).
 */
import cytoscape, { type ElementDefinition } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { gql, type NamedRef } from '../api.js';
import { CITATION_FIELDS, citationList, emptyState, entityLink, errorBox, hedgeBadge, nameInput, pageTitle, type Citation } from '../components.js';
import { h, replace } from '../dom.js';
import { graphStyle } from '../graphStyle.js';
import { isHedged } from '../kinds.js';
import { go, href, type Route } from '../router.js';
import { RELATION_EXTRA_FIELDS, relationWords, type RelationExtra } from '../relationWords.js';

cytoscape.use(fcose);

interface Step extends Omit<RelationExtra, 'type'> {
  from: NamedRef;
  relation: string;
  direction: 'OUT' | 'IN';
  to: NamedRef;
  certainty: string;
  claimedBy: { id: string; name: string } | null;
  role: string | null;
  date: string | null;
  linkIds: string[];
  citations: Citation[];
}
interface PathData {
  length: number;
  steps: Step[];
}
/** What the search did not go through for its number of links (Query.pathSearch). */
interface Collapsed { entity: { id: string; kind: string; name: string }; links: number }

const QUERY = `query Paths($from: String!, $to: String!, $first: Int, $maxHops: Int, $exclude: [String!]) {
  pathSearch(from: $from, to: $to, first: $first, maxHops: $maxHops, exclude: $exclude) {
    paths {
      length
      steps { from { id kind name } relation direction to { id kind name } certainty claimedBy { id name } role date ${RELATION_EXTRA_FIELDS} linkIds ${CITATION_FIELDS} }
    }
    maxDegree
    collapsed { entity { id kind name } links }
    collapsedTruncated
  }
}`;

export async function renderPaths(root: HTMLElement, route: Route, signal: AbortSignal): Promise<void> {
  const p = route.params;
  const from = p.get('from') ?? '';
  const to = p.get('to') ?? '';
  const k = Math.min(20, Math.max(1, Number(p.get('k') ?? 5) || 5));
  const hops = Math.min(6, Math.max(1, Number(p.get('hops') ?? 4) || 4));
  const exclude = (p.get('exclude') ?? '').split(',').filter(Boolean);
  const ask = (over: Record<string, string | number | undefined>) =>
    href('paths', [], { from, to, k: k === 5 ? undefined : k, hops: hops === 4 ? undefined : hops, exclude: exclude.join(',') || undefined, ...over });

  const form = h('form', { class: 'toolbar', onsubmit: (ev: Event) => {
    ev.preventDefault();
    const fd = new FormData(ev.target as HTMLFormElement);
    go(href('paths', [], { from: String(fd.get('from') ?? '').trim(), to: String(fd.get('to') ?? '').trim(), k: String(fd.get('k')), hops: String(fd.get('hops')), exclude: exclude.join(',') || undefined }));
  } },
  nameInput({ name: 'from', label: 'From', value: from, placeholder: 'e.g. Suhayl al-Hasan' }),
  nameInput({ name: 'to', label: 'To', value: to, placeholder: 'e.g. General Security Service' }),
  h('label', { class: 'field' }, h('span', {}, 'Paths'), h('select', { name: 'k' }, [1, 3, 5, 10, 20].map((n) => h('option', { value: n, selected: n === k }, String(n))))),
  h('label', { class: 'field' }, h('span', {}, 'At most'), h('select', { name: 'hops' }, [1, 2, 3, 4, 5, 6].map((n) => h('option', { value: n, selected: n === hops }, `${n} link${n > 1 ? 's' : ''}`)))),
  h('button', { type: 'submit' }, 'Find paths'));
  const excludedBar = exclude.length === 0 ? null : h('p', { class: 'excluded' }, 'Not through: ',
    exclude.map((x) => h('a', { href: ask({ exclude: exclude.filter((y) => y !== x).join(',') || undefined }), class: 'button', title: 'Allow it again' }, `${x} ✕`)));

  if (!from || !to) {
    replace(root, pageTitle('Paths'), form, emptyState('Name two entities to see how the documents link them.', h('a', { href: href('paths', [], { from: 'Suhayl al-Hasan', to: 'General Security Service' }) }, 'Example: Suhayl al-Hasan → General Security Service')));
    return;
  }
  replace(root, pageTitle('Paths'), form, excludedBar, h('p', { class: 'loading' }, 'Looking for paths…'));
  let paths: PathData[];
  let skippedBar: HTMLElement | null = null;
  try {
    const found = (await gql<{ pathSearch: { paths: PathData[]; maxDegree: number; collapsed: Collapsed[]; collapsedTruncated: boolean } }>(QUERY, { from, to, first: k, maxHops: hops, exclude }, signal)).pathSearch;
    paths = found.paths;
    // Say what was not walked through, so that a missing path is explained rather than absent.
    if (found.collapsed.length > 0) {
      skippedBar = h('p', { class: 'excluded collapsed' }, `Not walked through (more than ${found.maxDegree.toLocaleString('en-US')} links each): `,
        found.collapsed.slice(0, 10).map((c) => h('span', {}, entityLink(c.entity), ` (${c.links.toLocaleString('en-US')}) `)),
        found.collapsed.length > 10 || found.collapsedTruncated ? '…' : '');
    }
  } catch (err) {
    replace(root, pageTitle('Paths'), form, excludedBar, errorBox(err, (c, arg) => ask({ [arg === 'to' ? 'to' : 'from']: c.name })));
    return;
  }
  if (signal.aborted) return;
  if (paths.length === 0) {
    replace(root, pageTitle('Paths'), form, excludedBar, skippedBar, emptyState(`No path of at most ${hops} links joins them${exclude.length ? ' without the excluded entities' : ''}${skippedBar ? ' and the entities not walked through' : ''}.`, hops < 6 ? h('a', { href: ask({ hops: hops + 1 }) }, `Allow ${hops + 1} links`) : ''));
    return;
  }
  const start = paths[0]!.steps[0]!.from;
  const end = paths[0]!.steps[paths[0]!.steps.length - 1]!.to;

  const list = h('ol', { class: 'paths', id: 'path-list' }, paths.map((path, i) =>
    h('li', { class: 'path', 'data-path': i },
      h('h3', {}, `Path ${i + 1} · ${path.length} link${path.length > 1 ? 's' : ''}`),
      h('ol', { class: 'steps' }, path.steps.map((s, j) => h('li', { class: 'step' },
        h('div', { class: 'step-line' },
          j === 0 ? entityLink(s.from) : null,
          h('span', { class: 'rel', title: s.relation }, s.direction === 'OUT' ? `— ${relationWords({ ...s, type: s.relation })} →` : `← ${relationWords({ ...s, type: s.relation })} —`),
          entityLink(s.to),
          s.date ? h('span', { class: 'date' }, s.date) : null,
          hedgeBadge(s.certainty, s.claimedBy),
          j < path.steps.length - 1 ? h('a', { href: ask({ exclude: [...exclude, s.to.id].join(',') }), class: 'button exclude', title: `Ask again, not through ${s.to.name}`, 'aria-label': `Exclude ${s.to.name} and ask again` }, 'exclude') : null),
        citationList(s.citations.slice(0, 2)),
      ))))));

  const canvas = h('div', { class: 'cy', id: 'cy-paths', role: 'img', 'aria-label': 'The paths drawn as a graph' });
  replace(root, pageTitle(`Paths: ${start.name} → ${end.name}`), form, excludedBar, skippedBar,
    h('p', { class: 'muted', role: 'status' }, `${paths.length} path${paths.length > 1 ? 's' : ''}, shortest first. “exclude” asks again without that entity.`),
    h('div', { class: 'paths-layout' }, list, canvas));

  const elements = new Map<string, ElementDefinition>();
  for (const path of paths) for (const s of path.steps) {
    for (const n of [s.from, s.to]) elements.set(n.id, { group: 'nodes', data: { id: n.id, kind: n.kind, name: n.name, label: n.name, distance: n.id === start.id || n.id === end.id ? 0 : 1 } });
    const [a, b] = s.direction === 'OUT' ? [s.from.id, s.to.id] : [s.to.id, s.from.id];
    const id = `${a}|${s.relation}|${b}`;
    elements.set(id, { group: 'edges', data: { id, source: a, target: b, type: s.relation, label: s.role ?? s.relation.replace(/_/g, ' ').toLowerCase(), hedged: isHedged(s.certainty) } });
  }
  const cy = cytoscape({ container: canvas, elements: [...elements.values()], style: graphStyle() });
  cy.layout({ name: 'fcose', animate: false, randomize: true, idealEdgeLength: () => 110, nodeRepulsion: () => 9000, padding: 30 } as cytoscape.LayoutOptions).run();
  cy.on('tap', 'node', (ev) => go(href('entity', [ev.target.id()])));
  canvas.dataset.ready = 'true';
}
