/**
 * Field resolvers every entity type shares (Person, Group, Place and Event implement `Entity`;
 * Apollo does not inherit resolvers from interfaces, so each type spreads these in).
 */
import type { GraphQLResolveInfo } from 'graphql';
import type { RequestContext } from './context.js';
import type { RelationsKey } from './loaders.js';
import { nestedRelationsArgs, slimSelection } from './lookahead.js';
import { intInRange, LIMITS, relationTypesArg, pageSize } from './args.js';
import { citationRefs, type EntityNode, type RelationModel } from './model.js';
import { FULL_VIEW, inView, viewOf, visibleCitations, type View, type ViewArgs } from './view.js';

/** The Direction enum's values. */
export type Direction = 'OUT' | 'IN' | 'BOTH';

/** Arguments of `relations` on every entity type. */
export interface RelationsArgs extends ViewArgs {
  types?: string[] | null;
  direction?: Direction | null;
  first?: number | null;
}

/** Loads an entity's links of fixed types and direction (under its view), for the one-hop shortcut fields. */
export function shortcut(ctx: RequestContext, entity: EntityNode, types: string[], direction: Direction): Promise<RelationModel[]> {
  return ctx.loaders.relations({ types, direction, first: LIMITS.shortcutMax, view: entity.view ?? FULL_VIEW }).load(entity.id);
}

/** Resolves a nullable reference to an entity by id, answering under `view` when given. */
export async function entityRef(ctx: RequestContext, id: string | null | undefined, view?: View): Promise<EntityNode | null> {
  if (!id) return null;
  const e = await ctx.loaders.entity.load(id);
  return e && view ? inView(e, view) : e;
}

/** The loader key of the nested `other { relations(…) }` field, when the look-ahead finds one and its arguments are valid. */
function innerKey(info: GraphQLResolveInfo, slim: boolean): RelationsKey | null {
  const args = nestedRelationsArgs(info) as RelationsArgs | null;
  if (!args) return null;
  try {
    return { types: relationTypesArg('types', args.types), direction: args.direction ?? 'BOTH', first: pageSize('Entity.relations', args.first), view: FULL_VIEW, slim };
  } catch {
    return null; // invalid: the nested field itself answers with the error
  }
}

/** Resolvers of the Entity interface's fields that need more than the node's properties. */
export const entityFields = {
  claimedBy: (e: EntityNode, _: unknown, ctx: RequestContext) => entityRef(ctx, e.claimedBy, e.view),
  citations: (e: EntityNode) => visibleCitations(e.view, citationRefs(e)),
  commonNames: (e: EntityNode) => (Array.isArray(e.commonNames) ? e.commonNames : []),
  /** Set only on an entity resolved from a name (src/resolvers/names.ts). */
  match: (e: EntityNode & { nameMatch?: unknown }) => e.nameMatch ?? null,
  relations: async (e: EntityNode, args: RelationsArgs, ctx: RequestContext, info: GraphQLResolveInfo) => {
    const types = relationTypesArg('types', args.types);
    const first = pageSize('Entity.relations', args.first);
    const view = await viewOf(ctx, args, e.view);
    // An entity reached by a slim read finds its links in the slim-keyed cache (src/resolvers/loaders.ts).
    const key: RelationsKey = { types, direction: args.direction ?? 'BOTH', first, view, ...(e.slim ? { slim: true } : {}) };
    // `relations { other { relations } }`: both levels in one statement, unless this level is
    // already loaded (as the inner level of the field above) or a view applies; with only the
    // slim fields selected below, projecting just those.
    if (view.sourceIds === null && !ctx.loaders.relationsKnown(key, e.id)) {
      const slim = slimSelection(info);
      const inner = innerKey(info, slim);
      if (inner) return ctx.loaders.relationsWithNested({ ...key, ...(slim ? { slim: true } : {}) }, inner).load(e.id);
    }
    return ctx.loaders.relations(key).load(e.id);
  },
};
