/**
 * What every resolver receives: the request's id, a query function bound to the request (so the
 * executor's events say which request asked), and the request's batch loaders. A new context,
 * with empty loader caches, is made for every request: nothing is cached across requests.
 */
import type { Executor, Row } from '../db/executor.js';
import type { QueryName } from '../cypher/queries.js';
import { createLoaders, type Loaders } from './loaders.js';

/** The per-request context Apollo hands to every resolver. */
export interface RequestContext {
  requestId: string;
  /** Who asked: the remote address, by which admission control tells clients apart. A plain
   *  field, not a lookup keyed by this object: Apollo hands plugins a shallow copy of it. */
  client: string;
  /** Runs a catalogued read query for this request; `operation` names the field asking. */
  read(query: QueryName, params: Record<string, unknown>, operation: string): Promise<Row[]>;
  loaders: Loaders;
  /** Counters for the request log. A mutable object: Apollo shallow-copies the context. */
  stats: { queries: number; cached?: boolean };
}

/** A fresh context (fresh loaders, zero counters) for one request. */
export function createRequestContext(executor: Executor, requestId: string, client = ''): RequestContext {
  const stats = { queries: 0 };
  const read: RequestContext['read'] = (query, params, operation) => {
    stats.queries++;
    return executor.read(query, params, { operation, requestId });
  };
  return { requestId, client, read, loaders: createLoaders(read), stats };
}
