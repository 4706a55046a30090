/** Claims: casualty and count figures, who claims them, as of when, from which document. */
import type { RequestContext } from './context.js';
import { markConflicts } from './claimOrder.js';
import { citationRefs, claimFigure, toClaim, type ClaimModel } from './model.js';
import { resolveNames } from './names.js';
import { entityRef } from './shared.js';

/** This area's resolvers, merged in ./index.ts. */
export const claimResolvers = {
  Query: {
    claims: async (_: unknown, args: { about?: string | null }, ctx: RequestContext) => {
      const op = 'Query.claims';
      const about = args.about == null ? null : (await resolveNames(ctx, [{ argument: 'about', text: args.about }], op))[0]!;
      const rows = await ctx.read('claims.about', { aboutId: about?.id ?? null }, op);
      return markConflicts(rows.map((r) => toClaim(r.claim)));
    },
  },

  Claim: {
    figure: (c: ClaimModel) => claimFigure(c),
    about: (c: ClaimModel, _: unknown, ctx: RequestContext) => entityRef(ctx, c.aboutId),
    claimedBy: (c: ClaimModel, _: unknown, ctx: RequestContext) => entityRef(ctx, c.claimedById),
    source: (c: ClaimModel, _: unknown, ctx: RequestContext) => (c.sourceId ? ctx.loaders.source.load(c.sourceId) : null),
    citations: (c: ClaimModel) => citationRefs(c),
  },
};
