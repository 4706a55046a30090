/**
 * The resolution ladder and its scorer: how well a typed name matches an entity, and which
 * entity (if any) a name answers. Pure functions over plain candidates; the database only finds
 * the candidates (by the keys of ./lookupKeys.ts), so search and resolution score alike.
 *
 * Steps, most exact first (a step counts only when every step before it found nothing):
 *   1. EXACT (the canonical name), ALIAS (a cited alias), COMMON_NAME (seed/common-names.yaml)
 *   2. REORDERED: the same content words in another order, small words ignored
 *   3. SPELLING: the same words under transliteration / British-American spelling folding
 *   4. PARTIAL: every typed word is a word of one name (surname, part of a name) — named
 *      entities only, and for events (whose names are sentences) at least half of the name
 *   5. DESCRIPTION: every typed word occurs in the entity's names, roles or description
 *   6. PARTIAL, loosely: three or more typed words, all but one of them in one name
 * One entity is answered only when it is the single match at its step and nothing contests it:
 * - a one-word name that is a word of several people's names ("Hasan", "al-Shami") contests;
 * - an alias, common name, reordering or respelling is contested by another entity of the same
 *   kind whose canonical name holds all the typed words as most of its words ("Syrian Army" vs
 *   "Syrian Arab Army");
 * - at steps 4–6 the best must score at least CLEAR_LEAD times the runner-up.
 * Otherwise the answer is AMBIGUOUS with the candidates ranked. The one documented exception:
 * a country place and the state it is the territory of (TERRITORY_OF) are one referent; the
 * state (the actor) is answered.
 */
import { contentWords, nameVariants, wordKeys, type NameVariants } from './variants.js';

/** How a typed name matched an entity (the GraphQL enum NameMatchHow). FUZZY: search only. */
export type MatchHow = 'EXACT' | 'ALIAS' | 'COMMON_NAME' | 'REORDERED' | 'SPELLING' | 'PARTIAL' | 'DESCRIPTION' | 'FUZZY';

/** What the ladder needs to know about an entity. */
export interface NameCandidate {
  id: string;
  kind: string;
  name: string;
  aliases: readonly string[];
  commonNames?: readonly string[] | null;
  roles?: readonly string[] | null;
  description?: string | null;
  unnamed: boolean;
  groupType?: string | null;
  placeType?: string | null;
  /** Ids of the states this place is the territory of. */
  territoryOf?: readonly string[];
}

/** How one entity matched: the step, the name or text that matched, and a score in (0, 1]. */
export interface NameMatch {
  how: MatchHow;
  matchedName: string;
  score: number;
  /** The ladder step (1–6; 7 for search-only FUZZY). */
  step: number;
}

export interface RankedCandidate<C extends NameCandidate = NameCandidate> {
  candidate: C;
  match: NameMatch;
}

export type Resolution<C extends NameCandidate = NameCandidate> =
  | { status: 'ONE'; candidate: C; match: NameMatch }
  | { status: 'AMBIGUOUS'; ranked: RankedCandidate<C>[] }
  | { status: 'NONE' };

/** Scores per step; partial and description scores grow with how much of the name was typed. */
export const SCORES = { EXACT: 1, ALIAS: 0.95, COMMON_NAME: 0.9, REORDERED: 0.85, SPELLING: 0.8 } as const;
/** At steps 4–5 the best match is answered only at this multiple of the runner-up's score. */
export const CLEAR_LEAD = 1.5;
/** An alias is contested by a same-kind canonical name holding the typed words as this share of its words. */
export const CONTEST_COVERAGE = 0.6;
/** At most this many candidates in an AMBIGUOUS_NAME error. */
export const MAX_CANDIDATES = 10;

const STEP: Record<MatchHow, number> = { EXACT: 1, ALIAS: 1, COMMON_NAME: 1, REORDERED: 2, SPELLING: 3, PARTIAL: 4, DESCRIPTION: 5, FUZZY: 7 };

interface NamedVariants {
  text: string;
  how: 'EXACT' | 'ALIAS' | 'COMMON_NAME';
  v: NameVariants;
  keys: string[];
}

const cache = new WeakMap<NameCandidate, NamedVariants[]>();

/** The candidate's names (canonical, aliases, common names) with their variants, cached per object. */
function namesOf(c: NameCandidate): NamedVariants[] {
  let list = cache.get(c);
  if (list === undefined) {
    const make = (text: string, how: NamedVariants['how']) => ({ text, how, v: nameVariants(text), keys: wordKeys(text) });
    list = [make(c.name, 'EXACT'), ...c.aliases.map((a) => make(a, 'ALIAS')), ...(c.commonNames ?? []).map((n) => make(n, 'COMMON_NAME'))];
    cache.set(c, list);
  }
  return list;
}

