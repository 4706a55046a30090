/**
 * The defaults as shipped are the safe ones, end to end: `src/main.ts` as a child process,
 * configured only through the environment.
 * - With nothing configured: the service listens on 127.0.0.1 only (so does the local Neo4j), CORS
 *   is closed, the body size, depth and cost limits are on, and its logs hold no password.
 * - NODE_ENV=production: no stack traces, no introspection unless INTROSPECTION=true; CORS opens to
 *   exactly CORS_ORIGINS.
 * - Credentials never reach the logs or an error: not on a start with a wrong password, not on a
 *   start with Neo4j unreachable and the credentials in the URI.
 * (tests/int/api/ checks the same defaults on the in-process server; this checks the process.)
 */
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canReadListeners, listenAddresses } from '../../support/listeners.js';
import { freePort, gql, startService, type ServiceProcess } from '../../support/serviceProcess.js';
import { testNeo4j } from '../../support/testNeo4j.js';

const db = testNeo4j();
const neo4jEnv = { NEO4J_URI: db.uri, NEO4J_USER: db.user, NEO4J_PASSWORD: db.password };
/** Everything a deployment might set, unset: the defaults decide. */
const unset = { NODE_ENV: undefined, HOST: undefined, CORS_ORIGINS: undefined, INTROSPECTION: undefined, BODY_LIMIT: undefined, QUERY_TIMEOUT_MS: undefined };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const started: ServiceProcess[] = [];
async function service(env: Record<string, string | undefined>): Promise<ServiceProcess> {
  const s = await startService({ env: { ...unset, ...neo4jEnv, ...env } });
  started.push(s);
  return s;
}

/** Starts the service expecting start-up to fail; resolves with its exit status and output. */
async function failedStart(env: Record<string, string | undefined>): Promise<{ exit: number | string; logs: string }> {
  const s = await startService({ env: { ...unset, ...env }, waitForHttp: false });
  started.push(s);
  const exit = await Promise.race([s.exited, sleep(60_000).then(() => 'still running')]);
  return { exit, logs: s.logs() };
}

afterAll(async () => {
  await Promise.all(started.map((s) => s.stop('SIGKILL')));
});

