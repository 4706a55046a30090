/**
 * Starts the real GraphQL service (real Express + Apollo, real executor, real Neo4j from the test
 * harness) on port 0 and sends it real HTTP requests. Counts the Cypher queries each request runs
 * through the executor's query events, keyed by the request id we send.
 */
import { randomUUID } from 'node:crypto';
import type { Driver } from 'neo4j-driver';
import { loadQueries, type Queries } from '../../../src/cypher/queries.js';
import { createDriver } from '../../../src/db/driver.js';
import { createExecutor, type Executor, type QueryEvent } from '../../../src/db/executor.js';
import { createLogger, type Logger } from '../../../src/log.js';
import type { ArmorLimits } from '../../../src/server/armor.js';
import { createServer, type RunningServer, type ServerConfig } from '../../../src/server/createServer.js';
import { testNeo4j } from '../../support/testNeo4j.js';

export interface GraphQLBody {
  data?: Record<string, any> | null;
  errors?: { message: string; extensions?: Record<string, any>; path?: unknown[] }[];
}

export interface GqlResult {
  status: number;
  body: GraphQLBody;
  /** Cypher queries the request ran. */
  queries: QueryEvent[];
}

export interface Api {
  server: RunningServer;
  executor: Executor;
  driver: Driver;
  /** POSTs a GraphQL request; never throws on GraphQL errors. */
  gql(query: string, variables?: Record<string, unknown>): Promise<GqlResult>;
  /** Like gql, but fails the test when there are errors; returns `data`. */
  data(query: string, variables?: Record<string, unknown>): Promise<Record<string, any>>;
  close(): Promise<void>;
}

export const DEFAULT_TEST_CONFIG: ServerConfig = {
  host: '127.0.0.1',
  port: 0,
  production: false,
  introspection: true,
  corsOrigins: [],
  bodyLimit: '100kb',
};

export interface StartOptions {
  config?: Partial<ServerConfig>;
  /** Connect to this URI instead of the test Neo4j (e.g. a closed port). */
  neo4jUri?: string;
  queryTimeoutMs?: number;
  limits?: Partial<ArmorLimits>;
  /** How long close() waits for in-flight requests (default 2 s, to keep teardown quick). */
  drainMs?: number;
  /** Neo4j Browser's URL: its origin may read the Browser style and guide cross-origin. */
  neo4jBrowserUrl?: string;
  /** Changes the query catalogue before use (a test that forces one code path, e.g. the hub one). */
  alterQueries?: (queries: Queries) => Queries;
  /** The server's logger (default: silent); a test that watches the request log passes its own. */
  log?: Logger;
}

export async function startApi(opts: StartOptions = {}): Promise<Api> {
  const db = testNeo4j();
  const driver = createDriver({ uri: opts.neo4jUri ?? db.uri, user: db.user, password: db.password });
  const queries = await loadQueries();
  const executor = createExecutor(driver, opts.alterQueries ? opts.alterQueries(queries) : queries, { queryTimeoutMs: opts.queryTimeoutMs ?? 10_000 });
  const server = await createServer({
    config: { ...DEFAULT_TEST_CONFIG, ...opts.config },
    executor,
    log: opts.log ?? createLogger('silent'),
    drainMs: opts.drainMs ?? 2_000,
    ...(opts.limits ? { limits: opts.limits } : {}),
    ...(opts.neo4jBrowserUrl ? { neo4jBrowserUrl: opts.neo4jBrowserUrl } : {}),
  });

  const events = new Map<string, QueryEvent[]>();
  executor.onQuery((e) => {
    if (e.requestId === undefined) return;
    const list = events.get(e.requestId) ?? [];
    list.push(e);
    events.set(e.requestId, list);
  });

  const gql = async (query: string, variables?: Record<string, unknown>): Promise<GqlResult> => {
    const requestId = randomUUID();
    const res = await fetch(server.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'x-request-id': requestId },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as GraphQLBody;
    const queries = events.get(requestId) ?? [];
    events.delete(requestId);
    return { status: res.status, body, queries };
  };

  return {
    server,
    executor,
    driver,
    gql,
    async data(query, variables) {
      const { body } = await gql(query, variables);
      if (body.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors, null, 2)}`);
      return body.data ?? {};
    },
    async close() {
      await server.close();
      await driver.close();
    },
  };
}

/** The codes of a response's errors. */
export function codes(body: GraphQLBody): unknown[] {
  return (body.errors ?? []).map((e) => e.extensions?.code);
}
