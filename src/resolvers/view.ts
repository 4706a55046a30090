/**
 * The analyst's "view": what the graph says as known on a date (`asOf`) and/or according to some
 * documents only (`sources`). Both reduce to ONE query parameter, `$sourceIds`: the documents
 * admitted (the `sources` given, if any, that can have been out by `asOf`, if given: their
 * `knownFrom` is on or before it), or null for no
 * filter. Every query keeps a node or relationship only when its `knownIn` (the documents stating
 * it, src/seed/knowledgeDates.ts) meets `$sourceIds` — a fact cited by several documents thus
 * counts from the earliest. Citations shown under a view are cut to the admitted documents.
 * A view travels with the objects it produced (`view` on entities, links and claims), so nested
 * fields answer under the view of the query that reached them.
 */
import { AppError, ErrorCode } from '../errors/index.js';
import type { RequestContext } from './context.js';
import { dateBoundArg, listArg } from './args.js';
import type { SourceNode } from './model.js';

/** The filter a query answers under. `sourceIds` null: everything. */
export interface View {
  /** The day asked for (YYYY-MM-DD), or null. */
  asOf: string | null;
  /** The documents asked for, or null. */
  sources: string[] | null;
  /** Documents admitted: sources ∩ counting from asOf or earlier; null when neither is given. */
  sourceIds: string[] | null;
}

/** No filter. */
export const FULL_VIEW: View = Object.freeze({ asOf: null, sources: null, sourceIds: null }) as View;

/** The view arguments every analyst-aware field takes. */
export interface ViewArgs {
  asOf?: string | null;
  sources?: string[] | null;
}

/** The day a document counts from (its knownFrom: the earliest day its text allows, src/seed/knowledgeDates.ts). */
export function sourceDay(s: Pick<SourceNode, 'asOf' | 'knownFrom'>): string | null {
  return s.knownFrom ?? (s.asOf ? dateBoundArg('asOf', s.asOf, 'first') : null);
}

/**
 * Builds the view from `asOf` / `sources` arguments; without either, `inherited` (the view of the
 * object the field is on). Unknown document ids are NOT_FOUND, a malformed date BAD_USER_INPUT.
 */
export async function viewOf(ctx: RequestContext, args: ViewArgs, inherited: View = FULL_VIEW): Promise<View> {
  if (args.asOf == null && args.sources == null) return inherited;
  const asOf = dateBoundArg('asOf', args.asOf, 'last');
  const sources = args.sources == null ? null : [...new Set(listArg('sources', args.sources))];
  const all = await ctx.loaders.allSources();
  if (sources) {
    const known = new Set(all.map((s) => s.id));
    const unknown = sources.filter((id) => !known.has(id));
    if (unknown.length > 0) {
      throw new AppError(ErrorCode.NOT_FOUND, `"sources": no document has the id ${unknown.join(', ')}.`, {
        argument: 'sources', unknown, allowed: [...known],
      });
    }
  }
  const sourceIds = all
    .filter((s) => sources === null || sources.includes(s.id))
    .filter((s) => {
      const day = sourceDay(s);
      return asOf === null || (day !== null && day <= asOf);
    })
    .map((s) => s.id)
    .sort();
  return { asOf, sources, sourceIds };
}

/** True when a node or link with these `knownIn` documents is visible in the view. */
export function visible(view: View | undefined, knownIn: readonly string[] | undefined): boolean {
  if (!view || view.sourceIds === null) return true;
  return (knownIn ?? []).some((s) => view.sourceIds!.includes(s));
}

/** Citations kept under the view: those from admitted documents. */
export function visibleCitations<C extends { sourceId: string }>(view: View | undefined, citations: C[]): C[] {
  if (!view || view.sourceIds === null) return citations;
  return citations.filter((c) => view.sourceIds!.includes(c.sourceId));
}

/** The object with the view attached (a copy; loader caches keep the plain node). */
export function inView<T extends object>(value: T, view: View): T & { view?: View } {
  return view.sourceIds === null ? value : { ...value, view };
}

/** The cache key part of a view. */
export function viewKey(view: View): string {
  return view.sourceIds === null ? '*' : view.sourceIds.join(',');
}
