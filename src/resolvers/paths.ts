/** Paths: the ways two entities are linked, shortest first. */
import { AppError, ErrorCode } from '../errors/index.js';
import type { RequestContext } from './context.js';
import { intInRange, LIMITS, listArg, pageSize, relationTypesArg } from './args.js';
import { citationRefs, rowList, toEntity, toRelation } from './model.js';
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
}

/** This area's resolvers, merged in ./index.ts. */
export const pathResolvers = {
  Query: {
    paths: async (_: unknown, args: PathsArgs, ctx: RequestContext) => {
      const op = 'Query.paths';
      const maxHops = intInRange('maxHops', args.maxHops, LIMITS.pathsMaxHops, 4);
      const first = pageSize('Query.paths', args.first);
      const types = relationTypesArg('types', args.types);
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
      const params = { fromId: from!.id, toId: to!.id, maxHops, first, types, exclude };
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
    },
  },

  PathStep: {
    claimedBy: (s: { claimedById: string | null; view: View }, _: unknown, ctx: RequestContext) => entityRef(ctx, s.claimedById, s.view),
  },
};
