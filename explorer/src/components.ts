/** Pieces every view shares: entity links, hedge badges, citations, error and empty states. */
import { ApiError, gql, type NamedRef } from './api.js';
import { debounce, h, short } from './dom.js';
import { kindIcon } from './kinds.js';
import { href } from './router.js';

export interface Citation {
  quote: string;
  source: { id: string; title: string; asOf?: string | null };
}

export const CITATION_FIELDS = 'citations { quote source { id title asOf } }';

/** A link to an entity's page, with its kind icon. */
export function entityLink(e: NamedRef, opts: { view?: string } = {}): HTMLAnchorElement {
  return h('a', { href: href(opts.view ?? 'entity', [e.id]), class: 'entity-link', 'data-id': e.id }, kindIcon(e.kind), ' ', e.name);
}

const HEDGE_TEXT: Record<string, string> = {
  stated: 'stated by the document',
  reported: 'reported (“reportedly”)',
  claimed: 'claimed',
  alleged: 'alleged',
  disputed: 'disputed',
};

/** How sure the document is, and who says so: "claimed by SOHR". */
export function hedgeBadge(certainty: string, claimedBy?: { id: string; name: string } | null): HTMLElement {
  const label = claimedBy ? `${certainty} by ${claimedBy.name}` : certainty;
  return h('span', { class: `hedge hedge-${certainty}`, title: HEDGE_TEXT[certainty] ?? certainty }, label);
}

/** The place a quote sits in its document: the source page, scrolled to the passage. */
export function sourceHref(sourceId: string, quote: string): string {
  return href('source', [sourceId], { quote });
}

/** Quotes with their documents; each opens the document at the quoted passage. */
export function citationList(citations: readonly Citation[]): HTMLElement {
  if (citations.length === 0) return h('p', { class: 'empty' }, 'No quote recorded.');
  return h(
    'ul',
    { class: 'citations' },
    citations.map((c) =>
      h('li', {},
        h('blockquote', {}, `“${c.quote}”`),
        h('a', { href: sourceHref(c.source.id, c.quote), class: 'source-link' }, `${c.source.title}${c.source.asOf ? ` (as of ${c.source.asOf})` : ''} · ${c.source.id} — open at this passage`),
      ),
    ),
  );
}

export function emptyState(text: string, ...more: (Node | string)[]): HTMLElement {
  return h('div', { class: 'empty-state', role: 'status' }, h('p', {}, text), ...more);
}

/**
 * An error as a person should see it: a name that matches nothing lists the API's suggestions,
 * an ambiguous one its candidates; picking one goes to `pick(ref)` (a URL).
 */
export function errorBox(err: unknown, pick?: (ref: NamedRef, argument?: string) => string): HTMLElement {
  if (!(err instanceof ApiError)) return h('div', { class: 'error', role: 'alert' }, h('p', {}, `Something went wrong: ${String((err as Error)?.message ?? err)}`));
  const choices = err.choices;
  const typed = err.typed;
  if ((err.code === 'NOT_FOUND' || err.code === 'AMBIGUOUS_NAME') && typed !== undefined) {
    const lead = err.code === 'AMBIGUOUS_NAME'
      ? `“${typed}” could mean several entities. Pick one:`
      : choices.length > 0 ? `Nothing is called “${typed}”. Did you mean:` : `Nothing is called “${typed}”, and nothing is close.`;
    return h('div', { class: `error name-error code-${err.code}`, role: 'alert' },
      h('p', {}, lead),
      choices.length > 0 && h('ul', { class: 'choices' }, choices.map((c) =>
        h('li', {}, h('a', { href: pick ? pick(c, err.argument) : href('entity', [c.id]), class: 'choice', 'data-id': c.id }, kindIcon(c.kind), ' ', c.name, h('span', { class: 'muted' }, ` · ${c.kind}`))))),
    );
  }
  return h('div', { class: `error code-${err.code}`, role: 'alert' }, h('p', {}, err.message), h('p', { class: 'muted' }, `(${err.code})`));
}

/**
 * A text input that suggests entity names as you type (a native <datalist>, so the keyboard
 * works as everywhere else). The value may be any name or alias: the API resolves it.
 */
export function nameInput(opts: { name: string; label: string; value?: string; placeholder?: string; kinds?: string[] }): HTMLElement {
  const listId = `names-${opts.name}`;
  const list = h('datalist', { id: listId });
  const input = h('input', { type: 'text', name: opts.name, id: `in-${opts.name}`, value: opts.value ?? '', placeholder: opts.placeholder ?? '', list: listId, autocomplete: 'off', spellcheck: 'false' });
  const suggest = debounce(async (text: string) => {
    if (text.trim().length < 2) return;
    try {
      const data = await gql<{ search: { matchedName: string; entity: NamedRef }[] }>(
        'query Suggest($text: String!, $kinds: [EntityKind!]) { search(text: $text, kinds: $kinds, first: 8) { matchedName entity { id kind name } } }',
        { text, kinds: opts.kinds ?? null },
      );
      list.replaceChildren(...data.search.map((hit) => h('option', { value: hit.entity.name }, `${hit.entity.kind}${hit.matchedName !== hit.entity.name ? ` · ${hit.matchedName}` : ''}`)));
    } catch {
      /* suggestions are a convenience; the form still works */
    }
  }, 150);
  input.addEventListener('input', () => suggest(input.value));
  return h('label', { for: `in-${opts.name}`, class: 'field' }, h('span', {}, opts.label), input, list);
}

export function pageTitle(text: string, ...more: (Node | string)[]): HTMLElement {
  document.title = `${text} · clashgraph explorer`;
  return h('h1', {}, text, ...more);
}

export { short };
