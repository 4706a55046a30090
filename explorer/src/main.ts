/**
 * The clashgraph explorer: a page for people who do not write GraphQL or Cypher. Every view is a
 * client of the public /graphql API on this origin; the hash route picks the view.
 */
import './app.css';
import { errorBox } from './components.js';
import { replace } from './dom.js';
import { currentRoute, type Route } from './router.js';
import { renderClaims } from './views/claims.js';
import { renderEntity } from './views/entity.js';
import { renderGraph } from './views/graph.js';
import { renderPaths } from './views/paths.js';
import { renderSearch } from './views/search.js';
import { renderSource } from './views/source.js';
import { renderTimeline } from './views/timeline.js';

type View = (root: HTMLElement, route: Route, signal: AbortSignal) => void | Promise<void>;

const VIEWS: Record<string, View> = {
  search: renderSearch,
  entity: renderEntity,
  graph: renderGraph,
  paths: renderPaths,
  timeline: renderTimeline,
  claims: renderClaims,
  source: renderSource,
  sources: (root, route, signal) => renderSource(root, { ...route, args: [] }, signal),
};

let current: AbortController | undefined;

async function render(): Promise<void> {
  current?.abort();
  const controller = new AbortController();
  current = controller;
  const route = currentRoute();
  const root = document.getElementById('main')!;
  const nav = route.view === 'source' ? 'sources' : route.view === 'entity' ? 'search' : route.view;
  for (const a of document.querySelectorAll<HTMLAnchorElement>('header nav a')) {
    if (a.dataset.view === nav) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  const view = VIEWS[route.view];
  root.dataset.view = route.view;
  root.setAttribute('aria-busy', 'true');
  try {
    if (!view) replace(root, errorBox(new Error(`There is no “${route.view}” view.`)));
    else await view(root, route, controller.signal);
  } catch (err) {
    if ((err as Error).name !== 'AbortError' && !controller.signal.aborted) replace(root, errorBox(err));
  } finally {
    if (current === controller) root.setAttribute('aria-busy', 'false');
  }
}

window.addEventListener('hashchange', () => {
  void render().then(() => {
    if (!document.getElementById('quoted')) window.scrollTo(0, 0); // a source page scrolls to its quote
  });
});
void render();
