/**
 * What the service serves beside /graphql for the explorer and for Neo4j Browser, over real HTTP:
 * the page with a same-origin-only Content-Security-Policy, its bundle, and the Browser's style
 * and guide, readable cross-origin by the Browser's origin and by no other.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExplorer } from '../../../explorer/build.js';
import { repoRoot } from '../../../src/platform/repoPaths.js';
import { startApi, type Api } from '../api/apiHarness.js';

const BROWSER = 'http://127.0.0.1:7474';

describe('explorer and Neo4j Browser assets', () => {
  let api: Api;
  beforeAll(async () => {
    await buildExplorer();
    api = await startApi({ neo4jBrowserUrl: `${BROWSER}/browser/` });
  });
  afterAll(async () => {
    await api?.close();
  });

  it('serves the explorer page at / with a policy that allows only this origin', async () => {
    const res = await fetch(`${api.server.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/https?:/);
    const html = await res.text();
    expect(html).toContain('/explorer/app.js');
    expect(html).not.toMatch(/(src|href)="https?:/);
  });

  it('serves the bundle and its stylesheet', async () => {
    for (const [file, type] of [['app.js', 'javascript'], ['app.css', 'text/css']] as const) {
      const res = await fetch(`${api.server.url}/explorer/${file}`);
      expect(res.status, file).toBe(200);
      expect(res.headers.get('content-type')).toContain(type);
      expect((await res.text()).length).toBeGreaterThan(1000);
    }
    expect((await fetch(`${api.server.url}/explorer/nope.js`)).status).toBe(404);
  });

  it('lets the Browser origin, and only it, read the style and the guide (preflight included)', async () => {
    for (const name of ['style.grass', 'guide.md']) {
      const url = `${api.server.url}/neo4j-browser/${name}`;
      const ok = await fetch(url, { headers: { origin: BROWSER } });
      expect(ok.status).toBe(200);
      expect(ok.headers.get('access-control-allow-origin')).toBe(BROWSER);
      const other = await fetch(url, { headers: { origin: 'http://evil.example' } });
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
      const preflight = await fetch(url, { method: 'OPTIONS', headers: { origin: 'http://localhost:7474', 'access-control-request-method': 'GET', 'access-control-request-headers': 'pragma,cache-control' } });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe('http://localhost:7474');
      expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('pragma');
    }
    // The API itself stays closed to that origin (CORS_ORIGINS is empty).
    const gql = await fetch(`${api.server.graphqlUrl}?query=%7B__typename%7D`, { headers: { origin: BROWSER } });
    expect(gql.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('serves the style without comments, which the Browser grass parser would misread', async () => {
    const served = await (await fetch(`${api.server.url}/neo4j-browser/style.grass`)).text();
    expect(served).not.toContain('/*');
    expect(served).toContain('node.Person {');
    const guide = await (await fetch(`${api.server.url}/neo4j-browser/guide.md`)).text();
    expect(guide).toBe(readFileSync(path.join(repoRoot(), 'cypher', 'browser', 'guide.md'), 'utf8'));
  });
});
