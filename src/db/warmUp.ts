/**
 * Start-up warm-up of the query plans that take Neo4j seconds to plan. Neo4j plans a query the
 * first time it sees its text with given parameter types and caches the plan; without this the
 * first user of each would wait for it (measured at 1M entities, first EXPLAIN: paths.between ~1.7 s,
 * neighbourhood.within ~1.2 s, relations.denseDegrees ~0.5–1.5 s (104 degree counts), events.page
 * ~0.9 s; the others well under 0.5 s, each relations.ofDenseEntitiesOfType:<TYPE> ~0.1 s). The
 * parameters have the types the resolvers send, as they are part of the cache key; so is the size
 * of a list, in buckets (measured on 5.26: 1, 2–10, 11–100… ids each plan anew), hence relations.denseDegrees for one hub (an `entity` request)
 * and for a few (a nested level). Values do not matter (EXPLAIN runs nothing).
 */
import type { QueryName } from '../cypher/queries.js';
import { RELATION_TYPE_NAMES } from '../seed/vocabulary.js';
import type { Executor } from './executor.js';

const types = [...RELATION_TYPE_NAMES];

export const WARM_UP_QUERIES: ReadonlyArray<readonly [QueryName, Record<string, unknown>]> = [
  ['relations.denseDegrees', { ids: ['warm-up'] }],
  ['relations.denseDegrees', { ids: ['warm-up-1', 'warm-up-2', 'warm-up-3', 'warm-up-4', 'warm-up-5'] }],
  ['paths.between', { fromId: 'warm-up', toId: 'warm-up', maxHops: 4, first: 5, types, exclude: [] }],
  ['neighbourhood.within', { id: 'warm-up', depth: 2, types, exclude: [], first: 100, maxEdges: 2_000, maxDegree: 500 }],
  ['events.page', {
    types: [], subEventTypes: [], from: '2025-01-01', to: '2025-12-31', placeIds: ['warm-up'],
    participantIds: null, afterDate: null, afterId: null, limit: 21, sourceIds: null,
  }],
];

/** EXPLAINs each query of WARM_UP_QUERIES in turn; returns how long that took (ms) per query. */
export async function warmUpPlans(executor: Executor): Promise<Record<string, number>> {
  const took: Record<string, number> = {};
  for (const [query, params] of WARM_UP_QUERIES) {
    const t0 = performance.now();
    await executor.explain(query, params);
    took[query] = (took[query] ?? 0) + Math.round(performance.now() - t0);
  }
  return took;
}
