/**
 * The only module that runs queries on the driver. Every query:
 * - comes from the catalogue (cypher/queries) by name — never ad-hoc text;
 * - runs in `executeRead` (routable to read replicas, retried on transient errors) in its own
 *   session, closed in `finally`;
 * - carries a server-side transaction timeout and metadata naming the operation, the query and the
 *   request, so `SHOW TRANSACTIONS` and query logs say who asked;
 * - returns plain JS rows (no Integer/Date/Record objects);
 * - fails with an AppError (SERVICE_UNAVAILABLE, TIMEOUT, INTERNAL_SERVER_ERROR).
 * Listeners see one event per query; tests use them to prove a request's round trips are bounded.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import type { Queries, QueryName } from '../cypher/queries.js';
import { fromNeo4jError } from '../errors/index.js';
import { toNeo4jParams, toPlain, type Plain } from './toPlain.js';

/** One result row with plain JS values. */
export type Row = Record<string, Plain>;

/** Who is asking: the GraphQL operation (root field) and the HTTP request. */
export interface QueryScope {
  operation: string;
  requestId?: string | undefined;
}

/** One finished query, for counting and logging. */
export interface QueryEvent {
  query: QueryName;
  operation: string;
  requestId: string | undefined;
  durationMs: number;
  rows: number;
  /** The public error code when the query failed. */
  error?: string;
}

/** Receives every finished query (tests count them per request). */
export type QueryListener = (event: QueryEvent) => void;

/** Where and how long queries may run. */
export interface ExecutorOptions {
  database?: string | undefined;
  /** Server-side transaction timeout for every query. */
  queryTimeoutMs: number;
}

/** The read-only query runner that resolvers and /health use. */
export interface Executor {
  /** Runs a catalogued read query and returns its rows as plain objects. */
  read(query: QueryName, params: Record<string, unknown>, scope: QueryScope): Promise<Row[]>;
  /**
   * Plans a catalogued query without running it (EXPLAIN), so Neo4j's plan cache holds it before a
   * user waits for it. `params` should have the types the resolvers send: they are part of the key.
   */
  explain(query: QueryName, params: Record<string, unknown>): Promise<void>;
  /**
   * Runs a catalogued read query and hands its rows to `onRow` one at a time as they arrive
   * (awaiting it: a slow HTTP client slows the read instead of rows piling up in memory). One
   * explicit read transaction, not retried (rows already handed on cannot be taken back), with
   * the same timeout and metadata as `read`. Resolves with the number of rows.
   */
  stream(query: QueryName, params: Record<string, unknown>, scope: QueryScope, onRow: (row: Row) => Promise<void> | void, timeoutMs?: number): Promise<number>;
  /** Resolves when Neo4j answers a trivial query within `timeoutMs`; rejects with an AppError otherwise. */
  ping(timeoutMs?: number): Promise<void>;
  /** Subscribes to query events; returns the unsubscribe function. */
  onQuery(listener: QueryListener): () => void;
}

/** Wraps a driver and the loaded query catalogue into an Executor. */
export function createExecutor(driver: Driver, queries: Queries, opts: ExecutorOptions): Executor {
  const listeners = new Set<QueryListener>();
  const emit = (e: QueryEvent) => {
    for (const l of listeners) {
      try {
        l(e);
      } catch {
        // A faulty listener must not fail the query it observes.
      }
    }
  };

  async function run(query: QueryName, params: Record<string, unknown>, scope: QueryScope, timeoutMs: number): Promise<Row[]> {
    const started = performance.now();
    const session = driver.session({ database: opts.database, defaultAccessMode: neo4j.session.READ });
    try {
      const result = await session.executeRead((tx) => tx.run(queries[query], toNeo4jParams(params)), {
        timeout: timeoutMs,
        metadata: { app: 'clashgraph', operation: scope.operation, query, requestId: scope.requestId ?? null },
      });
      const rows = result.records.map((r) => toPlain(r.toObject()) as Row);
      emit({ query, operation: scope.operation, requestId: scope.requestId, durationMs: performance.now() - started, rows: rows.length });
      return rows;
    } catch (err) {
      const appError = fromNeo4jError(err);
      emit({ query, operation: scope.operation, requestId: scope.requestId, durationMs: performance.now() - started, rows: 0, error: appError.code });
      throw appError;
    } finally {
      await session.close().catch(() => {});
    }
  }

  async function stream(query: QueryName, params: Record<string, unknown>, scope: QueryScope, onRow: (row: Row) => Promise<void> | void, timeoutMs = opts.queryTimeoutMs): Promise<number> {
    const started = performance.now();
    const session = driver.session({ database: opts.database, defaultAccessMode: neo4j.session.READ });
    let rows = 0;
    try {
      const tx = await session.beginTransaction({
        timeout: timeoutMs,
        metadata: { app: 'clashgraph', operation: scope.operation, query, requestId: scope.requestId ?? null },
      });
      try {
        for await (const record of tx.run(queries[query], toNeo4jParams(params))) {
          rows++;
          await onRow(toPlain(record.toObject()) as Row);
        }
        await tx.commit();
      } finally {
        if (tx.isOpen()) await tx.rollback().catch(() => {});
      }
      emit({ query, operation: scope.operation, requestId: scope.requestId, durationMs: performance.now() - started, rows });
      return rows;
    } catch (err) {
      const appError = err instanceof Error && err.name === 'AppError' ? err : fromNeo4jError(err);
      emit({ query, operation: scope.operation, requestId: scope.requestId, durationMs: performance.now() - started, rows, error: (appError as { code?: string }).code ?? 'INTERNAL_SERVER_ERROR' });
      throw appError;
    } finally {
      await session.close().catch(() => {});
    }
  }

  return {
    read: (query, params, scope) => run(query, params, scope, opts.queryTimeoutMs),
    stream,

    async explain(query, params) {
      const session = driver.session({ database: opts.database, defaultAccessMode: neo4j.session.READ });
      try {
        await session.executeRead((tx) => tx.run(`EXPLAIN ${queries[query]}`, toNeo4jParams(params)), {
          timeout: opts.queryTimeoutMs,
          metadata: { app: 'clashgraph', operation: 'warm-up', query, requestId: null },
        });
      } catch (err) {
        throw fromNeo4jError(err);
      } finally {
        await session.close().catch(() => {});
      }
    },

    async ping(timeoutMs = 2_000) {
      // The server-side timeout does not help when the server does not answer at all,
      // so the health check also bounds its wait on this side.
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(fromNeo4jError(Object.assign(new Error('health check timed out'), { code: 'ServiceUnavailable' }))), timeoutMs);
      });
      try {
        await Promise.race([run('health.ping', {}, { operation: 'health' }, timeoutMs), deadline]);
      } finally {
        clearTimeout(timer);
      }
    },

    onQuery(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
