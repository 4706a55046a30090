/**
 * Events: the filtered, cursor-paginated timeline (Query.events) and the Event type's one-hop
 * fields (place, larger event, sub-events, participants, claims).
 */
import { AppError, ErrorCode } from '../errors/index.js';
import { ACLED_EVENT_TYPES } from '../seed/vocabulary.js';
import type { RequestContext } from './context.js';
import { dateBoundArg, decodeCursor, encodeCursor, intInRange, LIMITS, listArg, pageSize } from './args.js';
import { citationRefs, toEntity, type EntityNode, type RelationModel } from './model.js';
import { resolveNames, type NameArg } from './names.js';
import { entityFields, entityRef, shortcut } from './shared.js';
import { markConflicts } from './claimOrder.js';
import { FULL_VIEW, inView, viewOf, visible, visibleCitations, type View, type ViewArgs } from './view.js';

export interface EventFilter {
  types?: string[] | null;
  subEventTypes?: string[] | null;
  participant?: string | null;
  place?: string | null;
  from?: string | null;
  to?: string | null;
}

/** The filter as query parameters (shared by events.page and events.count). */
interface FilterParams {
  types: string[];
  subEventTypes: string[];
  from: string | null;
  to: string | null;
  placeIds: string[] | null;
  participantIds: string[] | null;
  /** Documents admitted by the view (src/resolvers/view.ts), or null. */
  sourceIds: string[] | null;
}

/** What the EventConnection resolvers need: the page, and how to count. */
interface Connection {
  nodes: EntityNode[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  filter: FilterParams;
  view: View;
}

const EVENT_TYPES: readonly string[] = Object.keys(ACLED_EVENT_TYPES);
const SUB_EVENT_TYPES: readonly string[] = Object.values(ACLED_EVENT_TYPES).flat();

function vocabularyList(name: string, value: string[] | null | undefined, allowed: readonly string[]): string[] {
  const list = [...listArg(name, value)];
  const unknown = list.filter((v) => !allowed.includes(v));
  if (unknown.length > 0) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, `"${name}" has unknown values: ${unknown.join(', ')}.`, { argument: name, unknown, allowed });
  }
  return list;
}

/** The EventFilter as query parameters (shared with the aggregates). */
export async function filterParams(ctx: RequestContext, f: EventFilter, view: View): Promise<FilterParams> {
  const from = dateBoundArg('filter.from', f.from, 'first');
  const to = dateBoundArg('filter.to', f.to, 'last');
  if (from !== null && to !== null && from > to) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, `"filter.from" (${f.from}) is after "filter.to" (${f.to}).`, { argument: 'filter.from' });
  }
  const names: NameArg[] = [];
  if (f.participant != null) names.push({ argument: 'filter.participant', text: f.participant });
  if (f.place != null) names.push({ argument: 'filter.place', text: f.place });
  const resolved = names.length > 0 ? await resolveNames(ctx, names, 'Query.events', view) : [];
  const byArg = new Map(names.map((n, i) => [n.argument, resolved[i]!] as const));
  const place = byArg.get('filter.place');
  if (place && place.kind !== 'Place') {
    throw new AppError(ErrorCode.BAD_USER_INPUT, `"filter.place": ${place.name} is a ${place.kind}, not a place.`, { argument: 'filter.place' });
  }
  const participant = byArg.get('filter.participant');
  return {
    types: vocabularyList('filter.types', f.types, EVENT_TYPES),
    subEventTypes: vocabularyList('filter.subEventTypes', f.subEventTypes, SUB_EVENT_TYPES),
    from,
    to,
    placeIds: place ? [place.id] : null,
    participantIds: participant ? [participant.id] : null,
    sourceIds: view.sourceIds,
  };
}

const cursorOf = (e: EntityNode) => encodeCursor(String(e.startDate), e.id);