/** True when every typed word skeleton is among `keys`. */
const allIn = (typed: readonly string[], keys: readonly string[]) => typed.length > 0 && typed.every((w) => keys.includes(w));

/** The typed text, prepared once for scoring many candidates. */
export interface TypedName {
  text: string;
  v: NameVariants;
  /** Distinct word skeletons of the typed content words. */
  words: string[];
}

export function typedName(text: string): TypedName {
  const v = nameVariants(text);
  return { text, v, words: [...new Set(v.words)] };
}

/**
 * How well a typed name matches one entity, at the highest step it reaches; null when it does not
 * match at all. With `incomplete`, search's extra level: some but not all typed words are words
 * of a name (FUZZY, scored by the share of typed words found).
 */
export function matchName(typed: TypedName, c: NameCandidate, opts: { incomplete?: boolean } = {}): NameMatch | null {
  const names = namesOf(c);
  const pick = (how: MatchHow, pred: (n: NamedVariants) => boolean): NameMatch | null => {
    const n = names.find(pred);
    return n ? { how, matchedName: n.text, score: SCORES[how as keyof typeof SCORES], step: STEP[how] } : null;
  };
  for (const how of ['EXACT', 'ALIAS', 'COMMON_NAME'] as const) {
    const m = pick(how, (n) => n.how === how && n.v.exact === typed.v.exact);
    if (m) return m;
  }
  const reordered = pick('REORDERED', (n) => n.v.reordered === typed.v.reordered);
  if (reordered) return reordered;
  const spelling = pick('SPELLING', (n) => n.v.spellingJoined === typed.v.spellingJoined || n.v.spellingSorted === typed.v.spellingSorted);
  if (spelling) return spelling;
  if (c.unnamed) return null; // an unnamed entity answers only to its own description, whole

  // PARTIAL: all typed words in one name; the larger the share of that name, the better.
  let best: NameMatch | null = null;
  for (const n of names) {
    if (!allIn(typed.words, n.keys)) continue;
    const coverage = Math.min(1, typed.words.length / Math.max(1, n.v.words.length));
    if (c.kind === 'Event' && coverage < 0.5) continue;
    const inOrder = isSubsequence(typed.v.words, n.v.words);
    const score = (0.3 + 0.4 * coverage) * (inOrder ? 1 : 0.9) * (n.how === 'EXACT' ? 1 : 0.95);
    if (best === null || score > best.score) best = { how: 'PARTIAL', matchedName: n.text, score, step: 4 };
  }
  if (best) return best;

  // DESCRIPTION: all typed words among the entity's names, roles and description.
  const roles = c.roles ?? [];
  const bag = new Set([...names.flatMap((n) => n.keys), ...roles.flatMap(wordKeys), ...wordKeys(c.description ?? '')]);
  if (allIn(typed.words, [...bag])) {
    // A role or title the typed words are most of ("Secretary of State") is nearly a name.
    const role = roles.find((r) => allIn(typed.words, wordKeys(r)) && typed.words.length / Math.max(1, contentWords(r).length) >= CONTEST_COVERAGE);
    if (role) return { how: 'DESCRIPTION', matchedName: role, score: 0.3, step: 5 };
    const matchedName = roles.find((r) => allIn(typed.words, wordKeys(r))) ?? (allIn(typed.words, wordKeys(c.description ?? '')) ? (c.description ?? c.name) : c.name);
    return { how: 'DESCRIPTION', matchedName, score: 0.1 + 0.15 * Math.min(1, typed.words.length / bag.size), step: 5 };
  }

  // Step 6: three or more typed words, all but one of them words of one name
  // ("UN Human Rights Office" → United Nations Human Rights Office).
  let found = 0;
  let most: NamedVariants = names[0]!;
  for (const n of names) {
    const k = typed.words.filter((w) => n.keys.includes(w)).length;
    if (k > found) [found, most] = [k, n];
  }
  if (typed.words.length >= 3 && found === typed.words.length - 1) {
    return { how: 'PARTIAL', matchedName: most.text, score: 0.1 + 0.2 * (found / Math.max(1, most.v.words.length)), step: 6 };
  }
  if (opts.incomplete && found > 0) return { how: 'FUZZY', matchedName: most.text, score: 0.05 * (found / typed.words.length), step: 7 };
  return null;
}

function isSubsequence(needle: readonly string[], hay: readonly string[]): boolean {
  let i = 0;
  for (const w of hay) if (w === needle[i]) i++;
  return i === needle.length;
}

