/**
 * Entities: lookups by name and id, the Entity interface and the type-specific one-hop fields of
 * people, groups and places (events are in events.ts), and the links between entities.
 */
import type { RequestContext } from './context.js';
import { intInRange, LIMITS, pageSize } from './args.js';
import { citationRefs, type EntityNode, type RelationModel } from './model.js';
import { resolveNames } from './names.js';
import { entityFields, entityRef, shortcut } from './shared.js';
import { inView, viewOf, visible, visibleCitations, type ViewArgs } from './view.js';

/** This area's resolvers, merged in ./index.ts. */
export const entityResolvers = {
  Query: {
    entity: async (_: unknown, args: { name: string } & ViewArgs, ctx: RequestContext) => {
      const view = await viewOf(ctx, args);
      return inView((await resolveNames(ctx, [{ argument: 'name', text: args.name }], 'Query.entity', view))[0]!, view);
    },
    entityById: async (_: unknown, args: { id: string } & ViewArgs, ctx: RequestContext) => {
      const [view, e] = await Promise.all([viewOf(ctx, args), ctx.loaders.entity.load(args.id)]);
      return e && visible(view, e.knownIn) ? inView(e, view) : null;
    },
  },

  Entity: {
    __resolveType: (e: EntityNode) => e.kind,
  },

  Person: {
    ...entityFields,
    roles: (p: EntityNode) => (Array.isArray(p.roles) ? p.roles : []),
    groups: async (p: EntityNode, _: unknown, ctx: RequestContext) => {
      const links = await shortcut(ctx, p, ['MEMBER_OF', 'LED_BY'], 'BOTH');
      // A person's groups: those they are a member of, and those led by them.
      return links.filter(
        (r) => r.other.kind === 'Group' && ((r.type === 'MEMBER_OF' && r.direction === 'OUT') || (r.type === 'LED_BY' && r.direction === 'IN')),
      );
    },
    relatives: (p: EntityNode, _: unknown, ctx: RequestContext) => shortcut(ctx, p, ['RELATIVE_OF'], 'BOTH'),
  },

  Group: {
    ...entityFields,
    leaders: (g: EntityNode, _: unknown, ctx: RequestContext) => shortcut(ctx, g, ['LED_BY'], 'OUT'),
    members: (g: EntityNode, _: unknown, ctx: RequestContext) => shortcut(ctx, g, ['MEMBER_OF'], 'IN'),
  },

  Place: {
    ...entityFields,
    parents: (p: EntityNode, _: unknown, ctx: RequestContext) => ctx.loaders.placeContainers(p.view).load(p.id),
    children: async (p: EntityNode, _: unknown, ctx: RequestContext) =>
      (await shortcut(ctx, p, ['LOCATED_IN'], 'IN')).filter((r) => r.other.kind === 'Place').map((r) => r.other),
    events: (p: EntityNode, args: { first?: number | null }, ctx: RequestContext) =>
      ctx.loaders.placeEvents(pageSize('Place.events', args.first), p.view).load(p.id),
  },

  Relation: {
    claimedBy: (r: RelationModel, _: unknown, ctx: RequestContext) => entityRef(ctx, r.claimedBy, r.view),
    event: (r: RelationModel, _: unknown, ctx: RequestContext) => entityRef(ctx, r.event, r.view),
    citations: (r: RelationModel) => visibleCitations(r.view, citationRefs(r)),
  },
};
