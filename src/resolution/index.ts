/**
 * Name resolution without a database: the public surface for the API (src/resolvers/names.ts,
 * src/resolvers/search.ts), the loader (src/seed/toGraphRows.ts) and anyone matching entity
 * mentions in new documents.
 *
 * Typical use, matching a mention against known entities:
 *   const typed = typedName('ambush at Khirbet al Maza');
 *   const m = matchName(typed, entity);             // { how: 'REORDERED' | …, matchedName, score } or null
 *   const r = resolveName(typed, candidates);       // { status: 'ONE' | 'AMBIGUOUS' | 'NONE', … }
 * To find candidates in a store, index `lookupKeys(entity)` and query with `candidateQuery(typed)`
 * (steps 1–5; `looseWordQuery` for step 6); or pass every known entity to resolveName.
 *
 * - `nameKey(text)`: the exact key (src/text/normalizeName.ts).
 * - `nameVariants(text)`: exact, reordered and spelling keys and word skeletons.
 * - `spellingWord(word)`: one word's transliteration skeleton.
 * - `matchName(typed, entity)`: the scorer, one story for search and for the ladder.
 * - `resolveName(typed, candidates)`: the ladder's decision (rules in ./ladder.ts).
 */
export { nameKey } from '../text/normalizeName.js';
export { nameVariants, spellingWord, contentWords, foldedWords, wordKeys, plainWordKeys, SMALL_WORDS, type NameVariants } from './variants.js';
export {
  matchName, resolveName, rankCandidates, typedName, compareRanked, shortDescription, couldChangeWithMore,
  SCORES, CLEAR_LEAD, CONTEST_COVERAGE, MAX_CANDIDATES,
  type MatchHow, type NameCandidate, type NameMatch, type RankedCandidate, type Resolution, type TypedName,
} from './ladder.js';
export { boundedLevenshtein, closeSpelling } from './distance.js';
export {
  lookupKeys, keyQuery, wordQuery, laterWordQuery, looseWordQuery, candidateQuery, tierQueries, tierOf,
  evidenceKeys, MAX_LOOKUP_WORDS, MAX_TIER, MAX_EVIDENCE, EXACT_TIER_READS, LOOKUP_KEYS_VERSION, type NameFields,
} from './lookupKeys.js';