/** Orders matches: score, then the shorter canonical name, then id. */
export function compareRanked(a: RankedCandidate, b: RankedCandidate): number {
  return a.match.step - b.match.step || b.match.score - a.match.score || a.candidate.name.length - b.candidate.name.length || (a.candidate.id < b.candidate.id ? -1 : a.candidate.id > b.candidate.id ? 1 : 0);
}

/** Every candidate that matches, once each, best first (step, then score). */
export function rankCandidates<C extends NameCandidate>(typed: TypedName, candidates: readonly C[], opts: { incomplete?: boolean } = {}): RankedCandidate<C>[] {
  const seen = new Set<string>();
  const ranked: RankedCandidate<C>[] = [];
  for (const c of candidates) {
    if (seen.has(c.id)) continue;
    seen.add(c.id);
    const match = matchName(typed, c, opts);
    if (match) ranked.push({ candidate: c, match });
  }
  return ranked.sort(compareRanked);
}

/** True when a name needs the word-level candidates (steps 4–5 and the contest checks) to decide. */
export function needsWordCandidates<C extends NameCandidate>(typed: TypedName, keyCandidates: readonly C[]): boolean {
  const matches = keyCandidates.map((c) => matchName(typed, c)).filter((m): m is NameMatch => m !== null);
  if (matches.length === 0) return true;
  if (matches.some((m) => m.how !== 'EXACT')) return true;
  return typed.words.length === 1 && keyCandidates.some((c) => c.kind === 'Person');
}

/**
 * Decides what a typed name answers from every candidate the database found for it (by keys and
 * by words): one entity, AMBIGUOUS with ranked candidates, or NONE.
 */
export function resolveName<C extends NameCandidate>(typed: TypedName, candidates: readonly C[]): Resolution<C> {
  const ranked = rankCandidates(typed, candidates);
  if (ranked.length === 0) return { status: 'NONE' };
  const step = ranked[0]!.match.step;
  const atStep = ranked.filter((r) => r.match.step === step);
  const top = atStep[0]!;

  const state = stateOverTerritory(atStep);
  if (state) return { status: 'ONE', candidate: state.candidate, match: state.match };

  const contenders = ranked.filter((r) => r !== top && !atStep.includes(r) && contests(typed, top, r));
  const lead = atStep.length === 1 || (step >= 4 && top.match.score >= CLEAR_LEAD * atStep[1]!.match.score && !atStep.slice(1).some((r) => contests(typed, top, r)));
  if (lead && contenders.length === 0) return { status: 'ONE', candidate: top.candidate, match: top.match };
  return { status: 'AMBIGUOUS', ranked: [...atStep, ...contenders].slice(0, MAX_CANDIDATES) };
}

/** Does `other` contest `top` as the answer (see the file comment)? */
function contests(typed: TypedName, top: RankedCandidate, other: RankedCandidate): boolean {
  const o = other.candidate;
  if (o.unnamed) return false;
  if (typed.words.length === 1 && top.candidate.kind === 'Person' && o.kind === 'Person') {
    return namesOf(o).some((n) => n.keys.includes(typed.words[0]!));
  }
  if (top.match.how === 'EXACT' || o.kind !== top.candidate.kind) return false;
  if (top.match.step >= 4) return false; // steps 4–6 compare scores instead
  const canonical = namesOf(o)[0]!;
  return allIn(typed.words, canonical.keys) && typed.words.length / Math.max(1, canonical.v.words.length) >= CONTEST_COVERAGE;
}

/** A country place and the state it is the territory of, matched alike: the state. */
function stateOverTerritory<C extends NameCandidate>(atStep: RankedCandidate<C>[]): RankedCandidate<C> | null {
  if (atStep.length !== 2) return null;
  const place = atStep.find((r) => r.candidate.kind === 'Place' && r.candidate.placeType === 'country');
  const state = atStep.find((r) => r.candidate.kind === 'Group' && r.candidate.groupType === 'state');
  if (!place || !state || place.match.how !== state.match.how) return null;
  return place.candidate.territoryOf?.includes(state.candidate.id) ? state : null;
}

/** A short description of a candidate for an AMBIGUOUS_NAME error. */
export function shortDescription(c: NameCandidate & { eventType?: unknown; start?: unknown }): string {
  const first = (c.description ?? '').split(/(?<=\.)\s/)[0]!.trim();
  if (first !== '') return first.length > 120 ? `${first.slice(0, 117)}…` : first;
  if (c.roles && c.roles.length > 0) return c.roles.slice(0, 3).join('; ');
  const type = c.groupType ?? c.placeType ?? (typeof c.eventType === 'string' ? c.eventType : null);
  const when = typeof c.start === 'string' ? `, ${c.start}` : '';
  return `${c.kind.toLowerCase()}${type ? ` (${type.replace(/_/g, ' ')})` : ''}${when}`;
}
