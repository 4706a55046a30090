/**
 * The explorer and the Neo4j Browser assets, served beside /graphql from the same origin:
 * - GET /                     the explorer page (explorer/dist/index.html: a client of /graphql);
 * - GET /explorer/<file>      its bundle (built by `npm run explorer:build`, on start and test);
 * - GET /neo4j-browser/style.grass, /neo4j-browser/guide.md
 *                             what Neo4j Browser loads on connect (`browser.post_connect_cmd`,
 *                             src/platform/neo4jConf.ts), readable cross-origin by the Browser's
 *                             origin only (it runs on Neo4j's HTTP port, not ours).
 * Every byte is local: the page's Content-Security-Policy allows this origin and nothing else.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { repoRoot } from '../platform/repoPaths.js';

/** Where the built bundle lives (git-ignored; explorer/build.ts writes it). */
export function explorerDistDir(): string {
  return path.join(repoRoot(), 'explorer', 'dist');
}

/** The Browser style and guide files. */
export const BROWSER_ASSETS = {
  'style.grass': { file: path.join('cypher', 'browser', 'style.grass'), type: 'text/plain; charset=utf-8' },
  'guide.md': { file: path.join('cypher', 'browser', 'guide.md'), type: 'text/markdown; charset=utf-8' },
} as const;

// script and connect: this origin only. Styles: cytoscape sets style attributes on its own elements.
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

/** The explorer page and bundle. Answers 503 with what to run when the bundle was never built. */
export function explorerRouter(distDir = explorerDistDir()): Router {
  const router = express.Router();
  const indexFile = path.join(distDir, 'index.html');
  const notBuilt = (res: Response) =>
    res.status(503).type('text/plain').send('The explorer is not built: run `npm run explorer:build` (npm start and npm test build it).\n');
  router.get('/', (_req: Request, res: Response) => {
    if (!existsSync(indexFile)) return notBuilt(res);
    res.setHeader('Content-Security-Policy', CSP);
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(indexFile);
  });
  router.use(
    '/explorer',
    express.static(distDir, { index: false, fallthrough: true, maxAge: 0, etag: true, dotfiles: 'ignore' }),
  );
  return router;
}

/**
 * The style and guide for Neo4j Browser. CORS: only `browserOrigins` (e.g. http://127.0.0.1:7474)
 * may read them cross-origin. The Browser fetches guides with `pragma` and `cache-control`
 * request headers, so it sends a preflight first.
 */
export function neo4jBrowserAssetsRouter(browserOrigins: readonly string[]): Router {
  const origins = new Set(browserOrigins);
  const router = express.Router();
  router.use((req: Request, res: Response, next: NextFunction) => {
    const origin = req.headers.origin;
    if (origin !== undefined && origins.has(origin)) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Vary', 'Origin');
      if (req.method === 'OPTIONS') {
        res.setHeader('Access-Control-Allow-Methods', 'GET, OPTIONS');
        res.setHeader('Access-Control-Allow-Headers', 'Content-Type, Pragma, Cache-Control, X-Ajax-Browser-Auth, X-Stream');
        res.setHeader('Access-Control-Max-Age', '600');
        res.status(204).end();
        return;
      }
    } else if (req.method === 'OPTIONS') {
      res.status(204).end(); // a preflight from anyone else: no permission headers
      return;
    }
    next();
  });
  for (const [name, asset] of Object.entries(BROWSER_ASSETS)) {
    // Small: read once at start-up. The Browser's grass parser knows no comments: strip them.
    let body = readFileSync(path.join(repoRoot(), asset.file), 'utf8');
    if (name === 'style.grass') body = body.replace(/\/\*[\s\S]*?\*\//g, '').trimStart();
    router.get(`/${name}`, (_req: Request, res: Response) => {
      res.setHeader('Cache-Control', 'no-cache');
      res.type(asset.type).send(body);
    });
  }
  return router;
}

/** The origins Neo4j Browser is served from, given its URL (both loopback spellings). */
export function browserOriginsOf(browserUrl: string | undefined): string[] {
  if (!browserUrl) return [];
  const u = new URL(browserUrl);
  const origins = [u.origin];
  if (u.hostname === '127.0.0.1') origins.push(`${u.protocol}//localhost${u.port ? `:${u.port}` : ''}`);
  else if (u.hostname === 'localhost') origins.push(`${u.protocol}//127.0.0.1${u.port ? `:${u.port}` : ''}`);
  return origins;
}

/** Neo4j Browser's URL with the connection filled in: /browser/?dbms=bolt://neo4j@127.0.0.1:7687 */
export function browserConnectUrl(browserUrl: string, boltUri: string, user: string): string {
  const bolt = new URL(boltUri);
  return `${browserUrl.replace(/\/*$/, '/')}?dbms=${bolt.protocol}//${encodeURIComponent(user)}@${bolt.host}`;
}