/** This area's resolvers, merged in ./index.ts. */
export const eventResolvers = {
  Query: {
    events: async (_: unknown, args: { filter?: EventFilter | null; first?: number | null; after?: string | null } & ViewArgs, ctx: RequestContext): Promise<Connection> => {
      const first = pageSize('Query.events', args.first);
      const after = decodeCursor('after', args.after);
      const view = await viewOf(ctx, args);
      const filter = await filterParams(ctx, args.filter ?? {}, view);
      const rows = await ctx.read(
        'events.page',
        { ...filter, afterDate: after?.startDate ?? null, afterId: after?.id ?? null, limit: first + 1 },
        'Query.events',
      );
      const nodes = rows.map((r) => toEntity(r.event));
      ctx.loaders.primeEntities(nodes);
      return { nodes: nodes.slice(0, first).map((n) => inView(n, view)), hasNextPage: nodes.length > first, hasPreviousPage: after !== null, filter, view };
    },
  },

  EventConnection: {
    edges: (c: Connection) => c.nodes.map((node) => ({ node, cursor: cursorOf(node) })),
    pageInfo: (c: Connection) => ({
      hasNextPage: c.hasNextPage,
      hasPreviousPage: c.hasPreviousPage,
      startCursor: c.nodes[0] ? cursorOf(c.nodes[0]) : null,
      endCursor: c.nodes.at(-1) ? cursorOf(c.nodes.at(-1)!) : null,
    }),
    // Counted only when asked for: one more query over the same filter.
    totalCount: async (c: Connection, _: unknown, ctx: RequestContext) =>
      Number((await ctx.read('events.count', { ...c.filter }, 'EventConnection.totalCount'))[0]?.total ?? 0),
  },

  Event: {
    ...entityFields,
    place: async (e: EntityNode, _: unknown, ctx: RequestContext) => {
      const places = (await shortcut(ctx, e, ['OCCURRED_IN'], 'OUT')).filter((r) => r.other.kind === 'Place');
      // The event entry's own `place:` (the loader ids that link `<event>--occurred-in`); links
      // added in a file's relations section only widen where it happened.
      return (places.find((r) => r.id === `${e.id}--occurred-in`) ?? places[0])?.other ?? null;
    },
    places: async (e: EntityNode, _: unknown, ctx: RequestContext) =>
      (await shortcut(ctx, e, ['OCCURRED_IN'], 'OUT')).filter((r) => r.other.kind === 'Place').map((r) => r.other),
    partOf: async (e: EntityNode, _: unknown, ctx: RequestContext) =>
      (await shortcut(ctx, e, ['PART_OF'], 'OUT')).find((r) => r.other.kind === 'Event')?.other ?? null,
    subEvents: async (e: EntityNode, _: unknown, ctx: RequestContext) =>
      (await shortcut(ctx, e, ['PART_OF'], 'IN'))
        .filter((r) => r.other.kind === 'Event')
        .map((r) => r.other)
        .sort((a, b) => String(a.startDate).localeCompare(String(b.startDate)) || a.id.localeCompare(b.id)),
    participants: async (e: EntityNode, _: unknown, ctx: RequestContext) => shortcut(ctx, e, ['PARTICIPATED_IN'], 'IN'),
    claims: async (e: EntityNode, _: unknown, ctx: RequestContext) => {
      const all = await ctx.loaders.eventClaims.load(e.id);
      const view = e.view ?? FULL_VIEW;
      if (view.sourceIds === null) return all;
      // Conflicts only among the figures the view admits (copies: the loader's cache is shared).
      return markConflicts(all.filter((c) => visible(view, c.knownIn)).map((c) => ({ ...c, view })));
    },
  },

  Participant: {
    entity: (r: RelationModel) => r.other,
    claimedBy: (r: RelationModel, _: unknown, ctx: RequestContext) => entityRef(ctx, r.claimedBy, r.view),
    citations: (r: RelationModel) => visibleCitations(r.view, citationRefs(r)),
  },
};
