/**
 * The HTTP surface and its safe defaults: health, Neo4j down, body limit, malformed requests,
 * batching, CORS, credentials that never leak, the Host allowlist, the response-size cap and the
 * slow-reader timeout.
 */
import http from 'node:http';
import net from 'node:net';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.js';
import { fromNeo4jError } from '../../../src/errors/index.js';
import { createLogger } from '../../../src/log.js';
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
  it('listen on loopback in production mode, CORS closed, a body limit, introspection on', () => {
    const defaults = loadConfig({});
    expect(defaults).toMatchObject({ production: true, host: '127.0.0.1', port: 4000, corsOrigins: [], introspection: true, bodyLimit: '100kb' });
    expect(api.server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });
});

/** An HTTP request with a Host header of our choosing (fetch does not let one set it). */
function withHost(url: string, host: string, opts: { method?: string; body?: string } = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: opts.method ?? 'GET', headers: { host, 'content-type': 'application/json' } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

// Regression (issue 9, finding 5): `Host: attacker.example:4000` was served, so a DNS-rebinding
// page in the user's browser could drive the API on loopback.
describe('the Host allowlist', () => {
  const query = JSON.stringify({ query: '{ sources { id } }' });

  it.each(['/graphql', '/health', '/', '/export/anything', '/no/such/page'])('refuses a foreign Host with 421 MISDIRECTED_REQUEST on %s', async (path) => {
    const method = path === '/graphql' ? 'POST' : 'GET';
    const res = await withHost(`${api.server.url}${path}`, `attacker.example:${api.server.port}`, { method, ...(method === 'POST' ? { body: query } : {}) });
    expect(res.status).toBe(421);
    expect(JSON.parse(res.body)).toMatchObject({ errors: [{ extensions: { code: 'MISDIRECTED_REQUEST' } }] });
  });

  it('serves the loopback names with any port, and a configured public name', async () => {
    for (const host of [`localhost:${api.server.port}`, `127.0.0.1:${api.server.port}`, 'LOCALHOST', '[::1]:4000']) {
      expect((await withHost(api.server.graphqlUrl, host, { method: 'POST', body: query })).status, host).toBe(200);
    }
    const pub = await startApi({ config: { allowedHosts: ['localhost', '127.0.0.1', '[::1]', 'graph.example.org'] } });
    try {
      expect((await withHost(pub.server.graphqlUrl, 'graph.example.org', { method: 'POST', body: query })).status).toBe(200);
      expect((await withHost(pub.server.graphqlUrl, 'graph.example.org.evil.example', { method: 'POST', body: query })).status).toBe(421);
    } finally {
      await pub.close();
    }
  });
});

// Regression (issue 9, finding 1): one legal request answered 277 MB. Now an answer over
// RESPONSE_MAX_BYTES ends as one coded error, and stops the work once the budget is spent.
describe('the response-size cap', () => {
  let small: Api;
  const maxBytes = 64 * 1024;
  beforeAll(async () => {
    small = await startApi({ config: { responseMaxBytes: maxBytes } });
  });
  afterAll(async () => small?.close());

  it('ends an answer larger than the cap with one RESPONSE_TOO_LARGE error and no partial data', async () => {
    // The five documents' texts (~60 kB) four times over: affordable for the cost limit, too big here.
    const q = `{ ${['a', 'b', 'c', 'd'].map((k) => `${k}: sources { id text }`).join(' ')} }`;
    const res = await fetch(small.server.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: q }) });
    const text = await res.text();
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(maxBytes);
    expect(JSON.parse(text)).toEqual({
      data: null,
      errors: [{ message: expect.stringMatching(/larger than 65536 bytes/), extensions: { code: 'RESPONSE_TOO_LARGE', maxBytes } }],
    });
  });

  it('stops resolving once the budget is spent: no further database queries', async () => {
    // Every event's relations would be one more query per level; the texts spend the budget first.
    const q = '{ a: sources { text } b: sources { text } c: sources { text } events(first: 20) { edges { node { relations(first: 20) { other { relations(first: 5) { id } } } } } } }';
    const over = await small.gql(q);
    expect(codes(over.body)).toEqual(['RESPONSE_TOO_LARGE']);
    const full = await api.gql(q);
    expect(full.body.errors).toBeUndefined();
    expect(over.queries.length).toBeLessThan(full.queries.length);
  });

  it('answers within the cap as usual', async () => {
    const data = await small.data('{ sources { id title } }');
    expect(data.sources.length).toBeGreaterThan(0);
  });
});

