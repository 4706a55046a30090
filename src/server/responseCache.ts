/**
 * A response cache keyed by the graph's version. The graph changes only when a load commits, and
 * every load bumps the version node in its own transaction (cypher/seed/bump-graph-version.cypher),
 * so an answer is valid for exactly as long as the version it was computed under. Answers are
 * kept per (version, query text, operation name, variables) — asOf, sources and every other
 * argument are part of the query or its variables, so they are part of the key by construction —
 * in a bounded LRU (lru-cache, sized in bytes of JSON). The version is read from the database, not
 * remembered by this process, so replicas behind a load balancer agree on it; it is re-read at
 * most every `versionTtlMs` (0: on every request), concurrent requests sharing one read.
 *
 * Only successful query answers are stored (no errors, no partial data). Validation and the cost
 * limit run before the cache is consulted, so a cached answer is never one the limits would refuse.
 */
import { HeaderMap, type ApolloServerPlugin, type GraphQLResponse } from '@apollo/server';
import { LRUCache } from 'lru-cache';
import { AppError, ErrorCode } from '../errors/index.js';
import type { Executor } from '../db/executor.js';
import type { Logger } from '../log.js';
import type { RequestContext } from '../resolvers/index.js';

/** Where the current graph version comes from. */
export interface GraphVersionSource {
  /** The version now; rejects when the database cannot be asked (the cache is then bypassed). */
  current(): Promise<number>;
}

/**
 * Reads `graph.version` at most once per `ttlMs`; concurrent callers share the read in flight.
 * `now` is injectable for tests.
 */
export function graphVersionReader(executor: Executor, ttlMs: number, now: () => number = () => performance.now()): GraphVersionSource {
  let value: number | undefined;
  let readAt = -Infinity;
  let inFlight: Promise<number> | undefined;
  return {
    current() {
      if (value !== undefined && now() - readAt < ttlMs) return Promise.resolve(value);
      inFlight ??= executor
        .read('graph.version', {}, { operation: 'responseCache.version' })
        .then((rows) => {
          value = Number(rows[0]?.version ?? 0);
          readAt = now();
          return value;
        })
        .finally(() => {
          inFlight = undefined;
        });
      return inFlight;
    },
  };
}

export interface ResponseCacheOptions {
  /** Largest total size of the cached answers, in bytes of their JSON; 0 turns the cache off. */
  maxBytes: number;
  versionSource: GraphVersionSource;
  log: Logger;
}

type SingleResult = Extract<GraphQLResponse['body'], { kind: 'single' }>['singleResult'];

/** Counters, for the request log and tests. */
export interface ResponseCacheStats {
  hits: number;
  misses: number;
  stored: number;
}

/** The Apollo plugin; `stats` counts hits and misses since it was made. */
export function responseCachePlugin(opts: ResponseCacheOptions): ApolloServerPlugin<RequestContext> & { stats: ResponseCacheStats } {
  const cache = new LRUCache<string, { result: SingleResult; size: number }>({
    maxSize: opts.maxBytes,
    sizeCalculation: (entry, key) => key.length + entry.size,
  });
  const stats: ResponseCacheStats = { hits: 0, misses: 0, stored: 0 };
  return {
    stats,
    async requestDidStart() {
      let key: string | undefined;
      let hit = false;
      return {
        async responseForOperation({ request, operation, contextValue }) {
          if (!operation || operation.operation !== 'query' || request.query === undefined) return null;
          let version: number;
          try {
            version = await opts.versionSource.current();
          } catch (err) {
            // The database is down: the operation's own queries would fail the same way, after
            // another round of driver retries. Answer SERVICE_UNAVAILABLE now (and never from the
            // cache: without the version a cached answer may be stale).
            // (Answered here rather than thrown: Apollo turns a plugin's exception into a 500 and
            // skips willSendResponse, where admission slots are given back.)
            if (err instanceof AppError && err.code === ErrorCode.SERVICE_UNAVAILABLE) {
              return {
                http: { status: 503, headers: new HeaderMap() },
                body: { kind: 'single', singleResult: { errors: [{ message: err.message, extensions: { code: err.code } }] } },
              };
            }
            opts.log.warn({ err }, 'response cache: graph version unreadable; answering uncached');
            return null;
          }
          try {
            key = JSON.stringify([version, request.operationName ?? null, request.query, request.variables ?? {}]);
          } catch {
            return null; // variables too deeply nested to serialise: answer uncached, as if there were no cache
          }
          const cached = cache.get(key);
          if (!cached) {
            stats.misses++;
            return null;
          }
          hit = true;
          stats.hits++;
          contextValue.stats.cached = true;
          return { http: { headers: new HeaderMap() }, body: { kind: 'single', singleResult: cached.result } };
        },
        async willSendResponse({ response, errors }) {
          if (key === undefined || hit || (errors?.length ?? 0) > 0 || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          if (result.errors !== undefined || result.data === undefined || result.data === null) return;
          let size: number;
          try {
            size = JSON.stringify(result).length;
          } catch {
            return;
          }
          if (size + key.length > opts.maxBytes) return;
          cache.set(key, { result, size });
          stats.stored++;
        },
      };
    },
  };
}
