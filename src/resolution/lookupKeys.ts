/**
 * The indexed terms that let the database find an entity's candidates for a typed name, and the
 * Lucene queries over them. Every term is prefixed by the form it holds, so one keyword-analysed
 * full-text index (`entity_lookup_keys` on `n.lookupKeys`) serves every step of the ladder:
 *   n: a: c:  exact key of the canonical name / an alias / a common name
 *   o:        reordered key;  s: t:  spelling keys (joined / sorted)   — of every name
 *   w:        word skeletons of every name (partial matches)           — named entities only
 *   w<m>:     the same words tagged with the length m (content words, MAX_TIER = "m or more")
 *             of the name they come from, so that partial candidates are read best coverage
 *             first: a typed k-word name covers a name of m words by k/m (see tierQueries)
 *   d:        the words of roles and description, as written (folded) — named entities only
 *   k:        k:1 … k:d for an entity that d documents state something about (its knownIn, at
 *             most MAX_EVIDENCE): the partial-match reads rank the better-documented first, so
 *             that among thousands of equal matches a cut read keeps the ones the ladder lists
 *             first (ladder.ts, compareRanked)
 * The database only finds candidates; ./ladder.ts decides, from the candidates' own names.
 */
import { escapeLucene } from '../cypher/lucene.js';
import { contentWords, nameVariants, plainWordKeys, wordKeys } from './variants.js';
import type { TypedName } from './ladder.js';

/** The name fields of an entity that lookups read. */
export interface NameFields {
  name: string;
  aliases: readonly string[];
  commonNames?: readonly string[] | undefined;
  roles?: readonly string[] | undefined;
  description?: string | null | undefined;
  unnamed?: boolean | undefined;
  /** How many documents state something about the entity (its knownIn); 0 or absent: none known. */
  documents?: number | undefined;
}

/** At most this many typed words take part in a word lookup (the rest only in scoring). */
export const MAX_LOOKUP_WORDS = 8;

/** Names of this many content words or more share the last coverage tier. */
export const MAX_TIER = 8;

/** The coverage tier of a name: its number of content words, 1 … MAX_TIER. */
export const tierOf = (text: string) => Math.max(1, Math.min(MAX_TIER, contentWords(text).length));

/**
 * Bumped whenever lookupKeys() changes what it emits, so that stores written by an older version
 * are rewritten (bench/lookup/refreshLookupKeys.ts; the seed load always writes current keys).
 */
export const LOOKUP_KEYS_VERSION = 3;

/** Documents counted in evidence terms (k:1 … k:MAX_EVIDENCE); more rank no higher. */
export const MAX_EVIDENCE = 8;

/** The evidence terms of an entity that `documents` documents state something about. */
export function evidenceKeys(documents: number): string[] {
  return Array.from({ length: Math.max(0, Math.min(MAX_EVIDENCE, documents)) }, (_, k) => `k:${k + 1}`);
}

/** Every lookup term of an entity (stored as `lookupKeys`). */
export function lookupKeys(e: NameFields): string[] {
  const keys = new Set<string>();
  const all: [string, string][] = [['n', e.name], ...e.aliases.map((a): [string, string] => ['a', a]), ...(e.commonNames ?? []).map((c): [string, string] => ['c', c])];
  for (const [prefix, text] of all) {
    const v = nameVariants(text);
    if (v.exact === '') continue;
    keys.add(`${prefix}:${v.exact}`);
    keys.add(`o:${v.reordered}`);
    keys.add(`s:${v.spellingJoined}`);
    keys.add(`t:${v.spellingSorted}`);
  }
  if (!e.unnamed) {
    for (const [, text] of all) {
      const tier = tierOf(text);
      for (const w of wordKeys(text)) {
        keys.add(`w:${w}`);
        keys.add(`w${tier}:${w}`);
      }
    }
    for (const text of [...(e.roles ?? []), e.description ?? '']) for (const w of plainWordKeys(text)) keys.add(`d:${w}`);
  }
  for (const k of evidenceKeys(e.documents ?? 0)) keys.add(k);
  return [...keys];
}

const term = (t: string) => `"${escapeLucene(t)}"`;

