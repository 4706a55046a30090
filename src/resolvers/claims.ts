/** Claims: casualty and count figures, who claims them, as of when, from which document. */
import type { RequestContext } from './context.js';
import { markConflicts } from './claimOrder.js';
import { citationRefs, claimFigure, toClaim, type ClaimModel, type SourceNode } from './model.js';
import { sourceDay } from './view.js';
import { resolveNames } from './names.js';
import { entityRef } from './shared.js';
import { inView, viewOf, visible, visibleCitations, type ViewArgs } from './view.js';

/** How many REVISION_OF steps lead from a document to its first revision (0: not a revision). */
function revisionDepth(sources: readonly SourceNode[]): Map<string, number> {
  const byId = new Map(sources.map((s) => [s.id, s]));
  const depth = (s: SourceNode | undefined, seen = 0): number =>
    s?.revisionOfId && seen < sources.length ? 1 + depth(byId.get(s.revisionOfId), seen + 1) : 0;
  return new Map(sources.map((s) => [s.id, depth(s)]));
}

/** This area's resolvers, merged in ./index.ts. */
export const claimResolvers = {
  Query: {
    claims: async (_: unknown, args: { about?: string | null } & ViewArgs, ctx: RequestContext) => {
      const op = 'Query.claims';
      const view = await viewOf(ctx, args);
      const about = args.about == null ? null : (await resolveNames(ctx, [{ argument: 'about', text: args.about }], op, view))[0]!;
      const rows = await ctx.read('claims.about', { aboutId: about?.id ?? null, sourceIds: view.sourceIds }, op);
      return markConflicts(rows.map((r) => inView(toClaim(r.claim), view)));
    },
    figureHistory: async (_: unknown, args: { event: string; measure: string; victims?: string | null } & ViewArgs, ctx: RequestContext) => {
      const op = 'Query.figureHistory';
      const view = await viewOf(ctx, args);
      const [event] = await resolveNames(ctx, [{ argument: 'event', text: args.event }], op, view);
      const [claims, sources] = await Promise.all([ctx.loaders.eventClaims.load(event!.id), ctx.loaders.allSources()]);
      const day = new Map(sources.map((s) => [s.id, sourceDay(s) ?? '9999-12-31']));
      const depth = revisionDepth(sources);
      const key = (c: ClaimModel) => [
        day.get(c.sourceId ?? '') ?? '9999-12-31',
        String(depth.get(c.sourceId ?? '') ?? 0).padStart(3, '0'),
        c.asOf ?? '', c.sourceId ?? '', c.id,
      ].join('\u0000');
      // In the order the documents came out; a later revision of the same article after the one it revises.
      const kept = claims
        .filter((c) => c.measure === args.measure && (args.victims == null || c.victims === args.victims) && visible(view, c.knownIn))
        .map((c) => inView({ ...c }, view));
      return markConflicts(kept).sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
    },
  },

  Claim: {
    figure: (c: ClaimModel) => claimFigure(c),
    about: (c: ClaimModel, _: unknown, ctx: RequestContext) => entityRef(ctx, c.aboutId, c.view),
    claimedBy: (c: ClaimModel, _: unknown, ctx: RequestContext) => entityRef(ctx, c.claimedById, c.view),
    source: (c: ClaimModel, _: unknown, ctx: RequestContext) => (c.sourceId ? ctx.loaders.source.load(c.sourceId) : null),
    citations: (c: ClaimModel) => visibleCitations(c.view, citationRefs(c)),
  },
};