describe('a client that stops reading', () => {
  it('has its connection cut once its answer stops moving, so the answer is not held for it', async () => {
    // Limits lifted so that one answer is tens of MB, far more than the socket buffers hold: the
    // server must then wait for a reader that never reads, and gives up after socketTimeoutMs.
    const logLines: string[] = [];
    const log = createLogger('info', { write: (line: string) => void logLines.push(line) });
    const slow = await startApi({ log, config: { socketTimeoutMs: 1_000, responseMaxBytes: 512 * 1024 * 1024 }, limits: { maxCost: Number.MAX_SAFE_INTEGER } });
    try {
      const q = `{ ${Array.from({ length: 4 }, (_, i) => `a${i}: neighbourhood(name: "Western Syria clashes") { edges { citations { source { text } } } }`).join(' ')} }`;
      const body = JSON.stringify({ query: q });
      // The whole answer, read by a client that reads: the length the slow reader would get.
      const fullLength = Buffer.byteLength(await (await post(slow.server.graphqlUrl, body)).text());
      expect(fullLength).toBeGreaterThan(16 * 1024 * 1024);
      const answered = () => logLines.filter((l) => l.includes('"graphql request"')).length;

      const socket = net.connect(slow.server.port, '127.0.0.1');
      await new Promise<void>((r) => socket.once('connect', () => r()));
      socket.pause(); // read nothing for now
      socket.write(`POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
      // Working on the request (longer than the 1 s timeout on a busy machine) must not count as
      // idle: wait until the server has its answer and starts writing it…
      while (answered() < 2) await new Promise((r) => setTimeout(r, 100));
      // …then let the answer stall in full buffers well past the timeout (generous: the server
      // only has to notice), and read what arrives.
      await new Promise((r) => setTimeout(r, 8_000));
      let received = 0;
      const ended = new Promise<string>((resolve) => {
        socket.on('data', (chunk: Buffer) => (received += chunk.length));
        socket.once('end', () => resolve('end'));
        socket.once('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? 'error'));
      });
      socket.resume();
      await ended;
      socket.destroy();
      // The connection was cut: the answer came only as far as the buffers held it. (Without the
      // timeout, every byte arrives once the client reads.)
      expect(received).toBeGreaterThan(0);
      expect(received).toBeLessThan(fullLength);
    } finally {
      await slow.close();
    }
  }, 180_000);

  it('is not cut while the service works on its request, however long that takes', async () => {
    // One catalogue entry made slow (test-only: search first counts to 50 million inside the
    // transaction, seconds on any machine): the request moves no bytes for far longer than the
    // 1 s socket timeout, and must still get its answer.
    const busy = await startApi({
      config: { socketTimeoutMs: 1_000 },
      queryTimeoutMs: 120_000,
      alterQueries: (queries) => ({ ...queries, 'search.fulltext': `CALL () { UNWIND range(1, 50000000) AS x RETURN count(x) AS burn }\nWITH burn\n${queries['search.fulltext']}` }),
    });
    try {
      const started = performance.now();
      const answer = await busy.gql('{ search(text: "Tartus") { score } }');
      // The precondition of this test, not a latency bound: the work outlasted the timeout.
      expect(performance.now() - started).toBeGreaterThan(1_000);
      expect(answer.body.errors, JSON.stringify(answer.body.errors)).toBeUndefined();
      expect(answer.body.data?.search.length).toBeGreaterThan(0);
    } finally {
      await busy.close();
    }
  }, 300_000);
});
