/** The resolver map: one module per area, merged per type. */
import { aggregateResolvers } from './aggregates.js';
import { claimResolvers } from './claims.js';
import { entityResolvers } from './entities.js';
import { eventResolvers } from './events.js';
import { neighbourhoodResolvers } from './neighbourhood.js';
import { pathResolvers } from './paths.js';
import { searchResolvers } from './search.js';
import { sourceResolvers } from './sources.js';

type ResolverMap = Record<string, Record<string, unknown>>;

function merge(...maps: ResolverMap[]): ResolverMap {
  const out: ResolverMap = {};
  for (const m of maps) for (const [type, fields] of Object.entries(m)) out[type] = { ...out[type], ...fields };
  return out;
}

/** Every resolver, by type and field, as Apollo Server takes them. */
export const resolvers = merge(
  entityResolvers, searchResolvers, neighbourhoodResolvers, pathResolvers, eventResolvers, claimResolvers, sourceResolvers, aggregateResolvers,
);

export { createRequestContext, type RequestContext } from './context.js';
