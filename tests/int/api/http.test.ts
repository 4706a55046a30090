/**
 * The HTTP surface and its safe defaults: health, Neo4j down, body limit, malformed requests,
 * batching, CORS, and credentials that never leak.
 */
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.js';
import { fromNeo4jError } from '../../../src/errors/index.js';
import { testNeo4j } from '../../support/testNeo4j.js';
import { codes, startApi, type Api } from './apiHarness.js';

let api: Api;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => api?.close());

const post = (url: string, body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  fetch(url, { method: 'POST', headers, body });

describe('GET /health', () => {
  it('is 200 {status: ok, neo4j: up} when Neo4j answers', async () => {
    const res = await fetch(`${api.server.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', neo4j: 'up' });
  });
});

describe('when Neo4j is down', () => {
  // "Fast" is well under the transaction timeout (half of it): a refused connection must not wait
  // for the timeout. Not a tighter bound: this machine is shared, and timing is for bench/.
  const FAIL_FAST_MS = loadConfig({}).queryTimeoutMs / 2;
  let down: Api;
  beforeAll(async () => {
    // A port nothing listens on: connections are refused at once.
    down = await startApi({ neo4jUri: 'bolt://127.0.0.1:9' });
  });
  afterAll(async () => down?.close());

  it('/health is 503 {status: degraded, neo4j: down, reason}, quickly', async () => {
    const t0 = performance.now();
    const res = await fetch(`${down.server.url}/health`);
    expect(performance.now() - t0).toBeLessThan(FAIL_FAST_MS);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: 'degraded', neo4j: 'down', reason: 'Neo4j is not reachable' });
  });

  it('queries fail fast with SERVICE_UNAVAILABLE', async () => {
    const t0 = performance.now();
    const { body } = await down.gql('{ entity(name: "HTS") { id } }');
    expect(performance.now() - t0).toBeLessThan(FAIL_FAST_MS);
    expect(codes(body)).toEqual(['SERVICE_UNAVAILABLE']);
  });
});

describe('credentials', () => {
  it('a wrong password is SERVICE_UNAVAILABLE and appears nowhere in the answer', async () => {
    const secret = 'not-the-password-Xq7';
    const db = testNeo4j();
    const { createDriver } = await import('../../../src/db/driver.js');
    const { createExecutor } = await import('../../../src/db/executor.js');
    const { loadQueries } = await import('../../../src/cypher/queries.js');
    const driver = createDriver({ uri: db.uri, user: db.user, password: secret });
    const executor = createExecutor(driver, await loadQueries(), { queryTimeoutMs: 5_000 });
    try {
      const err = await executor.read('health.ping', {}, { operation: 'test' }).catch((e: unknown) => e);
      expect((err as { code: string }).code).toBe('SERVICE_UNAVAILABLE');
      expect(JSON.stringify(err)).not.toContain(secret);
      expect(String((err as Error).message)).not.toContain(secret);
    } finally {
      await driver.close();
    }
  });
});

describe('a query past the transaction timeout', () => {
  it('is stopped by Neo4j and becomes TIMEOUT', async () => {
    const db = testNeo4j();
    const driver = neo4j.driver(db.uri, neo4j.auth.basic(db.user, db.password));
    const session = driver.session();
    try {
      const err = await session
        .executeRead((tx) => tx.run('UNWIND range(1, 1000000000) AS x WITH x WHERE x % 7 = 3 RETURN count(*)'), { timeout: 200 })
        .catch((e: unknown) => e);
      expect(fromNeo4jError(err).code).toBe('TIMEOUT');
    } finally {
      await session.close();
      await driver.close();
    }
  });
});

describe('malformed and oversized requests get a code, never a 5xx', () => {
  it('a body over the limit is 413 PAYLOAD_TOO_LARGE', async () => {
    const res = await post(api.server.graphqlUrl, JSON.stringify({ query: `{ __typename }`, pad: 'x'.repeat(200_000) }));
    expect(res.status).toBe(413);
    expect(codes(await res.json())).toEqual(['PAYLOAD_TOO_LARGE']);
  });

  it('malformed JSON is 400 BAD_REQUEST', async () => {
    const res = await post(api.server.graphqlUrl, '{"query": "{ __typename }"');
    expect(res.status).toBe(400);
    expect(codes(await res.json())).toEqual(['BAD_REQUEST']);
  });

  it('a text/plain POST is refused with 400 (also the CSRF guard)', async () => {
    const res = await post(api.server.graphqlUrl, '{ __typename }', { 'content-type': 'text/plain' });
    expect(res.status).toBe(400);
  });

  it('a batch of operations is refused', async () => {
    const res = await post(api.server.graphqlUrl, JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]));
    expect(res.status).toBe(400);
  });

  it('an unknown path is a JSON 404', async () => {
    const res = await fetch(`${api.server.url}/nope`);
    expect(res.status).toBe(404);
    expect(codes(await res.json())).toEqual(['NOT_FOUND']);
  });
});

describe('CORS', () => {
  it('is closed by default: no Access-Control-Allow-Origin for any origin', async () => {
    const res = await fetch(`${api.server.url}/health`, { headers: { origin: 'https://example.org' } });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const pre = await fetch(api.server.graphqlUrl, { method: 'OPTIONS', headers: { origin: 'https://example.org', 'access-control-request-method': 'POST' } });
    expect(pre.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('opens to exactly the configured origins', async () => {
    const open = await startApi({ config: { corsOrigins: ['https://viz.example.org'] } });
    try {
      const pre = await fetch(open.server.graphqlUrl, { method: 'OPTIONS', headers: { origin: 'https://viz.example.org', 'access-control-request-method': 'POST' } });
      expect(pre.status).toBe(204);
      expect(pre.headers.get('access-control-allow-origin')).toBe('https://viz.example.org');
      const other = await fetch(`${open.server.url}/health`, { headers: { origin: 'https://evil.example.org' } });
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await open.close();
    }
  });
});

describe('defaults', () => {
  it('listen on loopback with introspection on only outside production, CORS closed, a body limit', () => {
    const dev = loadConfig({});
    expect(dev).toMatchObject({ host: '127.0.0.1', port: 4000, corsOrigins: [], introspection: true, bodyLimit: '100kb' });
    expect(loadConfig({ NODE_ENV: 'production' }).introspection).toBe(false);
    expect(api.server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });
});