const stackTrace = /stacktrace|\.ts:\d+|\bat .*\(/;

describe('with nothing configured', () => {
  let svc: ServiceProcess;
  beforeAll(async () => {
    svc = await service({});
  });

  it.runIf(canReadListeners)('the service listens on 127.0.0.1 only, and so does the local Neo4j', () => {
    expect(listenAddresses(svc.port)).toEqual(['127.0.0.1']);
    if (db.local) {
      for (const port of [db.local.boltPort, db.local.httpPort]) expect(new Set(listenAddresses(port))).toEqual(new Set(['127.0.0.1']));
    }
  });

  it('sends no Access-Control-Allow-Origin to a foreign origin, on a request or a preflight', async () => {
    const origin = 'https://evil.example.org';
    const res = await fetch(svc.graphqlUrl, { method: 'POST', headers: { origin, 'content-type': 'application/json' }, body: '{"query":"{ sources { id } }"}' });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const pre = await fetch(svc.graphqlUrl, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } });
    expect(pre.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses an oversized body, a too deep query and a too costly one', async () => {
    const big = await fetch(svc.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ search(text: "${'a'.repeat(200_000)}") { score } }` }),
    });
    expect(big.status).toBe(413);
    expect(((await big.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('PAYLOAD_TOO_LARGE');

    let deep = 'id';
    for (let i = 0; i < 12; i++) deep = `relations(first: 1) { other { ${deep} } }`;
    const depth = await gql(svc.graphqlUrl, `{ entity(name: "Tartus") { ${deep} } }`);
    expect(depth.status).toBe(400);
    expect(depth.body?.errors?.map((e) => e.extensions?.code)).toContain('GRAPHQL_VALIDATION_FAILED');
    expect(depth.body?.data).toBeUndefined();

    const costly = await gql(svc.graphqlUrl, '{ entity(name: "Tartus") { relations(first: 100) { other { relations(first: 100) { other { relations(first: 100) { id } } } } } } }');
    expect(costly.status).toBe(400);
    expect(costly.body?.errors?.map((e) => e.extensions?.code)).toContain('GRAPHQL_VALIDATION_FAILED');
  });

  // Regression (issue 9, finding 3): `npm start` ran in development mode: stack traces with
  // absolute paths, Neo4j's own error text and "did you mean" suggestions reached clients.
  it('runs as production: no stack trace, internal path, Neo4j text or suggestion in any error', async () => {
    const answers = await Promise.all([
      gql(svc.graphqlUrl, `{ search(text: "${'㌀'.repeat(200)}") { score } }`),
      gql(svc.graphqlUrl, '{ entity(name: "No Such Place Anywhere") { id } }'),
      gql(svc.graphqlUrl, '{ search(text: "Tartus", kinds: [Evnt]) { score } }'),
      gql(svc.graphqlUrl, '{ entiti(name: "Tartus") { id } }'),
      gql(svc.graphqlUrl, '{ neighbourhood(name: "Tartus", depth: 9) { truncated } }'),
    ]);
    for (const a of answers) {
      const text = JSON.stringify(a.body);
      expect(a.body?.errors?.length, text).toBeGreaterThan(0);
      expect(text).not.toMatch(stackTrace);
      expect(text).not.toMatch(/Neo4jError|Neo\.|\/src\/|Did you mean|Suggestion hidden/);
      expect(a.body?.errors?.map((e) => e.extensions?.code)).not.toContain('INTERNAL_SERVER_ERROR');
    }
    expect(svc.logs()).toMatch(/Mode\s+production/);
  });

  it('writes no password to its logs', () => {
    expect(svc.logs().length).toBeGreaterThan(0);
    expect(svc.logs()).not.toContain(db.password);
  });
});

describe('NODE_ENV=production', () => {
  const origin = 'https://viz.example.org';
  let prod: ServiceProcess;
  beforeAll(async () => {
    prod = await service({ NODE_ENV: 'production', CORS_ORIGINS: origin });
  });

  it('sends no stack traces, for a resolver error or a validation error', async () => {
    const notFound = await gql(prod.graphqlUrl, '{ entity(name: "No Such Place Anywhere") { id } }');
    expect(notFound.body?.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const invalid = await gql(prod.graphqlUrl, '{ neighbourhood(name: "Tartus", depth: 9) { truncated } }');
    expect(invalid.body?.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    for (const r of [notFound, invalid]) expect(JSON.stringify(r.body)).not.toMatch(stackTrace);
  });

  it('answers introspection (the schema is public), unless INTROSPECTION=false', async () => {
    const introspection = '{ __schema { queryType { name } } }';
    const allowed = await gql(prod.graphqlUrl, introspection);
    expect(allowed.body).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });

    const closed = await service({ NODE_ENV: 'production', INTROSPECTION: 'false' });
    const refused = await gql(closed.graphqlUrl, introspection);
    expect(refused.body?.errors?.map((e) => e.extensions?.code)).toContain('GRAPHQL_VALIDATION_FAILED');
    expect(refused.body?.data).toBeUndefined();
    await closed.stop();
  });

  it('opens CORS to exactly the CORS_ORIGINS', async () => {
    const pre = await fetch(prod.graphqlUrl, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } });
    expect(pre.headers.get('access-control-allow-origin')).toBe(origin);
    const res = await fetch(prod.graphqlUrl, { method: 'POST', headers: { origin, 'content-type': 'application/json' }, body: '{"query":"{ sources { id } }"}' });
    expect(res.headers.get('access-control-allow-origin')).toBe(origin);
    const foreign = await fetch(prod.graphqlUrl, { method: 'POST', headers: { origin: 'https://evil.example.org', 'content-type': 'application/json' }, body: '{"query":"{ sources { id } }"}' });
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('credentials never reach the logs', () => {
  it('on a start with Neo4j unreachable and the credentials in the URI', async () => {
    const uriSecret = 'Uri-Secret-7c1f';
    const port = await freePort(); // nothing listens there
    const { exit, logs } = await failedStart({ NEO4J_URI: `bolt://neo4j:${uriSecret}@127.0.0.1:${port}`, NEO4J_USER: 'neo4j', NEO4J_PASSWORD: db.password });
    expect(exit).not.toBe(0);
    expect(logs.length).toBeGreaterThan(0);
    expect(logs).not.toContain(uriSecret);
    expect(logs).not.toContain(db.password);
  }, 90_000);

  it('on a start with a wrong password', async () => {
    const wrong = 'Wrong-Password-3b9e';
    const { exit, logs } = await failedStart({ ...neo4jEnv, NEO4J_PASSWORD: wrong });
    expect(exit).not.toBe(0);
    expect(logs).toMatch(/auth|unauthori[sz]ed|credential/i);
    expect(logs).not.toContain(wrong);
    expect(logs).not.toContain(db.password);
    // Neo4j locks the user for a few seconds after failed logins: wait until it lets us in again,
    // so that the next test file finds its database usable.
    const driver = neo4j.driver(db.uri, neo4j.auth.basic(db.user, db.password));
    try {
      for (let i = 0; ; i++) {
        try {
          await driver.executeQuery('RETURN 1');
          break;
        } catch (err) {
          if (i >= 40) throw err;
          await sleep(500);
        }
      }
    } finally {
      await driver.close();
    }
  }, 90_000);
});
