/**
 * What to export: the whole graph or a subgraph (a centre and depth, as `neighbourhood`; or the
 * paths between two entities, as `paths`), under an analyst view (asOf, sources) and a date range
 * for events. Resolved with the API's own name lookup and queries, so an export of a subgraph
 * holds exactly the nodes the API would show for it.
 */
import { AppError, ErrorCode } from '../errors/index.js';
import type { RequestContext } from '../resolvers/context.js';
import { dateBoundArg, intInRange, LIMITS, relationTypesArg } from '../resolvers/args.js';
import { rowList } from '../resolvers/model.js';
import { resolveNames } from '../resolvers/names.js';
import { viewOf, type View } from '../resolvers/view.js';

/** Export options as given on the command line or in the query string. */
export interface ExportOptions {
  /** A centre entity (name or alias) for a neighbourhood subgraph. */
  centre?: string | undefined;
  /** Hops around the centre (1–3, default 1). */
  depth?: number | undefined;
  /** The ends of a path query (names), for the subgraph of the paths between them. */
  pathFrom?: string | undefined;
  pathTo?: string | undefined;
  /** Longest path (1–6, default 4). */
  maxHops?: number | undefined;
  asOf?: string | undefined;
  sources?: string[] | undefined;
  /** Events overlapping [from, to] only (YYYY, YYYY-MM or YYYY-MM-DD). */
  from?: string | undefined;
  to?: string | undefined;
}

/** The resolved selection, as query parameters. */
export interface Selection {
  /** Node ids of the subgraph, or null for the whole graph. */
  ids: string[] | null;
  view: View;
  from: string | null;
  to: string | null;
  /** What was asked, for the export's header/comment. */
  description: string;
}

/** Resolves options to ids and parameters (BAD_USER_INPUT / NOT_FOUND for bad ones). */
export async function resolveSelection(ctx: RequestContext, o: ExportOptions): Promise<Selection> {
  const view = await viewOf(ctx, { asOf: o.asOf ?? null, sources: o.sources ?? null });
  const from = dateBoundArg('from', o.from, 'first');
  const to = dateBoundArg('to', o.to, 'last');
  if (o.centre && (o.pathFrom || o.pathTo)) throw new AppError(ErrorCode.BAD_USER_INPUT, 'Give either a centre or a path (from and to), not both.', { argument: 'centre' });
  if (Boolean(o.pathFrom) !== Boolean(o.pathTo)) throw new AppError(ErrorCode.BAD_USER_INPUT, 'A path needs both ends (pathFrom and pathTo).', { argument: o.pathFrom ? 'pathTo' : 'pathFrom' });
  const types = relationTypesArg('types', null);
  let ids: string[] | null = null;
  let what = 'the whole graph';
  if (o.centre) {
    const depth = intInRange('depth', o.depth, LIMITS.neighbourhoodDepth, 1);
    const [centre] = await resolveNames(ctx, [{ argument: 'centre', text: o.centre }], 'export', view);
    // As `neighbourhood(name, depth, first: 500)` with its default maxDegree (hubs collapsed).
    const params = { id: centre!.id, depth, types, exclude: [], first: LIMITS.neighbourhoodFirst.max, maxEdges: LIMITS.neighbourhoodMaxEdges, maxDegree: 500 };
    const rows = view.sourceIds === null
      ? await ctx.read('neighbourhood.within', params, 'export')
      : await ctx.read('neighbourhood.withinInView', { ...params, sourceIds: view.sourceIds }, 'export');
    ids = rows[0] ? rowList(rows[0], 'nodes').map((n) => String((n as { entity: { id: string } }).entity.id)) : [centre!.id];
    what = `${centre!.name} and ${depth} hop(s) around`;
  } else if (o.pathFrom && o.pathTo) {
    const maxHops = intInRange('maxHops', o.maxHops, LIMITS.pathsMaxHops, 4);
    const [a, b] = await resolveNames(ctx, [{ argument: 'pathFrom', text: o.pathFrom }, { argument: 'pathTo', text: o.pathTo }], 'export', view);
    const params = { fromId: a!.id, toId: b!.id, maxHops, first: LIMITS.pathsFirst.max, types, exclude: [] };
    const rows = view.sourceIds === null
      ? await ctx.read('paths.between', params, 'export')
      : await ctx.read('paths.betweenInView', { ...params, sourceIds: view.sourceIds }, 'export');
    ids = [...new Set([a!.id, b!.id, ...rows.flatMap((r) => rowList(r, 'nodes').map((n) => String((n as { id: string }).id)))])];
    what = `the paths of up to ${maxHops} links between ${a!.name} and ${b!.name}`;
  }
  const cut = [view.asOf ? `as of ${view.asOf}` : '', view.sources ? `per ${view.sources.join(', ')}` : '', from || to ? `events ${from ?? '…'} to ${to ?? '…'}` : ''].filter(Boolean);
  return { ids, view, from, to, description: [what, ...cut].join(', ') };
}
