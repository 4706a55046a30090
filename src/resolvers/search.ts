/** Search: ranked full-text and fuzzy matching over names and aliases. */
import { fuzzySearchQuery } from '../cypher/lucene.js';
import { AppError, ErrorCode } from '../errors/index.js';
import type { RequestContext } from './context.js';
import { intInRange, LIMITS, listArg } from './args.js';
import { bestMatchingName } from './matchedName.js';
import { toEntity } from './model.js';

/** This area's resolvers, merged in ./index.ts. */
export const searchResolvers = {
  Query: {
    search: async (_: unknown, args: { text: string; kinds?: string[] | null; first?: number | null }, ctx: RequestContext) => {
      const first = intInRange('first', args.first, LIMITS.searchFirst, 10);
      const kinds = listArg('kinds', args.kinds);
      if (args.text.length > LIMITS.nameLength) {
        throw new AppError(ErrorCode.BAD_USER_INPUT, `"text" is longer than ${LIMITS.nameLength} characters.`, { argument: 'text' });
      }
      const query = fuzzySearchQuery(args.text);
      if (query === null) throw new AppError(ErrorCode.BAD_USER_INPUT, '"text" must contain at least one letter or digit.', { argument: 'text' });
      // Read more candidates than asked when filtering by kind, as the filter runs after the index.
      const candidates = kinds.length > 0 ? Math.max(100, first * 5) : first;
      let rows = await ctx.read('search.fulltext', { query, kinds, candidates, first }, 'Query.search');
      // Nothing within one edit: try two for long words (see fuzzySearchQuery for why not at once).
      const wider = rows.length === 0 ? fuzzySearchQuery(args.text, 2) : null;
      if (wider !== null && wider !== query) rows = await ctx.read('search.fulltext', { query: wider, kinds, candidates, first }, 'Query.search');
      const hits = rows.map((r) => {
        const entity = toEntity(r.entity);
        return { entity, score: Number(r.score), matchedName: bestMatchingName(args.text, entity.name, entity.aliases) };
      });
      ctx.loaders.primeEntities(hits.map((h) => h.entity));
      return hits;
    },
  },
};
