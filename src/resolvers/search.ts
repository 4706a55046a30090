/**
 * Search: candidates from the lookup-key index (whole-name keys and words, as name resolution
 * finds them) and from fuzzy full-text (typos, prefixes), all ranked by the resolution ladder's
 * own scorer (src/resolution/ladder.ts: exact name or alias first, then reordered, respelt,
 * partial by coverage, description, and fuzzy last), so search and `entity(name:)` cannot
 * disagree about which entity a name matches best.
 */
import { fuzzySearchQuery } from '../cypher/lucene.js';
import { AppError, ErrorCode } from '../errors/index.js';
import { candidateQuery, matchName, typedName, type NameMatch } from '../resolution/index.js';
import type { RequestContext } from './context.js';
import { intInRange, LIMITS, listArg, pageSize, searchTextArg } from './args.js';
import { toEntity, type EntityNode } from './model.js';
import { CANDIDATES_PER_READ } from './names.js';

/** A preferred kind's hits rank above other hits of the same ladder step. */
const PREFERRED_KIND_BOOST = 2;

interface Hit {
  entity: EntityNode;
  match: NameMatch;
  lucene: number;
}

/** This area's resolvers, merged in ./index.ts. */
export const searchResolvers = {
  Query: {
    search: async (
      _: unknown,
      args: { text: string; kinds?: string[] | null; preferKinds?: string[] | null; first?: number | null },
      ctx: RequestContext,
    ) => {
      const first = pageSize('Query.search', args.first);
      const kinds = listArg('kinds', args.kinds);
      const prefer = listArg('preferKinds', args.preferKinds);
      searchTextArg('text', args.text);
      const fuzzy = fuzzySearchQuery(args.text);
      if (fuzzy === null) throw new AppError(ErrorCode.BAD_USER_INPUT, '"text" must contain at least one letter or digit.', { argument: 'text' });
      const typed = typedName(args.text);
      const op = 'Query.search';
      const lookup = candidateQuery(typed); // the ladder's own candidates
      // Read more candidates than asked when filtering by kind, as the filter runs after the index.
      const candidates = Math.max(kinds.length > 0 ? 100 : 0, first * 3, 20);
      const fuzzyRead = (query: string) => ctx.read('search.fulltext', { query, kinds, candidates, first: candidates }, op);
      const [lookupRows, fuzzyRows] = await Promise.all([
        ctx.read('search.byLookupKeys', { query: lookup, limit: CANDIDATES_PER_READ }, op),
        fuzzyRead(fuzzy),
      ]);
      let rows = fuzzyRows;
      // Nothing at all: try two edits for long words (see fuzzySearchQuery for why not at once).
      const wider = lookupRows.length === 0 && rows.length === 0 ? fuzzySearchQuery(args.text, 2) : null;
      if (wider !== null && wider !== fuzzy) rows = await fuzzyRead(wider);

      const byId = new Map<string, Hit>();
      const maxLucene = Math.max(1e-9, ...rows.map((r) => Number(r.score)));
      const add = (entity: EntityNode, lucene: number) => {
        if (kinds.length > 0 && !kinds.includes(entity.kind)) return;
        const known = byId.get(entity.id);
        if (known) {
          known.lucene = Math.max(known.lucene, lucene);
          return;
        }
        const candidate = { ...entity, commonNames: strList(entity.commonNames), roles: strList(entity.roles) };
        // A hit the scorer cannot place is a typo the fuzzy index forgave: last, by its Lucene score.
        const match = matchName(typed, candidate, { incomplete: true }) ?? { how: 'FUZZY' as const, matchedName: entity.name, score: 0.04 * (lucene / maxLucene), step: 7 };
        byId.set(entity.id, { entity, match, lucene });
      };
      for (const r of rows) add(toEntity(r.entity), Number(r.score) / maxLucene);
      for (const r of lookupRows) add(toEntity(r.entity), 0);

      // Among equal matches, as the ladder ranks them: the entity more documents speak of first.
      const documents = (h: Hit) => h.entity.knownIn?.length ?? 0;
      const boosted = (h: Hit) => h.match.score * (prefer.includes(h.entity.kind) ? PREFERRED_KIND_BOOST : 1);
      const hits = [...byId.values()]
        .sort((a, b) => a.match.step - b.match.step || boosted(b) - boosted(a) || documents(b) - documents(a) || b.lucene - a.lucene || (a.entity.id < b.entity.id ? -1 : 1))
        .slice(0, first);
      ctx.loaders.primeEntities(hits.map((h) => h.entity));
      return hits.map((h) => ({
        entity: h.entity,
        score: Math.round(Math.min(1, boosted(h)) * 10_000) / 10_000,
        matchedName: h.match.matchedName,
        match: { ...h.match, typed: args.text },
      }));
    },
  },
};

const strList = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);
