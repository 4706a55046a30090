/**
 * Field resolvers every entity type shares (Person, Group, Place and Event implement `Entity`;
 * Apollo does not inherit resolvers from interfaces, so each type spreads these in).
 */
import type { RequestContext } from './context.js';
import { intInRange, LIMITS, relationTypesArg } from './args.js';
import { citationRefs, type EntityNode, type RelationModel } from './model.js';

/** The Direction enum's values. */
export type Direction = 'OUT' | 'IN' | 'BOTH';

/** Arguments of `relations` on every entity type. */
export interface RelationsArgs {
  types?: string[] | null;
  direction?: Direction | null;
  first?: number | null;
}

/** Loads an entity's links of fixed types and direction, for the one-hop shortcut fields. */
export function shortcut(ctx: RequestContext, entityId: string, types: string[], direction: Direction): Promise<RelationModel[]> {
  return ctx.loaders.relations({ types, direction, first: LIMITS.shortcutMax }).load(entityId);
}

/** Resolves a nullable reference to an entity by id. */
export function entityRef(ctx: RequestContext, id: string | null | undefined): Promise<EntityNode | null> | null {
  return id ? ctx.loaders.entity.load(id) : null;
}

/** Resolvers of the Entity interface's fields that need more than the node's properties. */
export const entityFields = {
  claimedBy: (e: EntityNode, _: unknown, ctx: RequestContext) => entityRef(ctx, e.claimedBy),
  citations: (e: EntityNode) => citationRefs(e),
  commonNames: (e: EntityNode) => (Array.isArray(e.commonNames) ? e.commonNames : []),
  /** Set only on an entity resolved from a name (src/resolvers/names.ts). */
  match: (e: EntityNode & { nameMatch?: unknown }) => e.nameMatch ?? null,
  relations: (e: EntityNode, args: RelationsArgs, ctx: RequestContext) =>
    ctx.loaders
      .relations({
        types: relationTypesArg('types', args.types),
        direction: args.direction ?? 'BOTH',
        first: intInRange('first', args.first, LIMITS.relationsFirst, 100),
      })
      .load(e.id),
};
