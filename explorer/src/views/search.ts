/** Search as you type: kind icon, the name that matched, a short description. */
import { gql, type NamedRef } from '../api.js';
import { emptyState, errorBox, pageTitle } from '../components.js';
import { debounce, h, replace, short } from '../dom.js';
import { kindIcon, KINDS } from '../kinds.js';
import { go, href, type Route } from '../router.js';

interface Hit {
  score: number;
  matchedName: string;
  entity: NamedRef & { description: string | null; aliases: string[] };
}

const QUERY = `query Search($text: String!, $kinds: [EntityKind!]) {
  search(text: $text, kinds: $kinds, first: 20) { score matchedName entity { id kind name description aliases } }
}`;

const EXAMPLES = ['Kanjo Hassan', 'Jableh', 'General Security Service', 'SOHR', 'Tartous', 'ambush'];

export function renderSearch(root: HTMLElement, route: Route, signal: AbortSignal): void {
  const q = route.params.get('q') ?? '';
  const kind = route.params.get('kind') ?? '';
  const input = h('input', { type: 'search', id: 'search', name: 'q', value: q, placeholder: 'A name, alias or word: Kanjo Hassan, Tartous, ambush…', autocomplete: 'off', spellcheck: 'false', 'aria-controls': 'results', 'aria-label': 'Search the graph' });
  const kindSelect = h('select', { name: 'kind', 'aria-label': 'Only this kind' }, h('option', { value: '' }, 'All kinds'), KINDS.map((k) => h('option', { value: k, selected: k === kind }, k)));
  const results = h('ol', { id: 'results', class: 'results', 'aria-live': 'polite' });
  const status = h('p', { class: 'muted', role: 'status' });
  let seq = 0;

  const run = async (text: string) => {
    if (signal.aborted) return; // a keystroke's late search after the user moved on
    const mine = ++seq;
    // Keep the URL in step without adding a history entry per keystroke.
    history.replaceState(null, '', href('search', [], { q: text, kind: kindSelect.value }));
    if (text.trim() === '') {
      replace(results);
      replace(status, 'Try: ', EXAMPLES.map((e, i) => [i > 0 ? ', ' : '', h('a', { href: href('search', [], { q: e }) }, e)]));
      return;
    }
    try {
      const data = await gql<{ search: Hit[] }>(QUERY, { text, kinds: kindSelect.value ? [kindSelect.value] : null }, signal);
      if (mine !== seq || signal.aborted) return;
      replace(status, data.search.length === 0 ? '' : `${data.search.length} match${data.search.length === 1 ? '' : 'es'} — ↑/↓ to move, Enter to open`);
      replace(results, data.search.length === 0
        ? emptyState(`Nothing matches “${text}”. Check the spelling, or try a shorter part of the name.`)
        : data.search.map((hit) => {
          const e = hit.entity;
          return h('li', { class: 'hit' },
            h('a', { href: href('entity', [e.id]), class: 'hit-link', 'data-id': e.id },
              kindIcon(e.kind),
              h('span', { class: 'hit-name' }, hit.matchedName),
              hit.matchedName !== e.name ? h('span', { class: 'muted' }, ` → ${e.name}`) : null,
              h('span', { class: 'kind-label' }, e.kind),
            ),
            e.description ? h('p', { class: 'hit-desc' }, short(e.description)) : null,
            h('p', { class: 'hit-actions' }, h('a', { href: href('graph', [e.id]) }, 'graph'), ' · ', h('a', { href: href('paths', [], { from: e.id }) }, 'paths from here'),
              e.kind === 'Place' ? [' · ', h('a', { href: href('timeline', [], { place: e.id }) }, 'timeline')] : null,
              e.kind === 'Event' ? [' · ', h('a', { href: href('claims', [], { about: e.id }) }, 'figures')] : null),
          );
        }));
    } catch (err) {
      if (mine !== seq || signal.aborted) return;
      replace(results, errorBox(err));
    }
  };
  const later = debounce(run, 120);
  input.addEventListener('input', () => later(input.value));
  kindSelect.addEventListener('change', () => void run(input.value));
  const view = h('div', { class: 'search-view' });
  // Arrow keys move between results; Enter on the box opens the first. (On this view's own
  // element: `root` outlives the view.)
  view.addEventListener('keydown', (ev) => {
    const links = [...results.querySelectorAll<HTMLAnchorElement>('a.hit-link')];
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (ev.key === 'ArrowDown') {
      ev.preventDefault();
      links[Math.min(at + 1, links.length - 1)]?.focus();
    } else if (ev.key === 'ArrowUp') {
      ev.preventDefault();
      if (at <= 0) input.focus();
      else links[at - 1]?.focus();
    } else if (ev.key === 'Enter' && document.activeElement === input && links[0]) {
      ev.preventDefault();
      go(links[0].getAttribute('href')!);
    }
  });

  replace(view,
    pageTitle('Search'),
    h('p', { class: 'lead' }, 'Every person, group, place and event in the five documents, with the quotes that state each link. Spelling is forgiving: Mohammed/Mohammad, Tartus/Tartous, al-/el-.'),
    h('form', { class: 'search-form', role: 'search', onsubmit: (ev: Event) => ev.preventDefault() }, input, kindSelect),
    status,
    results,
  );
  replace(root, view);
  input.focus();
  void run(q);
}
