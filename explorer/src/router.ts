/**
 * Hash routes, so every view has its own URL, deep links work from a fresh tab, and the back
 * button walks the history: #/entity/<id>, #/graph/<id>?depth=2, #/paths?from=…&to=…, …
 */
export interface Route {
  view: string;
  /** Path segments after the view, decoded. */
  args: string[];
  params: URLSearchParams;
}

export function currentRoute(): Route {
  const raw = location.hash.replace(/^#\/?/, '');
  const [pathPart = '', query = ''] = raw.split('?', 2);
  const segments = pathPart.split('/').filter((x) => x !== '').map((x) => decodeURIComponent(x));
  return { view: segments[0] ?? 'search', args: segments.slice(1), params: new URLSearchParams(query) };
}

/** The hash for a view, e.g. href('graph', ['kanjo'], { depth: 2 }) → #/graph/kanjo?depth=2 */
export function href(view: string, args: string[] = [], params: Record<string, string | number | undefined | null> = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const tail = q.toString();
  return `#/${[view, ...args.map(encodeURIComponent)].join('/')}${tail ? `?${tail}` : ''}`;
}

export function go(hash: string, opts: { replace?: boolean } = {}): void {
  if (opts.replace) history.replaceState(null, '', hash);
  else if (location.hash !== hash) location.hash = hash;
  if (opts.replace) window.dispatchEvent(new HashChangeEvent('hashchange'));
}
