/** Sources: the documents, and the citations that point into them. */
import type { RequestContext } from './context.js';
import { toSource, type CitationRef, type SourceNode } from './model.js';

/** This area's resolvers, merged in ./index.ts. */
export const sourceResolvers = {
  Query: {
    sources: async (_: unknown, __: unknown, ctx: RequestContext) => {
      const sources = (await ctx.read('sources.all', {}, 'Query.sources')).map((r) => toSource(r.source));
      for (const s of sources) ctx.loaders.source.prime(s.id, s);
      return sources;
    },
  },

  Source: {
    revisionOf: (s: SourceNode, _: unknown, ctx: RequestContext) => (s.revisionOfId ? ctx.loaders.source.load(s.revisionOfId) : null),
  },

  Citation: {
    source: async (c: CitationRef, _: unknown, ctx: RequestContext) => {
      const s = await ctx.loaders.source.load(c.sourceId);
      // A citation to a document that is not loaded would be a loader bug; show the id rather than fail.
      return s ?? { id: c.sourceId, title: c.sourceId, kind: 'unknown', publisher: null, asOf: null, note: null, text: null, revisionOfId: null };
    },
  },
};
