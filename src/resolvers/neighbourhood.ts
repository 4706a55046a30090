/** Neighbourhood: the entities and links around one entity, shaped for graph drawing. */
import type { RequestContext } from './context.js';
import { intInRange, LIMITS, listArg, pageSize, relationTypesArg } from './args.js';
import { citationRefs, rowList, toEntity, toRelation, type EntityNode } from './model.js';
import { resolveIdsOrNames, resolveNames } from './names.js';
import { inView, viewOf, visibleCitations, type ViewArgs } from './view.js';

interface NeighbourhoodArgs extends ViewArgs {
  name: string;
  depth?: number | null;
  types?: string[] | null;
  exclude?: string[] | null;
  first?: number | null;
  maxDegree?: number | null;
}

/** This area's resolvers, merged in ./index.ts. */
export const neighbourhoodResolvers = {
  Query: {
    neighbourhood: async (_: unknown, args: NeighbourhoodArgs, ctx: RequestContext) => {
      const op = 'Query.neighbourhood';
      const depth = intInRange('depth', args.depth, LIMITS.neighbourhoodDepth, 1);
      const first = pageSize('Query.neighbourhood', args.first);
      const maxDegree = intInRange('maxDegree', args.maxDegree, LIMITS.neighbourhoodMaxDegree, 500);
      const types = relationTypesArg('types', args.types);
      // Checked before any query starts: a throw while building the Promise.all below would leave
      // the name lookup's rejection unhandled, and that ends the process.
      const excludeArg = listArg('exclude', args.exclude);
      const view = await viewOf(ctx, args);
      const [[center], excluded] = await Promise.all([
        resolveNames(ctx, [{ argument: 'name', text: args.name }], op, view),
        resolveIdsOrNames(ctx, 'exclude', excludeArg, op),
      ]);
      const centre = center!;
      const params = { id: centre.id, depth, types, exclude: excluded.filter((id) => id !== centre.id), first, maxEdges: LIMITS.neighbourhoodMaxEdges, maxDegree };
      const rows = view.sourceIds === null
        ? await ctx.read('neighbourhood.within', params, op)
        : await ctx.read('neighbourhood.withinInView', { ...params, sourceIds: view.sourceIds }, op);
      const row = rows[0];
      const nodes = (row ? rowList(row, 'nodes') : []).map((n) => {
        const m = n as { entity: never; distance: number; collapsed: boolean };
        const entity: EntityNode = inView(toEntity(m.entity), view);
        return { id: entity.id, kind: entity.kind, name: entity.name, distance: m.distance, collapsed: m.collapsed === true, entity };
      });
      ctx.loaders.primeEntities(nodes.map((n) => n.entity));
      const edges = (row ? rowList(row, 'edges') : []).map((e) => {
        const r = e as Record<string, never>;
        const rel = toRelation(r, true, centre);
        return { ...rel, from: String(r.from), to: String(r.to), citations: visibleCitations(view, citationRefs(rel)) };
      });
      // By id, as before: the query lists them node by node (sorting them all there made Neo4j
      // buffer the node lists once per link).
      edges.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      return { center: nodes[0]?.entity ?? inView(centre, view), nodes, edges, truncated: row?.truncated === true };
    },
  },
};
