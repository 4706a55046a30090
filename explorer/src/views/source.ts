/** A document's full text, opened at a quoted passage (#/source/doc-001?quote=…). */
import { gql } from '../api.js';
import { emptyState, errorBox, pageTitle } from '../components.js';
import { h, replace } from '../dom.js';
import { href, type Route } from '../router.js';

interface SourceData {
  id: string;
  title: string;
  kind: string;
  publisher: string | null;
  asOf: string | null;
  knownFrom: string | null;
  asOfBasis: string | null;
  asOfQuotes: string[];
  note: string | null;
  revisionOf: { id: string; title: string } | null;
  text: string | null;
}

let cache: Promise<SourceData[]> | undefined;
function sources(signal: AbortSignal): Promise<SourceData[]> {
  cache ??= gql<{ sources: SourceData[] }>('{ sources { id title kind publisher asOf knownFrom asOfBasis asOfQuotes note revisionOf { id title } text } }', {}, signal)
    .then((d) => d.sources)
    .catch((err) => {
      cache = undefined;
      throw err;
    });
  return cache;
}

/** Where `quote` sits in `text`: exact first, then ignoring case and runs of white space. */
export function findQuote(text: string, quote: string): [number, number] | undefined {
  const exact = text.indexOf(quote);
  if (exact >= 0) return [exact, exact + quote.length];
  const words = quote.trim().split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (words.length === 0) return undefined;
  const m = new RegExp(words.join('\\s+'), 'i').exec(text);
  return m ? [m.index, m.index + m[0].length] : undefined;
}

export async function renderSource(root: HTMLElement, route: Route, signal: AbortSignal): Promise<void> {
  const id = route.args[0];
  const quote = route.params.get('quote') ?? '';
  let all: SourceData[];
  try {
    all = await sources(signal);
  } catch (err) {
    replace(root, pageTitle('Sources'), errorBox(err));
    return;
  }
  if (!id) {
    replace(root, pageTitle('Sources'),
      h('p', { class: 'lead' }, 'Every fact in the graph is quoted from one of these documents.'),
      h('ul', { class: 'sources' }, all.map((s) => h('li', {},
        h('a', { href: href('source', [s.id]) }, s.title), h('span', { class: 'muted' }, ` · ${s.id} · ${s.kind.replace(/_/g, ' ')}${s.publisher ? ` · ${s.publisher}` : ''}${s.asOf ? ` · as of ${s.asOf}` : ''}`),
        s.revisionOf ? h('span', { class: 'muted' }, ` · a later revision of ${s.revisionOf.id}`) : null))));
    return;
  }
  const src = all.find((s) => s.id === id);
  if (!src) {
    replace(root, pageTitle('Not found'), emptyState(`There is no document “${id}”.`, h('a', { href: href('sources') }, 'All documents')));
    return;
  }
  const text = src.text ?? '';
  const at = quote ? findQuote(text, quote) : undefined;
  const body = h('div', { class: 'source-text', tabindex: '0' });
  let mark: HTMLElement | undefined;
  if (at) {
    mark = h('mark', { id: 'quoted' }, text.slice(at[0], at[1]));
    body.append(text.slice(0, at[0]), mark, text.slice(at[1]));
  } else body.append(text);
  replace(root,
    pageTitle(src.title),
    h('p', { class: 'muted' }, `${src.id} · ${src.kind.replace(/_/g, ' ')}${src.publisher ? ` · ${src.publisher}` : ''}${src.asOf ? ` · as of ${src.asOf}` : ''}`,
      src.revisionOf ? [' · a later revision of ', h('a', { href: href('source', [src.revisionOf.id]) }, src.revisionOf.id)] : null),
    src.note ? h('p', { class: 'note' }, src.note) : null,
    datedBy(src),
    quote && !at ? h('p', { class: 'error', role: 'alert' }, 'The quoted passage was not found in this text.') : null,
    body,
  );
  mark?.scrollIntoView({ block: 'center' });
}

/** How the document was dated: none carries a date, so it is inferred from its own words. */
function datedBy(src: SourceData): HTMLElement | null {
  if (!src.asOfBasis) return null;
  return h('details', { class: 'dated-by' },
    h('summary', {}, `How it is dated: as of ${src.asOf ?? '?'}${src.knownFrom ? `, counted from ${src.knownFrom} in “as known on” views` : ''}`),
    h('p', {}, src.asOfBasis),
    src.asOfQuotes.length
      ? h('ul', { class: 'quotes' }, src.asOfQuotes.map((q) => h('li', {}, h('a', { href: href('source', [src.id], { quote: q }) }, `“${q}”`))))
      : null);
}
