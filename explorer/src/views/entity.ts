/**
 * One entity: name, aliases, kind, description, certainty; its links grouped by type, each with
 * the document's words, date, hedge and claimant. A link opens to its quotes and documents.
 */
import { gql, type NamedRef } from '../api.js';
import { CITATION_FIELDS, citationList, emptyState, entityLink, errorBox, hedgeBadge, pageTitle, type Citation } from '../components.js';
import { h, replace } from '../dom.js';
import { kindIcon } from '../kinds.js';
import { href, type Route } from '../router.js';
import { RELATION_EXTRA_FIELDS, relationWords, type RelationExtra } from '../relationWords.js';

interface Relation extends RelationExtra {
  id: string;
  type: string;
  direction: 'OUT' | 'IN';
  other: NamedRef;
  date: string | null;
  certainty: string;
  claimedBy: { id: string; name: string } | null;
  role: string | null;
  note: string | null;
  event: { id: string; name: string } | null;
  citations: Citation[];
}

interface EntityData {
  id: string;
  kind: string;
  name: string;
  aliases: string[];
  description: string | null;
  unnamed: boolean;
  certainty: string;
  claimedBy: { id: string; name: string } | null;
  citations: Citation[];
  relations: Relation[];
  roles?: string[];
  groupType?: string | null;
  placeType?: string | null;
  parents?: NamedRef[];
  eventType?: string | null;
  subEventType?: string | null;
  start?: string | null;
  end?: string | null;
  datePrecision?: string | null;
  place?: NamedRef | null;
}

const QUERY = `query Entity($id: ID!) {
  entityById(id: $id) {
    id kind name aliases description unnamed certainty claimedBy { id name } ${CITATION_FIELDS}
    ... on Person { roles }
    ... on Group { groupType }
    ... on Place { placeType parents { id kind name } }
    ... on Event { eventType subEventType start end datePrecision place { id kind name } }
    relations(first: 500) {
      id type direction date certainty role note ${RELATION_EXTRA_FIELDS}
      other { id kind name } claimedBy { id name } event { id name } ${CITATION_FIELDS}
    }
  }
}`;

function facts(e: EntityData): HTMLElement {
  const rows: [string, Node | string][] = [['Kind', h('span', {}, kindIcon(e.kind), ' ', e.kind, e.groupType ? ` · ${e.groupType.replace(/_/g, ' ')}` : '', e.placeType ? ` · ${e.placeType}` : '')]];
  if (e.aliases.length > 0) rows.push(['Also called', e.aliases.join(' · ')]);
  if (e.roles && e.roles.length > 0) rows.push(['Roles', e.roles.join(' · ')]);
  if (e.eventType) rows.push(['ACLED type', `${e.eventType}${e.subEventType ? ` — ${e.subEventType}` : ''}`]);
  if (e.start) rows.push(['When', `${e.start}${e.end && e.end !== e.start ? ` to ${e.end}` : ''}${e.datePrecision && e.datePrecision !== 'day' ? ` (known to the ${e.datePrecision})` : ''}`]);
  if (e.place) rows.push(['Where', entityLink(e.place)]);
  if (e.parents && e.parents.length > 0) rows.push(['Inside', h('span', {}, e.parents.map((p, i) => [i > 0 ? ' ⊂ ' : '', entityLink(p)]))]);
  rows.push(['Certainty', hedgeBadge(e.certainty, e.claimedBy)]);
  if (e.unnamed) rows.push(['Unnamed', 'The documents do not name it; the name is how they describe it.']);
  return h('dl', { class: 'facts' }, rows.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));
}

function relationRow(r: Relation): HTMLElement {
  const details = h('div', { class: 'evidence', hidden: true },
    r.event ? h('p', {}, 'Part of ', entityLink({ ...r.event, kind: 'Event' })) : null,
    citationList(r.citations),
  );
  const toggle = h('button', { type: 'button', class: 'rel-toggle', 'aria-expanded': 'false', title: 'Show the quotes and documents' }, 'Evidence');
  toggle.addEventListener('click', () => {
    const open = details.hidden;
    details.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
  });
  return h('li', { class: 'relation', 'data-type': r.type, 'data-rel': r.id },
    h('div', { class: 'rel-line' },
      h('span', { class: 'dir', title: r.direction === 'OUT' ? 'this entity is the subject' : 'this entity is the object' }, r.direction === 'OUT' ? '→' : '←'),
      entityLink(r.other),
      h('span', { class: 'words' }, relationWords(r)),
      r.date ? h('span', { class: 'date' }, r.date) : null,
      hedgeBadge(r.certainty, r.claimedBy),
      h('span', { class: 'src muted' }, [...new Set(r.citations.map((c) => c.source.id))].join(', ')),
      toggle,
    ),
    details,
  );
}

export async function renderEntity(root: HTMLElement, route: Route, signal: AbortSignal): Promise<void> {
  const id = route.args[0];
  if (!id) {
    replace(root, pageTitle('Entity'), emptyState('Search for an entity first.', h('a', { href: '#/' }, 'Go to search')));
    return;
  }
  let e: EntityData | null;
  try {
    e = (await gql<{ entityById: EntityData | null }>(QUERY, { id }, signal)).entityById;
  } catch (err) {
    replace(root, pageTitle('Entity'), errorBox(err));
    return;
  }
  if (!e) {
    replace(root, pageTitle('Not found'), emptyState(`There is no entity with the id “${id}”.`, h('a', { href: href('search', [], { q: id.replace(/-/g, ' ') }) }, 'Search for it by name')));
    return;
  }
  const groups = new Map<string, Relation[]>();
  for (const r of e.relations) groups.set(r.type, [...(groups.get(r.type) ?? []), r]);
  const actions = h('p', { class: 'actions' },
    h('a', { href: href('graph', [e.id]), class: 'button' }, 'Graph of its neighbourhood'),
    h('a', { href: href('paths', [], { from: e.id }), class: 'button' }, 'How is it linked to…'),
    e.kind === 'Place' ? h('a', { href: href('timeline', [], { place: e.id }), class: 'button' }, 'Timeline of events here') : null,
    e.kind === 'Event' ? h('a', { href: href('claims', [], { about: e.id }), class: 'button' }, 'Figures about it') : null,
  );
  replace(root,
    pageTitle(e.name),
    facts(e),
    e.description ? h('p', { class: 'description' }, e.description) : null,
    actions,
    h('details', { class: 'entity-citations' }, h('summary', {}, `Where the documents say so (${e.citations.length})`), citationList(e.citations)),
    h('h2', {}, `Links (${e.relations.length})`),
    e.relations.length === 0 ? emptyState('The documents link it to nothing else.') : null,
    [...groups.entries()].map(([type, list]) =>
      h('section', { class: 'rel-group', 'aria-label': type },
        h('h3', {}, type.replace(/_/g, ' ').toLowerCase(), h('span', { class: 'count' }, String(list.length))),
        h('ul', { class: 'relations' }, list.map(relationRow)),
      )),
  );
}
