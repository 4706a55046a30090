/**
 * Sources: the documents, what each one says on its own (`source(id:)` with the entities, links,
 * events and figures it states, all answered under that document's view), and the citations that
 * point into them.
 */
import type { RequestContext } from './context.js';
import { listArg, pageSize } from './args.js';
import { citationRefs, type CitationRef, type ClaimModel, type SourceNode } from './model.js';
import { inView, visibleCitations, type View } from './view.js';

const ENTITY_KINDS = ['Person', 'Group', 'Place', 'Event'];

/** What one document states: the view that admits only it. */
const ownView = (s: SourceNode): View => ({ asOf: null, sources: [s.id], sourceIds: [s.id] });

/** This area's resolvers, merged in ./index.ts. */
export const sourceResolvers = {
  Query: {
    sources: async (_: unknown, __: unknown, ctx: RequestContext) => ctx.loaders.allSources(),
    source: (_: unknown, args: { id: string }, ctx: RequestContext) => ctx.loaders.source.load(args.id),
  },

  Source: {
    revisionOf: (s: SourceNode, _: unknown, ctx: RequestContext) => (s.revisionOfId ? ctx.loaders.source.load(s.revisionOfId) : null),
    entities: async (s: SourceNode, args: { kinds?: string[] | null; first?: number | null }, ctx: RequestContext) => {
      const first = pageSize('Source.entities', args.first);
      const kinds = [...listArg('kinds', args.kinds)].filter((k) => ENTITY_KINDS.includes(k));
      return (await ctx.loaders.sourceEntities(kinds, first).load(s.id)).map((e) => inView(e, ownView(s)));
    },
    events: async (s: SourceNode, args: { first?: number | null }, ctx: RequestContext) => {
      const first = pageSize('Source.events', args.first);
      return (await ctx.loaders.sourceEntities(['Event'], first).load(s.id)).map((e) => inView(e, ownView(s)));
    },
    relationships: async (s: SourceNode, args: { first?: number | null }, ctx: RequestContext) => {
      const first = pageSize('Source.relationships', args.first);
      return (await ctx.loaders.sourceRelationships(first).load(s.id)).map((r) => ({
        ...r, citations: visibleCitations(ownView(s), citationRefs(r)),
      }));
    },
    claims: async (s: SourceNode, _: unknown, ctx: RequestContext): Promise<ClaimModel[]> =>
      (await ctx.loaders.sourceClaims.load(s.id)).map((c) => ({ ...c, view: ownView(s) })),
  },

  Citation: {
    source: async (c: CitationRef, _: unknown, ctx: RequestContext) => {
      const s = await ctx.loaders.source.load(c.sourceId);
      // A citation to a document that is not loaded would be a loader bug; show the id rather than fail.
      return s ?? { id: c.sourceId, title: c.sourceId, kind: 'unknown', publisher: null, asOf: null, note: null, text: null, revisionOfId: null, knownFrom: null, notBefore: null, asOfBasis: null, asOfQuotes: [] };
    },
  },
};



