/** Paths: the ways two entities are linked, shortest first. */
import { AppError, ErrorCode } from '../errors/index.js';
import type { RequestContext } from './context.js';
import { intInRange, LIMITS, listArg, pageSize, relationTypesArg } from './args.js';
import { citationRefs, rowList, toEntity, toRelation, type EntityNode } from './model.js';
import { resolveIdsOrNames, resolveNames } from './names.js';
import { entityRef } from './shared.js';
import { inView, viewOf, visibleCitations, type View, type ViewArgs } from './view.js';

interface PathsArgs extends ViewArgs {
  from: string;
  to: string;
  maxHops?: number | null;
  first?: number | null;
  types?: string[] | null;
  exclude?: string[] | null;
  maxDegree?: number | null;
}

/**
 * The default `maxDegree` of paths and pathSearch: entities with more links are not passed
 * through. Far above every entity of the curated seed (its largest, the Western Syria clashes,
 * has 106 links), so the seed's answers are those of the uncapped search. At 1M synthetic
 * entities (the bench's 16 paths-4 pairs, one at a time) it took the slowest pair from 3.3 s to
 * ~0.3 s and the median from 407 to ~60 ms, and 15 of the 16 pairs still have a path; at 500 or
 * 1000 the search is no faster within the noise (load 17–21) but 4–5 pairs have none.
 */
export const PATHS_MAX_DEGREE = 2000;

interface Search {
  ctx: RequestContext;
  view: View;
  params: { fromId: string; toId: string; maxHops: number; first: number; types: string[]; exclude: string[]; maxDegree: number };
}

/** Checks the arguments and resolves the names; shared by paths and pathSearch. */
async function prepare(args: PathsArgs, ctx: RequestContext, op: 'Query.paths' | 'Query.pathSearch'): Promise<Search> {
  const maxHops = intInRange('maxHops', args.maxHops, LIMITS.pathsMaxHops, 4);
  const first = pageSize(op, args.first);
  const types = relationTypesArg('types', args.types);
  const maxDegree = intInRange('maxDegree', args.maxDegree, LIMITS.pathsMaxDegree, PATHS_MAX_DEGREE);
  // Checked before any query starts: a throw while building the Promise.all below would leave
  // the name lookup's rejection unhandled, and that ends the process.
  const excludeArg = listArg('exclude', args.exclude);
  const view = await viewOf(ctx, args);
  const [[from, to], excluded] = await Promise.all([
    resolveNames(ctx, [{ argument: 'from', text: args.from }, { argument: 'to', text: args.to }], op, view),
    resolveIdsOrNames(ctx, 'exclude', excludeArg, op),
  ]);
  if (from!.id === to!.id) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, `"from" and "to" are the same entity (${from!.name}).`, { argument: 'to' });
  }
  // The ends of a path are never "passed through"; excluding them would only hide every path.
  const exclude = excluded.filter((id) => id !== from!.id && id !== to!.id);
  return { ctx, view, params: { fromId: from!.id, toId: to!.id, maxHops, first, types, exclude, maxDegree } };
}

/** The paths themselves (paths.between), as Path objects. */
async function findPaths({ ctx, view, params }: Search, op: string) {
  const rows = view.sourceIds === null
    ? await ctx.read('paths.between', params, op)
    : await ctx.read('paths.betweenInView', { ...params, sourceIds: view.sourceIds }, op);
  return rows.map((row) => {
    const plain = rowList(row, 'nodes').map(toEntity);
    ctx.loaders.primeEntities(plain);
    const nodes = plain.map((n) => inView(n, view));
    const steps = rowList(row, 'steps').map((value, i) => {
      // Parallel links (same type and direction, stated by several documents) make one step.
      const links = (value as Record<string, never>[]).map((r) => ({ r, rel: toRelation(r, String(r.from) === nodes[i]!.id, nodes[i + 1]!) }));
      const main = links[0]!.rel;
      const seen = new Set<string>();
      const citations = visibleCitations(view, links.flatMap((l) => citationRefs(l.rel))).filter((c) => {
        const key = `${c.sourceId}\u0000${c.quote}`;
        return seen.has(key) ? false : (seen.add(key), true);
      });
      return {
        from: nodes[i]!,
        to: nodes[i + 1]!,
        relation: main.type,
        direction: main.direction,
        certainty: main.certainty,
        role: main.role,
        date: main.date,
        predicate: main.predicate,
        since: main.since,
        until: main.until,
        status: main.status,
        title: main.title,
        claimedById: main.claimedBy,
        view,
        linkIds: links.map((l) => l.rel.id),
        citations,
      };
    });
    return { length: steps.length, steps };
  });
}

/** The entities the search did not pass through for their number of links (paths.collapsed). */
async function findCollapsed({ ctx, view, params }: Search, op: string) {
  const p = {
    fromId: params.fromId, toId: params.toId, types: params.types, exclude: params.exclude, maxDegree: params.maxDegree,
    fromDepth: Math.ceil(params.maxHops / 2), toDepth: Math.floor(params.maxHops / 2), maxCollapsed: LIMITS.pathsCollapsed + 1,
  };
  const rows = view.sourceIds === null
    ? await ctx.read('paths.collapsed', p, op)
    : await ctx.read('paths.collapsedInView', { ...p, sourceIds: view.sourceIds }, op);
  const entities: EntityNode[] = rows.map((row) => toEntity(row.entity as never));
  ctx.loaders.primeEntities(entities);
  const collapsed = rows.slice(0, LIMITS.pathsCollapsed).map((row, i) => ({
    entity: inView(entities[i]!, view),
    links: Number(row.links),
    fromDistance: row.fromDistance === null || row.fromDistance === undefined ? null : Number(row.fromDistance),
    toDistance: row.toDistance === null || row.toDistance === undefined ? null : Number(row.toDistance),
  }));
  return { collapsed, collapsedTruncated: rows.length > LIMITS.pathsCollapsed };
}

/** This area's resolvers, merged in ./index.ts. */
export const pathResolvers = {
  Query: {
    paths: async (_: unknown, args: PathsArgs, ctx: RequestContext) => findPaths(await prepare(args, ctx, 'Query.paths'), 'Query.paths'),

    pathSearch: async (_: unknown, args: PathsArgs, ctx: RequestContext) => {
      const op = 'Query.pathSearch' as const;
      const search = await prepare(args, ctx, op);
      const [paths, collapsed] = await Promise.all([findPaths(search, op), findCollapsed(search, op)]);
      return { paths, maxDegree: search.params.maxDegree, ...collapsed };
    },
  },

  PathStep: {
    claimedBy: (s: { claimedById: string | null; view: View }, _: unknown, ctx: RequestContext) => entityRef(ctx, s.claimedById, s.view),
  },
};
