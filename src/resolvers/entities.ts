/**
 * Entities: lookups by name and id, the Entity interface and the type-specific one-hop fields of
 * people, groups and places (events are in events.ts), and the links between entities.
 */
import type { RequestContext } from './context.js';
import { intInRange, LIMITS } from './args.js';
import { citationRefs, type EntityNode, type RelationModel } from './model.js';
import { resolveNames } from './names.js';
import { entityFields, entityRef, shortcut } from './shared.js';

/** This area's resolvers, merged in ./index.ts. */
export const entityResolvers = {
  Query: {
    entity: async (_: unknown, args: { name: string }, ctx: RequestContext) =>
      (await resolveNames(ctx, [{ argument: 'name', text: args.name }], 'Query.entity'))[0],
    entityById: (_: unknown, args: { id: string }, ctx: RequestContext) => ctx.loaders.entity.load(args.id),
  },

  Entity: {
    __resolveType: (e: EntityNode) => e.kind,
  },

  Person: {
    ...entityFields,
    roles: (p: EntityNode) => (Array.isArray(p.roles) ? p.roles : []),
    groups: async (p: EntityNode, _: unknown, ctx: RequestContext) => {
      const links = await shortcut(ctx, p.id, ['MEMBER_OF', 'LED_BY'], 'BOTH');
      // A person's groups: those they are a member of, and those led by them.
      return links.filter(
        (r) => r.other.kind === 'Group' && ((r.type === 'MEMBER_OF' && r.direction === 'OUT') || (r.type === 'LED_BY' && r.direction === 'IN')),
      );
    },
    relatives: (p: EntityNode, _: unknown, ctx: RequestContext) => shortcut(ctx, p.id, ['RELATIVE_OF'], 'BOTH'),
  },

  Group: {
    ...entityFields,
    leaders: (g: EntityNode, _: unknown, ctx: RequestContext) => shortcut(ctx, g.id, ['LED_BY'], 'OUT'),
    members: (g: EntityNode, _: unknown, ctx: RequestContext) => shortcut(ctx, g.id, ['MEMBER_OF'], 'IN'),
  },

  Place: {
    ...entityFields,
    parents: (p: EntityNode, _: unknown, ctx: RequestContext) => ctx.loaders.placeContainers.load(p.id),
    children: async (p: EntityNode, _: unknown, ctx: RequestContext) =>
      (await shortcut(ctx, p.id, ['LOCATED_IN'], 'IN')).filter((r) => r.other.kind === 'Place').map((r) => r.other),
    events: (p: EntityNode, args: { first?: number | null }, ctx: RequestContext) =>
      ctx.loaders.placeEvents(intInRange('first', args.first, LIMITS.placeEventsFirst, 50)).load(p.id),
  },

  Relation: {
    claimedBy: (r: RelationModel, _: unknown, ctx: RequestContext) => entityRef(ctx, r.claimedBy),
    event: (r: RelationModel, _: unknown, ctx: RequestContext) => entityRef(ctx, r.event),
    citations: (r: RelationModel) => citationRefs(r),
  },
};