/** The Lucene query finding candidates at steps 1–3: any of the typed text's whole-name keys. */
export function keyQuery(typed: TypedName): string {
  const v = typed.v;
  return [`n:${v.exact}`, `a:${v.exact}`, `c:${v.exact}`, `o:${v.reordered}`, `s:${v.spellingJoined}`, `t:${v.spellingSorted}`].map(term).join(' OR ');
}

/** Coverage tiers read one by one (k, k+1, … typed words); longer names are read together. */
export const EXACT_TIER_READS = 3;

/**
 * The partial-match (step 4) candidates and the contenders, best coverage first: one Lucene
 * query per coverage tier — names of as many words as typed (k), then k+1, k+2 —, then one for
 * every longer name together, each requiring every typed word (skeleton) in names of that
 * length. Read in this order, each with its own limit, a limit only cuts names that cover less
 * of the typed words than every name read before them. `tier` is the first tier of the read.
 * Empty when the text has no word.
 */
export function tierQueries(typed: TypedName): { tier: number; query: string }[] {
  const words = typed.words.slice(0, MAX_LOOKUP_WORDS);
  if (words.length === 0) return [];
  const first = Math.min(words.length, MAX_TIER);
  const out: { tier: number; query: string }[] = [];
  for (let tier = first; tier <= MAX_TIER && tier < first + EXACT_TIER_READS; tier++) {
    out.push({ tier, query: `${words.map((w) => `+${term(`w${tier}:${w}`)}`).join(' ')} ${BETTER_DOCUMENTED_FIRST}` });
  }
  const rest = first + EXACT_TIER_READS;
  if (rest <= MAX_TIER) {
    const tiers = Array.from({ length: MAX_TIER - rest + 1 }, (_, k) => rest + k);
    out.push({ tier: rest, query: `${words.map((w) => `+(${tiers.map((t) => term(`w${t}:${w}`)).join(' OR ')})`).join(' ')} ${BETTER_DOCUMENTED_FIRST}` });
  }
  return out;
}

/**
 * Optional clauses (they match nothing by themselves, they only score): one per evidence term,
 * so an entity more documents speak of scores higher and a read cut at its limit keeps it.
 */
const BETTER_DOCUMENTED_FIRST = evidenceKeys(MAX_EVIDENCE).map(term).join(' ');

/**
 * The Lucene query finding candidates at steps 4–5 and the contenders: every typed word as a
 * word of a name (`w:`, its skeleton, ranked higher) or of a role or description (`d:`, as
 * typed). Null when the text has no word.
 */
export function wordQuery(typed: TypedName): string | null {
  const n = Math.min(typed.words.length, typed.plain.length, MAX_LOOKUP_WORDS);
  if (n === 0) return null;
  const clauses: string[] = [];
  for (let i = 0; i < n; i++) clauses.push(`+(${term(`w:${typed.words[i]}`)}^2 OR ${term(`d:${typed.plain[i]}`)})`);
  return clauses.join(' ');
}

/**
 * The description read of a name whose coverage tiers were already read: for one typed word only
 * its roles and description (`d:`), since its `w:` term is every tier's together; for more, the
 * whole wordQuery (their words may lie in different names of one entity, which no tier holds).
 */
export function laterWordQuery(typed: TypedName): string | null {
  if (typed.words.length === 1 && typed.plain.length >= 1) return `+${term(`d:${typed.plain[0]}`)}`;
  return wordQuery(typed);
}

/**
 * The last resort for three or more typed words (ladder step 6: all but one of them in one
 * name): every typed word but one as a word of a name, for each word left out
 * (`(+w:b +w:c) OR (+w:a +w:c) OR …`), so names sharing a single common word are not read.
 * Null below three words.
 */
export function looseWordQuery(typed: TypedName): string | null {
  const words = typed.words.slice(0, MAX_LOOKUP_WORDS);
  if (words.length < 3) return null;
  return words.map((_, out) => `(${words.filter((__, i) => i !== out).map((w) => `+${term(`w:${w}`)}`).join(' ')})`).join(' OR ');
}

/**
 * One query for steps 1–5: the whole-name keys, boosted so that an exact hit is never cut by
 * the candidate limit, or every typed word (see wordQuery).
 */
export function candidateQuery(typed: TypedName): string {
  const words = wordQuery(typed);
  return words === null ? keyQuery(typed) : `(${keyQuery(typed)})^10 OR (${words})`;
}
